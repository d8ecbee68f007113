// The payments module's tables, picked from the types generated from the migrated database, and the
// shape of its json column (scripts/db-types.ts names it).
import type { DB, PaymentNotificationsKind, RefundsReason } from '../../platform/db/generated-schema.ts';

export type RefundReason = RefundsReason;
export type NotificationKind = PaymentNotificationsKind;

/** A seat a payment pays for, priced when it was held. */
export interface PaidSeat {
  seatId: string;
  row: string;
  number: number;
  type: string;
  price: number;
}

export type PaymentsTables = Pick<
  DB,
  | 'payments'
  | 'refunds'
  | 'webhook_events'
  | 'payment_notifications'
  | 'showtime_refund_runs'
  | 'test_processor_charges'
  | 'test_processor_refunds'
  | 'test_processor_webhooks'
>;
