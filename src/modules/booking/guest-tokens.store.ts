// SQL for guest checkout: management tokens (stored as SHA-256 hashes, each opening one booking),
// the guest's contact on a booking, and attaching a verified account's guest bookings to it.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { type Lang, langOf } from '../../platform/i18n.ts';
import type { BookingDb } from './booking.tables.ts';

export async function insertToken(db: Executor<BookingDb>, hash: Buffer, bookingId: string, now: Date): Promise<void> {
  await db
    .insertInto('guest_booking_tokens')
    .values({ token_hash: hash, booking_id: bookingId, created_at: now })
    .execute();
}

/** The booking a token hash opens, with the hash as stored (the caller compares in constant time). */
export async function findToken(
  db: Executor<BookingDb>,
  hash: Buffer,
): Promise<{ bookingId: string; hash: Buffer } | undefined> {
  const row = await db
    .selectFrom('guest_booking_tokens')
    .select(['booking_id', 'token_hash'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return row && { bookingId: row.booking_id, hash: Buffer.from(row.token_hash) };
}

/** A guest booking's email and name (kept when an account takes it over); undefined for other bookings. */
export async function guestContact(
  db: Executor<BookingDb>,
  bookingId: string,
): Promise<{ email: string; name: string; language: Lang } | undefined> {
  const row = await db
    .selectFrom('bookings')
    .select(['guest_email', 'guest_name', 'language'])
    .where('id', '=', bookingId)
    .where('guest_email', 'is not', null)
    .executeTakeFirst();
  return row?.guest_email
    ? { email: row.guest_email, name: row.guest_name ?? '', language: langOf(row.language) }
    : undefined;
}

/** Records the language a booking was made in (its guest's emails speak it). */
export async function setBookingLanguage(db: Executor<BookingDb>, bookingId: string, language: Lang): Promise<void> {
  await db.updateTable('bookings').set({ language }).where('id', '=', bookingId).execute();
}

/** An erased account's bookings forget the guest address and name they were made with. */
export async function forgetGuestContact(db: Executor<BookingDb>, userId: string): Promise<void> {
  await db
    .updateTable('bookings')
    .set({ guest_email: null, guest_name: null })
    .where('user_id', '=', userId)
    .where('guest_email', 'is not', null)
    .execute();
}

/**
 * Gives the account every guest booking made with its address (idempotent: a booking that has an
 * account keeps it). Its payments and tickets follow, so the account's lists and QR codes show them.
 */
export async function attachGuestBookings(db: Executor<BookingDb>, userId: string, email: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    update bookings set user_id = ${userId}::uuid
    where guest_email = ${email} and user_id is null
    returning id::text as id`.execute(db);
  return r.rows.map((x) => x.id);
}
