// SQL for gift cards, their ledger and orders. The balance column moves only in moveBalance, which
// writes the ledger line in the same statement's transaction; `check (balance >= 0)` refuses an
// overdraft even when two transactions race for the last of a card.
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { GiftCardLedgerKind } from '../../platform/db/generated-schema.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';

export type CardRow = Selectable<GiftcardsDb['gift_cards']>;
export type LedgerRow = Selectable<GiftcardsDb['gift_card_ledger']>;
export type OrderRow = Selectable<GiftcardsDb['gift_card_orders']>;

export async function insertCard(db: Executor<GiftcardsDb>, row: Insertable<GiftcardsDb['gift_cards']>) {
  return db.insertInto('gift_cards').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Cards whose code digest starts like this one's (the caller compares the whole digest). */
export async function cardsByLookup(db: Executor<GiftcardsDb>, lookup: string): Promise<CardRow[]> {
  return db.selectFrom('gift_cards').selectAll().where('lookup', '=', lookup).execute();
}

export async function findCard(
  db: Executor<GiftcardsDb>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CardRow | undefined> {
  const q = db.selectFrom('gift_cards').selectAll().where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export interface Movement {
  cardId: string;
  /** Signed: negative takes from the card. */
  amount: number;
  kind: GiftCardLedgerKind;
  bookingId?: string | null;
  tillSessionId?: string | null;
  eventId?: string | null;
  createdBy?: string | null;
  now: Date;
}

/** Moves a card's balance and records the ledger line, in the caller's transaction; the new balance. */
export async function moveBalance(db: Executor<GiftcardsDb>, m: Movement): Promise<number> {
  const { balance } = await db
    .updateTable('gift_cards')
    .set((eb) => ({ balance: eb('balance', '+', m.amount) }))
    .where('id', '=', m.cardId)
    .returning('balance')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('gift_card_ledger')
    .values({
      id: crypto.randomUUID(),
      gift_card_id: m.cardId,
      kind: m.kind,
      amount: m.amount,
      balance_after: balance,
      booking_id: m.bookingId ?? null,
      till_session_id: m.tillSessionId ?? null,
      event_id: m.eventId ?? null,
      created_by: m.createdBy ?? null,
      created_at: m.now,
    })
    .execute();
  return balance;
}

/** Whether an event already moved money on a card (consumers are idempotent by event id). */
export async function eventApplied(db: Executor<GiftcardsDb>, eventId: string): Promise<boolean> {
  const row = await db.selectFrom('gift_card_ledger').select('id').where('event_id', '=', eventId).executeTakeFirst();
  return row !== undefined;
}

/**
 * What each card still pays of a booking (redeemed less what went back), cards locked in id order so
 * racing give-backs queue rather than deadlock; only cards with something left.
 */
export async function spentOnBooking(
  db: Executor<GiftcardsDb>,
  bookingId: string,
): Promise<{ cardId: string; spent: number }[]> {
  const rows = await db
    .selectFrom('gift_card_ledger')
    .select(['gift_card_id', sql<number>`-sum(amount)::int`.as('spent')])
    .where('booking_id', '=', bookingId)
    .where('kind', 'in', ['redeem', 'release', 'refund'])
    .groupBy('gift_card_id')
    .orderBy('gift_card_id')
    .execute();
  const spent = rows.filter((r) => r.spent > 0);
  if (spent.length > 0)
    await db
      .selectFrom('gift_cards')
      .select('id')
      .where(
        'id',
        'in',
        spent.map((r) => r.gift_card_id),
      )
      .orderBy('id')
      .forUpdate()
      .execute();
  return spent.map((r) => ({ cardId: r.gift_card_id, spent: r.spent }));
}

export async function ledgerOf(db: Executor<GiftcardsDb>, cardId: string): Promise<LedgerRow[]> {
  return db.selectFrom('gift_card_ledger').selectAll().where('gift_card_id', '=', cardId).orderBy('seq').execute();
}

/** Cards newest first, optionally by their last four characters; keyset after (created_at, id). */
export async function listCards(
  db: Executor<GiftcardsDb>,
  filter: { last4?: string; after?: { createdAt: Date; id: string }; limit: number },
): Promise<CardRow[]> {
  let q = db.selectFrom('gift_cards').selectAll();
  if (filter.last4) q = q.where('last4', '=', filter.last4);
  const after = filter.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function voidCard(db: Executor<GiftcardsDb>, id: string, now: Date): Promise<void> {
  await db.updateTable('gift_cards').set({ status: 'void', voided_at: now }).where('id', '=', id).execute();
}

export async function extendExpiry(db: Executor<GiftcardsDb>, id: string, until: Date): Promise<void> {
  await db.updateTable('gift_cards').set({ expires_at: until }).where('id', '=', id).execute();
}

/**
 * A card's email is delivered: its sealed code goes; and when its buyer's account was erased while
 * it waited to be mailed (forgetBuyer left whom to mail), the recipient and message go too. Idempotent.
 */
export async function clearSealedCode(db: Executor<GiftcardsDb>, id: string): Promise<void> {
  await db
    .updateTable('gift_cards')
    .set({ code_sealed: null })
    .where('id', '=', id)
    .where('code_sealed', 'is not', null)
    .execute();
  await db
    .updateTable('gift_cards')
    .set({ recipient_email: null, recipient_name: null, message: null })
    .where('id', '=', id)
    .where('recipient_email', 'is not', null)
    .where('order_id', 'in', forgottenOrders(db))
    .execute();
}

/** Orders whose buyer's account was erased: forgetBuyer blanks their recipient (an order needs an address). */
const forgottenOrders = (db: Executor<GiftcardsDb>) =>
  db
    .selectFrom('gift_card_orders')
    .select('id')
    .where('buyer_user_id', 'is not', null)
    .where('recipient_email', '=', '');

export async function insertOrder(db: Executor<GiftcardsDb>, row: Insertable<GiftcardsDb['gift_card_orders']>) {
  return db.insertInto('gift_card_orders').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findOrder(
  db: Executor<GiftcardsDb>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OrderRow | undefined> {
  const q = db.selectFrom('gift_card_orders').selectAll().where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function cardOfOrder(db: Executor<GiftcardsDb>, orderId: string): Promise<CardRow | undefined> {
  return db.selectFrom('gift_cards').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

export async function markOrderIssued(
  db: Executor<GiftcardsDb>,
  id: string,
  paid: { paymentId: string; now: Date },
): Promise<void> {
  await db
    .updateTable('gift_card_orders')
    .set({ status: 'issued', payment_id: paid.paymentId, paid_at: paid.now })
    .where('id', '=', id)
    .execute();
}

/**
 * An erased account's orders keep their amounts and the bare account id, no address, name or message;
 * so do their cards, once the recipient's email is out (a card still to be mailed keeps whom to until
 * then: clearSealedCode forgets it on delivery).
 */
export async function forgetBuyer(db: Executor<GiftcardsDb>, userId: string): Promise<void> {
  const orders = db.selectFrom('gift_card_orders').select('id').where('buyer_user_id', '=', userId);
  await db
    .updateTable('gift_cards')
    .set({ recipient_email: null, recipient_name: null, message: null })
    .where('order_id', 'in', orders)
    .where('code_sealed', 'is', null)
    .execute();
  await db
    .updateTable('gift_card_orders')
    .set({ buyer_email: null, recipient_email: '', recipient_name: null, message: null })
    .where('buyer_user_id', '=', userId)
    .execute();
}

/** Gift card money per currency over [from, to), and what cards held at `to` (finance's export). */
export async function liabilities(
  db: Executor<GiftcardsDb>,
  q: { cinemaId?: string; from: Date; to: Date },
): Promise<
  { currency: string; issued: number; redeemed: number; refunded: number; voided: number; outstanding: number }[]
> {
  const cinema = q.cinemaId ? sql`and c.cinema_id = ${q.cinemaId}::uuid` : sql``;
  const r = await sql<{
    currency: string;
    issued: number;
    redeemed: number;
    refunded: number;
    voided: number;
    outstanding: number;
  }>`
    with moves as (
      select trim(c.currency) as currency, l.kind, l.amount, l.created_at, l.balance_after, l.gift_card_id, l.seq
      from gift_card_ledger l join gift_cards c on c.id = l.gift_card_id
      where l.created_at < ${q.to} ${cinema}
    ), last_before_end as (
      select distinct on (gift_card_id) currency, balance_after from moves order by gift_card_id, seq desc
    ), period as (
      select currency,
        coalesce(sum(amount) filter (where kind = 'issue'), 0)::int as issued,
        coalesce(-sum(amount) filter (where kind in ('redeem', 'release')), 0)::int as redeemed,
        coalesce(sum(amount) filter (where kind = 'refund'), 0)::int as refunded,
        coalesce(-sum(amount) filter (where kind = 'void'), 0)::int as voided
      from moves where created_at >= ${q.from} group by currency
    ), held as (
      select currency, coalesce(sum(balance_after), 0)::int as outstanding from last_before_end group by currency
    )
    select coalesce(p.currency, h.currency) as currency, coalesce(p.issued, 0) as issued,
      coalesce(p.redeemed, 0) as redeemed, coalesce(p.refunded, 0) as refunded, coalesce(p.voided, 0) as voided,
      coalesce(h.outstanding, 0) as outstanding
    from period p full join held h on h.currency = p.currency
    order by 1`.execute(db);
  return r.rows;
}
