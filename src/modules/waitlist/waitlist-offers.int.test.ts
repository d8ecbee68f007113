// The offer maker against a real database, driven directly: an entry far back in a long line still
// gets the seats that fit it (the line is read page by page), and a worker that held seats but died
// before marking the offer leaves no second hold when the entry is taken again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hold } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createOfferer } from './waitlist.offers.ts';
import type { WaitlistBookingPort } from './waitlist.ports.ts';
import type { WaitlistDb } from './waitlist.tables.ts';

for (const backend of backends()) {
  describe(`waiting list offers on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t.close());

    const db = () => t.app.platform.database.db as never as import('kysely').Kysely<WaitlistDb>;
    const port = (): WaitlistBookingPort => {
      const b = t.app.modules.booking;
      return {
        finder: b.finder,
        hold: (buyer, showtimeId, seatIds, options) => b.service.hold(buyer, showtimeId, seatIds, options),
        release: (caller, id) => b.service.release(caller, id),
        get: (caller, id) => b.service.get(caller, id),
        setLanguage: t.app.modules.booking.guests.setLanguage,
      };
    };
    const offerer = (booking = port(), linePage?: number) =>
      createOfferer({
        db: db(),
        clock: t.clock,
        logger: t.app.platform.logger,
        booking,
        offerMinutes: 15,
        ...(linePage ? { linePage } : {}),
      });
    const join = async (showtimeId: string, seats: number) => {
      const user = await makeUser(t);
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${showtimeId}/waitlist`,
        token: user.token,
        payload: { seats },
      });
      assert.equal(res.status, 201, res.text);
      return { user, id: res.body.id as string };
    };
    const entry = (id: string) =>
      db().selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    test('the line is read page by page: the fifth entry, the first that fits, gets the seat', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 3) });
      const owner = await makeUser(t, { role: 'staff' });
      const a1 = await hold(t, owner, s.showtimeId, [s.seat('A', 1).id]);
      await hold(t, owner, s.showtimeId, [s.seat('A', 2).id, s.seat('A', 3).id]);
      const big = [];
      for (let i = 0; i < 4; i++) big.push(await join(s.showtimeId, 2));
      const small = await join(s.showtimeId, 1);
      await t.request({ method: 'DELETE', url: `/api/v1/bookings/${a1.id}`, token: owner.token });
      const r = await offerer(port(), 2).offerFreedSeats(s.showtimeId);
      assert.equal(r.offers, 1);
      assert.equal((await entry(small.id)).status, 'offered');
      for (const e of big) assert.equal((await entry(e.id)).status, 'waiting');
    });

    test('a worker that dies between holding and marking the offer: the next adopts its hold, no second hold', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 2) });
      const owner = await makeUser(t, { role: 'staff' });
      const held = await hold(
        t,
        owner,
        s.showtimeId,
        s.seats.map((x) => x.id),
      );
      const e = await join(s.showtimeId, 2);
      await t.request({ method: 'DELETE', url: `/api/v1/bookings/${held.id}`, token: owner.token });
      // The first worker holds, then never gets to mark the offer (it died).
      let heldOnce = false;
      const real = port();
      void offerer({
        ...real,
        hold: async (...args) => {
          await real.hold(...args);
          heldOnce = true;
          return new Promise(() => {});
        },
      }).offerFreedSeats(s.showtimeId);
      while (!heldOnce) await new Promise((r) => setTimeout(r, 20));
      t.clock.advance(61_000);
      const r = await offerer().offerFreedSeats(s.showtimeId);
      assert.equal(r.offers, 1);
      const row = await entry(e.id);
      assert.equal(row.status, 'offered');
      const mine = await t.request({ method: 'GET', url: '/api/v1/bookings', token: e.user.token });
      const holds = mine.body.items.filter((b: any) => b.showtimeId === s.showtimeId && b.status === 'held');
      assert.equal(holds.length, 1, JSON.stringify(holds));
      assert.equal(holds[0].id, row.booking_id);
    });
  });
}
