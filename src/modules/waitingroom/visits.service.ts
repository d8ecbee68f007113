// Visitors' places: joining (one place per account or guest email, and per device), reading one's
// standing, and the admission token once the place has come up. Before the on-sale moment a visit
// gets a secure random draw key and no place (the draw orders them at that moment); after it, the
// next place at once (first come, first served).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import { signAdmission } from './admission-token.ts';
import type { RoomsService } from './rooms.service.ts';
import { deviceInUse, placeTaken, roomNotFound, visitNotFound } from './waitingroom.errors.ts';
import * as store from './waitingroom.store.ts';
import type { RoomRow, VisitRow } from './waitingroom.store.ts';
import type { WaitingroomDb } from './waitingroom.tables.ts';

/** Who waits: `identity` keeps the place (`u:<user>` or a guest key), `holder` is whom the token admits. */
export interface Visitor {
  identity: string;
  holder: string;
  deviceId: string | null;
}

/** Who asks for a place: an account, or a device alone (whose place, if a guest's, it may see). */
export type Asker = Partial<Omit<Visitor, 'holder'>> & { holder: string | null };

export interface VisitView {
  visitId: string;
  showtimeId: string;
  status: 'waiting' | 'admitted' | 'expired';
  roomStatus: RoomRow['status'];
  position: number | null;
  ahead: number | null;
  estimatedWaitSeconds: number | null;
  onSaleAt: string;
  admission: { token: string; expiresAt: string } | null;
}

export type VisitsService = ReturnType<typeof createVisitsService>;

export function createVisitsService(deps: {
  db: Kysely<WaitingroomDb>;
  clock: Clock;
  rooms: RoomsService;
  secret: () => Promise<string>;
  /** The live room guarding a showtime (its own, or its movie's). */
  roomOf: (showtimeId: string) => Promise<RoomRow | null>;
  /** Tells every process a room changed (a join that made the draw). */
  changed: (roomId: string) => Promise<void>;
}) {
  const { db, clock } = deps;

  /** How a visit stands in its room now; stamps the admission the first time its place has come up. */
  async function view(room: RoomRow, visit: VisitRow, holder: string, showtimeId?: string): Promise<VisitView> {
    const now = clock.now();
    const base = {
      visitId: visit.id,
      // A movie room's visit answers for the showtime asked about (its token admits to them all).
      showtimeId: showtimeId ?? visit.showtime_id,
      roomStatus: room.status,
      onSaleAt: (room.on_sale_at as Date).toISOString(),
    };
    const rate = room.admissions_per_minute;
    if (visit.place === null) {
      // Drawn at the on-sale moment: no place yet, and the wait is at least until then.
      const until = Math.max(0, Math.ceil(((room.on_sale_at as Date).getTime() - now.getTime()) / 1000));
      return { ...base, status: 'waiting', position: null, ahead: null, estimatedWaitSeconds: until, admission: null };
    }
    const place = Number(visit.place);
    if (place > Number(room.admitted_through) && room.status !== 'ended') {
      const ahead = place - Number(room.admitted_through) - 1;
      const estimatedWaitSeconds = Math.ceil(((ahead + 1) * 60) / rate);
      return { ...base, status: 'waiting', position: ahead + 1, ahead, estimatedWaitSeconds, admission: null };
    }
    const admittedAt = (visit.admitted_at as Date | null) ?? (await store.stampAdmitted(db, visit.id, now));
    visit.admitted_at = admittedAt;
    const expiresAt = new Date(admittedAt.getTime() + room.admission_minutes * 60_000);
    const done = { ...base, position: 0, ahead: 0, estimatedWaitSeconds: 0 };
    if (expiresAt <= now) return { ...done, status: 'expired', admission: null };
    const token = signAdmission(await deps.secret(), {
      visitId: visit.id,
      roomId: room.id,
      holder,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
    });
    return { ...done, status: 'admitted', admission: { token, expiresAt: expiresAt.toISOString() } };
  }

  async function roomOrThrow(showtimeId: string): Promise<RoomRow> {
    const room = await deps.roomOf(showtimeId);
    if (!room) throw roomNotFound();
    return room;
  }

  /** The visit of this visitor (by identity, else by device), or undefined. */
  async function existing(room: RoomRow, who: Asker | Visitor): Promise<VisitRow | undefined> {
    if (!who.identity && !who.deviceId) return undefined;
    const rows = await store.visitsOf(db, room.id, who.identity, who.deviceId);
    const mine = rows.find((v) => who.identity && v.identity === who.identity);
    // A guest's place (and its token) goes only to the device that took it: an email alone is no proof.
    if (mine?.identity.startsWith('e:') && mine.device_id !== null && mine.device_id !== who.deviceId)
      throw placeTaken();
    if (mine) return mine;
    const device = rows[0];
    if (device && who.identity && device.identity !== who.identity) throw deviceInUse();
    return device;
  }

  /** The draw, made by the first join after the on-sale moment when no job has made it yet. */
  async function openIfDue(roomId: string, now: Date): Promise<boolean> {
    const opened = await db.transaction().execute(async (trx) => {
      const locked = await store.findRoom(trx, roomId, { lock: true });
      if (!locked || locked.status === 'ended') return false;
      if (locked.status === 'scheduled' && (locked.on_sale_at as Date) <= now) {
        await deps.rooms.openLocked(trx, locked, now);
        return 'drew';
      }
      return locked.status !== 'scheduled';
    });
    if (opened === 'drew') await deps.changed(roomId);
    return opened !== false;
  }

  return {
    view,

    /** Takes a place for this visitor, or answers the place they have already (same account, email or device). */
    async join(showtimeId: string, who: Visitor): Promise<VisitView> {
      const room = await roomOrThrow(showtimeId);
      const found = await existing(room, who);
      if (found) return view(room, found, who.holder, showtimeId);
      const now = clock.now();
      const row = {
        id: randomUUID(),
        room_id: room.id,
        showtime_id: showtimeId,
        identity: who.identity,
        device_id: who.deviceId,
        joined_at: now,
      };
      try {
        if (room.status === 'scheduled' && (room.on_sale_at as Date) > now) {
          const early = await store.joinEarly(db, row, randomBytes(16));
          if (early) return view(room, early, who.holder);
        }
        let placed = await store.joinOpen(db, row);
        if (!placed && (await openIfDue(room.id, now))) placed = await store.joinOpen(db, row);
        if (!placed) throw roomNotFound();
        const standing = { ...room, admitted_through: placed.admittedThrough, status: placed.status };
        return view(standing, placed.visit, who.holder);
      } catch (err) {
        // Two tabs joining at once: the second finds the first one's place.
        if (!isPgError(err, '23505')) throw err;
        const v = await existing(room, who);
        if (!v) throw err;
        return view((await store.findRoom(db, room.id)) as RoomRow, v, who.holder);
      }
    },

    /** This visitor's standing (by account or guest identity, else the device cookie). */
    async current(showtimeId: string, who: Asker): Promise<VisitView> {
      const { room, visit, holder } = await this.find(showtimeId, who);
      return view(room, visit, holder, showtimeId);
    },

    /** The room, the visit and whom its token admits (a live stream keeps them and re-views on each change). */
    async find(showtimeId: string, who: Asker) {
      const room = await roomOrThrow(showtimeId);
      const visit = await existing(room, who);
      // A device alone finds a guest's place only: an account's place needs its session.
      const holder = who.holder ?? (visit?.identity.startsWith('e:') ? visit.identity : null);
      if (!visit || holder === null) throw visitNotFound();
      return { room, visit, holder };
    },
  };
}
