// Data for the outside benchmarks, written straight into the server's database (never through
// HTTP, which would measure the set-up): signed-in customers with their bearer tokens, and
// showtimes in large halls whose seats are cut into pairs that only one hold ever asks for.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../test/support/catalog-factories.ts';
import type { TestApp } from '../test/support/test-app.ts';

/** `count` verified customers with a live session each: their ids and bearer tokens, in order. */
export async function seedCustomers(
  db: Kysely<DB>,
  count: number,
  prefix: string,
): Promise<{ userId: string; token: string }[]> {
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${prefix}-${i}-${randomBytes(3).toString('hex')}@example.test`,
        name: `Bench ${i}`,
        role: 'customer' as const,
        email_verified: true,
      })),
    )
    .returning('id')
    .execute();
  const now = new Date();
  const later = new Date(now.getTime() + 7 * 86_400_000);
  const out = users.map((u) => ({ userId: u.id, token: randomBytes(32).toString('base64url') }));
  await db
    .insertInto('sessions')
    .values(
      out.map((u) => ({
        user_id: u.userId,
        token_hash: createHash('sha256').update(u.token).digest('hex'),
        created_at: now,
        last_seen_at: now,
        expires_at: later,
        max_expires_at: later,
        user_agent: 'bench',
        ip: '127.0.0.1',
      })),
    )
    .execute();
  return out;
}

/** `count` showtimes two days ahead, each in a hall of `rows` × `perRow` standard seats. */
export async function seedShowtimes(
  database: Database,
  count: number,
  rows: number,
  perRow: number,
): Promise<TestShowtime[]> {
  const fake = { app: { platform: { database } }, clock: { now: () => new Date() } } as unknown as TestApp;
  const out: TestShowtime[] = [];
  for (let i = 0; i < count; i++) out.push(await makeShowtime(fake, { seats: gridLayout(rows, perRow) }));
  return out;
}

/**
 * Hold requests, one a line ("token<TAB>body"), each for two adjacent seats no other line names:
 * the showtime changes fastest, then the pair; the customer changes with the pair, so one customer
 * holds at most ceil(pairs / customers) times per showtime.
 */
export function holdLines(showtimes: TestShowtime[], customers: { token: string }[], perRow: number): string[] {
  const pairsPerRow = Math.floor(perRow / 2);
  const byShowtime = showtimes.map((s) => {
    const rows = [...new Set(s.seats.map((x) => x.row))];
    const at = new Map(s.seats.map((x) => [`${x.row}:${x.number}`, x.id]));
    const pairs: [string, string][] = [];
    for (const row of rows)
      for (let p = 0; p < pairsPerRow; p++)
        pairs.push([at.get(`${row}:${2 * p + 1}`) as string, at.get(`${row}:${2 * p + 2}`) as string]);
    return { showtimeId: s.showtimeId, pairs };
  });
  const pairCount = Math.min(...byShowtime.map((s) => s.pairs.length));
  const lines: string[] = [];
  for (let p = 0; p < pairCount; p++)
    for (const s of byShowtime) {
      const token = customers[p % customers.length]?.token as string;
      lines.push(`${token}\t${JSON.stringify({ showtimeId: s.showtimeId, seatIds: s.pairs[p] })}`);
    }
  return lines;
}

/** Release requests ("token<TAB>bookingId") for every live hold on these showtimes, oldest first. */
export async function releaseLines(
  db: Kysely<DB>,
  showtimeIds: string[],
  tokenOf: Map<string, string>,
): Promise<string[]> {
  const held = await db
    .selectFrom('bookings')
    .select(['id', 'user_id'])
    .where('status', '=', 'held')
    .where('expires_at', '>', new Date())
    .where('showtime_id', 'in', showtimeIds)
    .orderBy('created_at')
    .execute();
  return held.flatMap((b) => {
    const token = b.user_id ? tokenOf.get(b.user_id) : undefined;
    return token ? [`${token}\t${b.id}`] : [];
  });
}

/** Cancels the holds left on these showtimes and frees their seats (between rounds, not measured). */
export async function clearHolds(db: Kysely<DB>, showtimeIds: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('bookings')
      .set({ status: 'cancelled', closed_at: new Date() })
      .where('status', '=', 'held')
      .where('showtime_id', 'in', showtimeIds)
      .execute();
    await trx.deleteFrom('seat_claims').where('state', '=', 'held').where('showtime_id', 'in', showtimeIds).execute();
  });
}
