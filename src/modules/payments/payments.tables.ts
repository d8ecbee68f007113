import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/platform.tables.ts';

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';
export type RefundReason = 'customer_cancel' | 'showtime_cancelled' | 'booking_unavailable' | 'late_success';
/** A seat a payment pays for, priced when it was held. */
export interface PaidSeat {
  seatId: string;
  row: string;
  number: number;
  type: string;
  price: number;
}

export type NotificationKind = 'booking_confirmed' | 'refund_issued' | 'payment_reversed' | 'showtime_cancelled';

export interface PaymentsTables {
  payments: {
    id: string;
    booking_id: string;
    showtime_id: string;
    user_id: string;
    provider: string;
    provider_payment_id: string | null;
    idempotency_key: string | null;
    request_hash: string;
    amount: number;
    currency: string;
    status: PaymentStatus;
    outcome: 'confirmed' | 'reversed' | null;
    failure_code: string | null;
    failure_message: string | null;
    card_last4: string | null;
    seats: ColumnType<PaidSeat[], string | undefined, string>;
    refunded_amount: Generated<number>;
    created_at: Timestamp;
    updated_at: Timestamp;
    completed_at: Timestamp | null;
  };
  refunds: {
    id: string;
    payment_id: string;
    booking_id: string;
    amount: number;
    currency: string;
    reason: RefundReason;
    ticket_ids: Generated<string[]>;
    status: 'pending' | 'succeeded';
    provider_refund_id: string | null;
    attempts: Generated<number>;
    last_error: string | null;
    next_attempt_at: Timestamp;
    created_at: Timestamp;
    completed_at: Timestamp | null;
  };
  webhook_events: {
    provider: string;
    event_id: string;
    type: string;
    payload: JSONColumnType<Record<string, unknown>>;
    received_at: Timestamp;
  };
  payment_notifications: {
    id: string;
    kind: NotificationKind;
    booking_id: string;
    refund_id: string | null;
    created_at: Timestamp;
    next_attempt_at: Timestamp;
    attempts: Generated<number>;
    last_error: string | null;
    sent_at: Timestamp | null;
  };
  showtime_refund_runs: {
    showtime_id: string;
    requested_at: Timestamp;
    next_attempt_at: Timestamp;
    completed_at: Timestamp | null;
    refunded_bookings: Generated<number>;
    last_error: string | null;
  };
  test_processor_charges: {
    id: string;
    reference: string;
    amount: number;
    currency: string;
    status: 'succeeded' | 'failed';
    failure_code: string | null;
    card_last4: string;
    refunded_amount: Generated<number>;
    created_at: Timestamp;
  };
  test_processor_refunds: {
    id: string;
    charge_id: string;
    reference: string;
    amount: number;
    created_at: Timestamp;
  };
  test_processor_webhooks: {
    id: string;
    body: string;
    created_at: Timestamp;
    next_attempt_at: Timestamp;
    attempts: Generated<number>;
    last_status: number | null;
    delivered_at: Timestamp | null;
  };
}
