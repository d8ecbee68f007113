// The batching claim store, driven directly: holds that arrive together are decided in one
// statement, each still all or none; holds that must not share a batch (one seat, or one customer's
// seat count) go in separate ones; a batch stuck behind someone else's claim falls back to one hold
// at a time, so unrelated holds are not kept waiting.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { backends, realPostgres } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createClaimStore, DEFAULT_BATCH, type HoldInput, type HoldOutcome } from './claims.store.ts';

function input(t: TestApp, user: TestUser, s: TestShowtime, seats: string[], limit: number | null = 10): HoldInput {
  const now = t.clock.now();
  const bookingId = randomUUID();
  return {
    bookingId,
    userId: user.id,
    showtimeId: s.showtimeId,
    seats: seats
      .map((label) => s.seat(label[0] as string, Number(label.slice(1))))
      .map((x) => ({ id: x.id, row: x.row, number: x.number, type: x.type, price: 1000, ticketType: 'adult' }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    now,
    expiresAt: new Date(now.getTime() + 600_000),
    limit,
    companionNeeds: [],
    event: { bookingId },
  };
}

const seatIds = (s: TestShowtime, labels: string[]) =>
  labels.map((l) => s.seat(l[0] as string, Number(l.slice(1))).id).sort();

async function claimsOf(t: TestApp, bookingId: string): Promise<string[]> {
  const rows = await t.app.platform.database.db
    .selectFrom('seat_claims')
    .select('seat_id')
    .where('booking_id', '=', bookingId)
    .execute();
  return rows.map((r) => r.seat_id).sort();
}

for (const backend of backends()) {
  describe(`batched holds on ${backend.name}`, () => {
    let t: TestApp;
    let users: TestUser[];
    before(async () => {
      t = await startTestApp(backend);
      users = await Promise.all(Array.from({ length: 6 }, () => makeUser(t)));
    });
    after(async () => t.close());

    const store = (sizes: number[], options = {}) =>
      createClaimStore(t.app.platform.database, t.app.platform.logger, {
        ...DEFAULT_BATCH,
        ...options,
        onBatch: (n) => sizes.push(n),
      });

    test('holds of different seats and customers arriving together are decided in one batch, each on its own', async () => {
      const s = await makeShowtime(t);
      const sizes: number[] = [];
      const claims = store(sizes);
      const db = t.app.platform.database.db;
      // B2 is sold to an earlier booking: the hold that wants it loses all its seats, the others keep theirs.
      const earlier = input(t, users[5] as TestUser, s, ['B2']);
      assert.equal((await claims.hold(db, earlier)).outcome, 'held');
      sizes.length = 0;
      const holds = [
        input(t, users[0] as TestUser, s, ['A1', 'A2']),
        input(t, users[1] as TestUser, s, ['B1', 'B2']),
        input(t, users[2] as TestUser, s, ['C1']),
      ];
      const outcomes = await Promise.all(holds.map((h) => claims.hold(db, h)));
      assert.deepEqual(sizes, [3]);
      assert.equal(outcomes[0]?.outcome, 'held');
      assert.deepEqual(outcomes[1], { outcome: 'taken', seatIds: seatIds(s, ['B2']) });
      assert.equal(outcomes[2]?.outcome, 'held');
      const versions = outcomes.flatMap((o) => (o.outcome === 'held' ? [o.version] : []));
      assert.equal(new Set(versions).size, 2, 'each hold has its own seat-change version');
      assert.deepEqual(await claimsOf(t, holds[0]!.bookingId), seatIds(s, ['A1', 'A2']));
      assert.deepEqual(await claimsOf(t, holds[1]!.bookingId), []);
      const lost = await db
        .selectFrom('bookings')
        .select('id')
        .where('id', '=', holds[1]!.bookingId)
        .executeTakeFirst();
      assert.equal(lost, undefined, 'a hold that lost leaves no booking behind');
      const events = await db
        .selectFrom('outbox_events')
        .select('aggregate_id')
        .where('type', '=', 'booking.held')
        .where(
          'aggregate_id',
          'in',
          holds.map((h) => h.bookingId),
        )
        .execute();
      assert.deepEqual(events.map((e) => e.aggregate_id).sort(), [holds[0]!.bookingId, holds[2]!.bookingId].sort());
    });

    test('two holds of one seat never share a batch: exactly one wins', async () => {
      const s = await makeShowtime(t);
      const sizes: number[] = [];
      const claims = store(sizes);
      const db = t.app.platform.database.db;
      const outcomes = await Promise.all([
        claims.hold(db, input(t, users[0] as TestUser, s, ['A3', 'A4'])),
        claims.hold(db, input(t, users[1] as TestUser, s, ['A4', 'A5'])),
      ]);
      assert.deepEqual(sizes, [1, 1]);
      // The two batches are in flight together: either may win, never both.
      assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ['held', 'taken']);
      assert.deepEqual(
        outcomes.find((o) => o.outcome === 'taken'),
        { outcome: 'taken', seatIds: seatIds(s, ['A4']) },
      );
    });

    test("one customer's holds in one showtime go in separate batches, so the seat limit counts both", async () => {
      const s = await makeShowtime(t);
      const sizes: number[] = [];
      const claims = store(sizes);
      const db = t.app.platform.database.db;
      const u = users[3] as TestUser;
      const outcomes: HoldOutcome[] = await Promise.all([
        claims.hold(db, input(t, u, s, ['A1', 'A2'], 3)),
        claims.hold(db, input(t, u, s, ['B1', 'B2'], 3)),
      ]);
      assert.deepEqual(sizes, [1, 1]);
      // Either may go first; the other finds the first one's two seats counted.
      assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ['held', 'limit']);
      assert.deepEqual(
        outcomes.find((o) => o.outcome === 'limit'),
        { outcome: 'limit', live: 2 },
      );
    });

    test("a guest's holds count by email under the seat limit; each seat keeps its ticket type", async () => {
      const s = await makeShowtime(t);
      const claims = store([]);
      const db = t.app.platform.database.db;
      const guest = (labels: string[], email: string): HoldInput => ({
        ...input(t, users[0] as TestUser, s, labels, 3),
        userId: null,
        guestEmail: email,
        guestName: 'Gil Guest',
        channel: 'guest',
      });
      const first = guest(['A1', 'A2'], 'gil@example.com');
      first.seats = first.seats.map((seat, i) => ({ ...seat, ticketType: i === 0 ? 'child' : 'adult' }));
      assert.equal((await claims.hold(db, first)).outcome, 'held');
      // The same guest again past the limit; another guest and the account are counted apart.
      assert.deepEqual(await claims.hold(db, guest(['B1', 'B2'], 'gil@example.com')), { outcome: 'limit', live: 2 });
      assert.equal((await claims.hold(db, guest(['B1', 'B2'], 'other@example.com'))).outcome, 'held');
      assert.equal((await claims.hold(db, input(t, users[0] as TestUser, s, ['C1', 'C2'], 3))).outcome, 'held');
      const booking = await db
        .selectFrom('bookings')
        .select(['user_id', 'guest_email', 'guest_name', 'channel'])
        .where('id', '=', first.bookingId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(booking, {
        user_id: null,
        guest_email: 'gil@example.com',
        guest_name: 'Gil Guest',
        channel: 'guest',
      });
      const types = await db
        .selectFrom('booking_seats')
        .select(['seat_id', 'ticket_type'])
        .where('booking_id', '=', first.bookingId)
        .execute();
      assert.deepEqual(
        Object.fromEntries(types.map((r) => [r.seat_id, r.ticket_type])),
        Object.fromEntries(first.seats.map((seat) => [seat.id, seat.ticketType])),
      );
    });

    test('a cancelled showtime answers not_bookable in a batch whose other holds go through', async () => {
      const open = await makeShowtime(t);
      const cancelled = await makeShowtime(t, { status: 'cancelled' });
      const sizes: number[] = [];
      const claims = store(sizes);
      const db = t.app.platform.database.db;
      const outcomes = await Promise.all([
        claims.hold(db, input(t, users[0] as TestUser, cancelled, ['A1'])),
        claims.hold(db, input(t, users[1] as TestUser, open, ['A1'])),
      ]);
      assert.deepEqual(sizes, [2]);
      assert.deepEqual(
        outcomes.map((o) => o.outcome),
        ['not_bookable', 'held'],
      );
    });

    test('many holds at once: batches never exceed their size, and every hold gets an answer', async () => {
      const s = await makeShowtime(t);
      const sizes: number[] = [];
      const claims = store(sizes, { maxBatch: 4, maxInFlight: 2 });
      const db = t.app.platform.database.db;
      const crowd = await Promise.all(Array.from({ length: 20 }, () => makeUser(t)));
      const rows = ['A', 'B', 'C'];
      const outcomes = await Promise.all(
        crowd.map((u, i) => claims.hold(db, input(t, u, s, [`${rows[i % 3]}${(i % 10) + 1}`]))),
      );
      assert.ok(Math.max(...sizes) <= 4 && sizes.some((n) => n > 1), `batch sizes ${sizes.join(',')}`);
      assert.equal(
        sizes.reduce((a, b) => a + b, 0),
        20,
      );
      assert.equal(outcomes.filter((o) => o.outcome === 'held').length, 20);
    });
  });
}

for (const backend of realPostgres()) {
  describe('batched holds and claims of transactions in flight', () => {
    let t: TestApp;
    let raw: pg.Client;
    let users: TestUser[];
    before(async () => {
      t = await startTestApp(backend);
      raw = new pg.Client({ connectionString: t.databaseUrl });
      await raw.connect();
      users = await Promise.all(Array.from({ length: 3 }, () => makeUser(t)));
    });
    after(async () => {
      await raw.end();
      await t.close();
    });

    /** Claims a seat in a transaction left open, as a hold still in flight would. */
    async function openClaim(s: TestShowtime, label: string): Promise<void> {
      const expires = new Date(t.clock.now().getTime() + 600_000);
      await raw.query('begin');
      const b = await raw.query(
        `insert into bookings (user_id, showtime_id, status, total_amount, currency, seat_count, expires_at) values ($1, $2, 'held', 0, 'EUR', 1, $3) returning id`,
        [users[2]?.id, s.showtimeId, expires],
      );
      await raw.query(
        `insert into seat_claims (showtime_id, seat_id, booking_id, state, expires_at) values ($1, $2, $3, 'held', $4)`,
        [s.showtimeId, s.seat(label[0] as string, Number(label.slice(1))).id, b.rows[0].id, expires],
      );
    }

    test('a hold that loses a seat to a transaction that commits meanwhile gives back the seats it had claimed', async () => {
      const s = await makeShowtime(t);
      const sizes: number[] = [];
      const claims = createClaimStore(t.app.platform.database, t.app.platform.logger, {
        ...DEFAULT_BATCH,
        lockTimeoutMs: 60_000,
        onBatch: (n) => sizes.push(n),
      });
      const db = t.app.platform.database.db;
      await openClaim(s, 'A2');
      const loser = input(t, users[0] as TestUser, s, ['A1', 'A2']);
      const pending = Promise.all([claims.hold(db, loser), claims.hold(db, input(t, users[1] as TestUser, s, ['B1']))]);
      await new Promise((r) => setTimeout(r, 200));
      await raw.query('commit');
      const outcomes = await pending;
      assert.deepEqual(sizes, [2]);
      assert.deepEqual(outcomes[0], { outcome: 'taken', seatIds: seatIds(s, ['A2']) });
      assert.equal(outcomes[1]?.outcome, 'held');
      assert.deepEqual(await claimsOf(t, loser.bookingId), []);
      const a1 = await db
        .selectFrom('seat_claims')
        .select('seat_id')
        .where('showtime_id', '=', s.showtimeId)
        .where('seat_id', '=', s.seat('A', 1).id)
        .executeTakeFirst();
      assert.equal(a1, undefined, 'A1 is free again');
    });

    test('a batch stuck behind an open claim falls back to one hold at a time: the unrelated hold does not wait', async () => {
      const s = await makeShowtime(t);
      const claims = createClaimStore(t.app.platform.database, t.app.platform.logger, {
        ...DEFAULT_BATCH,
        lockTimeoutMs: 100,
      });
      const db = t.app.platform.database.db;
      await openClaim(s, 'C1');
      try {
        const blocked = claims.hold(db, input(t, users[0] as TestUser, s, ['C1']));
        const started = performance.now();
        const free = await claims.hold(db, input(t, users[1] as TestUser, s, ['C2']));
        assert.equal(free.outcome, 'held');
        assert.ok(performance.now() - started < 2000, 'the unrelated hold waited for the open claim');
        const early = await Promise.race([
          blocked.then(() => 'answered'),
          new Promise((r) => setTimeout(() => r('waiting'), 300)),
        ]);
        assert.equal(early, 'waiting', 'the hold of the claimed seat waits for that transaction');
        await raw.query('rollback');
        assert.equal((await blocked).outcome, 'held');
      } finally {
        await raw.query('rollback').catch(() => {});
      }
    });
  });
}
