// The few catalog reads booking needs: a showtime's bookability and prices, and its hall's seats,
// through the read model the catalog publishes for the hold path (CatalogReadModel). Kept in this
// one file so they can move behind the catalog service without touching rules.
import type { Executor } from '../../platform/db/database.ts';
import type { SeatType, TicketPriceMap } from '../catalog/catalog.module.ts';
import type { LocalizedText } from '../sales/sales.module.ts';
import type { BookingDb } from './booking.tables.ts';

export interface ShowtimeForBooking {
  id: string;
  hallId: string;
  cinemaId: string;
  /** The film's age rating as typed ("FSK 12", "PG-13"): see age-rating.ts. */
  ageRating: string | null;
  /** Per ticket type code, then seat type; the default type's entry is `prices`. */
  ticketPrices: TicketPriceMap;
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  prices: Partial<Record<SeatType, number>>;
  currency: string;
  /** The earlier layout the showtime keeps (it was sold with it), or null: the hall's current one. */
  layoutId: string | null;
  /** The hall's rule against lone empty seats (seat-rules.ts). */
  noSingleGaps: boolean;
  /** Moves with every write of the hall's seats (migration 170): the seats read for it stay good until then. */
  hallSeatsVersion: number;
}

export interface HallSeat {
  id: string;
  row: string;
  number: number;
  type: SeatType;
  x: number;
  y: number;
}

export async function findShowtimeForBooking(
  db: Executor<BookingDb>,
  showtimeId: string,
): Promise<ShowtimeForBooking | null> {
  const row = await db
    .selectFrom('showtimes as st')
    .innerJoin('movies as m', 'm.id', 'st.movie_id')
    .innerJoin('halls as h', 'h.id', 'st.hall_id')
    .select([
      'st.id',
      'st.hall_id',
      'st.cinema_id',
      'm.age_rating',
      'st.status',
      'st.starts_at',
      'st.prices',
      'st.ticket_prices',
      'st.currency',
      'st.layout_id',
      'h.no_single_gaps',
      'h.seats_version',
    ])
    .where('st.id', '=', showtimeId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    hallId: row.hall_id,
    cinemaId: row.cinema_id,
    ageRating: row.age_rating,
    ticketPrices: row.ticket_prices,
    status: row.status,
    startsAt: new Date(row.starts_at),
    prices: row.prices,
    currency: row.currency,
    layoutId: row.layout_id,
    noSingleGaps: row.no_single_gaps,
    hallSeatsVersion: Number(row.seats_version),
  };
}

/** The showtime's seats in display order (row, then number): its kept layout's, else the hall's active ones. */
export async function listShowtimeSeats(
  db: Executor<BookingDb>,
  showtime: Pick<ShowtimeForBooking, 'hallId' | 'layoutId'>,
): Promise<HallSeat[]> {
  const rows = showtime.layoutId
    ? await db
        .selectFrom('hall_layout_seats as l')
        .innerJoin('seats as s', 's.id', 'l.seat_id')
        .select(['s.id', 's.row_label', 's.number', 'l.type', 'l.x', 'l.y'])
        .where('l.layout_id', '=', showtime.layoutId)
        .orderBy('l.row_index')
        .orderBy('s.number')
        .execute()
    : await db
        .selectFrom('seats')
        .select(['id', 'row_label', 'number', 'type', 'x', 'y'])
        .where('hall_id', '=', showtime.hallId)
        .where('active', '=', true)
        .orderBy('row_index')
        .orderBy('number')
        .execute();
  return rows.map((r) => ({
    id: r.id,
    row: r.row_label,
    number: r.number,
    type: r.type,
    x: Number(r.x),
    y: Number(r.y),
  }));
}

/** Price of a seat type: its own price, else the standard one (accessible and companion seats usually cost the same). */
export function priceOf(showtime: ShowtimeForBooking, type: SeatType): number {
  return showtime.prices[type] ?? showtime.prices.standard ?? 0;
}

export interface SellableType {
  code: string;
  names: LocalizedText;
  rule: LocalizedText | null;
  maxAge: number | null;
  isDefault: boolean;
  active: boolean;
}

/** The cinema's ticket types (inactive ones too: sold tickets keep showing their name). */
export async function listCinemaTicketTypes(db: Executor<BookingDb>, cinemaId: string): Promise<SellableType[]> {
  const rows = await db
    .selectFrom('ticket_types')
    .select(['code', 'names', 'rule', 'max_age', 'is_default', 'active'])
    .where('cinema_id', '=', cinemaId)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    names: r.names,
    rule: r.rule,
    maxAge: r.max_age,
    isDefault: r.is_default,
    active: r.active,
  }));
}

/** A cinema that has no ticket types yet (sales gives it `adult` on first use) sells this one. */
export const IMPLICIT_DEFAULT: SellableType = {
  code: 'adult',
  names: { en: 'Adult', de: 'Erwachsene' },
  rule: null,
  maxAge: null,
  isDefault: true,
  active: true,
};

/** Seat types that cost the standard price when a list leaves them out (as priceOf does); a VIP seat never does. */
const STANDARD_PRICED: ReadonlySet<SeatType> = new Set(['accessible', 'companion']);

/**
 * What a seat of this type costs as this ticket type; undefined when the showtime does not sell that
 * pair (422 ticket_type_not_priced). Every type is priced from ticket_prices under its own code, so a
 * type made the default later keeps its own prices; `prices` serves only rows written before
 * ticket_prices existed ('{}'), where it was the default type's.
 */
export function ticketPriceOf(
  showtime: ShowtimeForBooking,
  ticketType: SellableType,
  seatType: SeatType,
): number | undefined {
  const legacy = Object.keys(showtime.ticketPrices).length === 0;
  const map = legacy ? (ticketType.isDefault ? showtime.prices : undefined) : showtime.ticketPrices[ticketType.code];
  if (!map) return undefined;
  return map[seatType] ?? (STANDARD_PRICED.has(seatType) ? map.standard : undefined);
}
