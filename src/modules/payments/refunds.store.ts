// SQL for refunds: recorded (reserving their amount on the payment) before the provider is asked,
// then retried by their queue job until the provider confirms (refund-sender.ts).
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentsDb } from './payments.tables.ts';

export type RefundRow = Selectable<DB['refunds']>;

/**
 * Records a refund and reserves its amount on the payment in the same transaction; the payment's
 * check constraint (refunded_amount ≤ amount) makes refunding more than was paid impossible.
 * The payment reads `refunded` once everything paid is on its way back.
 */
export async function insertRefund(db: Executor<PaymentsDb>, row: Insertable<DB['refunds']>): Promise<RefundRow> {
  await db
    .updateTable('payments')
    .set((eb) => ({
      refunded_amount: eb('refunded_amount', '+', row.amount),
      status: sql<
        'succeeded' | 'refunded'
      >`case when refunded_amount + ${row.amount}::int >= amount then 'refunded' else status end`,
      updated_at: row.created_at,
    }))
    .where('id', '=', row.payment_id)
    .execute();
  return db.insertInto('refunds').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRefund(db: Executor<PaymentsDb>, id: string): Promise<RefundRow | undefined> {
  return db.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function completeRefund(
  db: Executor<PaymentsDb>,
  id: string,
  providerRefundId: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('refunds')
    .set({ status: 'succeeded', provider_refund_id: providerRefundId, completed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A booking's refunds not yet paid out, locked: those of a counter sale wait for a till. */
export async function pendingRefundsOfBooking(db: Executor<PaymentsDb>, bookingId: string): Promise<RefundRow[]> {
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .forUpdate()
    .execute();
}

export async function refundsOfBookings(db: Executor<PaymentsDb>, bookingIds: string[]): Promise<RefundRow[]> {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('booking_id', 'in', bookingIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** What of a payment's booking went back to gift cards so far (refunds' gift card parts). */
export async function giftCardRefundedOf(db: Executor<PaymentsDb>, paymentId: string): Promise<number> {
  const r = await db
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum(gift_card_amount), 0)::int`.as('sum'))
    .where('payment_id', '=', paymentId)
    .executeTakeFirstOrThrow();
  return r.sum;
}

/**
 * A payment reads `refunded` once nothing is left to give back, its gift cards' part included (so a
 * booking paid by gift card alone, a payment of 0, is not `refunded` by its first partial refund).
 */
export async function setRefundedStatus(db: Executor<PaymentsDb>, paymentId: string, done: boolean): Promise<void> {
  await db
    .updateTable('payments')
    .set({ status: done ? 'refunded' : 'succeeded' })
    .where('id', '=', paymentId)
    .where('status', 'in', ['succeeded', 'refunded'])
    .execute();
}
