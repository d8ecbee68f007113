import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../../platform/db/platform.tables.ts';

export type BookingStatus = 'held' | 'confirmed' | 'refunded' | 'expired' | 'cancelled';

export interface BookingTables {
  bookings: {
    id: Generated<string>;
    user_id: string;
    showtime_id: string;
    status: BookingStatus;
    total_amount: number;
    currency: string;
    seat_count: number;
    expires_at: Timestamp;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    confirmed_at: Timestamp | null;
    closed_at: Timestamp | null;
  };
  booking_seats: {
    booking_id: string;
    seat_id: string;
    showtime_id: string;
    row_label: string;
    number: number;
    seat_type: string;
    price_amount: number;
  };
  seat_claims: {
    showtime_id: string;
    seat_id: string;
    booking_id: string;
    state: 'held' | 'sold';
    expires_at: Timestamp | null;
  };
}
