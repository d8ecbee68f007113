// SQL for tills, their sessions and the ledger of what each session took and paid back. The close
// report is one aggregate over the ledger (sessionTotals), never a running total kept beside it.
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/generated-schema.ts';
import type { TillDb } from './till.tables.ts';

export type TillRow = Selectable<DB['tills']>;
export type SessionRow = Selectable<DB['till_sessions']>;
export type MovementRow = Omit<Selectable<DB['till_movements']>, 'seq'>;

export async function insertTill(db: Executor<TillDb>, row: Insertable<DB['tills']>): Promise<TillRow> {
  return db.insertInto('tills').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function tillsOfCinema(db: Executor<TillDb>, cinemaId: string): Promise<TillRow[]> {
  return db.selectFrom('tills').selectAll().where('cinema_id', '=', cinemaId).orderBy('name').execute();
}

export async function findTill(db: Executor<TillDb>, id: string): Promise<TillRow | undefined> {
  return db.selectFrom('tills').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Executor<TillDb>, row: Insertable<DB['till_sessions']>): Promise<SessionRow> {
  return db.insertInto('till_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A session with its till's name, cinema and currency; locked FOR UPDATE when `lock` (a sale or the close). */
export async function findSession(db: Executor<TillDb>, id: string, options: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('till_sessions as s')
    .innerJoin('tills as t', 't.id', 's.till_id')
    .selectAll('s')
    .select(['t.name as till_name', 't.cinema_id', 't.currency'])
    .where('s.id', '=', id);
  if (options.lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export type SessionWithTill = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function listSessions(
  db: Executor<TillDb>,
  filter: { staffId?: string; tillId?: string; status?: 'open' | 'closed'; limit: number },
): Promise<SessionWithTill[]> {
  let q = db
    .selectFrom('till_sessions as s')
    .innerJoin('tills as t', 't.id', 's.till_id')
    .selectAll('s')
    .select(['t.name as till_name', 't.cinema_id', 't.currency'])
    .orderBy('s.opened_at', 'desc')
    .orderBy('s.id')
    .limit(filter.limit);
  if (filter.staffId) q = q.where('s.staff_id', '=', filter.staffId);
  if (filter.tillId) q = q.where('s.till_id', '=', filter.tillId);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  return q.execute();
}

export async function insertMovement(
  db: Executor<TillDb>,
  row: Omit<Insertable<DB['till_movements']>, 'seq'>,
): Promise<void> {
  await db.insertInto('till_movements').values(row).execute();
}

export async function findMovement(db: Executor<TillDb>, id: string): Promise<MovementRow | undefined> {
  return db.selectFrom('till_movements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saleOfBooking(db: Executor<TillDb>, bookingId: string): Promise<MovementRow | undefined> {
  return db
    .selectFrom('till_movements')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'sale')
    .executeTakeFirst();
}

/** Issue 17: the till sale of food sold alone. */
export async function saleOfFoodOrder(db: Executor<TillDb>, orderId: string): Promise<MovementRow | undefined> {
  return db
    .selectFrom('till_movements')
    .selectAll()
    .where('concession_order_id', '=', orderId)
    .where('kind', '=', 'food_sale')
    .executeTakeFirst();
}

export async function movementsOfSession(db: Executor<TillDb>, sessionId: string): Promise<MovementRow[]> {
  return db.selectFrom('till_movements').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute();
}

export interface SessionTotals {
  cashSales: number;
  cashSalesCount: number;
  cashRefunds: number;
  cashRefundsCount: number;
  cardSales: number;
  cardSalesCount: number;
  cardRefunds: number;
  cardRefundsCount: number;
  /** Issue 17: food sold alone and paid back (both methods), also inside the figures above. */
  foodSales: number;
  foodSalesCount: number;
  foodRefunds: number;
  foodRefundsCount: number;
}

/** What a session took and paid back, per method, summed over its ledger in one statement. */
export async function sessionTotals(db: Executor<TillDb>, sessionId: string): Promise<SessionTotals> {
  const r = await sql<SessionTotals>`
    select
      coalesce(sum(amount) filter (where kind in ('sale', 'gift_card_sale', 'food_sale') and method = 'cash'), 0)::int as "cashSales",
      (count(*) filter (where kind in ('sale', 'gift_card_sale', 'food_sale') and method = 'cash'))::int as "cashSalesCount",
      coalesce(sum(amount) filter (where kind in ('refund', 'food_refund') and method = 'cash'), 0)::int as "cashRefunds",
      (count(*) filter (where kind in ('refund', 'food_refund') and method = 'cash'))::int as "cashRefundsCount",
      coalesce(sum(amount) filter (where kind in ('sale', 'gift_card_sale', 'food_sale') and method = 'card_terminal'), 0)::int as "cardSales",
      (count(*) filter (where kind in ('sale', 'gift_card_sale', 'food_sale') and method = 'card_terminal'))::int as "cardSalesCount",
      coalesce(sum(amount) filter (where kind in ('refund', 'food_refund') and method = 'card_terminal'), 0)::int as "cardRefunds",
      (count(*) filter (where kind in ('refund', 'food_refund') and method = 'card_terminal'))::int as "cardRefundsCount",
      coalesce(sum(amount) filter (where kind = 'food_sale'), 0)::int as "foodSales",
      (count(*) filter (where kind = 'food_sale'))::int as "foodSalesCount",
      coalesce(sum(amount) filter (where kind = 'food_refund'), 0)::int as "foodRefunds",
      (count(*) filter (where kind = 'food_refund'))::int as "foodRefundsCount"
    from till_movements where session_id = ${sessionId}::uuid`.execute(db);
  return r.rows[0] as SessionTotals;
}

export async function closeSession(
  db: Executor<TillDb>,
  id: string,
  c: { countedCash: number; expectedCash: number; now: Date },
): Promise<void> {
  await db
    .updateTable('till_sessions')
    .set({ status: 'closed', counted_cash: c.countedCash, expected_cash: c.expectedCash, closed_at: c.now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}
