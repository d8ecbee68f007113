// SQL for waiting rooms and their visits. Places only grow: `last_place` is the last one given out and
// `admitted_through` the last one admitted, so a place's standing is one subtraction and admission
// order is place order. Joins and the draw take the room's row lock, so no join slips between them.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { WaitingroomDb } from './waitingroom.tables.ts';

type Db = Executor<WaitingroomDb>;
export type RoomRow = Selectable<WaitingroomDb['waiting_rooms']>;
export type VisitRow = Selectable<WaitingroomDb['waiting_room_visits']>;

export async function insertRoom(db: Db, row: Insertable<WaitingroomDb['waiting_rooms']>): Promise<RoomRow> {
  return db.insertInto('waiting_rooms').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The room (not ended) of a showtime or of a movie. */
export async function liveRoomOf(
  db: Db,
  target: { showtimeId: string } | { movieId: string },
  options: { lock?: boolean } = {},
): Promise<RoomRow | undefined> {
  let q = db.selectFrom('waiting_rooms').selectAll().where('status', '<>', 'ended');
  q =
    'showtimeId' in target ? q.where('showtime_id', '=', target.showtimeId) : q.where('movie_id', '=', target.movieId);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function findRoom(db: Db, id: string, options: { lock?: boolean } = {}): Promise<RoomRow | undefined> {
  const q = db.selectFrom('waiting_rooms').selectAll().where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Every room not ended, oldest on-sale first (a handful: the guard caches them). */
export async function liveRooms(db: Db): Promise<RoomRow[]> {
  return db.selectFrom('waiting_rooms').selectAll().where('status', '<>', 'ended').orderBy('on_sale_at').execute();
}

export async function updateRoom(
  db: Db,
  id: string,
  patch: Updateable<WaitingroomDb['waiting_rooms']>,
): Promise<RoomRow> {
  return db.updateTable('waiting_rooms').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/**
 * The draw (room row locked by the caller): every visit still without a place gets one, in the order
 * of their random draw keys, after any places given already; returns the last place.
 */
export async function drawPlaces(db: Db, roomId: string, after: number): Promise<number> {
  const drawn = await sql<{ n: number }>`
    with drawn as (
      select id, row_number() over (order by draw_key, id) as n
      from waiting_room_visits where room_id = ${roomId} and place is null
    )
    update waiting_room_visits v set place = ${after} + drawn.n from drawn where v.id = drawn.id
    returning v.place as n`.execute(db);
  return drawn.rows.reduce((max, r) => Math.max(max, Number(r.n)), after);
}

type NewVisit = Omit<Insertable<WaitingroomDb['waiting_room_visits']>, 'place' | 'draw_key' | 'admitted_at'>;

/**
 * A visit before the on-sale moment, in one statement: inserted only while the room is still
 * scheduled, under a share lock of its row, so the draw (which takes it for update) sees it or it
 * sees the draw. Undefined when the room is no longer scheduled.
 */
export async function joinEarly(db: Db, v: NewVisit, drawKey: Buffer): Promise<VisitRow | undefined> {
  const r = await sql<VisitRow>`
    insert into waiting_room_visits (id, room_id, showtime_id, identity, device_id, draw_key, joined_at)
    select ${v.id}, ${v.room_id}, ${v.showtime_id}, ${v.identity}, ${v.device_id ?? null}, ${drawKey}, ${v.joined_at}
    from waiting_rooms where id = ${v.room_id} and status = 'scheduled' for share
    returning *`.execute(db);
  return r.rows[0];
}

/**
 * A visit after the draw, in one statement: the room's next place and the visit together (the row
 * lock lasts one statement; a duplicate identity or device undoes both). Undefined when the room is
 * not open or paused. Answers the room's admitted_through as well, for the visit's standing.
 */
export async function joinOpen(
  db: Db,
  v: NewVisit,
): Promise<{ visit: VisitRow; admittedThrough: number; status: RoomRow['status'] } | undefined> {
  const r = await sql<VisitRow & { room_admitted_through: number; room_status: RoomRow['status'] }>`
    with r as (
      update waiting_rooms set last_place = last_place + 1, updated_at = ${v.joined_at}
      where id = ${v.room_id} and status in ('open', 'paused')
      returning last_place, admitted_through, status
    ), v as (
      insert into waiting_room_visits (id, room_id, showtime_id, identity, device_id, place, joined_at)
      select ${v.id}, ${v.room_id}, ${v.showtime_id}, ${v.identity}, ${v.device_id ?? null}, r.last_place, ${v.joined_at}
      from r
      returning *
    )
    select v.*, r.admitted_through as room_admitted_through, r.status as room_status from v, r`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { room_admitted_through, room_status, ...visit } = row;
  return { visit: visit as VisitRow, admittedThrough: Number(room_admitted_through), status: room_status };
}

/** The visits of this identity or this device (at most two). */
export async function visitsOf(
  db: Db,
  roomId: string,
  identity: string | undefined,
  deviceId: string | null | undefined,
) {
  return db
    .selectFrom('waiting_room_visits')
    .selectAll()
    .where('room_id', '=', roomId)
    .where((eb) =>
      eb.or([
        ...(identity ? [eb('identity', '=', identity)] : []),
        ...(deviceId ? [eb('device_id', '=', deviceId)] : []),
      ]),
    )
    .execute();
}

/** Stamps a visit admitted before admissions were stamped by the tick (once; a fallback). */
export async function stampAdmitted(db: Db, visitId: string, now: Date): Promise<Date> {
  const r = await db
    .updateTable('waiting_room_visits')
    .set({ admitted_at: sql`coalesce(admitted_at, ${now})` })
    .where('id', '=', visitId)
    .returning('admitted_at')
    .executeTakeFirstOrThrow();
  return r.admitted_at as Date;
}

/**
 * Admits `count` more places (never past the last given out) and moves the admission clock to
 * `until`, unless another process moved it first (the clock is compared): safe to run anywhere.
 * The visits admitted are stamped `now` in the same statement, so their admission lasts from then.
 */
export async function advance(db: Db, room: RoomRow, count: number, until: Date, now: Date): Promise<boolean> {
  const r = await sql<{ through: string }>`
    with r as (
      update waiting_rooms set admitted_through = least(last_place, admitted_through + ${count}),
        admitted_until = ${until}, updated_at = ${until}
      where id = ${room.id} and status = 'open' and admitted_until = ${room.admitted_until as Date}
      returning admitted_through
    ), s as (${stampSql(room.id, count, now)})
    select admitted_through as through from r`.execute(db);
  return r.rows.length > 0;
}

/**
 * Stamps the visits a moment admitted (places in (through − count, through]; `least` admits no
 * fewer than `count` below the new mark). Only unstamped ones: the admission clock starts once.
 */
const stampSql = (roomId: string, count: number, now: Date) => sql`
  update waiting_room_visits v set admitted_at = ${now} from r
  where v.room_id = ${roomId} and v.place > r.admitted_through - ${count} and v.place <= r.admitted_through
    and v.admitted_at is null`;

/** Records a hold made with an admission token (a replayed answer records nothing twice). */
export async function recordHold(db: Db, hold: { bookingId: string; visitId: string; roomId: string }, now: Date) {
  await db
    .insertInto('waiting_room_holds')
    .values({ booking_id: hold.bookingId, visit_id: hold.visitId, room_id: hold.roomId, created_at: now })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .execute();
}

/**
 * A freed hold: forgets it, and answers its room when it was made with an admission token and its
 * visit has given back fewer than `cap` admissions (counted), so a hold/release loop admits `cap` more.
 */
export async function freedHold(db: Db, bookingId: string, cap: number): Promise<string | undefined> {
  const r = await sql<{ room_id: string }>`
    with h as (delete from waiting_room_holds where booking_id = ${bookingId} returning visit_id)
    update waiting_room_visits v set holds_freed = v.holds_freed + 1 from h
    where v.id = h.visit_id and v.holds_freed < ${cap}
    returning v.room_id`.execute(db);
  return r.rows[0]?.room_id;
}

/**
 * Forgets up to `limit` token holds that no release or expiry can still need: those of an ended room
 * (it admits nobody more) and those made before `before` (paid long ago, or lapsed while no sweeper
 * ran); returns how many.
 */
export async function pruneHolds(db: Db, before: Date, limit: number): Promise<number> {
  const old = db
    .selectFrom('waiting_room_holds as h')
    .innerJoin('waiting_rooms as r', 'r.id', 'h.room_id')
    .select('h.booking_id')
    .where((eb) => eb.or([eb('r.status', '=', 'ended'), eb('h.created_at', '<', before)]))
    .limit(limit);
  const rows = await db
    .deleteFrom('waiting_room_holds')
    .where('booking_id', 'in', old)
    .returning('booking_id')
    .execute();
  return rows.length;
}

/** One more admission now (a hold of the room's showtime freed its seats), stamped now. */
export async function admitOneMore(db: Db, roomId: string, now: Date): Promise<boolean> {
  const r = await sql<{ through: string }>`
    with r as (
      update waiting_rooms set admitted_through = admitted_through + 1, updated_at = ${now}
      where id = ${roomId} and status = 'open' and admitted_through < last_place
      returning admitted_through
    ), s as (${stampSql(roomId, 1, now)})
    select admitted_through as through from r`.execute(db);
  return r.rows.length > 0;
}

/** Visits drawn at the on-sale moment, not placed yet. */
export async function countUnplaced(db: Db, roomId: string): Promise<number> {
  const r = await db
    .selectFrom('waiting_room_visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('room_id', '=', roomId)
    .where('place', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** When the visit at `place` joined (the head of the line), if it exists. */
export async function joinedAtOfPlace(db: Db, roomId: string, place: number): Promise<Date | null> {
  const r = await db
    .selectFrom('waiting_room_visits')
    .select('joined_at')
    .where('room_id', '=', roomId)
    .where('place', '=', place)
    .executeTakeFirst();
  return (r?.joined_at as Date | undefined) ?? null;
}

/** Per room not ended: visitors still waiting (placed and not admitted, or not drawn yet). One scan of a handful of rooms. */
export async function waitingByRoom(db: Db): Promise<{ roomId: string; waiting: number }[]> {
  const r = await sql<{ id: string; waiting: number | string }>`
    select r.id, r.last_place - r.admitted_through
      + (select count(*) from waiting_room_visits v where v.room_id = r.id and v.place is null) as waiting
    from waiting_rooms r where r.status <> 'ended'`.execute(db);
  return r.rows.map((row) => ({ roomId: row.id, waiting: Math.max(0, Number(row.waiting)) }));
}
