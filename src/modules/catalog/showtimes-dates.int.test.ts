// `date` is the cinema's local calendar day, also on the days Europe changes its clocks (the last
// Sundays of March and October 2026): a 01:30 and a 23:30 local showtime both fall on that day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ManualClock } from '../../platform/clock.ts';
import { createCinema, createHall, createMovie } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`showtime dates across DST on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    const ids: Record<string, string> = {};
    let berlin: any;
    let lisbon: any;

    before(async () => {
      t = await startTestApp(backend, { clock: new ManualClock(new Date('2026-03-01T12:00:00Z')) });
      admin = await makeUser(t, { role: 'admin' });
      berlin = await createCinema(t, admin, { timezone: 'Europe/Berlin' });
      lisbon = await createCinema(t, admin, { timezone: 'Europe/Lisbon' });
      const movie = await createMovie(t, admin, { durationMinutes: 90 });
      const halls = [
        await createHall(t, admin, berlin.id),
        await createHall(t, admin, berlin.id),
        await createHall(t, admin, lisbon.id),
        await createHall(t, admin, lisbon.id),
      ];
      const schedule: [string, number, string][] = [
        // March 29: Berlin goes from UTC+1 to UTC+2 at 01:00 UTC.
        ['b-mar28-2330', 0, '2026-03-28T22:30:00Z'],
        ['b-mar29-0130', 1, '2026-03-29T00:30:00Z'],
        ['b-mar29-2330', 0, '2026-03-29T21:30:00Z'],
        ['b-mar30-0030', 1, '2026-03-29T22:30:00Z'],
        // Lisbon goes from UTC+0 to UTC+1 at the same instant.
        ['l-mar28-2330', 2, '2026-03-28T23:30:00Z'],
        ['l-mar29-0030', 3, '2026-03-29T00:30:00Z'],
        ['l-mar30-0030', 2, '2026-03-29T23:30:00Z'],
        // October 25: Berlin goes from UTC+2 back to UTC+1 at 01:00 UTC.
        ['b-oct24-2330', 0, '2026-10-24T21:30:00Z'],
        ['b-oct25-0130', 1, '2026-10-24T23:30:00Z'],
        ['b-oct25-2330', 0, '2026-10-25T22:30:00Z'],
        ['b-oct26-0030', 1, '2026-10-25T23:30:00Z'],
      ];
      for (const [key, hall, startsAt] of schedule) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/showtimes',
          token: admin.token,
          payload: { movieId: movie.id, hallId: halls[hall].id, startsAt, prices: { standard: 800 }, currency: 'EUR' },
        });
        assert.equal(res.status, 201, `${key}: ${res.text}`);
        ids[key] = res.body.id;
      }
    });
    after(() => t.close());

    const onDate = async (date: string, cinemaId?: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes?date=${date}${cinemaId ? `&cinemaId=${cinemaId}` : ''}&limit=100`,
      });
      assert.equal(res.status, 200);
      const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
      return res.body.items.map((s: any) => byId[s.id]).filter(Boolean);
    };

    test('spring forward: Berlin 01:30 and 23:30 on March 29 are on March 29, not their UTC days', async () => {
      assert.deepEqual(await onDate('2026-03-29', berlin.id), ['b-mar29-0130', 'b-mar29-2330']);
      assert.deepEqual(await onDate('2026-03-28', berlin.id), ['b-mar28-2330']);
      assert.deepEqual(await onDate('2026-03-30', berlin.id), ['b-mar30-0030']);
    });

    test('fall back: Berlin 01:30 and 23:30 on October 25 are on October 25', async () => {
      assert.deepEqual(await onDate('2026-10-25', berlin.id), ['b-oct25-0130', 'b-oct25-2330']);
      assert.deepEqual(await onDate('2026-10-24', berlin.id), ['b-oct24-2330']);
      assert.deepEqual(await onDate('2026-10-26', berlin.id), ['b-oct26-0030']);
    });

    test("without a cinema, each showtime counts in its own cinema's zone", async () => {
      // Berlin 01:30 and Lisbon 00:30 are the same instant.
      assert.deepEqual((await onDate('2026-03-29')).sort(), ['b-mar29-0130', 'b-mar29-2330', 'l-mar29-0030']);
      assert.deepEqual(await onDate('2026-03-28', lisbon.id), ['l-mar28-2330']);
      assert.deepEqual(await onDate('2026-03-30', lisbon.id), ['l-mar30-0030']);
    });

    test('from/to are instants and combine with date', async () => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes?cinemaId=${berlin.id}&from=2026-03-29T00:30:00Z&to=2026-03-29T22:30:00Z`,
      });
      assert.deepEqual(
        res.body.items.map((s: any) => s.id),
        [ids['b-mar29-0130'], ids['b-mar29-2330']],
      );
      const both = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes?cinemaId=${berlin.id}&date=2026-03-29&from=2026-03-29T02:00:00%2B01:00`,
      });
      assert.deepEqual(
        both.body.items.map((s: any) => s.id),
        [ids['b-mar29-2330']],
      );
    });
  });
}
