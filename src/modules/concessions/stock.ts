// Stock taken by sales and given back by releases and refunds, in the caller's transaction. One
// statement each for all tracked variants of a basket: the check `on_hand >= 0` is the rule, and the
// `on_hand >= n` guard turns a racing loser into a clear 409 instead of an aborted transaction.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { foodOutOfStock } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';

export interface StockLine {
  variantId: string;
  quantity: number;
}

/** Sums lines of the same variant (a basket may name a bottle alone and in a combo). */
export function sumLines(lines: readonly StockLine[]): StockLine[] {
  const by = new Map<string, number>();
  for (const l of lines) if (l.quantity > 0) by.set(l.variantId, (by.get(l.variantId) ?? 0) + l.quantity);
  return [...by].map(([variantId, quantity]) => ({ variantId, quantity }));
}

/**
 * Takes stock of the tracked variants among `lines` at a cinema (untracked ones are ignored), in one
 * UPDATE; 409 food_out_of_stock with the variantIds that fell short, taking nothing then (the caller's
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
  const ids = want.map((l) => l.variantId);
  const qty = want.map((l) => l.quantity);
  const { rows } = await sql<{ variant_id: string; taken: boolean }>`
    with tracked as (
      select w.variant_id, w.quantity
      from unnest(${ids}::uuid[], ${qty}::int[]) as w(variant_id, quantity)
      join concession_variants v on v.id = w.variant_id
      join concession_products p on p.id = v.product_id
      where p.track_stock
    ), taken as (
      update concession_stock s set on_hand = s.on_hand - t.quantity, updated_at = ${now}
      from tracked t
      where s.cinema_id = ${cinemaId}::uuid and s.variant_id = t.variant_id and s.on_hand >= t.quantity
      returning s.variant_id
    )
    select t.variant_id, exists (select 1 from taken k where k.variant_id = t.variant_id) as taken
    from tracked t`.execute(trx);
  const short = rows.filter((r) => !r.taken).map((r) => r.variant_id);
  if (short.length > 0) throw foodOutOfStock(short.sort());
  return new Set(rows.map((r) => r.variant_id));
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
  const want = sumLines(lines);
  if (want.length === 0) return;
  const ids = want.map((l) => l.variantId);
  const qty = want.map((l) => l.quantity);
  await sql`
    insert into concession_stock (cinema_id, variant_id, on_hand, updated_at)
    select ${cinemaId}::uuid, w.variant_id, w.quantity, ${now}
    from unnest(${ids}::uuid[], ${qty}::int[]) as w(variant_id, quantity)
    join concession_variants v on v.id = w.variant_id
    join concession_products p on p.id = v.product_id
    where ${options.asRecorded === true} or p.track_stock
    on conflict (cinema_id, variant_id)
    do update set on_hand = concession_stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at`.execute(trx);
}
