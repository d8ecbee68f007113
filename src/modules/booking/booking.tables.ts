// The booking module's tables, picked from the types generated from the migrated database.
import type { BookingsStatus, DB } from '../../platform/db/generated-schema.ts';

export type BookingStatus = BookingsStatus;

export type BookingTables = Pick<DB, 'bookings' | 'booking_seats' | 'seat_claims'>;
