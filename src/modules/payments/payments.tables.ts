// The payments module's tables, picked from the types generated from the migrated database, and the
// shape of its json column (scripts/db-types.ts names it).
import type { DB, RefundsReason } from '../../platform/db/generated-schema.ts';

export type RefundReason = RefundsReason;

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
  | 'showtime_refund_runs'
  | 'test_processor_charges'
  | 'test_processor_refunds'
  | 'test_processor_webhooks'
>;
