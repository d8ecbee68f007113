// A forged cursor whose time passes the shape check but is no instant (an offset of +99 hours, the
// 31st of February, year 0) is a 422 validation_failed on a list that pages by time, not a 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const cursor = (kind: string, ...values: string[]) =>
  Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
const ID = '00000000-0000-4000-8000-000000000000';

for (const backend of backends()) {
  describe(`list cursors with impossible times on ${backend.name}`, () => {
    let t: TestApp;
    let user: TestUser;
    before(async () => {
      t = await startTestApp(backend, { useServices: false });
      user = await makeUser(t);
    });
    after(() => t.close());

    test('are a 422 validation_failed at /cursor, and a real time still pages', async () => {
      for (const time of [
        '2026-01-01T00:00:00+99',
        '2026-01-01T00:00:00+16:00',
        '2026-02-31T00:00:00Z',
        '2026-04-31 12:00:00+00',
        '0000-01-01T00:00:00Z',
      ]) {
        const r = await t.request({
          method: 'GET',
          url: `/api/v1/bookings?cursor=${cursor('bookings', time, ID)}`,
          token: user.token,
        });
        assert.equal(r.status, 422, `${time}: ${r.text}`);
        assert.equal(r.body.code, 'validation_failed', time);
        assert.match(String(r.headers['content-type']), /application\/problem\+json/);
      }
      for (const time of ['2026-01-01T00:00:00+14:00', '2026-11-23 19:42:25.128+00', '2024-02-29T00:00:00.123456Z']) {
        const r = await t.request({
          method: 'GET',
          url: `/api/v1/bookings?cursor=${cursor('bookings', time, ID)}`,
          token: user.token,
        });
        assert.equal(r.status, 200, `${time}: ${r.text}`);
      }
    });
  });
}
