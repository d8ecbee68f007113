// Staff's stock work at a cinema: deliveries in, counts (the difference to what the system expected
// is recorded and reported), write-offs, and the movements list. Rows are locked in variant order, so
// a count racing a sale or a delivery sees one of them whole; `on_hand >= 0` is the database's rule.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, validationFailed } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { startOfLocalDay } from '../finance/finance-export.ts';
import { cinemaNotFound, countBelowReserved, notTracked, variantNotFound } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { inLanguage } from './language.ts';
import { variantsOf } from './products.store.ts';
import type { CountInput, DeliveryInput, MovementsQueryInput } from './stock.schemas.ts';

type Kind = 'delivery' | 'count' | 'write_off';

export function createStockService(deps: {
  db: Executor<ConcessionsDb>;
  clock: Clock;
  cinemaExists: (id: string) => Promise<boolean>;
  /** A cinema's IANA time zone (its local days bound the movements list); null for no such cinema. */
  timezone: (cinemaId: string) => Promise<string | null>;
}) {
  const { db, clock } = deps;

  /** The cinema exists, each variant once, known and tracking stock. */
  async function check(cinemaId: string, ids: string[]) {
    if (!(await deps.cinemaExists(cinemaId))) throw cinemaNotFound();
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0) throw validationFailed(`/lines/${dup}/variantId`, 'is on another line already');
    const found = await variantsOf(db, ids);
    const missing = ids.filter((id) => !found.some((v) => v.id === id));
    if (missing.length > 0) throw variantNotFound(missing);
    const untracked = found.filter((v) => !v.track_stock).map((v) => v.id);
    if (untracked.length > 0) throw notTracked(untracked.sort());
  }

  /** Locks (creating at 0) the stock rows of `ids` at a cinema, in id order; on hand by variant. */
  async function lockRows(trx: Executor<ConcessionsDb>, cinemaId: string, ids: string[], now: Date) {
    const sorted = [...ids].sort();
    await trx
      .insertInto('concession_stock')
      .values(sorted.map((variant_id) => ({ cinema_id: cinemaId, variant_id, on_hand: 0, updated_at: now })))
      .onConflict((oc) => oc.columns(['cinema_id', 'variant_id']).doNothing())
      .execute();
    const rows = await trx
      .selectFrom('concession_stock')
      .select(['variant_id', 'on_hand'])
      .where('cinema_id', '=', cinemaId)
      .where('variant_id', 'in', sorted)
      .orderBy('variant_id')
      .forUpdate()
      .execute();
    return new Map(rows.map((r) => [r.variant_id, r.on_hand]));
  }

  /** Units of these variants that held or paid orders at a cinema took and nobody collected or refunded yet. */
  async function reservedUnits(trx: Executor<ConcessionsDb>, cinemaId: string, ids: string[]) {
    const { rows } = await sql<{ variant_id: string; n: number }>`
      select x."variantId" as variant_id,
        sum((l.quantity - l.collected_quantity - l.refunded_quantity) * x.quantity)::int as n
      from concession_orders o
      join concession_order_lines l on l.order_id = o.id
      cross join lateral jsonb_to_recordset(l.stock_taken) as x("variantId" uuid, quantity int)
      where o.cinema_id = ${cinemaId}::uuid and o.status in ('held', 'paid')
        and x."variantId" = any(${ids}::uuid[])
      group by x."variantId"`.execute(trx);
    return new Map(rows.map((r) => [r.variant_id, Number(r.n)]));
  }

  /** Applies changes to locked rows and records a movement for each. */
  async function apply(
    trx: Executor<ConcessionsDb>,
    m: { cinemaId: string; kind: Kind; userId: string; note?: string; now: Date },
    changes: { variantId: string; quantity: number; onHandAfter: number; expected: number | null }[],
  ) {
    for (const c of changes) {
      await trx
        .updateTable('concession_stock')
        .set({ on_hand: c.onHandAfter, updated_at: m.now })
        .where('cinema_id', '=', m.cinemaId)
        .where('variant_id', '=', c.variantId)
        .execute();
    }
    await trx
      .insertInto('concession_stock_movements')
      .values(
        changes.map((c) => ({
          id: randomUUID(),
          cinema_id: m.cinemaId,
          variant_id: c.variantId,
          kind: m.kind,
          quantity: c.quantity,
          expected: c.expected,
          on_hand_after: c.onHandAfter,
          user_id: m.userId,
          note: m.note ?? null,
          created_at: m.now,
        })),
      )
      .execute();
  }

  /** Adds (delivery) or removes (write-off) stock; a write-off below zero is 409 stock_insufficient. */
  async function move(kind: 'delivery' | 'write_off', cinemaId: string, userId: string, input: DeliveryInput) {
    await check(
      cinemaId,
      input.lines.map((l) => l.variantId),
    );
    const now = clock.now();
    const sign = kind === 'delivery' ? 1 : -1;
    return db.transaction().execute(async (trx) => {
      const onHand = await lockRows(
        trx,
        cinemaId,
        input.lines.map((l) => l.variantId),
        now,
      );
      const changes = input.lines.map((l) => ({
        variantId: l.variantId,
        quantity: sign * l.quantity,
        onHandAfter: onHand.get(l.variantId)! + sign * l.quantity,
        expected: null,
      }));
      const short = changes.filter((c) => c.onHandAfter < 0).map((c) => c.variantId);
      if (short.length > 0)
        throw conflict('stock_insufficient', 'Less is on hand than this writes off', { variantIds: short });
      await apply(trx, { cinemaId, kind, userId, note: input.note, now }, changes);
      return {
        lines: changes.map((c) => ({ variantId: c.variantId, quantity: c.quantity, onHand: c.onHandAfter })),
      };
    });
  }

  return {
    /** Tracked sizes of active products with what is on hand at the cinema (0 when never stocked). */
    async levels(cinemaId: string, lang: string) {
      if (!(await deps.cinemaExists(cinemaId))) throw cinemaNotFound();
      const { rows } = await sql<{
        product_id: string;
        variant_id: string;
        product_names: Record<string, string>;
        variant_names: Record<string, string>;
        on_hand: number | null;
        updated_at: Date | null;
      }>`
        select p.id as product_id, v.id as variant_id, p.names as product_names, v.names as variant_names,
          s.on_hand, s.updated_at
        from concession_products p
        join concession_variants v on v.product_id = p.id
        left join concession_stock s on s.variant_id = v.id and s.cinema_id = ${cinemaId}::uuid
        where p.track_stock and ((p.active and v.active) or s.on_hand > 0)
        order by p.category, p.sort_order, p.id, v.sort_order`.execute(db);
      return {
        items: rows.map((r) => ({
          productId: r.product_id,
          variantId: r.variant_id,
          name: inLanguage(r.product_names, lang),
          variantName: inLanguage(r.variant_names, lang),
          onHand: r.on_hand ?? 0,
          updatedAt: r.updated_at?.toISOString() ?? null,
        })),
      };
    },

    deliver: (cinemaId: string, userId: string, input: DeliveryInput) => move('delivery', cinemaId, userId, input),
    writeOff: (cinemaId: string, userId: string, input: DeliveryInput) => move('write_off', cinemaId, userId, input),

    /** Records a count: on hand becomes what was counted, the difference to what was expected is kept. */
    async count(cinemaId: string, userId: string, input: CountInput) {
      await check(
        cinemaId,
        input.lines.map((l) => l.variantId),
      );
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const onHand = await lockRows(
          trx,
          cinemaId,
          input.lines.map((l) => l.variantId),
          now,
        );
        // Units orders took but nobody collected yet are still on the shelf: counted with the rest.
        const reserved = await reservedUnits(trx, cinemaId, [...onHand.keys()]);
        const changes = input.lines.map((l) => {
          const held = reserved.get(l.variantId) ?? 0;
          const expected = onHand.get(l.variantId)! + held;
          return { variantId: l.variantId, quantity: l.counted - expected, onHandAfter: l.counted - held, expected };
        });
        const below = changes.filter((c) => c.onHandAfter < 0).map((c) => c.variantId);
        if (below.length > 0) throw countBelowReserved(below.sort());
        await apply(trx, { cinemaId, kind: 'count', userId, note: input.note, now }, changes);
        return {
          lines: changes.map((c) => ({
            variantId: c.variantId,
            expected: c.expected,
            counted: c.expected + c.quantity,
            difference: c.quantity,
          })),
        };
      });
    },

    /**
     * Movements at a cinema, newest first; counts carry what was expected and the difference. `from`
     * and `to` are days in the cinema's zone (as its staff and reports count days), both inclusive.
     */
    async movements(cinemaId: string, q: MovementsQueryInput) {
      const timezone = await deps.timezone(cinemaId);
      if (timezone === null) throw cinemaNotFound();
      const limit = q.limit ?? 50;
      const lang = q.lang ?? 'en';
      const after = decodeCursor(q.cursor, 'concession-stock-movements', ['integer']);
      let query = db
        .selectFrom('concession_stock_movements as m')
        .innerJoin('concession_variants as v', 'v.id', 'm.variant_id')
        .innerJoin('concession_products as p', 'p.id', 'v.product_id')
        .select([
          'm.id',
          'm.seq',
          'm.kind',
          'm.variant_id',
          'v.product_id',
          'p.names as product_names',
          'v.names as variant_names',
          'm.quantity',
          'm.expected',
          'm.on_hand_after',
          'm.user_id',
          'm.note',
          'm.created_at',
        ])
        .where('m.cinema_id', '=', cinemaId);
      if (q.kind) query = query.where('m.kind', '=', q.kind);
      if (q.from) query = query.where('m.created_at', '>=', startOfDay(q.from, timezone, '/from'));
      if (q.to) query = query.where('m.created_at', '<', startOfDay(q.to, timezone, '/to', 1));
      if (after) query = query.where('m.seq', '<', Number(after[0]));
      const rows = await query
        .orderBy('m.seq', 'desc')
        .limit(limit + 1)
        .execute();
      const page = pageOf(rows, limit, 'concession-stock-movements', (r) => [String(r.seq)]);
      return {
        items: page.items.map((r) => ({
          id: r.id,
          kind: r.kind as Kind,
          productId: r.product_id,
          variantId: r.variant_id,
          name: inLanguage(r.product_names as Record<string, string>, lang),
          variantName: inLanguage(r.variant_names as Record<string, string>, lang),
          quantity: r.quantity,
          expected: r.expected,
          counted: r.expected === null ? null : r.expected + r.quantity,
          difference: r.expected === null ? null : r.quantity,
          onHandAfter: r.on_hand_after,
          userId: r.user_id,
          note: r.note,
          createdAt: r.created_at.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}

/**
 * The instant the local day `days` after `day` (YYYY-MM-DD) starts in `timezone`; 422 for a year
 * outside 1900–9998 (as the orders list's `date`), where zones have no rules and days no next one.
 */
function startOfDay(day: string, timezone: string, path: string, days = 0): Date {
  const year = Number(day.slice(0, 4));
  if (!(year >= 1900 && year <= 9998)) throw validationFailed(path, 'must be a day from 1900 to 9998');
  const local = new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return startOfLocalDay(local, timezone);
}

export type StockService = ReturnType<typeof createStockService>;
