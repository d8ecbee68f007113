// The few catalog reads booking needs: a showtime's bookability and prices, and its hall's seats,
// through the read model the catalog publishes for the hold path (CatalogReadModel). Kept in this
// one file so they can move behind the catalog service without touching rules.
import type { Executor } from '../../platform/db/database.ts';
import type { SeatType } from '../catalog/catalog.module.ts';
import type { BookingDb } from './booking.tables.ts';

export interface ShowtimeForBooking {
  id: string;
  hallId: string;
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  prices: Partial<Record<SeatType, number>>;
  currency: string;
  /** The earlier layout the showtime keeps (it was sold with it), or null: the hall's current one. */
  layoutId: string | null;
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
    .selectFrom('showtimes')
    .select(['id', 'hall_id', 'status', 'starts_at', 'prices', 'currency', 'layout_id'])
    .where('id', '=', showtimeId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    hallId: row.hall_id,
    status: row.status,
    startsAt: new Date(row.starts_at),
    prices: row.prices,
    currency: row.currency,
    layoutId: row.layout_id,
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
