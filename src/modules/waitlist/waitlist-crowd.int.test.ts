// Exactly one offer per freed seat under concurrency (PostgreSQL): twenty seats come back at once
// from ten releases while eight offer workers and the job queue run together; every seat ends in at
// most one offer, every entry gets at most one, the line is served in order, and no seat that fits
// someone waiting is left unoffered.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hold } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends().filter((b) => b.name === 'postgres')) {
  describe(`waiting list crowd on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t.close());

    test('twenty freed seats, eight workers at once: one offer per seat, one per entry, in line order', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(2, 10) });
      const owner = await makeUser(t, { role: 'staff' });
      const holds = [];
      for (let i = 0; i < 10; i++)
        holds.push(await hold(t, owner, s.showtimeId, [s.seats[2 * i]!.id, s.seats[2 * i + 1]!.id]));
      const sizes = [2, 1, 2, 2, 1, 3, 2, 1, 2, 2, 1, 2, 3, 1, 2];
      const waiting: { user: TestUser; id: string; seats: number }[] = [];
      for (const n of sizes) {
        const user = await makeUser(t);
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/showtimes/${s.showtimeId}/waitlist`,
          token: user.token,
          payload: { seats: n },
        });
        assert.equal(res.status, 201, res.text);
        waiting.push({ user, id: res.body.id, seats: n });
      }

      await Promise.all(
        holds.map((b) => t.request({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, token: owner.token })),
      );
      const offerer = t.app.modules.waitlist.offerer;
      await Promise.all([
        ...Array.from({ length: 8 }, () => offerer.offerFreedSeats(s.showtimeId)),
        t.app.runJobsOnce(),
      ]);
      // Jobs that found an offer in flight come back a moment later: move the clock until none is left.
      const db = t.app.platform.database.db;
      for (;;) {
        await t.app.runJobsOnce();
        const left = await db.selectFrom('jobs').select('id').where('queue', '=', 'waitlist.offer').execute();
        if (left.length === 0) break;
        t.clock.advance(2000);
      }
      const entries = await db
        .selectFrom('waitlist_entries')
        .selectAll()
        .where('showtime_id', '=', s.showtimeId)
        .orderBy('seq')
        .execute();
      const offered = entries.filter((e) => e.status === 'offered');
      // Each entry's offer is one held booking of exactly its seats; no seat in two offers.
      const seen = new Set<string>();
      for (const e of offered) {
        const seats = await db
          .selectFrom('seat_claims')
          .select(['seat_id', 'state'])
          .where('booking_id', '=', e.booking_id!)
          .execute();
        assert.equal(seats.length, e.seats, `entry ${e.seq} offered ${seats.length} seats for ${e.seats}`);
        for (const c of seats) {
          assert.ok(!seen.has(c.seat_id), 'a seat offered twice');
          seen.add(c.seat_id);
        }
      }
      // Nobody in line holds a second booking: one offer per entry.
      for (const w of waiting) {
        const bookings = await db
          .selectFrom('bookings')
          .select('id')
          .where('user_id', '=', w.user.id)
          .where('showtime_id', '=', s.showtimeId)
          .where('status', '=', 'held')
          .execute();
        const entry = entries.find((e) => e.id === w.id)!;
        assert.equal(
          bookings.length,
          entry.status === 'offered' ? 1 : 0,
          `entry ${entry.seq}: ${bookings.length} holds`,
        );
      }
      // In line order: an entry still waiting needs more seats than are left; all twenty are offered
      // while the line has room for them.
      const free = 20 - seen.size;
      for (const e of entries.filter((x) => x.status === 'waiting'))
        assert.ok(e.seats > free, `entry ${e.seq} skipped`);
      let room = 20;
      for (const e of entries) {
        if (e.seats > room) continue;
        assert.equal(e.status, 'offered', `entry ${e.seq} (${e.seats}) not offered with ${room} left`);
        room -= e.seats;
      }
      assert.equal(seen.size, 20 - room);
    });
  });
}
