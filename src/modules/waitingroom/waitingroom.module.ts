// The waiting room (issue 18): admins guard a showtime, or a movie's showtimes, from an on-sale
// moment; visitors take one place each (drawn at random for those who came early, in order after),
// places are admitted at a rate by a scheduled job and one more per freed hold (booking's events),
// and holds of a guarded showtime need an admission token (hold-gate.ts). The record is PostgreSQL,
// so a restarted process loses no place; each process keeps the live rooms in memory, refreshed
// through pub/sub (Redis across processes).
import { randomBytes } from 'node:crypto';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb, narrowTx } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import type { StreamSlots } from '../../platform/http/stream-slots.ts';
import type { Job } from '../../platform/jobs.ts';
import { settingOrCreate } from '../../platform/settings.ts';
import { createHoldGate } from './hold-gate.ts';
import { createRoomCache } from './room-cache.ts';
import { registerRoomRoutes } from './rooms.routes.ts';
import { createRoomsService, type RoomTarget } from './rooms.service.ts';
import { registerVisitRoutes } from './visits.routes.ts';
import { registerWaitingRoomMetrics } from './waitingroom.metrics.ts';
import { createVisitsService } from './visits.service.ts';
import { freedHold, liveRooms, pruneHolds as pruneHoldRecords, recordHold } from './waitingroom.store.ts';
import type { WaitingroomDb } from './waitingroom.tables.ts';

export const SECRET_SETTING = 'waitingroom.token_secret';
export const WAITING_ROOM_CONSUMERS = [
  { name: 'waitingroom.booking-released', pattern: 'booking.released' },
  { name: 'waitingroom.booking-expired', pattern: 'booking.expired' },
] as const;
/** Admissions one visit's freed holds give back: a hold/release loop must not drain the line. */
const FREED_HOLDS_PER_VISIT = 1;
const DAY_MS = 24 * 60 * 60_000;
/** Hold records forgotten per run of the prune job (a full batch runs again at once). */
const PRUNE_BATCH = 500;

export function createWaitingRoomModule(
  platform: Platform,
  deps: {
    exists: (target: RoomTarget) => Promise<boolean>;
    movieOf: (showtimeId: string) => Promise<string | null>;
    counts: (showtimeId: string) => Promise<{ held: number; sold: number }>;
    /** Live stream caps shared with the seat maps (booking's). */
    slots: StreamSlots;
  },
) {
  const { clock, config, logger } = platform;
  const db = moduleDb<WaitingroomDb>(platform.database);
  let secretValue: Promise<string> | undefined;
  const secret = () => {
    secretValue ??= settingOrCreate(db, SECRET_SETTING, () => randomBytes(32).toString('base64url'));
    secretValue.catch(() => (secretValue = undefined));
    return secretValue;
  };
  const cache = createRoomCache({ pubsub: platform.pubsub, logger, load: () => liveRooms(db), movieOf: deps.movieOf });
  const rooms = createRoomsService({
    db,
    clock,
    defaultAdmissionMinutes: config.waitingRoomAdmissionMinutes,
    exists: deps.exists,
    counts: deps.counts,
    changed: cache.changed,
  });
  const visits = createVisitsService({ db, clock, rooms, secret, roomOf: cache.roomOf, changed: cache.changed });
  registerWaitingRoomMetrics(platform.metrics, db);
  const admissions: Job = { name: 'waitingroom.admissions', runOnce: () => rooms.tick() };
  // A hold's record is deleted when the hold is released or lapses; a paid hold's (or one of an
  // ended room) would stay for ever. A hold lives HOLD_MINUTES + HOLD_EXTENSION_MINUTES at most; the
  // day on top covers a sweeper that was down when it lapsed.
  const keepHoldMs = (config.holdMinutes + config.holdExtensionMinutes) * 60_000 + DAY_MS;
  const pruneHolds: Job = {
    name: 'waitingroom.holds-prune',
    intervalMs: 10 * 60_000,
    runOnce: () => pruneHoldRecords(db, new Date(clock.now().getTime() - keepHoldMs), PRUNE_BATCH),
  };
  let subscriptions: Unsubscribe[] = [];

  const parts: ModuleParts = {
    routes(app, auth) {
      registerRoomRoutes(app, auth, { rooms, cache, slots: deps.slots });
      registerVisitRoutes(app, auth, {
        visits,
        cache,
        limiter: createRateLimiter({ kv: platform.kv, clock }),
        joinsPerMinute: config.waitingRoomJoinsPerMinute,
        slots: deps.slots,
        publicUrl: config.publicUrl,
      });
    },
    jobs: [admissions, pruneHolds],
    onStart: async () => {
      await secret();
      await cache.start();
      // A freed hold made with an admission token lets one more visitor in at once (once per visit).
      const freed = async (e: { payload: Record<string, unknown> }, trx: Parameters<typeof narrowTx>[0]) => {
        const bookingId = e.payload.bookingId;
        if (typeof bookingId !== 'string') return;
        // Inside the event's transaction only (on PGlite any other query would wait for it).
        const tx = narrowTx<WaitingroomDb>(trx);
        const roomId = await freedHold(tx, bookingId, FREED_HOLDS_PER_VISIT);
        if (roomId && (await rooms.holdFreed(tx, roomId))) await cache.changed(roomId);
      };
      subscriptions = await Promise.all(
        WAITING_ROOM_CONSUMERS.map((c) => platform.events.subscribe(c.name, c.pattern, freed)),
      );
    },
    onClose: async () => {
      for (const unsubscribe of subscriptions) await unsubscribe();
      await cache.close();
    },
  };
  const hold = createHoldGate({ rooms: cache, clock, secret, record: (h) => recordHold(db, h, clock.now()) });
  return {
    rooms,
    visits,
    /** The preHandler that asks holds of guarded showtimes for their admission token (app.ts adds it). */
    holdGate: hold.gate,
    /** The onSend hook recording the holds the gate let through (app.ts adds it). */
    holdRecorder: hold.record,
    parts,
  };
}

export type WaitingRoomModule = ReturnType<typeof createWaitingRoomModule>;
