// Showtime and hall-seat reads for holds and seat maps, kept in process for a moment: under a flash
// crowd every request needs them and they almost never change. Bookability is checked again inside
// the hold's own INSERT, so a stale copy can never let a cancelled or started showtime be booked.
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import {
  findShowtimeForBooking,
  type HallSeat,
  IMPLICIT_DEFAULT,
  listCinemaTicketTypes,
  listShowtimeSeats,
  type SellableType,
  type ShowtimeForBooking,
} from './booking-catalog.store.ts';
import type { BookingDb } from './booking.tables.ts';

export interface ShowtimeSeats {
  showtime: ShowtimeForBooking;
  seats: HallSeat[];
  seatById: Map<string, HallSeat>;
  /** The cinema's ticket types by code, inactive ones included. */
  typeByCode: Map<string, SellableType>;
  /** The type a hold by seatIds sells. */
  defaultType: SellableType;
}

const TTL_MS = 2000;
const MAX_ENTRIES = 5000;
// A hall's seats are read again only when they changed (halls.seats_version, read with the showtime
// on every refresh) or after this long: with large halls, re-reading every seat of every showtime
// each TTL_MS was most of a hold's cost under a crowd (issue 18).
const SEATS_TTL_MS = 60_000;
const MAX_HALLS = 2000;

export interface CatalogCache {
  /** The showtime with its hall's seats, or null when there is no such showtime. */
  get(showtimeId: string): Promise<ShowtimeSeats | null>;
  forget(showtimeId: string): void;
}

export function createCatalogCache(database: ModuleDatabase, ttlMs = TTL_MS): CatalogCache {
  const entries = new Map<string, { at: number; value: Promise<ShowtimeSeats | null> }>();
  // By hall, kept layout and the hall's seats version: seats that cannot have changed since they were read.
  const halls = new Map<string, { at: number; seats: HallSeat[]; seatById: Map<string, HallSeat> }>();

  async function seatsOf(showtime: ShowtimeForBooking) {
    const key = `${showtime.hallId}:${showtime.layoutId ?? ''}:${showtime.hallSeatsVersion}`;
    const hit = halls.get(key);
    if (hit && performance.now() - hit.at < SEATS_TTL_MS) return hit;
    const seats = await listShowtimeSeats(moduleDb<BookingDb>(database), showtime);
    const fresh = { at: performance.now(), seats, seatById: new Map(seats.map((s) => [s.id, s])) };
    if (halls.size >= MAX_HALLS) halls.delete(halls.keys().next().value as string);
    halls.set(key, fresh);
    return fresh;
  }

  async function load(showtimeId: string): Promise<ShowtimeSeats | null> {
    const showtime = await findShowtimeForBooking(moduleDb<BookingDb>(database), showtimeId);
    if (!showtime) return null;
    const [{ seats, seatById }, types] = await Promise.all([
      seatsOf(showtime),
      listCinemaTicketTypes(moduleDb<BookingDb>(database), showtime.cinemaId),
    ]);
    const defaultType = types.find((t) => t.isDefault) ?? IMPLICIT_DEFAULT;
    return {
      showtime,
      seats,
      seatById,
      typeByCode: new Map([defaultType, ...types].map((t) => [t.code, t])),
      defaultType,
    };
  }

  return {
    get(showtimeId) {
      const hit = entries.get(showtimeId);
      if (hit && performance.now() - hit.at < ttlMs) return hit.value;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      const value = load(showtimeId);
      entries.set(showtimeId, { at: performance.now(), value });
      // A failed or missing read is not remembered.
      value.then(
        (v) => {
          if (!v) entries.delete(showtimeId);
        },
        () => entries.delete(showtimeId),
      );
      return value;
    },
    forget(showtimeId) {
      entries.delete(showtimeId);
      // Called when a hold found the copy stale (it raced a layout edit): read the seats again too.
      halls.clear();
    },
  };
}
