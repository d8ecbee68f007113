// SQL for halls and their seats. Seats are never deleted (bookings keep pointing at them): a seat
// that leaves the layout becomes inactive, and comes back with the same id if it returns.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CatalogDb, HallLayout, SeatType } from './catalog.tables.ts';
import type { SeatSpec } from './hall-layout.ts';

export interface HallRow {
  id: string;
  cinema_id: string;
  name: string;
  cleaning_minutes: number;
  layout: HallLayout;
  capacity: number;
  no_single_gaps: boolean;
}

export interface SeatRow {
  id: string;
  row_label: string;
  number: number;
  type: SeatType;
  x: number;
  y: number;
  row_index: number;
}

const hallColumns = ['id', 'cinema_id', 'name', 'cleaning_minutes', 'layout', 'capacity', 'no_single_gaps'] as const;

export async function insertHall(
  trx: Executor<CatalogDb>,
  values: { cinemaId: string; name: string; cleaningMinutes: number; layout: HallLayout; capacity: number },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('halls')
    .values({
      cinema_id: values.cinemaId,
      name: values.name,
      cleaning_minutes: values.cleaningMinutes,
      layout: JSON.stringify(values.layout) as never,
      capacity: values.capacity,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateHall(
  trx: Executor<CatalogDb>,
  id: string,
  values: { name?: string; cleaningMinutes?: number; layout?: HallLayout; capacity?: number; noSingleGaps?: boolean },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('halls')
    .set({
      updated_at: now,
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.cleaningMinutes !== undefined ? { cleaning_minutes: values.cleaningMinutes } : {}),
      ...(values.layout !== undefined ? { layout: JSON.stringify(values.layout) as never } : {}),
      ...(values.capacity !== undefined ? { capacity: values.capacity } : {}),
      ...(values.noSingleGaps !== undefined ? { no_single_gaps: values.noSingleGaps } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Makes the hall's active seats exactly `seats`, keeping ids by (row label, number). */
export async function replaceSeats(trx: Executor<CatalogDb>, hallId: string, seats: SeatSpec[]): Promise<void> {
  const json = JSON.stringify(
    seats.map((s) => ({
      row_label: s.rowLabel,
      number: s.number,
      type: s.type,
      x: s.x,
      y: s.y,
      row_index: s.rowIndex,
    })),
  );
  await sql`
    insert into seats (hall_id, row_label, number, type, x, y, row_index, active)
    select ${hallId}, r.row_label, r.number, r.type, r.x, r.y, r.row_index, true
    from jsonb_to_recordset(${json}::jsonb) as r(row_label text, number int, type text, x numeric, y numeric, row_index int)
    on conflict (hall_id, row_label, number) do update
      set type = excluded.type, x = excluded.x, y = excluded.y, row_index = excluded.row_index, active = true`.execute(
    trx,
  );
  await sql`
    update seats s set active = false
    where s.hall_id = ${hallId} and s.active and not exists (
      select 1 from jsonb_to_recordset(${json}::jsonb) as r(row_label text, number int)
      where r.row_label = s.row_label and r.number = s.number)`.execute(trx);
  // Booking's seat cache is keyed on this counter (booking-catalog.cache.ts): every seat write moves it.
  await sql`update halls set seats_version = seats_version + 1 where id = ${hallId}`.execute(trx);
}

export async function findHall(ex: Executor<CatalogDb>, id: string, lock = false): Promise<HallRow | undefined> {
  let q = ex.selectFrom('halls').select(hallColumns).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function hallsOfCinema(ex: Executor<CatalogDb>, cinemaId: string): Promise<HallRow[]> {
  return ex
    .selectFrom('halls')
    .select(hallColumns)
    .where('cinema_id', '=', cinemaId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Active seats of halls (blocked ones included: the seat map shows them), in drawing order. */
export async function activeSeats(
  ex: Executor<CatalogDb>,
  hallIds: string[],
): Promise<(SeatRow & { hall_id: string })[]> {
  if (hallIds.length === 0) return [];
  const r = await sql<SeatRow & { hall_id: string }>`
    select id, hall_id, row_label, number, type, x::float8 as x, y::float8 as y, row_index
    from seats where hall_id = any(${hallIds}::uuid[]) and active
    order by hall_id, row_index, x, number`.execute(ex);
  return r.rows;
}

/** A coming showtime that keeps the layout it was sold with. */
export interface KeptLayout {
  id: string;
  starts_at: Date;
}

// A showtime of the hall that is not over and has a sold seat or a live hold (blocks do not count:
// they sell nothing), from the claims booking publishes to the catalog (BookingReadModel).
const hasSales = (now: Date) => sql`exists (
  select 1 from seat_claims c where c.showtime_id = s.id
    and (c.state = 'sold' or (c.state = 'held' and c.expires_at > ${now})))`;

/**
 * Before the hall's seats change: coming showtimes with sales that follow the current layout are
 * pinned to a copy of it (hall_layouts, hall_layout_seats), and pinned ones whose sales are all gone
 * follow the hall again. Returns every coming showtime pinned afterwards, by start.
 */
export async function keepLayoutForSales(trx: Executor<CatalogDb>, hall: HallRow, now: Date): Promise<KeptLayout[]> {
  // Holds key-share lock their showtimes (migration 116): locking the coming ones first lets the
  // holds in flight commit, so their claims are seen below and the showtime keeps its layout, and
  // makes the holds after this wait and then check their seats against the new seats.
  await sql`
    select s.id from showtimes s
    where s.hall_id = ${hall.id} and s.status = 'scheduled' and s.ends_at > ${now}
    order by s.id for update`.execute(trx);
  await sql`
    update showtimes s set layout_id = null
    where s.hall_id = ${hall.id} and s.layout_id is not null and not ${hasSales(now)}`.execute(trx);
  const toPin = await sql<{ id: string }>`
    select s.id from showtimes s
    where s.hall_id = ${hall.id} and s.layout_id is null and s.status = 'scheduled' and s.ends_at > ${now}
      and ${hasSales(now)}`.execute(trx);
  if (toPin.rows.length > 0) {
    const version = await trx
      .insertInto('hall_layouts')
      .values({
        hall_id: hall.id,
        layout: JSON.stringify(hall.layout) as never,
        capacity: hall.capacity,
        superseded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      insert into hall_layout_seats (layout_id, seat_id, type, x, y, row_index)
      select ${version.id}, id, type, x, y, row_index from seats where hall_id = ${hall.id} and active`.execute(trx);
    await trx
      .updateTable('showtimes')
      .set({ layout_id: version.id })
      .where(
        'id',
        'in',
        toPin.rows.map((r) => r.id),
      )
      .execute();
  }
  const kept = await sql<KeptLayout>`
    select s.id, s.starts_at from showtimes s
    where s.hall_id = ${hall.id} and s.layout_id is not null and s.status = 'scheduled' and s.ends_at > ${now}
    order by s.starts_at, s.id`.execute(trx);
  return kept.rows;
}

/** Coming showtimes that follow the hall's layout (not pinned) whose prices lack one of `types`. */
export async function showtimesMissingPrices(
  ex: Executor<CatalogDb>,
  hallId: string,
  now: Date,
  types: string[],
): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select id from showtimes
    where hall_id = ${hallId} and status = 'scheduled' and ends_at > ${now} and layout_id is null
      and not (prices ?& ${types}::text[])
    order by starts_at limit 20`.execute(ex);
  return r.rows.map((row) => row.id);
}
