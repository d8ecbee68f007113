// SQL for payment notifications: queued in the transaction that caused them, sent by a job.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationKind } from './payments.tables.ts';

export type NotificationRow = Selectable<DB['payment_notifications']>;

export async function queueNotification(
  db: Executor,
  n: { kind: NotificationKind; bookingId: string; refundId?: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('payment_notifications')
    .values({
      id: randomUUID(),
      kind: n.kind,
      booking_id: n.bookingId,
      refund_id: n.refundId ?? null,
      created_at: n.now,
      next_attempt_at: n.now,
    })
    .execute();
}

export async function leaseDueNotifications(
  db: Executor,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .updateTable('payment_notifications')
    .set((eb) => ({ next_attempt_at: new Date(now.getTime() + leaseMs), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('payment_notifications')
        .select('id')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Marks a notification sent, only once: false when another process got there first. */
export async function markSent(db: Executor, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('payment_notifications')
    .set({ sent_at: now })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function notificationFailed(db: Executor, id: string, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .updateTable('payment_notifications')
    .set({ last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    .execute();
}
