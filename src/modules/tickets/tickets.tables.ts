import type { Timestamp } from '../../platform/db/platform.tables.ts';

export type TicketStatus = 'valid' | 'used' | 'void';

export interface TicketsTables {
  tickets: {
    id: string;
    booking_id: string;
    payment_id: string;
    showtime_id: string;
    seat_id: string;
    user_id: string;
    row_label: string;
    seat_number: number;
    seat_type: string;
    price_amount: number;
    currency: string;
    code: string;
    status: TicketStatus;
    issued_at: Timestamp;
    checked_in_at: Timestamp | null;
    checked_in_by: string | null;
    voided_at: Timestamp | null;
  };
}
