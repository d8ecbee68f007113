// Stock taken by sales and given back by releases and refunds, in the caller's transaction. One
// statement each for all tracked variants of a basket: the check `on_hand >= 0` is the rule, and the
// `on_hand >= n` guard turns a racing loser into a clear 409 instead of an aborted transaction.
// Every statement here locks a cinema's stock rows in variant_id order (the `locked` CTE, then the
// writes, sorted too), as stock counts do: two baskets touching the same rows in opposite orders, or a
// count racing a sale, wait for each other instead of deadlocking.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { foodOutOfStock } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';

export interface StockLine {
  variantId: string;
  quantity: number;
}

/** Sums lines of the same variant (a basket may name a bottle alone and in a combo), in variant_id order. */
export function sumLines(lines: readonly StockLine[]): StockLine[] {
  const by = new Map<string, number>();
  for (const l of lines) if (l.quantity > 0) by.set(l.variantId, (by.get(l.variantId) ?? 0) + l.quantity);
  return [...by]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

const columns = (lines: readonly StockLine[]) => ({
  ids: lines.map((l) => l.variantId),
  qty: lines.map((l) => l.quantity),
});

/**
 * CTEs that move a cinema's stock by `delta (variant_id, n)` (a CTE the caller defines before these:
 * n > 0 takes, n < 0 gives back, one row per variant), in one statement with the caller's: `locked`
 * takes the rows in variant_id order first; `taken` takes each n > 0 only while that many are on hand
 * (the variants it could not take are missing from it); `returned` gives back, making the row of a
 * variant nobody counted yet. The caller names what fell short: `delta` rows with n > 0 not in `taken`.
 */
export function moveStockCtes(cinemaId: string, now: Date): RawBuilder<unknown> {
  return sql`
    locked as (
      select s.variant_id from concession_stock s
      where s.cinema_id = ${cinemaId}::uuid and s.variant_id in (select variant_id from delta)
      order by s.variant_id
      for update
    ), taken as (
      update concession_stock s set on_hand = s.on_hand - d.n, updated_at = ${now}
      from delta d join locked l on l.variant_id = d.variant_id
      where s.cinema_id = ${cinemaId}::uuid and s.variant_id = d.variant_id and d.n > 0 and s.on_hand >= d.n
      returning s.variant_id
    ), returned as (
      insert into concession_stock (cinema_id, variant_id, on_hand, updated_at)
      select ${cinemaId}::uuid, d.variant_id, -d.n, ${now}
      from delta d left join locked l on l.variant_id = d.variant_id
      where d.n < 0
      order by d.variant_id
      on conflict (cinema_id, variant_id)
      do update set on_hand = concession_stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
      returning variant_id
    )`;
}

/** `delta` rows with n > 0 that `taken` could not take, sorted (a select list item over moveStockCtes). */
export const shortOfStock = sql<string[]>`coalesce((select array_agg(d.variant_id order by d.variant_id)
  from delta d where d.n > 0 and not exists (select 1 from taken k where k.variant_id = d.variant_id)), '{}')`;

/**
 * Takes stock of the tracked variants among `lines` at a cinema (untracked ones are ignored), in one
 * statement; 409 food_out_of_stock with the variantIds that fell short, taking nothing then (the caller's
 * transaction rolls back on the throw). Returns the variants it took (tracked in that statement).
 */
export async function takeStock(
  trx: Executor<ConcessionsDb>,
  cinemaId: string,
  lines: readonly StockLine[],
  now = new Date(),
): Promise<Set<string>> {
  const want = sumLines(lines);
  if (want.length === 0) return new Set();
  const { ids, qty } = columns(want);
  const { rows } = await sql<{ tracked: string[]; short: string[] }>`
    with delta as (
      select w.variant_id, w.n
      from unnest(${ids}::uuid[], ${qty}::int[]) as w(variant_id, n)
      join concession_variants v on v.id = w.variant_id
      join concession_products p on p.id = v.product_id
      where p.track_stock
    ), ${moveStockCtes(cinemaId, now)}
    select coalesce((select array_agg(variant_id) from delta), '{}') as tracked, ${shortOfStock} as short`.execute(trx);
  const row = rows[0] ?? { tracked: [], short: [] };
  if (row.short.length > 0) throw foodOutOfStock(row.short);
  return new Set(row.tracked);
}

/** Lines with their per-unit stock narrowed to what takeStock took: what the order lines record. */
export function keepTaken<L extends { stock: StockLine[] }>(lines: L[], taken: Set<string>): L[] {
  return lines.map((l) => ({ ...l, stock: l.stock.filter((x) => taken.has(x.variantId)) }));
}

/**
 * Gives stock of the tracked variants among `lines` back at a cinema (a release, a refund), in one
 * statement; `asRecorded` gives back all of them whatever the products' flags say now (what order
 * lines recorded as taken).
 */
export async function returnStock(
  trx: Executor<ConcessionsDb>,
  cinemaId: string,
  lines: readonly StockLine[],
  now = new Date(),
  options: { asRecorded?: boolean } = {},
) {
  const back = sumLines(lines);
  if (back.length === 0) return;
  const { ids, qty } = columns(back);
  await sql`
    with delta as (
      select w.variant_id, -w.n as n
      from unnest(${ids}::uuid[], ${qty}::int[]) as w(variant_id, n)
      join concession_variants v on v.id = w.variant_id
      join concession_products p on p.id = v.product_id
      where ${options.asRecorded === true} or p.track_stock
    ), ${moveStockCtes(cinemaId, now)}
    select 1`.execute(trx);
}
