// The pg pool as Kysely sees it, with every wait for PostgreSQL bounded. A stalled server (stopped,
// partitioned, overloaded) otherwise holds a request until the client gives up: TCP keeps the
// socket open and node-postgres waits for ever. Inside a deadline (a request's, see deadline.ts)
// nothing waits past it; outside one (background jobs) a statement waits at most `queryTimeoutMs`.
//
// A statement still running at its limit cannot be abandoned on a live connection (the protocol has
// no way to skip its answer), so the connection is cut: PostgreSQL rolls back whatever transaction
// it was in, never half of one, and the pool replaces it. The server is also asked to cancel the
// statement, since a backend busy (or waiting on a lock) only notices a closed socket when it next
// writes, and would hold its locks until then. A COMMIT already sent is the exception:
// it is waited for (up to `queryTimeoutMs`), since cutting it off would answer 503 for work that
// may have been saved; one not yet sent when the deadline passes is never sent.
import net from 'node:net';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { timeLeft } from '../deadline.ts';
import { databaseUnavailable } from './pg-errors.ts';

export interface WaitLimits {
  /** Longest wait for a connection, from the pool or a new one. */
  connectTimeoutMs: number;
  /** Longest wait for one statement outside a deadline, and for a COMMIT; 0 waits for ever. */
  queryTimeoutMs: number;
}

const COMMIT = /^\s*commit\b/i;

/** `work`, or a 503 after `ms` (when `onLate` is told, so it can clean up after the work). */
function within<T>(work: Promise<T>, ms: number, onLate: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onLate();
      reject(databaseUnavailable());
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

interface ClientInternals {
  host?: string;
  port?: number;
  processID?: number | null;
  secretKey?: number | null;
  connection?: { stream?: { destroy(): void } };
}

const CANCEL_REQUEST_CODE = 80877102;

/** Asks the server to cancel what the client's backend is running (the protocol's CancelRequest, on a connection of its own). */
function cancelRunning(client: pg.PoolClient, giveUpMs: number): void {
  const { host, port, processID, secretKey } = client as unknown as ClientInternals;
  if (!host || !port || typeof processID !== 'number' || typeof secretKey !== 'number') return;
  const packet = Buffer.alloc(16);
  packet.writeInt32BE(16, 0);
  packet.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  packet.writeInt32BE(processID, 8);
  packet.writeInt32BE(secretKey, 12);
  const socket = host.startsWith('/') ? net.connect(`${host}/.s.PGSQL.${port}`) : net.connect(port, host);
  // Best effort: a stalled server reads it when it wakes up, if ever.
  socket.on('error', () => {});
  socket.setTimeout(giveUpMs, () => socket.destroy());
  socket.end(packet);
}

/** Closes the client's socket at once, without the goodbye a stalled server would never read. */
function cut(client: pg.PoolClient): void {
  (client as unknown as ClientInternals).connection?.stream?.destroy();
}

/** The stricter of the limit and the current deadline; undefined when neither applies. */
function boundOf(limitMs: number, deadlineApplies: boolean): number | undefined {
  const left = deadlineApplies ? timeLeft() : undefined;
  if (left === undefined) return limitMs > 0 ? limitMs : undefined;
  return limitMs > 0 ? Math.min(left, limitMs) : left;
}

/** One checkout of a client: its statements bounded; once cut, it answers 503 and leaves the pool. */
function lease(client: pg.PoolClient, limits: WaitLimits): PostgresPoolClient {
  let isCut = false;
  const cutOff = (running: boolean) => {
    if (isCut) return;
    isCut = true;
    if (running) cancelRunning(client, limits.connectTimeoutMs);
    cut(client);
  };
  const query = (sql: unknown, parameters?: unknown): unknown => {
    // Cursors (streaming) are not bounded here; nothing in the app streams today.
    if (typeof sql !== 'string') return client.query(sql as pg.Submittable);
    if (isCut) return Promise.reject(databaseUnavailable());
    const commit = COMMIT.test(sql);
    const bound =
      commit && timeLeft() !== 0 ? boundOf(limits.queryTimeoutMs, false) : boundOf(limits.queryTimeoutMs, true);
    const run = () => client.query(sql, parameters as unknown[]);
    if (bound === undefined) return run();
    if (bound <= 0) {
      // The deadline passed between statements: whatever transaction is open goes with the connection.
      cutOff(false);
      return Promise.reject(databaseUnavailable());
    }
    return within(run(), bound, () => cutOff(true));
  };
  return {
    query: query as PostgresPoolClient['query'],
    release() {
      client.release(isCut ? new Error('connection cut off at its deadline') : undefined);
    },
  };
}

/** Wraps `pool` so that waiting for a connection or a statement never outlasts the limits or the current deadline. */
export function guardedPool(pool: pg.Pool, limits: WaitLimits): PostgresPool {
  return {
    async connect() {
      const bound = boundOf(limits.connectTimeoutMs, true);
      if (bound !== undefined && bound <= 0) throw databaseUnavailable();
      const acquiring = pool.connect();
      // A client that arrives after we gave up goes straight back.
      const late = () =>
        void acquiring.then(
          (c) => c.release(),
          () => {},
        );
      const client = bound === undefined ? await acquiring : await within(acquiring, bound, late);
      return lease(client, limits);
    },
    end: () => pool.end(),
  };
}
