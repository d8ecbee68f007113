// Cities, cinemas and halls through HTTP: time zones, layout validation, stable seat ids, capacity,
// and layout changes that coming showtimes with sales do not follow.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, hold } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { claimSeats, createCinema, createHall, createMovie, createShowtime, grid, tag } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`cinemas and halls on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    test('cinemas by city, cities with their counts', async () => {
      const city = `Porto ${tag()}`;
      const a = await createCinema(t, admin, { name: 'B side', city, timezone: 'Europe/Lisbon', address: 'Rua 1' });
      const b = await createCinema(t, admin, { name: 'A side', city, timezone: 'Europe/Lisbon' });
      await createCinema(t, admin, { city: 'Elsewhere', timezone: 'America/New_York' });
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/cinemas?city=${encodeURIComponent(city.toLowerCase())}`,
      });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((c: any) => c.id),
        [b.id, a.id],
      );
      assert.deepEqual(list.body.items[1], {
        id: a.id,
        name: 'B side',
        city,
        address: 'Rua 1',
        timezone: 'Europe/Lisbon',
        latitude: null,
        longitude: null,
      });
      const cities = await t.request({ method: 'GET', url: '/api/v1/cities' });
      assert.ok(Array.isArray(cities.body), 'a plain array, as API.md shows it');
      assert.deepEqual(
        cities.body.find((c: any) => c.city === city),
        { city, cinemaCount: 2 },
      );
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/cinemas/${a.id}` })).body.name, 'B side');
      const moved = await t.request({
        method: 'PATCH',
        url: `/api/v1/cinemas/${a.id}`,
        token: admin.token,
        payload: { timezone: 'Atlantic/Azores' },
      });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.timezone, 'Atlantic/Azores');
    });

    test('a cinema needs a real IANA time zone', async () => {
      for (const timezone of ['Mars/Olympus_Mons', '+01:00', 'CEST', 'Europe/Berlinn', 'europe berlin']) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/cinemas',
          token: admin.token,
          payload: { name: 'X', city: 'Y', timezone },
        });
        assert.equal(res.status, 422, timezone);
        assert.equal(res.body.errors[0].path, '/timezone');
      }
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/cinemas',
            token: admin.token,
            payload: { name: 'U', city: 'Y', timezone: 'UTC' },
          })
        ).status,
        201,
      );
    });

    test('a hall: capacity counts seats that are not blocked; the layout keeps positions and gives seat ids', async () => {
      const cinema = await createCinema(t, admin);
      const layout = {
        rows: [
          {
            label: 'A',
            y: 0,
            seats: [
              { number: 1, type: 'accessible', x: 0 },
              { number: 2, type: 'companion', x: 1 },
              { number: 3, type: 'blocked', x: 3 },
            ],
          },
          { label: 'B', seats: [{ number: 1, type: 'vip', x: 0.5, y: 1.2 }] },
        ],
      };
      const hall = await createHall(t, admin, cinema.id, { name: 'Studio', layout, cleaningMinutes: 30 });
      assert.equal(hall.capacity, 3);
      assert.equal(hall.cleaningMinutes, 30);
      assert.equal(hall.cinemaId, cinema.id);
      const seatsOf = (h: any) => h.layout.rows.flatMap((r: any) => r.seats.map((s: any) => ({ ...s, row: r.label })));
      const seats = seatsOf(hall);
      assert.equal(seats.length, 4);
      assert.ok(seats.every((s: any) => /^[0-9a-f-]{36}$/.test(s.id)));
      assert.deepEqual(
        seats.find((s: any) => s.row === 'B'),
        { id: seats[3].id, number: 1, type: 'vip', x: 0.5, y: 1.2, row: 'B' },
      );
      assert.equal(seats[2].x, 3, 'the gap before A3 is an aisle');
      const listed = await t.request({ method: 'GET', url: `/api/v1/cinemas/${cinema.id}/halls` });
      assert.deepEqual(
        listed.body.items.map((h: any) => h.id),
        [hall.id],
      );
      assert.deepEqual((await t.request({ method: 'GET', url: `/api/v1/halls/${hall.id}` })).body, hall);
    });

    test('layouts are validated: unique row labels, unique numbers per row, 1–1000 seats, known types', async () => {
      const cinema = await createCinema(t, admin);
      const post = (layout: unknown) =>
        t.request({
          method: 'POST',
          url: `/api/v1/cinemas/${cinema.id}/halls`,
          token: admin.token,
          payload: { name: `H ${tag()}`, layout },
        });
      const cases: [unknown, string][] = [
        [
          {
            rows: [
              { label: 'A', seats: [{ number: 1, type: 'standard', x: 0 }] },
              { label: 'A', seats: [{ number: 1, type: 'standard', x: 0 }] },
            ],
          },
          '/layout/rows/1/label',
        ],
        [
          {
            rows: [
              {
                label: 'A',
                seats: [
                  { number: 1, type: 'standard', x: 0 },
                  { number: 1, type: 'vip', x: 1 },
                ],
              },
            ],
          },
          '/layout/rows/0/seats/1/number',
        ],
        [{ rows: [{ label: 'A', seats: [] }] }, '/layout/rows'],
        [{ rows: [] }, '/layout/rows'],
        [grid(11, 91), '/layout/rows'],
        [{ rows: [{ label: 'A', seats: [{ number: 1, type: 'sofa', x: 0 }] }] }, '/layout/rows/0/seats/0/type'],
        [{ rows: [{ label: 'A', seats: [{ number: 0, type: 'standard', x: 0 }] }] }, '/layout/rows/0/seats/0/number'],
        [{ rows: [{ label: 'A', seats: [{ number: 1, type: 'standard' }] }] }, '/layout/rows/0/seats/0/x'],
      ];
      for (const [layout, path] of cases) {
        const res = await post(layout);
        assert.equal(res.status, 422, JSON.stringify(layout).slice(0, 80));
        assert.equal(res.body.code, 'validation_failed');
        assert.equal(res.body.errors[0].path, path);
      }
      assert.equal((await post(grid(10, 100))).status, 201, 'exactly 1000 seats is fine');
      const name = `Same ${tag()}`;
      await createHall(t, admin, cinema.id, { name });
      const dup = await t.request({
        method: 'POST',
        url: `/api/v1/cinemas/${cinema.id}/halls`,
        token: admin.token,
        payload: { name, layout: grid(1, 1) },
      });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'hall_name_taken');
      const nowhere = await t.request({
        method: 'POST',
        url: '/api/v1/cinemas/00000000-0000-4000-8000-000000000000/halls',
        token: admin.token,
        payload: { name: 'X', layout: grid(1, 1) },
      });
      assert.equal(nowhere.status, 404);
    });

    test('seats keep their ids by row and number across layout edits; removed seats come back with theirs', async () => {
      const cinema = await createCinema(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(2, 3) });
      const idOf = (h: any, row: string, n: number) =>
        h.layout.rows.find((r: any) => r.label === row)?.seats.find((s: any) => s.number === n)?.id;
      const a1 = idOf(hall, 'A', 1);
      const b3 = idOf(hall, 'B', 3);
      const edit = (layout: unknown) =>
        t.request({ method: 'PATCH', url: `/api/v1/halls/${hall.id}`, token: admin.token, payload: { layout } });
      const smaller = await edit({
        rows: [
          {
            label: 'A',
            seats: [
              { number: 1, type: 'vip', x: 5 },
              { number: 4, type: 'standard', x: 6 },
            ],
          },
        ],
      });
      assert.equal(smaller.status, 200);
      assert.equal(idOf(smaller.body, 'A', 1), a1);
      assert.equal(smaller.body.layout.rows[0].seats[0].type, 'vip');
      assert.equal(smaller.body.capacity, 2);
      const back = await edit(grid(2, 3));
      assert.equal(idOf(back.body, 'B', 3), b3);
      assert.equal(back.body.capacity, 6);
    });

    test('showtimes with sales keep the layout they were sold with; the others take the new one', async () => {
      const cinema = await createCinema(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(2, 3) });
      const movie = await createMovie(t, admin);
      const [sold, held, free] = [
        await createShowtime(t, admin, movie.id, hall.id, 48),
        await createShowtime(t, admin, movie.id, hall.id, 72),
        await createShowtime(t, admin, movie.id, hall.id, 96),
      ];
      const seatOf = (h: any, row: string, n: number) =>
        h.layout.rows.find((r: any) => r.label === row)?.seats.find((s: any) => s.number === n)?.id;
      const [a3, b1] = [seatOf(hall, 'A', 3), seatOf(hall, 'B', 1)];
      const alice = await makeUser(t);
      await buy(t, alice, sold.id, [a3]);
      const bob = await makeUser(t);
      const bobs = await hold(t, bob, held.id, [b1]);
      // An expired hold does not count.
      await claimSeats(t, free.id, [b1], 'held', new Date(t.clock.now().getTime() - 1000));

      // A3 goes, row C comes, B moves right.
      const layout = {
        rows: [
          { label: 'A', seats: [1, 2].map((n) => ({ number: n, type: 'standard', x: n })) },
          { label: 'B', seats: [1, 2, 3].map((n) => ({ number: n, type: 'standard', x: n + 5 })) },
          { label: 'C', seats: [1, 2, 3].map((n) => ({ number: n, type: 'standard', x: n })) },
        ],
      };
      const edit = () =>
        t.request({ method: 'PATCH', url: `/api/v1/halls/${hall.id}`, token: admin.token, payload: { layout } });
      const res = await edit();
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.keptLayout, [
        { showtimeId: sold.id, startsAt: sold.startsAt },
        { showtimeId: held.id, startsAt: held.startsAt },
      ]);
      assert.equal(res.body.capacity, 8);
      const c1 = seatOf(res.body, 'C', 1);

      const map = async (showtimeId: string) =>
        (await t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` })).body.seats.map(
          (s: any) => `${s.row}${s.number}@${s.x}:${s.status}`,
        );
      const seatsOf = async (showtimeId: string) => {
        const r = await t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}` });
        return [r.body.seatsAvailable, r.body.hall?.capacity ?? r.body.capacity];
      };
      // The booking side caches a showtime's seats for a moment.
      await eventually(async () => (await map(free.id)).length === 8, 10_000, 50, 'the new layout');
      assert.deepEqual(await map(sold.id), [
        'A1@0:available',
        'A2@1:available',
        'A3@2:sold',
        'B1@0:available',
        'B2@1:available',
        'B3@2:available',
      ]);
      assert.deepEqual((await map(held.id))[3], 'B1@0:held');
      assert.deepEqual(await map(free.id), [
        'A1@1:available',
        'A2@2:available',
        'B1@6:available',
        'B2@7:available',
        'B3@8:available',
        'C1@1:available',
        'C2@2:available',
        'C3@3:available',
      ]);
      assert.equal((await seatsOf(sold.id))[0], 5);
      assert.equal((await seatsOf(free.id))[0], 8);

      // Holds follow each showtime's own layout.
      const carol = await makeUser(t);
      const tryHold = (showtimeId: string, seatIds: string[]) =>
        t.request({ method: 'POST', url: '/api/v1/bookings', token: carol.token, payload: { showtimeId, seatIds } });
      assert.equal((await tryHold(held.id, [a3])).status, 201);
      assert.equal((await tryHold(held.id, [c1])).status, 422);
      assert.equal((await tryHold(free.id, [a3])).status, 422);
      assert.equal((await tryHold(free.id, [c1])).status, 201);
      const paid = await t.request({
        method: 'GET',
        url: `/api/v1/bookings?showtimeId=${sold.id}`,
        token: alice.token,
      });
      assert.equal(paid.body.items[0].tickets[0].seat.row, 'A');

      // Once its sales are gone, a showtime takes the layout of the next edit; one sold since keeps
      // the layout it was sold with; an ended one is not listed, nor one whose holds lapsed.
      await t.request({ method: 'DELETE', url: `/api/v1/bookings/${bobs.id}`, token: bob.token });
      for (const b of (
        await t.request({ method: 'GET', url: `/api/v1/bookings?showtimeId=${held.id}`, token: carol.token })
      ).body.items)
        await t.request({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, token: carol.token });
      const again = await edit();
      assert.deepEqual(
        again.body.keptLayout.map((k: any) => k.showtimeId),
        [sold.id, free.id],
      );
      await eventually(async () => (await map(held.id)).length === 8, 10_000, 50, 'the new layout');
      t.clock.advance(60 * 3_600_000);
      assert.deepEqual((await edit()).body.keptLayout, []);
    });

    test('a layout may not add a seat type that coming showtimes have no price for', async () => {
      const cinema = await createCinema(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(1, 3) });
      const movie = await createMovie(t, admin);
      const showtime = await createShowtime(t, admin, movie.id, hall.id, 10);
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/halls/${hall.id}`,
        token: admin.token,
        payload: { layout: grid(1, 3, { A1: 'vip' }) },
      });
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'prices_missing');
      assert.deepEqual(res.body.showtimeIds, [showtime.id]);
    });
  });
}
