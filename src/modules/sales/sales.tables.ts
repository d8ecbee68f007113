// The sales module's own table, picked from the types generated from the migrated database, the
// shape of its json column (scripts/db-types.ts names it), the reporting read model and its handle.
import type { DB } from '../../platform/db/generated-schema.ts';
import type { ReadOnly } from '../../platform/db/module-db.ts';

export type PriceMap = Partial<Record<'standard' | 'vip' | 'accessible' | 'companion', number>>;

/** A text in several languages: English required (`{ en: "Adult", de: "Erwachsene" }`). */
export type LocalizedText = { en: string } & Record<string, string>;

export type SalesTables = Pick<DB, 'hall_price_defaults' | 'ticket_types' | 'cinema_price_lists'>;

/**
 * What booking and catalog read of ticket types in SQL: the hold checks a seat's type against the
 * cinema's active types (booking's cached catalog read), and a new showtime copies the cinema's
 * default price list (catalog). Both are created before sales, so they cannot call its service.
 */
export type TicketTypesReadModel = ReadOnly<{
  ticket_types: Pick<
    DB['ticket_types'],
    'id' | 'cinema_id' | 'code' | 'names' | 'rule' | 'min_age' | 'max_age' | 'is_default' | 'sort_order' | 'active'
  >;
  cinema_price_lists: Pick<DB['cinema_price_lists'], 'cinema_id' | 'currency' | 'prices'>;
}>;

/**
 * The reporting read model: the staff console's questions join across modules in one statement
 * (who holds which seat with their ticket and customer, money net of refunds per showtime and local
 * day) that no single module's service answers, and reading never changes their rules. It is the
 * one read model declared by its reader rather than by the tables' owners (tools/lint/table-owners.js
 * names it); writes stay with the owners, and only these columns may be read.
 */
export type SalesReadModel = ReadOnly<{
  seat_claims: Pick<DB['seat_claims'], 'showtime_id' | 'seat_id' | 'booking_id' | 'state' | 'expires_at'>;
  bookings: Pick<DB['bookings'], 'id' | 'showtime_id' | 'user_id' | 'status'>;
  users: Pick<DB['users'], 'id' | 'name' | 'email'>;
  tickets: Pick<
    DB['tickets'],
    | 'id'
    | 'booking_id'
    | 'showtime_id'
    | 'seat_id'
    | 'status'
    | 'checked_in_at'
    | 'ticket_type'
    | 'price_amount'
    | 'currency'
  >;
  payments: Pick<DB['payments'], 'booking_id' | 'showtime_id' | 'status' | 'amount' | 'refunded_amount' | 'currency'>;
  showtimes: Pick<DB['showtimes'], 'id' | 'movie_id' | 'hall_id' | 'cinema_id' | 'starts_at' | 'status' | 'currency'>;
  seats: Pick<DB['seats'], 'id' | 'row_label' | 'number' | 'row_index'>;
  cinemas: Pick<DB['cinemas'], 'id' | 'name' | 'timezone'>;
  halls: Pick<DB['halls'], 'id' | 'name' | 'capacity'>;
  movies: Pick<DB['movies'], 'id' | 'title'>;
}>;

/** The sales module's handle: its own table and the reporting read model. */
export type SalesDb = SalesTables & SalesReadModel;
