// Who is changing things, carried by the async context of a staff or admin request (issue 19). The
// database driver hands it to PostgreSQL as the session setting marquee.audit on every connection
// the request takes, and clears it when the connection goes back; the audit triggers of migration 180
// read it and record each changed row in the same transaction (ADR 0010). Nothing else passes it down.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type TransactionSettings,
} from 'kysely';

/** The request behind the changes being made. */
export interface AuditActor {
  actorId: string;
  email: string | null;
  role: string;
  ip: string;
  /** The request id the client sent (X-Request-Id) or the server made: shown, never trusted. */
  requestId: string;
  /** Made by the server for this request alone: what "has it left an entry yet?" asks by. */
  requestKey: string;
  /** "METHOD /route/:pattern". */
  route: string;
}

const current = new AsyncLocalStorage<AuditActor>();

/** Runs `fn` with its database writes recorded as made by `actor`. */
export function withAuditActor<T>(actor: AuditActor, fn: () => T): T {
  return current.run(actor, fn);
}

/** The actor of the current request, or undefined outside an audited one. */
export function auditActor(): AuditActor | undefined {
  return current.getStore();
}

const SETTING = 'marquee.audit';
const set = (value: string) => CompiledQuery.raw('select set_config($1, $2, false)', [SETTING, value]);

/** `dialect` whose connections carry the current audit actor to PostgreSQL while they are held. */
export function auditedDialect(dialect: Dialect): Dialect {
  return {
    createDriver: () => auditedDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
  };
}

function auditedDriver(inner: Driver): Driver {
  // Connections now carrying an actor's setting: released ones are cleared before anyone reuses them.
  const marked = new WeakSet<DatabaseConnection>();
  return {
    init: () => inner.init(),
    async acquireConnection() {
      const connection = await inner.acquireConnection();
      const actor = current.getStore();
      if (actor) {
        try {
          await connection.executeQuery(set(JSON.stringify(actor)));
        } catch (error) {
          await inner.releaseConnection(connection);
          throw error;
        }
        marked.add(connection);
      }
      return connection;
    },
    beginTransaction: (c: DatabaseConnection, s: TransactionSettings) => inner.beginTransaction(c, s),
    commitTransaction: (c: DatabaseConnection) => inner.commitTransaction(c),
    rollbackTransaction: (c: DatabaseConnection) => inner.rollbackTransaction(c),
    ...(inner.savepoint && { savepoint: inner.savepoint.bind(inner) }),
    ...(inner.rollbackToSavepoint && { rollbackToSavepoint: inner.rollbackToSavepoint.bind(inner) }),
    ...(inner.releaseSavepoint && { releaseSavepoint: inner.releaseSavepoint.bind(inner) }),
    async releaseConnection(connection: DatabaseConnection) {
      try {
        // Cleared outside any transaction (Kysely has ended it), so a rollback cannot undo the clearing.
        if (marked.delete(connection)) await connection.executeQuery(set(''));
      } finally {
        await inner.releaseConnection(connection);
      }
    },
    destroy: () => inner.destroy(),
  };
}
