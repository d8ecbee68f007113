// Waiting rooms as admins and staff see them: set up per showtime or per movie, ended, paused,
// resumed, rate changed, watched live; and the clock work (the draw at the on-sale moment, admissions
// at the rate, one more per freed hold) that admission.job.ts and the booking-event consumer run.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Kysely } from 'kysely';
import { movieNotFound, onSaleFixed, roomEnded, roomNotFound, showtimeNotFound } from './waitingroom.errors.ts';
import * as store from './waitingroom.store.ts';
import type { RoomRow } from './waitingroom.store.ts';
import type { WaitingroomDb } from './waitingroom.tables.ts';

export type RoomTarget = { showtimeId: string } | { movieId: string };

export interface RoomSettings {
  onSaleAt: Date;
  admissionsPerMinute: number;
  admissionMinutes?: number | undefined;
}

export interface RoomStats {
  id: string;
  scope: 'showtime' | 'movie';
  showtimeId: string | null;
  movieId: string | null;
  onSaleAt: string;
  status: RoomRow['status'];
  admissionsPerMinute: number;
  admissionMinutes: number;
  waiting: number;
  admitted: number;
  activeHolds: number | null;
  sold: number | null;
  oldestWaitSeconds: number;
}

export interface RoomsDeps {
  db: Kysely<WaitingroomDb>;
  clock: Clock;
  defaultAdmissionMinutes: number;
  exists: (target: RoomTarget) => Promise<boolean>;
  /** Live holds and sold seats of a showtime (booking's report). */
  counts: (showtimeId: string) => Promise<{ held: number; sold: number }>;
  /** Tells every process (guards, live streams) that a room changed. */
  changed: (roomId: string) => Promise<void>;
}

export type RoomsService = ReturnType<typeof createRoomsService>;

export function createRoomsService(deps: RoomsDeps) {
  const { db, clock } = deps;

  async function stats(room: RoomRow): Promise<RoomStats> {
    const now = clock.now();
    const unplaced = room.status === 'scheduled' ? await store.countUnplaced(db, room.id) : 0;
    const waiting = unplaced + Number(room.last_place) - Number(room.admitted_through);
    let oldestWaitSeconds = 0;
    if (room.status !== 'scheduled' && waiting > 0) {
      const joined = await store.joinedAtOfPlace(db, room.id, Number(room.admitted_through) + 1);
      const since = Math.max(joined?.getTime() ?? now.getTime(), (room.opened_at as Date).getTime());
      oldestWaitSeconds = Math.max(0, Math.round((now.getTime() - since) / 1000));
    }
    const counts = room.showtime_id ? await deps.counts(room.showtime_id).catch(() => null) : null;
    return {
      id: room.id,
      scope: room.scope,
      showtimeId: room.showtime_id,
      movieId: room.movie_id,
      onSaleAt: (room.on_sale_at as Date).toISOString(),
      status: room.status,
      admissionsPerMinute: room.admissions_per_minute,
      admissionMinutes: room.admission_minutes,
      waiting,
      admitted: Number(room.admitted_through),
      activeHolds: counts?.held ?? null,
      sold: counts?.sold ?? null,
      oldestWaitSeconds,
    };
  }

  async function live(id: string): Promise<RoomRow> {
    const room = await store.findRoom(db, id);
    if (!room) throw roomNotFound();
    return room;
  }

  /** Changes a live room under its row lock and tells every process. */
  async function change(id: string, f: (trx: Executor<WaitingroomDb>, room: RoomRow) => Promise<RoomRow>) {
    const room = await db.transaction().execute(async (trx) => {
      const r = await store.findRoom(trx, id, { lock: true });
      if (!r) throw roomNotFound();
      if (r.status === 'ended') throw roomEnded();
      return f(trx, r);
    });
    await deps.changed(room.id);
    return stats(room);
  }

  /** Opens a room whose on-sale moment has come (row locked): the early visitors' places are drawn. */
  async function openLocked(trx: Executor<WaitingroomDb>, room: RoomRow, now: Date): Promise<RoomRow> {
    const last = await store.drawPlaces(trx, room.id, Number(room.last_place));
    return store.updateRoom(trx, room.id, {
      status: 'open',
      last_place: last,
      opened_at: now,
      admitted_until: room.on_sale_at as Date,
      updated_at: now,
    });
  }

  return {
    stats,
    openLocked,

    /** Sets up (or changes) the room of a showtime or a movie. */
    async configure(target: RoomTarget, s: RoomSettings): Promise<RoomStats> {
      if (!(await deps.exists(target))) throw 'showtimeId' in target ? showtimeNotFound() : movieNotFound();
      const now = clock.now();
      const room = await db.transaction().execute(async (trx) => {
        const found = await store.liveRoomOf(trx, target, { lock: true });
        const admissionMinutes = s.admissionMinutes ?? found?.admission_minutes ?? deps.defaultAdmissionMinutes;
        if (!found)
          return store.insertRoom(trx, {
            id: randomUUID(),
            scope: 'showtimeId' in target ? 'showtime' : 'movie',
            showtime_id: 'showtimeId' in target ? target.showtimeId : null,
            movie_id: 'movieId' in target ? target.movieId : null,
            on_sale_at: s.onSaleAt,
            admissions_per_minute: s.admissionsPerMinute,
            admission_minutes: admissionMinutes,
            status: 'scheduled',
            created_at: now,
            updated_at: now,
          });
        const moved = (found.on_sale_at as Date).getTime() !== s.onSaleAt.getTime();
        if (moved && found.status !== 'scheduled') throw onSaleFixed();
        return store.updateRoom(trx, found.id, {
          on_sale_at: s.onSaleAt,
          admissions_per_minute: s.admissionsPerMinute,
          admission_minutes: admissionMinutes,
          updated_at: now,
        });
      });
      await deps.changed(room.id);
      return stats(room);
    },

    /** Ends the room of a showtime or movie: its showtimes sell freely again. */
    async end(target: RoomTarget): Promise<void> {
      const now = clock.now();
      const room = await store.liveRoomOf(db, target);
      if (!room) throw roomNotFound();
      await store.updateRoom(db, room.id, { status: 'ended', ended_at: now, updated_at: now });
      await deps.changed(room.id);
    },

    async list(): Promise<RoomStats[]> {
      return Promise.all((await store.liveRooms(db)).map(stats));
    },

    async get(id: string): Promise<RoomStats> {
      return stats(await live(id));
    },

    /** Stops admitting (places stay); the on-sale draw still happens at its moment. */
    pause: (id: string) =>
      change(id, async (trx, r) =>
        r.status === 'open' ? store.updateRoom(trx, r.id, { status: 'paused', updated_at: clock.now() }) : r,
      ),

    /** Admits again at the rate from now (no admissions owed for the pause). */
    resume: (id: string) =>
      change(id, async (trx, r) => {
        const now = clock.now();
        return r.status === 'paused'
          ? store.updateRoom(trx, r.id, { status: 'open', admitted_until: now, updated_at: now })
          : r;
      }),

    setRate: (id: string, admissionsPerMinute: number) =>
      change(id, (trx, r) =>
        store.updateRoom(trx, r.id, { admissions_per_minute: admissionsPerMinute, updated_at: clock.now() }),
      ),

    /** The draw of rooms whose moment came, then admissions owed at each open room's rate; returns rooms changed. */
    async tick(): Promise<number> {
      const now = clock.now();
      let changed = 0;
      for (const room of await store.liveRooms(db)) {
        if (room.status === 'scheduled' && (room.on_sale_at as Date) <= now) {
          const opened = await db.transaction().execute(async (trx) => {
            const r = await store.findRoom(trx, room.id, { lock: true });
            return r?.status === 'scheduled' ? openLocked(trx, r, now) : null;
          });
          if (opened) {
            changed++;
            await deps.changed(room.id);
          }
          continue;
        }
        if (room.status !== 'open' || !room.admitted_until) continue;
        const since = (room.admitted_until as Date).getTime();
        const perMs = room.admissions_per_minute / 60_000;
        const owed = Math.floor((now.getTime() - since) * perMs);
        if (owed < 1) continue;
        const until = new Date(since + Math.ceil(owed / perMs));
        const before = Number(room.admitted_through);
        if ((await store.advance(db, room, owed, until, now)) && before < Number(room.last_place)) {
          changed++;
          await deps.changed(room.id);
        }
      }
      return changed;
    },

    /** A hold made with this room's admission token freed its seats: the room admits one more at once. */
    async holdFreed(trx: Executor<WaitingroomDb>, roomId: string): Promise<boolean> {
      return store.admitOneMore(trx, roomId, clock.now());
    },
  };
}
