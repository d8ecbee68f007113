// No lock wider than the seats (and one customer's seat count in one showtime): a transaction left
// open on seat A, holding that customer's advisory lock too, delays only holds of seat A and that
// customer's holds in that showtime. Real PostgreSQL only (PGlite runs one transaction at a time).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { realPostgres } from '../support/backends.ts';
import { makeShowtime, type TestShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of realPostgres()) {
  describe('lock scope on postgres', () => {
    let t: TestApp;
    let raw: pg.Client;
    /** Outside any transaction, so each look at pg_stat_activity is current (a transaction caches it). */
    let watcher: pg.Client;
    let alice: TestUser;
    let bob: TestUser;
    let s1: TestShowtime;
    let s2: TestShowtime;
    before(async () => {
      t = await startTestApp(backend);
      raw = new pg.Client({ connectionString: t.databaseUrl });
      watcher = new pg.Client({ connectionString: t.databaseUrl });
      await Promise.all([raw.connect(), watcher.connect()]);
      [alice, bob] = await Promise.all([makeUser(t), makeUser(t)]);
      [s1, s2] = await Promise.all([makeShowtime(t), makeShowtime(t)]);
    });
    after(async () => {
      await Promise.all([raw.end(), watcher.end()]);
      await t.close();
    });

    /**
     * Sessions of the app waiting for a lock. Only the test's open transaction holds any, so each one
     * waits for it: no clock decides what "blocked" means, the server says so.
     */
    const waitingForLocks = async () =>
      Number(
        (
          await watcher.query(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          )
        ).rows[0].count,
      );

    /** `p`'s result; fails as soon as any session waits for a lock before `p` settles. */
    async function neverWaiting<T>(p: Promise<T>, what: string): Promise<T> {
      let settled = false;
      void p.finally(() => (settled = true)).catch(() => {});
      while (!settled) {
        if ((await waitingForLocks()) > 0 && !settled) assert.fail(what);
        await pause(10);
      }
      return p;
    }

    const hold = (u: TestUser, s: TestShowtime, seatIds: string[]) =>
      t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: u.token,
        payload: { showtimeId: s.showtimeId, seatIds },
      });

    test('an open transaction on one seat blocks only that seat and that customer in that showtime', async () => {
      const seatA = s1.seat('A', 1).id;
      const expires = new Date(t.clock.now().getTime() + 600_000);
      await raw.query('begin');
      await raw.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `booking:${alice.id}:${s1.showtimeId}`,
      ]);
      const b = await raw.query(
        `insert into bookings (user_id, showtime_id, status, total_amount, currency, seat_count, expires_at) values ($1, $2, 'held', 0, 'EUR', 1, $3) returning id`,
        [alice.id, s1.showtimeId, expires],
      );
      await raw.query(
        `insert into seat_claims (showtime_id, seat_id, booking_id, state, expires_at) values ($1, $2, $3, 'held', $4)`,
        [s1.showtimeId, seatA, b.rows[0].id, expires],
      );
      try {
        // Not waiting: another seat of the same showtime, another showtime, the same customer elsewhere.
        const others = await neverWaiting(
          Promise.all([
            hold(bob, s1, [s1.seat('A', 2).id]),
            hold(bob, s2, [s2.seat('A', 1).id]),
            hold(alice, s2, [s2.seat('A', 2).id]),
          ]),
          'holds of other seats waited for an unrelated transaction',
        );
        assert.deepEqual(
          others.map((r) => r.status),
          [201, 201, 201],
        );
        // Waiting (the control that shows the open transaction really holds locks): seat A itself, and
        // alice in s1. Both must be seen waiting for a lock; either one answering first fails at once.
        let answered = '';
        const sameSeat = hold(bob, s1, [seatA]).finally(() => (answered ||= 'a hold of the same seat'));
        const sameCustomer = hold(alice, s1, [s1.seat('B', 1).id]).finally(
          () => (answered ||= 'the same customer in the same showtime'),
        );
        await eventually(
          async () => {
            if (answered) assert.fail(`${answered} did not wait for the open transaction's locks`);
            return (await waitingForLocks()) === 2;
          },
          30_000,
          10,
          'both holds waiting for the open transaction',
        );
        assert.equal(answered, '');
        await raw.query('rollback');
        assert.equal((await sameSeat).status, 201);
        assert.equal((await sameCustomer).status, 201);
      } finally {
        await raw.query('rollback').catch(() => {});
      }
    });
  });
}
