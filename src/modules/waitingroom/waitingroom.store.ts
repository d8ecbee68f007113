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

/** The next place of a room (row locked by the caller). */
export async function takePlace(db: Db, roomId: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('waiting_rooms')
    .set({ last_place: sql`last_place + 1`, updated_at: now })
    .where('id', '=', roomId)
    .returning('last_place')
    .executeTakeFirstOrThrow();
  return Number(r.last_place);
}

/** A visit by who it is or by the device it came from. */
export async function findVisit(db: Db, roomId: string, by: { identity: string } | { deviceId: string }) {
  let q = db.selectFrom('waiting_room_visits').selectAll().where('room_id', '=', roomId);
  q = 'identity' in by ? q.where('identity', '=', by.identity) : q.where('device_id', '=', by.deviceId);
  return q.executeTakeFirst();
}

export async function insertVisit(db: Db, row: Insertable<WaitingroomDb['waiting_room_visits']>): Promise<VisitRow> {
  return db.insertInto('waiting_room_visits').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Stamps the moment a visit's place came up (once: the first reader after admission). */
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
 */
export async function advance(db: Db, room: RoomRow, count: number, until: Date): Promise<boolean> {
  const r = await db
    .updateTable('waiting_rooms')
    .set({
      admitted_through: sql`least(last_place, admitted_through + ${count})`,
      admitted_until: until,
      updated_at: until,
    })
    .where('id', '=', room.id)
    .where('status', '=', 'open')
    .where('admitted_until', '=', room.admitted_until as Date)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The open room guarding a showtime: its own, or the movie room a visitor joined through it. */
export async function openRoomOfShowtime(db: Db, showtimeId: string): Promise<RoomRow | undefined> {
  return db
    .selectFrom('waiting_rooms')
    .selectAll()
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('showtime_id', '=', showtimeId),
        eb(
          'id',
          'in',
          eb.selectFrom('waiting_room_visits').select('room_id').where('showtime_id', '=', showtimeId).limit(1),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** One more admission now (a hold of the room's showtime freed its seats). */
export async function admitOneMore(db: Db, roomId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('waiting_rooms')
    .set({ admitted_through: sql`least(last_place, admitted_through + 1)`, updated_at: now })
    .where('id', '=', roomId)
    .where('status', '=', 'open')
    .where(sql<boolean>`admitted_through < last_place`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
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
