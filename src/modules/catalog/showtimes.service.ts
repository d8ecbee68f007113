// Showtimes: scheduling (validated; a hall never double-booked, enforced by PostgreSQL's exclusion
// constraint), listing with exact availability, and cancelling.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb, type SharedTx } from '../../platform/db/module-db.ts';
import { translatePgError } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { validationFailed } from '../../platform/errors.ts';
import { isIso4217Currency } from '../../platform/iso-4217.ts';
import type { CachedBody, CatalogCache } from './catalog.cache.ts';
import { showtimeHasPaidBookings, showtimeNotFound, showtimeOverlap } from './catalog.errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { findHall } from './halls.store.ts';
import type { CreateShowtimeInput, ShowtimeQueryInput, ShowtimeView } from './showtimes.schemas.ts';
import * as store from './showtimes.store.ts';
import { cinemaPricing, composeTicketPrices, listIn } from './showtime-prices.ts';
import type { CatalogDb } from './catalog.tables.ts';

export interface ShowtimesService {
  /** A page of showtimes with seatsAvailable, as cached JSON (short-lived: see catalog.cache.ts). */
  list(query: ShowtimeQueryInput): Promise<CachedBody>;
  get(id: string): Promise<CachedBody>;
  /** The showtime row with its movie, hall and cinema, read fresh (null when unknown). */
  load(ex: Executor<CatalogDb>, id: string): Promise<store.ShowtimeRow | null>;
  create(input: CreateShowtimeInput): Promise<ShowtimeView>;
  /**
   * Cancels a showtime. A showtime with paid bookings is refused with 409 showtime_has_paid_bookings
   * unless the caller says how they are refunded (the payments module, which serves the route).
   */
  cancelShowtime(id: string, refunds?: ShowtimeCancelRefunds): Promise<ShowtimeView>;
}

/**
 * The caller's part in one cancellation (payments: record and run the refunds), passed with the call
 * rather than registered, so the catalog never calls into a module that depends on it.
 */
export interface ShowtimeCancelRefunds {
  /** Runs in the cancelling transaction (first cancel only); the caller narrows it to its own tables. */
  inTransaction(trx: SharedTx, showtimeId: string): Promise<void>;
  /** Runs after the commit, also after a repeated cancel, before the answer is read. */
  afterCommit(showtimeId: string): Promise<void>;
}

const MINUTE = 60_000;

export function showtimeView(row: store.ShowtimeRow): ShowtimeView {
  return {
    id: row.id,
    movieId: row.movie_id,
    hallId: row.hall_id,
    cinemaId: row.cinema_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    format: row.format,
    language: row.language,
    subtitles: row.subtitles,
    prices: row.prices as Record<string, number>,
    ticketPrices: row.ticket_prices as Record<string, Record<string, number>>,
    currency: row.currency,
    status: row.status,
    seatsAvailable: Math.max(0, row.seats_available),
    capacity: row.capacity,
    movieTitle: row.movie_title,
    hallName: row.hall_name,
    timezone: row.timezone,
  };
}

export function createShowtimesService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
}): ShowtimesService {
  const { clock, cache } = deps;
  const db = moduleDb<CatalogDb>(deps.database);

  async function load(ex: Executor<CatalogDb>, id: string): Promise<store.ShowtimeRow | null> {
    return (await store.findShowtime(ex, id, clock.now())) ?? null;
  }

  async function validate(trx: Executor<CatalogDb>, input: CreateShowtimeInput, now: Date) {
    const startsAt = new Date(input.startsAt);
    if (!(startsAt.getTime() > now.getTime())) throw validationFailed('/startsAt', 'must be in the future');
    if (!isIso4217Currency(input.currency)) throw validationFailed('/currency', 'is not an ISO 4217 currency code');
    const movie = await trx
      .selectFrom('movies')
      .select('duration_minutes')
      .where('id', '=', input.movieId)
      .executeTakeFirst();
    if (!movie) throw validationFailed('/movieId', 'is not a known movie');
    const hall = await findHall(trx, input.hallId);
    if (!hall) throw validationFailed('/hallId', 'is not a known hall');
    const prices = input.prices as Record<string, number>;
    for (const type of await store.hallSeatTypes(trx, hall.id)) {
      if (prices[type] === undefined)
        throw validationFailed(`/prices/${type}`, `is required: the hall has ${type} seats`);
    }
    const endsAt = new Date(startsAt.getTime() + (movie.duration_minutes + hall.cleaning_minutes) * MINUTE);
    return { startsAt, endsAt, hall, prices };
  }

  return {
    list(query) {
      const limit = query.limit ?? 20;
      const status = query.status ?? 'scheduled';
      const defaultFrom = query.date === undefined && query.from === undefined;
      const key = `showtimes:${JSON.stringify([query.movieId, query.cinemaId, query.hallId, query.date, query.from, query.to, status, limit, query.cursor])}`;
      return cache.read(
        key,
        async () => {
          const now = clock.now();
          const filters: store.ShowtimeFilters = {
            movieId: query.movieId,
            cinemaId: query.cinemaId,
            hallId: query.hallId,
            date: query.date,
            from: query.from !== undefined ? new Date(query.from) : defaultFrom ? now : undefined,
            to: query.to !== undefined ? new Date(query.to) : undefined,
            status,
          };
          const rows = await store.listShowtimes(
            db,
            filters,
            now,
            limit,
            decodeCursor(query.cursor || undefined, 'showtimes', ['timestamp', 'uuid']),
          );
          const page = pageOf(rows, limit, 'showtimes', (r) => [r.sort_key, r.id]);
          return { items: page.items.map(showtimeView), nextCursor: page.nextCursor };
        },
        { live: true },
      );
    },

    get(id) {
      return cache.read(
        `showtime:${id}`,
        async () => {
          const row = await load(db, id);
          if (!row) throw showtimeNotFound();
          return showtimeView(row);
        },
        { live: true },
      );
    },

    load,

    async create(input) {
      const now = clock.now();
      let id: string;
      try {
        id = await db.transaction().execute(async (trx) => {
          const v = await validate(trx, input, now);
          const pricing = await cinemaPricing(trx, v.hall.cinema_id);
          // A list in another currency is not copied: its types stay unpriced until the admin prices them.
          const ticketPrices = composeTicketPrices(
            pricing,
            v.prices,
            input.ticketPrices,
            listIn(pricing, input.currency),
          );
          return store.insertShowtime(
            trx,
            {
              movieId: input.movieId,
              hallId: v.hall.id,
              cinemaId: v.hall.cinema_id,
              startsAt: v.startsAt,
              endsAt: v.endsAt,
              format: input.format?.trim() || '2D',
              language: input.language ?? null,
              subtitles: input.subtitles ?? null,
              prices: v.prices,
              ticketPrices,
              currency: input.currency,
            },
            now,
          );
        });
      } catch (err) {
        throw translatePgError(err, {
          showtimes_no_overlap: ['conflict', 'showtime_overlap', showtimeOverlap().message],
        });
      }
      await cache.contentChanged();
      return showtimeView((await load(db, id)) as store.ShowtimeRow);
    },

    async cancelShowtime(id, refunds) {
      await db.transaction().execute(async (trx) => {
        // The row lock orders this against anything else that locks the showtime (e.g. a payment).
        const showtime = await store.lockShowtime(trx, id);
        if (!showtime) throw showtimeNotFound();
        if (showtime.status === 'cancelled') return;
        if (!refunds && (await store.hasPaidBookings(trx, id))) throw showtimeHasPaidBookings();
        await store.markCancelled(trx, id, clock.now());
        await addEvents(trx, [{ type: 'showtime.cancelled', aggregateId: id, payload: { showtimeId: id } }]);
        await refunds?.inTransaction(trx, id);
      });
      await cache.contentChanged();
      await cache.liveChanged();
      // Also after a repeated cancel: the refunds finish whatever an earlier attempt left undone.
      await refunds?.afterCommit(id);
      return showtimeView((await load(db, id)) as store.ShowtimeRow);
    },
  };
}
