// The booking module's tables, picked from the types generated from the migrated database, the read
// model it publishes, and its database handle.
import type { BookingsStatus, DB } from '../../platform/db/generated-schema.ts';
import type { ReadOnly } from '../../platform/db/module-db.ts';
import type { CatalogReadModel } from '../catalog/catalog.module.ts';
import type { TicketTypesReadModel } from '../sales/sales.module.ts';

export type BookingStatus = BookingsStatus;

export type BookingTables = Pick<DB, 'bookings' | 'booking_seats' | 'seat_claims' | 'guest_booking_tokens'>;

/**
 * What the catalog reads of bookings in SQL: live claims, to count a showtime's available seats in
 * the query that lists showtimes, and to refuse a layout change while a hall has sales; confirmed
 * bookings, to refuse cancelling a showtime that has them and to tell their holders when it moves.
 * The catalog cannot call booking (booking depends on it), and those answers must come from the
 * statement that reads the showtimes.
 */
export type BookingReadModel = ReadOnly<{
  seat_claims: Pick<DB['seat_claims'], 'showtime_id' | 'seat_id' | 'state' | 'expires_at'>;
  bookings: Pick<DB['bookings'], 'id' | 'showtime_id' | 'status' | 'user_id' | 'channel'>;
}>;

/** Booking's handle: its own tables, and the showtimes and seats catalog lets it read. */
export type BookingDb = BookingTables & CatalogReadModel & TicketTypesReadModel;
