// SQL for payments. Business time always comes in as a parameter.
import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { allColumns, columnList } from '../../platform/db/columns.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { paymentFailedEvent } from './payment-failed-event.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentsDb } from './payments.tables.ts';

/** Any payment: a booking's (booking_id and showtime_id set) or an order's (order_id set, purpose says of what). */
export type AnyPaymentRow = Selectable<DB['payments']>;
/**
 * A booking's payment. Every query here selects booking payments by booking, showtime or id from a
 * booking path; code that may meet an order's payment (webhooks, reconciliation) checks `purpose` first.
 */
export type PaymentRow = Omit<AnyPaymentRow, 'booking_id' | 'showtime_id'> & {
  booking_id: string;
  showtime_id: string;
};
type BookingTarget = { booking_id: string; showtime_id: string };

// Named, not `*`: these statements stay prepared across a deploy that adds a column.
const PAYMENT_COLUMNS = allColumns<DB['payments']>()([
  'id',
  'booking_id',
  'showtime_id',
  'user_id',
  'provider',
  'provider_payment_id',
  'idempotency_key',
  'request_hash',
  'amount',
  'currency',
  'status',
  'outcome',
  'failure_code',
  'failure_message',
  'card_last4',
  'seats',
  'refunded_amount',
  'created_at',
  'updated_at',
  'completed_at',
  'purpose',
  'order_id',
]);

/** A payment by id: a booking's, or an order's where the caller checks `purpose` (webhooks, reconciliation). */
export async function findPayment(
  db: Executor<PaymentsDb>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PaymentRow | undefined> {
  let q = db.selectFrom('payments').select(PAYMENT_COLUMNS).where('id', '=', id);
  if (options.lock) q = q.forUpdate();
  return q.$narrowType<BookingTarget>().executeTakeFirst();
}

export async function findByIdempotencyKey(
  db: Executor<PaymentsDb>,
  userId: string,
  key: string,
): Promise<PaymentRow | undefined> {
  return db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .$narrowType<BookingTarget>()
    .executeTakeFirst();
}

/** A payment by the provider's id for it (a PaymentIntent id). */
export async function findByProviderPaymentId(
  db: Executor<PaymentsDb>,
  provider: string,
  providerPaymentId: string,
): Promise<AnyPaymentRow | undefined> {
  return db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('provider', '=', provider)
    .where('provider_payment_id', '=', providerPaymentId)
    .executeTakeFirst();
}

/** The provider's id for a payment started in the browser (written once it exists). */
export async function setProviderPaymentId(db: Executor<PaymentsDb>, id: string, providerPaymentId: string) {
  await db
    .updateTable('payments')
    .set({ provider_payment_id: providerPaymentId })
    .where('id', '=', id)
    .where('provider_payment_id', 'is', null)
    .execute();
}

/** The payment in flight or taken for a booking, if any (at most one, by a unique index). */
export async function livePaymentOfBooking(
  db: Executor<PaymentsDb>,
  bookingId: string,
  options: { lock?: boolean } = {},
): Promise<PaymentRow | undefined> {
  let q = db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('booking_id', '=', bookingId)
    .where('status', 'in', ['pending', 'succeeded']);
  if (options.lock) q = q.forUpdate();
  return q.$narrowType<BookingTarget>().executeTakeFirst();
}

/** The payment that paid for a booking (succeeded, possibly refunded since). */
export async function paidPaymentOfBooking(
  db: Executor<PaymentsDb>,
  bookingId: string,
  options: { lock?: boolean } = {},
): Promise<PaymentRow | undefined> {
  let q = db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('booking_id', '=', bookingId)
    .where('outcome', '=', 'confirmed')
    .orderBy('created_at', 'desc')
    .limit(1);
  if (options.lock) q = q.forUpdate();
  return q.$narrowType<BookingTarget>().executeTakeFirst();
}

/** Fails a pending payment and writes `payment.failed` (once: only a pending payment changes). */
export async function markFailed(
  db: Executor<PaymentsDb>,
  id: string,
  f: { providerPaymentId: string | null; code: string; message: string; now: Date },
): Promise<void> {
  const failed = await db
    .updateTable('payments')
    .set({
      status: 'failed',
      provider_payment_id: f.providerPaymentId,
      failure_code: f.code,
      failure_message: f.message,
      updated_at: f.now,
      completed_at: f.now,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(['id', 'booking_id', 'order_id', 'purpose', 'amount', 'currency', 'provider'])
    .executeTakeFirst();
  if (failed) await addEvents(db, [paymentFailedEvent(failed, f.code)]);
}

/**
 * Payments (of bookings or orders) still pending and not looked at since before `before`: crashed or
 * abandoned mid-way, or waiting for the customer to confirm them in the browser.
 */
export async function stalePending(db: Executor<PaymentsDb>, before: Date, limit: number): Promise<AnyPaymentRow[]> {
  return db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('status', '=', 'pending')
    .where('updated_at', '<', before)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/** A pending payment looked at (still waiting for the customer): the next look is a delay later. */
export async function touchPending(db: Executor<PaymentsDb>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('payments')
    .set({ updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Ids of a showtime's bookings with a payment that gave tickets and still has money to refund. */
export async function refundablePaymentsOfShowtime(
  db: Executor<PaymentsDb>,
  showtimeId: string,
  limit: number,
): Promise<PaymentRow[]> {
  return db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('showtime_id', '=', showtimeId)
    .where('outcome', '=', 'confirmed')
    .where('status', '=', 'succeeded')
    .orderBy('created_at')
    .limit(limit)
    .$narrowType<BookingTarget>()
    .execute();
}

/** What is left to refund of each booking's paying payment (amount less refunds), by booking id. */
export async function refundableOfBookings(
  db: Executor<PaymentsDb>,
  bookingIds: string[],
): Promise<Map<string, { left: number; provider: string; paid: number; giftCardRefunded: number }>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('payments')
    .select(['booking_id', 'amount', 'refunded_amount', 'provider'])
    // What went back to gift cards so far (refunds' gift card parts), for the split of the next one.
    .select((eb) =>
      eb
        .selectFrom('refunds')
        .select(sql<number>`coalesce(sum(gift_card_amount), 0)::int`.as('g'))
        .whereRef('refunds.payment_id', '=', 'payments.id')
        .as('gift_card_refunded'),
    )
    .where('booking_id', 'in', bookingIds)
    .where('outcome', '=', 'confirmed')
    .execute();
  return new Map(
    rows.map((r) => [
      r.booking_id as string,
      {
        left: r.amount - r.refunded_amount,
        provider: r.provider,
        paid: r.amount,
        giftCardRefunded: Number(r.gift_card_refunded ?? 0),
      },
    ]),
  );
}

/** Money kept from a showtime: what was charged for tickets, less what was or is being refunded. */
export async function netRevenue(
  db: Executor<PaymentsDb>,
  showtimeId: string,
): Promise<{ amount: number; currency: string | null }> {
  const r = await sql<{ amount: number | null; currency: string | null }>`
    select coalesce(sum(amount - refunded_amount), 0)::int as amount, min(currency) as currency
    from payments where showtime_id = ${showtimeId}::uuid and outcome = 'confirmed'`.execute(db);
  const row = r.rows[0];
  return { amount: row?.amount ?? 0, currency: row?.currency?.trim() ?? null };
}

/**
 * A charge that can give no tickets (the seats went while it was being made, or it succeeded after
 * we had given up on it): recorded as taken and being returned in full. `reason` says why.
 */
export async function markReversed(
  db: Executor<PaymentsDb>,
  id: string,
  r: { providerPaymentId: string; reason: string; now: Date },
): Promise<void> {
  await db
    .updateTable('payments')
    .set({
      status: 'refunded',
      outcome: 'reversed',
      provider_payment_id: r.providerPaymentId,
      failure_code: r.reason,
      updated_at: r.now,
      completed_at: r.now,
    })
    .where('id', '=', id)
    .execute();
}

/** An attempt reconciliation gave up on (the provider never saw it) becomes pending again, once. */
export async function retryAbandoned(db: Executor<PaymentsDb>, id: string, now: Date): Promise<PaymentRow | undefined> {
  return db
    .updateTable('payments')
    .set({
      status: 'pending',
      failure_code: null,
      failure_message: null,
      created_at: now,
      updated_at: now,
      completed_at: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .where('failure_code', '=', 'abandoned')
    .returning(PAYMENT_COLUMNS)
    .$narrowType<BookingTarget>()
    .executeTakeFirst();
}

/** A payment attempt to record: pending, its seats as JSON. */
export interface NewPayment {
  id: string;
  booking_id: string;
  showtime_id: string;
  user_id: string | null;
  provider: string;
  idempotency_key: string | null;
  request_hash: string;
  amount: number;
  currency: string;
  card_last4: string | null;
  seats: string;
  created_at: Date;
}

/**
 * Records payment attempts in one statement, each only while its showtime is on sale; those not
 * recorded (not on sale) are missing from the answer. A second live payment of a booking, or a
 * reused key, fails the statement (payments_one_live_per_booking, payments_idempotency).
 */
export async function insertPaymentsIfOnSale(db: Executor<PaymentsDb>, rows: NewPayment[]): Promise<PaymentRow[]> {
  const col = <K extends keyof NewPayment>(k: K) => rows.map((r) => r[k]);
  const r = await sql<PaymentRow>`
    insert into payments (id, booking_id, showtime_id, user_id, provider, idempotency_key, request_hash, amount, currency, status, card_last4, seats, created_at, updated_at)
    select v.id, v.booking_id, v.showtime_id, v.user_id, v.provider, v.idempotency_key, v.request_hash, v.amount, v.currency, 'pending', v.card_last4, v.seats, v.created_at, v.created_at
    from unnest(${col('id')}::uuid[], ${col('booking_id')}::uuid[], ${col('showtime_id')}::uuid[], ${col('user_id')}::uuid[], ${col('provider')}::text[],
                ${col('idempotency_key')}::text[], ${col('request_hash')}::text[], ${col('amount')}::int[], ${col('currency')}::text[], ${col('card_last4')}::text[],
                ${col('seats')}::jsonb[], ${col('created_at')}::timestamptz[])
      as v(id, booking_id, showtime_id, user_id, provider, idempotency_key, request_hash, amount, currency, card_last4, seats, created_at)
    where exists (select 1 from showtimes s where s.id = v.showtime_id and s.status = 'scheduled')
    returning ${columnList(PAYMENT_COLUMNS)}`.execute(db);
  return r.rows;
}

/** Locks a payment to settle it, with its showtime's status read in the same statement. */
export async function lockForSettlement(
  trx: Executor<PaymentsDb>,
  id: string,
): Promise<(PaymentRow & { showtime_status: string | null }) | undefined> {
  const r = await sql<PaymentRow & { showtime_status: string | null }>`
    select ${columnList(PAYMENT_COLUMNS, 'p')}, (select s.status from showtimes s where s.id = p.showtime_id) as showtime_status
    from payments p where p.id = ${id}::uuid for update of p`.execute(trx);
  return r.rows[0];
}

type Confirmation = { providerPaymentId: string };

/**
 * Marks payments succeeded, in one statement; with `onlyIfSellable`, only those still pending whose
 * showtime is on sale (the others are left alone). Rows locked until commit; in no particular order.
 */
async function confirmPayments(
  trx: Executor<PaymentsDb>,
  claims: ({ id: string } & Confirmation)[],
  now: Date,
  onlyIfSellable: boolean,
): Promise<PaymentRow[]> {
  const guard = onlyIfSellable
    ? sql`and p.status = 'pending' and (select s.status from showtimes s where s.id = p.showtime_id) = 'scheduled'`
    : sql``;
  const r = await sql<PaymentRow>`
    with i as (
      select * from unnest(${claims.map((x) => x.id)}::uuid[], ${claims.map((x) => x.providerPaymentId)}::text[])
        as i(id, provider_payment_id)
    )
    update payments p set status = 'succeeded', provider_payment_id = i.provider_payment_id, outcome = 'confirmed',
      updated_at = ${now}::timestamptz, completed_at = ${now}::timestamptz
    from i where p.id = i.id ${guard}
    returning ${columnList(PAYMENT_COLUMNS, 'p')}`.execute(trx);
  return r.rows;
}

/**
 * Settling's first step when charges succeeded: each pending payment of a scheduled showtime becomes
 * `succeeded`/`confirmed` (its row stays locked until commit), in one statement. Those not pending or
 * not on sale are not returned; the caller rolls the whole settlement back if seats then turn out to
 * be gone.
 */
export async function claimForSettlement(
  trx: Executor<PaymentsDb>,
  claims: ({ id: string } & Confirmation)[],
  now: Date,
): Promise<PaymentRow[]> {
  return confirmPayments(trx, claims, now, true);
}

/** The payment (locked and checked by the caller) succeeded and gave tickets. */
export async function markConfirmed(
  trx: Executor<PaymentsDb>,
  id: string,
  c: Confirmation,
  now: Date,
): Promise<PaymentRow> {
  const [row] = await confirmPayments(trx, [{ id, ...c }], now, false);
  if (!row) throw new Error(`payment ${id} vanished while being settled`);
  return row;
}

/** An order's payment to record (purpose gift_card_order): no booking, no showtime, no seats. */
export interface NewOrderPayment {
  id: string;
  purpose: 'gift_card_order';
  order_id: string;
  user_id: string | null;
  provider: string;
  idempotency_key: string | null;
  request_hash: string;
  amount: number;
  currency: string;
  card_last4: string | null;
  created_at: Date;
}

/** Records an order's payment attempt; a second live one of the order, or a reused key, throws 23505. */
export async function insertOrderPayment(db: Executor<PaymentsDb>, row: NewOrderPayment): Promise<AnyPaymentRow> {
  return db
    .insertInto('payments')
    .values({ ...row, booking_id: null, showtime_id: null, status: 'pending', updated_at: row.created_at })
    .returning(PAYMENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The payment in flight or taken for an order, if any (at most one, by a unique index). */
export async function livePaymentOfOrder(
  db: Executor<PaymentsDb>,
  purpose: string,
  orderId: string,
): Promise<AnyPaymentRow | undefined> {
  return db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('purpose', '=', purpose as never)
    .where('order_id', '=', orderId)
    .where('status', 'in', ['pending', 'succeeded'])
    .executeTakeFirst();
}

/** An order's payment succeeded (locked and checked pending by the caller). */
export async function markOrderPaid(db: Executor<PaymentsDb>, id: string, providerPaymentId: string, now: Date) {
  await db
    .updateTable('payments')
    .set({
      status: 'succeeded',
      outcome: 'confirmed',
      provider_payment_id: providerPaymentId,
      failure_code: null,
      failure_message: null,
      updated_at: now,
      completed_at: now,
    })
    .where('id', '=', id)
    .execute();
}
