// The catalog's cached `seatsAvailable` follows holds and releases at once, not after its refresh.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from './support/backends.ts';
import { makeShowtime } from './support/catalog-factories.ts';
import { makeUser } from './support/factories.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

for (const backend of backends()) {
  describe(`seatsAvailable after seat changes on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t.close());

    test('a hold and a release show on the next read of the showtime', async () => {
      const show = await makeShowtime(t, { prices: { standard: 900 }, currency: 'EUR' });
      const customer = await makeUser(t);
      const read = async () =>
        (await t.request({ method: 'GET', url: `/api/v1/showtimes/${show.showtimeId}` })).body.seatsAvailable;
      const before = await read();
      assert.equal(before, show.seats.length);
      const hold = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: customer.token,
        payload: { showtimeId: show.showtimeId, seatIds: [show.seat('A', 1).id, show.seat('A', 2).id] },
      });
      assert.equal(hold.status, 201);
      assert.equal(await read(), before - 2);
      const release = await t.request({
        method: 'DELETE',
        url: `/api/v1/bookings/${hold.body.id}`,
        token: customer.token,
      });
      assert.equal(release.status, 204);
      assert.equal(await read(), before);
    });
  });
}
