// The catalog module's tables, picked from the types generated from the migrated database, the
// shapes of its json columns, which the database does not know (scripts/db-types.ts names them), the
// read model it publishes, and its database handle.
import type { DB, SeatsType } from '../../platform/db/generated-schema.ts';
import type { ReadOnly } from '../../platform/db/module-db.ts';
import type { BookingReadModel } from '../booking/booking.module.ts';
import type { TicketTypesReadModel } from '../sales/sales.module.ts';

/** A stored image: content-hashed variants served under /media. */
export interface StoredImage {
  key: string;
  width: number;
  height: number;
  variants: { width: number; format: 'webp' | 'jpeg'; path: string }[];
}

/** A movie's texts in one language (issue 20); what is left out falls back to the original. */
export interface MovieText {
  title?: string;
  synopsis?: string;
  genres?: string[];
}

/** `movies.translations`: the movie's texts per language beside the original, e.g. `{"fr": {"title": …}}`. */
export type MovieTranslations = Partial<Record<'en' | 'de' | 'fr', MovieText>>;

export interface HallLayout {
  rows: { label: string; y?: number; seats: { number: number; type: SeatType; x: number; y?: number }[] }[];
}

export type SeatType = SeatsType;

/** A showtime's price for each seat type it sells. */
export type ShowtimePrices = Partial<Record<SeatType, number>>;

/** Prices per ticket type code, then seat type: `{ child: { standard: 800 } }`. */
export type TicketPriceMap = Record<string, ShowtimePrices>;

/**
 * search_words: every word in any movie's search document (filled by a trigger), the typo dictionary.
 * hall_layouts and hall_layout_seats: layouts a hall had, kept for the showtimes sold with them.
 */
export type CatalogTables = Pick<
  DB,
  | 'movies'
  | 'search_words'
  | 'people'
  | 'movie_people'
  | 'cinemas'
  | 'halls'
  | 'seats'
  | 'showtimes'
  | 'hall_layouts'
  | 'hall_layout_seats'
>;

/**
 * What booking reads of the catalog in SQL. The hold statement (booking_hold_batch, migrations
 * 071/078) checks the showtime is still bookable and takes its currency in the one round trip a hold
 * may cost; the showtime's prices and its hall's seats feed every hold and seat map from a 2-second
 * cache in process (booking-catalog.store.ts), read with the hold's own columns. A showtime pinned
 * to an earlier layout (layout_id) reads its seats' types and places from hall_layout_seats.
 */
export type CatalogReadModel = ReadOnly<{
  showtimes: Pick<
    DB['showtimes'],
    | 'id'
    | 'hall_id'
    | 'cinema_id'
    | 'movie_id'
    | 'status'
    | 'starts_at'
    | 'prices'
    | 'ticket_prices'
    | 'currency'
    | 'layout_id'
  >;
  /** The age rating: the hold refuses ticket types too young for the film. */
  movies: Pick<DB['movies'], 'id' | 'age_rating'>;
  /** The hall's seat rules (noSingleGaps), checked on a customer's hold, and its seats' version. */
  halls: Pick<DB['halls'], 'id' | 'no_single_gaps' | 'seats_version'>;
  seats: Pick<DB['seats'], 'id' | 'hall_id' | 'active' | 'row_label' | 'number' | 'row_index' | 'type' | 'x' | 'y'>;
  hall_layout_seats: Pick<DB['hall_layout_seats'], 'layout_id' | 'seat_id' | 'type' | 'x' | 'y' | 'row_index'>;
}>;

/**
 * The catalog's handle: its own tables, the claims and bookings booking lets it read, and the ticket
 * types and default price lists sales lets it read (a new showtime copies its cinema's list).
 */
export type CatalogDb = CatalogTables & BookingReadModel & TicketTypesReadModel;
