// Every column of a table, by name. A statement that names its columns instead of `*` can be a
// prepared statement without breaking when a rolling deploy adds a column (prepared-statements.ts),
// and the list below is checked against the table's type: a column added to the type and not here
// is a compile error.
import { sql, type RawBuilder } from 'kysely';

type Missing<T, C extends readonly unknown[]> = Exclude<keyof T, C[number]>;

/** `allColumns<DB['payments']>()(['id', …])`: the list, typed, and refused by tsc when one is missing. */
export const allColumns =
  <T>() =>
  <const C extends readonly (keyof T & string)[]>(
    columns: C & ([Missing<T, C>] extends [never] ? unknown : { missing: Missing<T, C> }),
  ): C =>
    columns;

/** The columns as a SQL list, qualified by `alias` when given: `"p"."id", "p"."amount", …`. */
export const columnList = (columns: readonly string[], alias?: string): RawBuilder<unknown> =>
  sql.join(columns.map((c) => sql.ref(alias ? `${alias}.${c}` : c)));
