// Showtimes through HTTP: scheduling rules, overlaps (also racing), exact availability, listing
// and cancelling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { MemoryKv } from '../../platform/cache/kv.ts';
import { AppError } from '../../platform/errors.ts';
import { createCatalogCache } from './catalog.cache.ts';
import { claimSeats, createHall, createMovie, createShowtime, grid, venue } from './catalog.fixtures.ts';
import { createShowtimesService } from './showtimes.service.ts';

const HOUR = 3_600_000;

for (const backend of backends()) {
  describe(`showtimes on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    test('endsAt is start + running time + the hall cleaning buffer; the showtime reads back whole', async () => {
      const { cinema, hall, movie } = await venue(t, admin);
      const startsAt = new Date(Math.ceil((t.clock.now().getTime() + 30 * HOUR) / 60_000) * 60_000);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/showtimes',
        token: admin.token,
        payload: {
          movieId: movie.id,
          hallId: hall.id,
          startsAt: startsAt.toISOString(),
          format: '3D',
          language: 'en',
          subtitles: 'de',
          prices: { standard: 1250 },
          currency: 'EUR',
        },
      });
      assert.equal(res.status, 201, res.text);
      const s = res.body;
      assert.equal(s.startsAt, startsAt.toISOString());
      assert.equal(s.endsAt, new Date(startsAt.getTime() + (100 + 15) * 60_000).toISOString());
      assert.deepEqual(
        {
          movieId: s.movieId,
          hallId: s.hallId,
          cinemaId: s.cinemaId,
          format: s.format,
          language: s.language,
          subtitles: s.subtitles,
          prices: s.prices,
          currency: s.currency,
          status: s.status,
          seatsAvailable: s.seatsAvailable,
          timezone: s.timezone,
        },
        {
          movieId: movie.id,
          hallId: hall.id,
          cinemaId: cinema.id,
          format: '3D',
          language: 'en',
          subtitles: 'de',
          prices: { standard: 1250 },
          currency: 'EUR',
          status: 'scheduled',
          seatsAvailable: 10,
          timezone: 'Europe/Berlin',
        },
      );
      assert.deepEqual((await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.id}` })).body, s);
      const info = await t.app.modules.catalog.service.getShowtime(s.id);
      assert.equal(info?.movie.durationMinutes, 100);
      assert.equal(info?.cinema.timezone, 'Europe/Berlin');
      assert.equal(info?.endsAt.toISOString(), s.endsAt);
      assert.equal((await t.app.modules.catalog.service.getHallSeats(hall.id)).length, 10);
      assert.equal(await t.app.modules.catalog.service.getShowtime('00000000-0000-4000-8000-000000000000'), null);
      assert.equal(await t.app.modules.catalog.service.getShowtime('nope'), null);
    });

    test('getShowtimes: several at once, cached and not, the same as one by one; unknown ids left out', async () => {
      const { hall, movie } = await venue(t, admin);
      const [a, b, c] = await Promise.all([40, 60, 80].map((h) => createShowtime(t, admin, movie.id, hall.id, h)));
      const catalog = t.app.modules.catalog.service;
      const cached = await catalog.getShowtime(a.id);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const found = await catalog.getShowtimes([b.id, a.id, unknown, 'nope', c.id, b.id]);
      assert.deepEqual([...found.keys()].sort(), [a.id, b.id, c.id].sort());
      assert.deepEqual(found.get(a.id), cached);
      for (const s of [b, c]) {
        assert.deepEqual(found.get(s.id), await catalog.getShowtime(s.id));
        assert.equal(found.get(s.id)?.startsAt.toISOString(), s.startsAt);
      }
      assert.equal((await catalog.getShowtimes([])).size, 0);
    });

    test('scheduling rules: every seat type priced, prices ≥ 0, ISO currency, a start in the future, things that exist', async () => {
      const { cinema, movie } = await venue(t, admin);
      const hall = await createHall(t, admin, cinema.id, {
        layout: grid(2, 4, { A1: 'vip', A2: 'accessible', B4: 'blocked' }),
      });
      const base = {
        movieId: movie.id,
        hallId: hall.id,
        startsAt: new Date(t.clock.now().getTime() + 5 * HOUR).toISOString(),
        prices: { standard: 900, vip: 1400, accessible: 700 },
        currency: 'EUR',
      };
      const cases: [object, string][] = [
        [{ prices: { standard: 900, vip: 1400 } }, '/prices/accessible'],
        [{ prices: { standard: -1, vip: 1400, accessible: 700 } }, '/prices/standard'],
        [{ prices: { standard: 9.5, vip: 1400, accessible: 700 } }, '/prices/standard'],
        [{ prices: { standard: 900, vip: 1400, accessible: 700, blocked: 0 } }, '/prices/blocked'],
        [{ currency: 'eur' }, '/currency'],
        [{ currency: 'XYZ' }, '/currency'],
        // ICU still knows these; ISO 4217 withdrew the kuna in 2023, and SDRs have no minor units.
        [{ currency: 'HRK' }, '/currency'],
        [{ currency: 'XDR' }, '/currency'],
        [{ startsAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }, '/startsAt'],
        [{ startsAt: t.clock.now().toISOString() }, '/startsAt'],
        [{ startsAt: '2030-01-01 10:00' }, '/startsAt'],
        [{ movieId: '00000000-0000-4000-8000-000000000000' }, '/movieId'],
        [{ hallId: '00000000-0000-4000-8000-000000000000' }, '/hallId'],
      ];
      for (const [over, path] of cases) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/showtimes',
          token: admin.token,
          payload: { ...base, ...over },
        });
        assert.equal(res.status, 422, `${JSON.stringify(over)}: ${res.text}`);
        assert.equal(res.body.errors[0].path, path, JSON.stringify(over));
      }
      const ok = await t.request({
        method: 'POST',
        url: '/api/v1/showtimes',
        token: admin.token,
        payload: { ...base, prices: { ...base.prices, companion: 0 } },
      });
      assert.equal(ok.status, 201, 'a free seat type and an unused one are fine');
      assert.equal(ok.body.format, '2D');
      assert.equal(ok.body.seatsAvailable, 7);
      const customer = await makeUser(t);
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/showtimes', token: customer.token, payload: base })).status,
        403,
      );
    });

    test('two showtimes never overlap in a hall (cleaning included): 409 showtime_overlap', async () => {
      const { cinema, hall, movie } = await venue(t, admin);
      const first = await createShowtime(t, admin, movie.id, hall.id, 10);
      const at = (iso: string, plusMinutes: number) =>
        new Date(new Date(iso).getTime() + plusMinutes * 60_000).toISOString();
      const post = (hallId: string, startsAt: string) =>
        t.request({
          method: 'POST',
          url: '/api/v1/showtimes',
          token: admin.token,
          payload: { movieId: movie.id, hallId, startsAt, prices: { standard: 1 }, currency: 'EUR' },
        });
      for (const startsAt of [first.startsAt, at(first.startsAt, 60), at(first.endsAt, -1), at(first.startsAt, -114)]) {
        const res = await post(hall.id, startsAt);
        assert.equal(res.status, 409, startsAt);
        assert.equal(res.body.code, 'showtime_overlap');
      }
      assert.equal((await post(hall.id, first.endsAt)).status, 201, 'back to back is fine');
      assert.equal((await post(hall.id, at(first.startsAt, -115))).status, 201, 'ending exactly at the start is fine');
      const other = await createHall(t, admin, cinema.id);
      assert.equal((await post(other.id, first.startsAt)).status, 201, 'another hall is another matter');
    });

    test('overlapping creates racing each other: exactly one wins', async () => {
      const { hall, movie } = await venue(t, admin);
      const base = t.clock.now().getTime() + 50 * HOUR;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.request({
            method: 'POST',
            url: '/api/v1/showtimes',
            token: admin.token,
            payload: {
              movieId: movie.id,
              hallId: hall.id,
              startsAt: new Date(base + i * 7 * 60_000).toISOString(),
              prices: { standard: 1 },
              currency: 'EUR',
            },
          }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(
        statuses,
        [201, 409, 409, 409, 409, 409, 409, 409],
        JSON.stringify(results.map((r) => r.body.code)),
      );
      assert.ok(results.filter((r) => r.status === 409).every((r) => r.body.code === 'showtime_overlap'));
      const listed = await t.request({ method: 'GET', url: `/api/v1/showtimes?hallId=${hall.id}` });
      assert.equal(listed.body.items.length, 1);
    });

    test('seatsAvailable is exact: sellable seats minus sold and live holds', async () => {
      const { cinema, movie } = await venue(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(2, 5, { B5: 'blocked' }) });
      const show = await createShowtime(t, admin, movie.id, hall.id, 20);
      assert.equal(show.seatsAvailable, 9);
      const seats = (await t.app.modules.catalog.service.getHallSeats(hall.id)).filter((s) => s.type !== 'blocked');
      const now = t.clock.now().getTime();
      await claimSeats(t, show.id, [seats[0]!.id, seats[1]!.id], 'sold');
      await claimSeats(t, show.id, [seats[2]!.id], 'held', new Date(now + 60_000));
      await claimSeats(t, show.id, [seats[3]!.id], 'held', new Date(now - 1));
      await t.app.modules.catalog.service.invalidateShowtime(show.id);
      const read = async () => {
        const one = await t.request({ method: 'GET', url: `/api/v1/showtimes/${show.id}` });
        const list = await t.request({ method: 'GET', url: `/api/v1/showtimes?hallId=${hall.id}` });
        assert.equal(list.body.items[0].seatsAvailable, one.body.seatsAvailable);
        return one.body.seatsAvailable;
      };
      assert.equal(await read(), 6);
      // The live hold lapses by itself: no write happens, and the count follows the clock.
      t.clock.advance(61_000);
      assert.equal(await read(), 7);
    });

    test('lists: filters by movie, cinema, hall and instants, sorted by start with ties paged by id; default from now', async () => {
      const { cinema, hall, movie } = await venue(t, admin);
      const hall2 = await createHall(t, admin, cinema.id);
      const other = await createMovie(t, admin);
      const a = await createShowtime(t, admin, movie.id, hall.id, 100);
      const b = await createShowtime(t, admin, other.id, hall2.id, 100);
      const c = await createShowtime(t, admin, movie.id, hall.id, 103);
      const ids = async (q: string) =>
        (await t.request({ method: 'GET', url: `/api/v1/showtimes?${q}` })).body.items.map((s: any) => s.id);
      assert.deepEqual(await ids(`cinemaId=${cinema.id}`), [[a.id, b.id].sort()[0], [a.id, b.id].sort()[1], c.id]);
      assert.deepEqual(await ids(`movieId=${movie.id}`), [a.id, c.id]);
      assert.deepEqual(await ids(`cinemaId=${cinema.id}&from=${encodeURIComponent(c.startsAt)}`), [c.id]);
      assert.deepEqual(
        await ids(`cinemaId=${cinema.id}&to=${encodeURIComponent(c.startsAt)}`).then((x) => x.length),
        2,
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await t.request({
          method: 'GET',
          url: `/api/v1/showtimes?cinemaId=${cinema.id}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        });
        seen.push(...res.body.items.map((s: any) => s.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, await ids(`cinemaId=${cinema.id}`));
      t.clock.advance(101 * HOUR);
      assert.deepEqual(await ids(`cinemaId=${cinema.id}`), [c.id], 'started showtimes drop out of the default list');
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/showtimes?date=2026-13-01' })).status, 422);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/showtimes?from=yesterday' })).status, 422);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/showtimes/00000000-0000-4000-8000-000000000000' })).status,
        404,
      );
    });

    test('cancel: the showtime is cancelled, its slot freed and an event written; admins only', async () => {
      const { hall, movie } = await venue(t, admin);
      const show = await createShowtime(t, admin, movie.id, hall.id, 30);
      const customer = await makeUser(t);
      assert.equal(
        (await t.request({ method: 'POST', url: `/api/v1/showtimes/${show.id}/cancel`, token: customer.token })).status,
        403,
      );
      const done = await t.request({ method: 'POST', url: `/api/v1/showtimes/${show.id}/cancel`, token: admin.token });
      assert.equal(done.status, 200);
      assert.equal(done.body.status, 'cancelled');
      assert.equal(
        (await t.request({ method: 'POST', url: `/api/v1/showtimes/${show.id}/cancel`, token: admin.token })).body
          .status,
        'cancelled',
      );
      assert.equal((await t.app.modules.catalog.service.getShowtime(show.id))?.status, 'cancelled');
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/showtimes/${show.id}` })).body.status, 'cancelled');
      const listed = await t.request({ method: 'GET', url: `/api/v1/showtimes?hallId=${hall.id}` });
      assert.deepEqual(listed.body.items, []);
      const cancelled = await t.request({ method: 'GET', url: `/api/v1/showtimes?hallId=${hall.id}&status=cancelled` });
      assert.deepEqual(
        cancelled.body.items.map((s: any) => s.id),
        [show.id],
      );
      const again = await createShowtime(t, admin, movie.id, hall.id, 30);
      assert.equal(again.status, 'scheduled', 'the cancelled slot is free');
      const db = t.app.platform.database.db;
      const event = await db
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'showtime.cancelled')
        .where('aggregate_id', '=', show.id)
        .executeTakeFirst();
      assert.deepEqual(event?.payload, { showtimeId: show.id });
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/showtimes/00000000-0000-4000-8000-000000000000/cancel',
            token: admin.token,
          })
        ).status,
        404,
      );
    });

    test('cancelled without the refunds part, a showtime with paid bookings is 409 showtime_has_paid_bookings', async () => {
      // Payments passes its refunds part to the cancel call; the catalog's own rule is checked without it.
      const { database } = t.app.platform;
      const bare = createShowtimesService({
        database,
        clock: t.clock,
        cache: createCatalogCache({ kv: new MemoryKv(), clock: t.clock }),
      });
      const { hall, movie } = await venue(t, admin);
      const show = await createShowtime(t, admin, movie.id, hall.id, 30);
      const seats = await t.app.modules.catalog.service.getHallSeats(hall.id);
      await claimSeats(t, show.id, [seats[0]!.id], 'sold');
      await assert.rejects(
        bare.cancelShowtime(show.id),
        (err: unknown) => err instanceof AppError && err.code === 'showtime_has_paid_bookings' && err.status === 409,
      );
      assert.equal((await bare.load(database.db, show.id))?.status, 'scheduled');
      await database.db
        .updateTable('bookings')
        .set({ status: 'refunded' })
        .where('showtime_id', '=', show.id)
        .execute();
      assert.equal((await bare.cancelShowtime(show.id)).status, 'cancelled');
    });
  });
}
