// How a module reaches the database: through a handle typed with its own tables and the read models
// it declares (`Kysely<CatalogTables & BookingReadModel>`), so reading another module's table is a
// compile error. Modules are given the database as a `ModuleDatabase`, which has no handle at all; the
// casts to a typed one live here and nowhere else. The lint rule in tools/lint/table-owners.js covers
// what the compiler does not see (raw SQL, table names in strings, casts back to `Database`).
import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Database, Executor } from './database.ts';

/**
 * The database as a module receives it (`Platform.database`): which engine it is, and no handle.
 * A module gets a handle typed with its own tables from `moduleDb<ItsDb>(database)`.
 */
export type ModuleDatabase = Pick<Database, 'kind'>;

declare const notWritable: unique symbol;

/** What a read-model column takes on insert: nothing can be written there without a cast. */
interface NotWritable {
  readonly [notWritable]: 'a read model is read-only';
}

/**
 * Tables another module may read, every column read-only. An insert does not compile (each column
 * asks for a `NotWritable` no value has: with `never` Kysely drops the column and accepts `{}`), nor
 * does an update (`never`); deletes and inserts by table name are refused by the lint rule.
 */
export type ReadOnly<T> = {
  [Table in keyof T]: {
    [Column in keyof T[Table]]: ColumnType<
      Selectable<T[Table]>[Column & keyof Selectable<T[Table]>],
      NotWritable,
      never
    >;
  };
};

/**
 * A transaction (or the root handle) handed from one module to another, say payments calling
 * booking inside its payment's transaction. Any module's executor fits; the receiver sees none of
 * the caller's tables and reaches its own with `narrowTx<ItsDb>(tx)`.
 */
export interface SharedTx {
  readonly isTransaction: boolean;
}

/** The module's handle on the database, typed with `T`: its tables and the read models it declares. */
export function moduleDb<T>(database: ModuleDatabase): Kysely<T> {
  // Platform.database is the Database itself, seen through a narrower type. The handle is the same
  // object each time (claims.store.ts tells the root handle from a transaction by identity).
  return (database as Database).db as unknown as Kysely<T>;
}

/** A transaction received from another module, as this module's executor. */
export function narrowTx<T>(tx: SharedTx): Executor<T> {
  return tx as Executor<T>;
}
