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

const hallColumns = ['id', 'cinema_id', 'name', 'cleaning_minutes', 'layout', 'capacity'] as const;

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
  values: { name?: string; cleaningMinutes?: number; layout?: HallLayout; capacity?: number },
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

/**
 * Whether a showtime of the hall that is not over has a sold seat or a live hold, from the claims
 * booking publishes to the catalog (BookingReadModel).
 */
export async function hallHasLiveClaims(ex: Executor<CatalogDb>, hallId: string, now: Date): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    select exists (
      select 1 from showtimes s join seat_claims c on c.showtime_id = s.id
      where s.hall_id = ${hallId} and s.status = 'scheduled' and s.ends_at > ${now}
        and (c.state = 'sold' or c.expires_at > ${now})) as found`.execute(ex);
  return r.rows[0]?.found === true;
}

/** Coming showtimes of the hall whose prices lack one of `types`. */
export async function showtimesMissingPrices(
  ex: Executor<CatalogDb>,
  hallId: string,
  now: Date,
  types: string[],
): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select id from showtimes
    where hall_id = ${hallId} and status = 'scheduled' and ends_at > ${now}
      and not (prices ?& ${types}::text[])
    order by starts_at limit 20`.execute(ex);
  return r.rows.map((row) => row.id);
}
