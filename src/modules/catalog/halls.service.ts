// Halls and their seat layouts. A layout may change at any time: coming showtimes with sold or held
// seats keep the layout they were sold with (halls.store.ts keepLayoutForSales), the others take the
// new one; seats keep their ids by (row label, number) across edits.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { type ConstraintMap, translatePgError } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { CachedBody, CatalogCache } from './catalog.cache.ts';
import type { CatalogDb, SeatType } from './catalog.tables.ts';
import { cinemaNotFound, hallNameTaken, hallNotFound, pricesMissing } from './catalog.errors.ts';
import type { HallInput, HallView } from './cinemas.schemas.ts';
import { findCinema } from './cinemas.store.ts';
import { checkLayout } from './hall-layout.ts';
import * as store from './halls.store.ts';

/** A seat as other modules see it (booking's seat map). */
export interface HallSeat {
  id: string;
  row: string;
  number: number;
  type: SeatType;
  x: number;
  y: number;
}

export interface HallsService {
  list(cinemaId: string): Promise<CachedBody>;
  get(id: string): Promise<CachedBody>;
  create(cinemaId: string, input: Required<Pick<HallInput, 'name' | 'layout'>> & HallInput): Promise<HallView>;
  update(id: string, input: HallInput): Promise<HallView>;
  /** Active seats (blocked included) in drawing order; cached, frozen. */
  seats(hallId: string): Promise<readonly HallSeat[]>;
}

const DEFAULT_CLEANING_MINUTES = 15;
const hallConstraints: ConstraintMap = {
  halls_cinema_id_name_key: ['conflict', 'hall_name_taken', hallNameTaken().message],
};

function hallView(hall: store.HallRow, seats: store.SeatRow[]): HallView {
  const ids = new Map(seats.map((s) => [`${s.row_label}\u0000${s.number}`, s]));
  return {
    id: hall.id,
    cinemaId: hall.cinema_id,
    name: hall.name,
    capacity: hall.capacity,
    cleaningMinutes: hall.cleaning_minutes,
    seatRules: { noSingleGaps: hall.no_single_gaps },
    layout: {
      rows: hall.layout.rows.map((row) => ({
        label: row.label,
        ...(row.y !== undefined ? { y: row.y } : {}),
        seats: row.seats.map((s) => {
          const seat = ids.get(`${row.label}\u0000${s.number}`);
          return { id: seat?.id ?? '', number: s.number, type: s.type, x: s.x, y: seat?.y ?? s.y ?? 0 };
        }),
      })),
    },
  };
}

export function createHallsService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
}): HallsService {
  const { clock, cache } = deps;
  const db = moduleDb<CatalogDb>(deps.database);

  async function load(ex: Executor<CatalogDb>, id: string): Promise<HallView | null> {
    const hall = await store.findHall(ex, id);
    return hall ? hallView(hall, await store.activeSeats(ex, [id])) : null;
  }

  async function write<T>(fn: (trx: Executor<CatalogDb>) => Promise<T>): Promise<T> {
    try {
      const result = await db.transaction().execute(fn);
      await cache.contentChanged();
      return result;
    } catch (err) {
      throw translatePgError(err, hallConstraints);
    }
  }

  return {
    list(cinemaId) {
      return cache.read(`cinema-halls:${cinemaId}`, async () => {
        if (!(await findCinema(db, cinemaId))) throw cinemaNotFound();
        const halls = await store.hallsOfCinema(db, cinemaId);
        const seats = await store.activeSeats(
          db,
          halls.map((h) => h.id),
        );
        return {
          items: halls.map((h) =>
            hallView(
              h,
              seats.filter((s) => s.hall_id === h.id),
            ),
          ),
          nextCursor: null,
        };
      });
    },

    get(id) {
      return cache.read(`hall:${id}`, async () => {
        const hall = await load(db, id);
        if (!hall) throw hallNotFound();
        return hall;
      });
    },

    async create(cinemaId, input) {
      const checked = checkLayout(input.layout);
      const id = await write(async (trx) => {
        if (!(await findCinema(trx, cinemaId))) throw cinemaNotFound();
        const values = {
          cinemaId,
          name: input.name.trim(),
          cleaningMinutes: input.cleaningMinutes ?? DEFAULT_CLEANING_MINUTES,
          layout: checked.layout,
          capacity: checked.capacity,
        };
        const id = await store.insertHall(trx, values, clock.now());
        await store.replaceSeats(trx, id, checked.seats);
        return id;
      });
      return (await load(db, id)) as HallView;
    },

    async update(id, input) {
      const checked = input.layout ? checkLayout(input.layout) : undefined;
      const kept = await write(async (trx) => {
        // The row lock serialises layout edits of one hall.
        const hall = await store.findHall(trx, id, true);
        if (!hall) throw hallNotFound();
        const now = clock.now();
        let kept: store.KeptLayout[] | undefined;
        if (checked) {
          // A hold racing this edit either commits before it (keepLayoutForSales locks the coming
          // showtimes, which holds key-share lock) and the showtime keeps its layout, or waits and
          // is checked against the new seats (migration 116).
          kept = await store.keepLayoutForSales(trx, hall, now);
          const unpriced = await store.showtimesMissingPrices(trx, id, now, checked.seatTypes);
          if (unpriced.length > 0) throw pricesMissing(unpriced, checked.seatTypes);
          await store.replaceSeats(trx, id, checked.seats);
          await addEvents(trx, [
            {
              type: 'hall.layout_changed',
              aggregateId: id,
              payload: { hallId: id, keptLayout: kept.map((k) => k.id) },
            },
          ]);
        }
        await store.updateHall(
          trx,
          id,
          {
            ...(input.name !== undefined ? { name: input.name.trim() } : {}),
            ...(input.cleaningMinutes !== undefined ? { cleaningMinutes: input.cleaningMinutes } : {}),
            ...(input.seatRules !== undefined ? { noSingleGaps: input.seatRules.noSingleGaps } : {}),
            ...(checked ? { layout: checked.layout, capacity: checked.capacity } : {}),
          },
          now,
        );
        return kept;
      });
      const view = (await load(db, id)) as HallView;
      if (!kept) return view;
      return {
        ...view,
        keptLayout: kept.map((k) => ({ showtimeId: k.id, startsAt: new Date(k.starts_at).toISOString() })),
      };
    },

    seats(hallId) {
      return cache.value(
        `hall-seats:${hallId}`,
        async () =>
          (await store.activeSeats(db, [hallId])).map((s) => ({
            id: s.id,
            row: s.row_label,
            number: s.number,
            type: s.type,
            x: s.x,
            y: s.y,
          })),
        (json) => json as HallSeat[],
      );
    },
  };
}
