// SQL for tickets. A ticket is issued once per paid seat; the partial unique index on
// (showtime_id, seat_id) makes a second live ticket for a seat impossible.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { allColumns } from '../../platform/db/columns.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { TicketsDb } from './tickets.tables.ts';

export type TicketRow = Selectable<DB['tickets']>;

// Named, not `*`: these statements stay prepared across a deploy that adds a column.
const TICKET_COLUMNS = allColumns<DB['tickets']>()([
  'id',
  'booking_id',
  'payment_id',
  'showtime_id',
  'seat_id',
  'user_id',
  'row_label',
  'seat_number',
  'seat_type',
  'ticket_type',
  'price_amount',
  'currency',
  'code',
  'status',
  'issued_at',
  'checked_in_at',
  'checked_in_by',
  'voided_at',
]);

export async function insertTickets(db: Executor<TicketsDb>, rows: Insertable<DB['tickets']>[]): Promise<TicketRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('tickets').values(rows).returning(TICKET_COLUMNS).execute();
}

export async function ticketsOfBooking(db: Executor<TicketsDb>, bookingId: string): Promise<TicketRow[]> {
  return db
    .selectFrom('tickets')
    .select(TICKET_COLUMNS)
    .where('booking_id', '=', bookingId)
    .orderBy('row_label')
    .orderBy('seat_number')
    .execute();
}

export async function ticketsOfBookings(db: Executor<TicketsDb>, bookingIds: string[]): Promise<TicketRow[]> {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom('tickets')
    .select(TICKET_COLUMNS)
    .where('booking_id', 'in', bookingIds)
    .orderBy('row_label')
    .orderBy('seat_number')
    .execute();
}

export async function findTicket(db: Executor<TicketsDb>, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').select(TICKET_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Voids live tickets; only those still `valid` change, so a used ticket is never voided here. */
export async function voidTickets(
  db: Executor<TicketsDb>,
  bookingId: string,
  ticketIds: string[],
  now: Date,
): Promise<TicketRow[]> {
  if (ticketIds.length === 0) return [];
  return db
    .updateTable('tickets')
    .set({ status: 'void', voided_at: now })
    .where('booking_id', '=', bookingId)
    .where('id', 'in', ticketIds)
    .where('status', '=', 'valid')
    .returning(TICKET_COLUMNS)
    .execute();
}

/** Voids every live ticket of a showtime's booking, used or not (the showtime is cancelled). */
export async function voidAllTickets(db: Executor<TicketsDb>, bookingId: string, now: Date): Promise<TicketRow[]> {
  return db
    .updateTable('tickets')
    .set({ status: 'void', voided_at: now })
    .where('booking_id', '=', bookingId)
    .where('status', '<>', 'void')
    .returning(TICKET_COLUMNS)
    .execute();
}

/**
 * Marks a ticket used if and only if it is still valid: of two scans at the same moment exactly one
 * gets the row back; the other sees the ticket already used.
 */
export async function checkIn(
  db: Executor<TicketsDb>,
  id: string,
  staffId: string,
  now: Date,
): Promise<TicketRow | undefined> {
  return db
    .updateTable('tickets')
    .set({ status: 'used', checked_in_at: now, checked_in_by: staffId })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .returning(TICKET_COLUMNS)
    .executeTakeFirst();
}

/** Checked-in and live ticket counts of a showtime (staff report). */
export async function showtimeCounts(
  db: Executor<TicketsDb>,
  showtimeId: string,
): Promise<{ checkedIn: number; live: number }> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'used').as('checked_in'),
      eb.fn.countAll<number>().filterWhere('status', '<>', 'void').as('live'),
    ])
    .where('showtime_id', '=', showtimeId)
    .executeTakeFirstOrThrow();
  return { checkedIn: Number(row.checked_in), live: Number(row.live) };
}

/** A ticket type's English name and rule at a cinema; null when the cinema has no such type (adult before types). */
export async function ticketTypeAt(
  db: Executor<TicketsDb>,
  cinemaId: string,
  code: string,
): Promise<{ name: string; rule: string | null } | null> {
  const row = await db
    .selectFrom('ticket_types')
    .select(['names', 'rule'])
    .where('cinema_id', '=', cinemaId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { name: row.names.en, rule: row.rule?.en ?? null } : null;
}
