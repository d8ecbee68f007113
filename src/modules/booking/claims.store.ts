// The claim that makes a seat held or sold. The primary key (showtime_id, seat_id) of seat_claims is
// the whole guarantee that a seat is sold once: a hold inserts all its claims in one statement, an
// expired hold is taken over in place, and a live claim is never overwritten.
//
// Holds go to the database in batches (migration 071; 096 adds ticket types, guests, channels): one
// round trip and one commit for every hold that arrived while earlier batches were in flight. A hold
// that finds the database idle goes at once, alone, so batching adds no wait; under a crowd the
// batches grow by themselves.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { createBatcher } from '../../platform/batcher.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { isPgError, withRetry } from '../../platform/db/pg-errors.ts';
import type { BookingDb } from './booking.tables.ts';

/** Who a booking is sold through: the web app (account), a guest checkout, or the box office till. */
export type BookingChannel = 'web' | 'till' | 'guest';

export interface HoldInput {
  bookingId: string;
  /** The account that holds; null for a guest (guestEmail set) or an anonymous till sale. */
  userId: string | null;
  /** A guest's email, lower-cased: the seat limit counts by it when userId is null. */
  guestEmail?: string | null;
  guestName?: string | null;
  /** 'web' when omitted. */
  channel?: BookingChannel;
  showtimeId: string;
  /** Sorted by id, so concurrent holds lock overlapping seats in one order and never deadlock. */
  seats: { id: string; row: string; number: number; type: string; price: number; ticketType: string }[];
  now: Date;
  expiresAt: Date;
  /** Seats one customer may hold or own in the showtime; null for staff. */
  limit: number | null;
  /** Companion seats requested without their accessible neighbour: one neighbour must already be the customer's. */
  companionNeeds: { companionId: string; accessibleIds: string[] }[];
  /** The booking.held event payload. */
  event: Record<string, unknown>;
}

export type HoldOutcome =
  | { outcome: 'held'; version: number | null }
  | { outcome: 'taken'; seatIds: string[] }
  | { outcome: 'limit'; live: number }
  | { outcome: 'companion'; seatIds: string[] }
  | { outcome: 'not_bookable' }
  /** A seat is not, with the type it was priced as, among the showtime's current seats (migration 116). */
  | { outcome: 'stale'; seatIds: string[] };

/** How a hold writes its claims; the real one below, an unprotected one only in the crowd tests. */
export interface ClaimStore {
  hold(db: Executor<BookingDb>, input: HoldInput): Promise<HoldOutcome>;
}

interface BatchOptions {
  /** Holds decided in one statement at most. */
  maxBatch: number;
  /** Batches in flight at once; a hold waits in line only while this many are out. */
  maxInFlight: number;
  /** How long a batch of several may wait for a claim held by someone else before its holds go one by one. */
  lockTimeoutMs: number;
  /** Told the size of every batch sent (metrics, tests). */
  onBatch?: (holds: number) => void;
}

export const DEFAULT_BATCH: BatchOptions = { maxBatch: 32, maxInFlight: 4, lockTimeoutMs: 200 };

/** Runs holds as one booking_hold_batch call; outcomes in input order. */
async function holdBatch(
  db: Executor<BookingDb>,
  holds: HoldInput[],
  lockTimeout: string | null,
): Promise<HoldOutcome[]> {
  const now = new Date(Math.min(...holds.map((h) => h.now.getTime())));
  const seats = holds.flatMap((h, i) => h.seats.map((s) => ({ hold: i + 1, ...s })));
  const needs = holds.flatMap((h, i) =>
    h.companionNeeds.flatMap((n) =>
      n.accessibleIds.map((a) => ({ hold: i + 1, companion: n.companionId, accessible: a })),
    ),
  );
  const r = await sql<{ result: HoldOutcome[] | string }>`select booking_hold_batch(
    ${now}::timestamptz, ${lockTimeout}::text,
    ${holds.map((h) => h.bookingId)}::uuid[], ${holds.map((h) => h.userId)}::uuid[],
    ${holds.map((h) => h.guestEmail ?? null)}::text[], ${holds.map((h) => h.guestName ?? null)}::text[],
    ${holds.map((h) => h.channel ?? 'web')}::text[], ${holds.map((h) => h.showtimeId)}::uuid[],
    ${holds.map((h) => h.expiresAt)}::timestamptz[], ${holds.map((h) => h.limit)}::int[], ${JSON.stringify(holds.map((h) => h.event))}::jsonb,
    ${seats.map((s) => s.hold)}::int[], ${seats.map((s) => s.id)}::uuid[], ${seats.map((s) => s.row)}::text[],
    ${seats.map((s) => s.number)}::int[], ${seats.map((s) => s.type)}::text[], ${seats.map((s) => s.price)}::int[],
    ${seats.map((s) => s.ticketType)}::text[],
    ${needs.map((n) => n.hold)}::int[], ${needs.map((n) => n.companion)}::uuid[], ${needs.map((n) => n.accessible)}::uuid[]
  ) as result`.execute(db);
  const result = r.rows[0]?.result;
  const outcomes = typeof result === 'string' ? (JSON.parse(result) as HoldOutcome[]) : result;
  if (!outcomes || outcomes.length !== holds.length)
    throw new Error('booking_hold_batch answered the wrong number of outcomes');
  return outcomes;
}

/**
 * The real store: holds on the root connection pool are batched, and a batch that meets a deadlock
 * or serialization failure is retried here; a hold inside a caller's transaction runs alone in it.
 * Holds that share a customer's count or a seat never go in one batch.
 */
export function createClaimStore(
  database: ModuleDatabase,
  logger: Logger,
  options: BatchOptions = DEFAULT_BATCH,
): ClaimStore {
  const root = moduleDb<BookingDb>(database);
  async function run(inputs: HoldInput[]): Promise<(HoldOutcome | Promise<HoldOutcome>)[]> {
    const alone = inputs.length === 1;
    try {
      return await withRetry(() => holdBatch(root, inputs, alone ? null : `${options.lockTimeoutMs}ms`));
    } catch (err) {
      if (alone) throw err;
      // Waited too long on someone else's claim, or one hold broke the statement: each hold on its
      // own, so only the holds that must wait (or fail) do.
      if (!isPgError(err, '55P03')) logger.warn({ err }, 'hold batch failed; holding one by one');
      return inputs.map(async (input) => (await withRetry(() => holdBatch(root, [input], null)))[0] as HoldOutcome);
    }
  }

  const holdTogether = createBatcher(run, {
    maxBatch: options.maxBatch,
    maxInFlight: options.maxInFlight,
    keysOf: (h) => [
      `customer:${h.userId ?? `guest:${h.guestEmail ?? h.bookingId}`}:${h.showtimeId}`,
      ...h.seats.map((seat) => `seat:${h.showtimeId}:${seat.id}`),
    ],
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  });

  return {
    hold(db, input) {
      if (db !== root) return holdBatch(db, [input], null).then((o) => o[0] as HoldOutcome);
      return holdTogether(input);
    },
  };
}
