// The payments module's tables, picked from the types generated from the migrated database, the
// shape of its json column (scripts/db-types.ts names it), and its database handle.
import type { DB, RefundsReason } from '../../platform/db/generated-schema.ts';
import type { CatalogReadModel } from '../catalog/catalog.module.ts';

export type RefundReason = RefundsReason;

/** A seat a payment pays for, priced when it was held. */
export interface PaidSeat {
  seatId: string;
  row: string;
  number: number;
  type: string;
  price: number;
  /** The ticket type's code; absent on payments made before ticket types (adult). */
  ticketType?: string;
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
  // Written only by the previous release during a rolling deploy (migration 090 turns its rows into
  // events); no code here reads it, and the next release drops it.
  | 'payment_notifications'
>;

/**
 * Payments' handle: its own tables, and the catalog's read model for one column, a showtime's status.
 * A payment is recorded, and claimed for settling, only while its showtime is scheduled, checked in
 * the statement that writes it (payments.store.ts): the purchase path's one round trip each.
 */
export type PaymentsDb = PaymentsTables & CatalogReadModel;
