// The staff back office through HTTP on a real database: who holds which seat, a showtime's money
// net of refunds and what cancelling would refund, sales per day and movie, the CSV export, default
// prices per hall, and the roles that may see or change each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** `YYYY-MM-DD` and `HH:MM` of an instant in Berlin, the factories' cinema zone. */
function local(at: Date): { day: string; time: string } {
  const p = Object.fromEntries(berlin.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
/** Midnight UTC `days` days after the clock's day. */
const utcDay = (now: Date, days: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));

for (const backend of backends()) {
  describe(`staff sales on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let staff: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_CUTOFF_MINUTES: '10', HOLD_MINUTES: '10' } });
      [alice, bob, staff, admin] = await Promise.all([
        makeUser(t, { name: 'Alice Held' }),
        makeUser(t, { name: 'Bob Paid' }),
        makeUser(t, { role: 'staff' }),
        makeUser(t, { role: 'admin' }),
      ]);
    });
    after(() => t.close());

    const get = (url: string, user?: TestUser) => t.request({ method: 'GET', url, token: user?.token });
    async function hold(user: TestUser, s: TestShowtime, seats: string[]): Promise<string> {
      const ids = seats.map((x) => s.seat(x[0]!, Number(x.slice(1))).id);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: user.token,
        payload: { showtimeId: s.showtimeId, seatIds: ids },
      });
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }
    async function buy(user: TestUser, s: TestShowtime, seats: string[]): Promise<{ id: string; codes: string[] }> {
      const id = await hold(user, s, seats);
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${id}/payments`,
        token: user.token,
        payload: { card: CARD },
      });
      assert.equal(res.status, 201, res.text);
      return { id, codes: res.body.booking.tickets.map((x: { code: string }) => x.code) };
    }
    const soon = () => new Date(t.clock.now().getTime() + 30 * 60_000);

    test('every staff endpoint refuses the anonymous (401) and customers (403); price changes are for admins', async () => {
      const s = await makeShowtime(t);
      const urls = [
        `/api/v1/staff/showtimes/${s.showtimeId}/seats`,
        `/api/v1/staff/showtimes/${s.showtimeId}/summary`,
        '/api/v1/staff/sales?from=2026-01-01&to=2026-01-31',
        '/api/v1/staff/sales.csv?from=2026-01-01&to=2026-01-31',
        `/api/v1/staff/halls/${s.hallId}/price-defaults`,
      ];
      for (const url of urls) {
        assert.equal((await get(url)).status, 401, url);
        const forbidden = await get(url, alice);
        assert.equal(forbidden.status, 403, url);
        assert.equal(forbidden.body.code, 'forbidden');
        assert.equal((await get(url, staff)).status, 200, url);
        assert.equal((await get(url, admin)).status, 200, url);
      }
      const put = (user?: TestUser) =>
        t.request({
          method: 'PUT',
          url: `/api/v1/staff/halls/${s.hallId}/price-defaults`,
          token: user?.token,
          payload: { prices: { standard: 900 }, currency: 'EUR' },
        });
      assert.equal((await put()).status, 401);
      assert.equal((await put(alice)).status, 403);
      assert.equal((await put(staff)).status, 403);
      assert.equal((await put(admin)).status, 200);
    });

    test('the staff seat list names who holds and who bought each taken seat; lapsed holds drop out', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(2, 5), startsAt: soon() });
      const held = await hold(alice, s, ['A1', 'A2']);
      const bought = await buy(bob, s, ['B3']);
      const res = await get(`/api/v1/staff/showtimes/${s.showtimeId}/seats`, staff);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const byName = Object.fromEntries(res.body.seats.map((x: any) => [`${x.row}${x.number}`, x]));
      assert.deepEqual(Object.keys(byName).sort(), ['A1', 'A2', 'B3']);
      assert.equal(byName.A1.status, 'held');
      assert.equal(byName.A1.bookingId, held);
      assert.equal(byName.A1.bookingStatus, 'held');
      assert.deepEqual(byName.A1.customer, { id: alice.id, name: 'Alice Held', email: alice.email });
      assert.equal(byName.A1.ticket, null);
      assert.equal(new Date(byName.A1.expiresAt).getTime(), t.clock.now().getTime() + 10 * 60_000);
      assert.equal(byName.B3.status, 'sold');
      assert.equal(byName.B3.bookingId, bought.id);
      assert.equal(byName.B3.bookingStatus, 'confirmed');
      assert.equal(byName.B3.customer.email, bob.email);
      assert.equal(byName.B3.expiresAt, null);
      assert.equal(byName.B3.ticket.status, 'valid');
      // Check-in shows on the seat.
      const checkin = await t.request({
        method: 'POST',
        url: '/api/v1/checkins',
        token: staff.token,
        payload: { code: bought.codes[0] },
      });
      assert.equal(checkin.status, 200, checkin.text);
      const after = (await get(`/api/v1/staff/showtimes/${s.showtimeId}/seats`, staff)).body.seats;
      assert.equal(after.find((x: any) => x.row === 'B').ticket.status, 'used');
      assert.ok(after.find((x: any) => x.row === 'B').ticket.checkedInAt);
      t.clock.advance(10 * 60_000 + 1);
      const lapsed = (await get(`/api/v1/staff/showtimes/${s.showtimeId}/seats`, staff)).body.seats;
      assert.deepEqual(
        lapsed.map((x: any) => `${x.row}${x.number}`),
        ['B3'],
      );
    });

    test('the summary counts tickets, check-ins and money net of refunds, and what cancelling would refund', async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(2, 5, { B1: 'vip' }),
        prices: { standard: 1000, vip: 1500 },
        startsAt: soon(),
      });
      const one = await buy(alice, s, ['A1', 'B1']);
      await buy(bob, s, ['A2']);
      await buy(bob, s, ['A3']);
      let sum = (await get(`/api/v1/staff/showtimes/${s.showtimeId}/summary`, staff)).body;
      assert.equal(sum.capacity, 10);
      assert.equal(sum.tickets, 4);
      assert.deepEqual(sum.gross, { amount: 4500, currency: 'EUR' });
      assert.deepEqual(sum.net, { amount: 4500, currency: 'EUR' });
      assert.deepEqual(sum.refundOnCancel, {
        bookings: 3,
        customers: 2,
        tickets: 4,
        amount: { amount: 4500, currency: 'EUR' },
      });
      const cancel = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${one.id}/cancel`,
        token: alice.token,
        payload: {},
      });
      assert.equal(cancel.status, 200, cancel.text);
      const checkin = await t.request({
        method: 'POST',
        url: '/api/v1/checkins',
        token: staff.token,
        payload: { code: (await buy(alice, s, ['A5'])).codes[0] },
      });
      assert.equal(checkin.status, 200, checkin.text);
      sum = (await get(`/api/v1/staff/showtimes/${s.showtimeId}/summary`, staff)).body;
      assert.equal(sum.tickets, 3);
      assert.equal(sum.checkedIn, 1);
      assert.deepEqual(sum.gross, { amount: 5500, currency: 'EUR' });
      assert.deepEqual(sum.refunded, { amount: 2500, currency: 'EUR' });
      assert.deepEqual(sum.net, { amount: 3000, currency: 'EUR' });
      assert.deepEqual(sum.refundOnCancel, {
        bookings: 3,
        customers: 2,
        tickets: 3,
        amount: { amount: 3000, currency: 'EUR' },
      });
    });

    test('unknown or malformed showtime and hall ids are 404, malformed filters and ranges 422', async () => {
      assert.equal((await get(`/api/v1/staff/showtimes/${UNKNOWN}/seats`, staff)).status, 404);
      assert.equal((await get('/api/v1/staff/showtimes/nope/seats', staff)).status, 404);
      assert.equal((await get(`/api/v1/staff/showtimes/${UNKNOWN}/summary`, staff)).status, 404);
      assert.equal((await get(`/api/v1/staff/halls/${UNKNOWN}/price-defaults`, staff)).status, 404);
      for (const url of [
        '/api/v1/staff/sales?from=2026-02-01&to=2026-01-01',
        '/api/v1/staff/sales?from=2024-01-01&to=2026-01-01',
        '/api/v1/staff/sales?from=2026-01-01',
        '/api/v1/staff/sales.csv?from=yesterday&to=2026-01-01',
        '/api/v1/staff/sales?from=2026-01-01&to=2026-01-02&cinemaId=x',
        '/api/v1/staff/sales?from=2026-01-01&to=2026-01-02&limit=0',
        '/api/v1/staff/sales?from=2026-01-01&to=2026-01-02&limit=501',
        '/api/v1/staff/sales?from=2026-01-01&to=2026-01-02&offset=-1',
        '/api/v1/staff/sales?from=2026-01-01&to=2026-01-02&limit=ten',
        '/api/v1/staff/sales.csv?from=2026-01-01&to=2026-01-02&limit=10',
      ]) {
        const res = await get(url, staff);
        assert.equal(res.status, 422, url);
        assert.equal(res.body.code, 'validation_failed', url);
      }
    });

    test('sales per day and movie sum each cinema-local day; the cinema filter narrows', async () => {
      // 23:30 UTC is already the next day in Berlin: the day is the cinema's.
      const d = utcDay(t.clock.now(), 3);
      const late = await makeShowtime(t, {
        startsAt: new Date(d.getTime() + 23.5 * 3600_000),
        prices: { standard: 1000 },
      });
      const early = await makeShowtime(t, {
        startsAt: new Date(d.getTime() + 33 * 3600_000),
        prices: { standard: 700 },
      });
      await buy(alice, late, ['A1', 'A2']);
      await buy(bob, early, ['A1']);
      const day = local(late.startsAt).day;
      assert.equal(local(early.startsAt).day, day);
      const res = await get(`/api/v1/staff/sales?from=${day}&to=${day}`, staff);
      assert.equal(res.status, 200, res.text);
      const r = res.body;
      assert.deepEqual(
        r.days.map((x: any) => [x.date, x.showtimes, x.tickets, x.net.amount]),
        [[day, 2, 3, 2700]],
      );
      assert.deepEqual(
        r.totals.map((x: any) => [x.tickets, x.gross.amount, x.net.currency]),
        [[3, 2700, 'EUR']],
      );
      assert.deepEqual(
        r.movies.map((m: any) => [m.movieId, m.net.amount]),
        [
          [late.movieId, 2000],
          [early.movieId, 700],
        ],
      );
      assert.deepEqual(
        r.showtimes.map((x: any) => [x.showtimeId, x.localTime]),
        [
          [late.showtimeId, local(late.startsAt).time],
          [early.showtimeId, local(early.startsAt).time],
        ],
      );
      const narrowed = (await get(`/api/v1/staff/sales?from=${day}&to=${day}&cinemaId=${early.cinemaId}`, staff)).body;
      assert.deepEqual(
        narrowed.showtimes.map((x: any) => x.showtimeId),
        [early.showtimeId],
      );
      const before = d.toISOString().slice(0, 10);
      assert.deepEqual(
        (await get(`/api/v1/staff/sales?from=${before}&to=${before}&cinemaId=${late.cinemaId}`, staff)).body.showtimes,
        [],
      );
    });

    test('the showtimes list a page at a time with limit and offset; the sums cover the whole range', async () => {
      const d = utcDay(t.clock.now(), 40);
      const made: TestShowtime[] = [];
      for (let i = 0; i < 5; i++)
        made.push(
          await makeShowtime(t, { startsAt: new Date(d.getTime() + (10 + i) * 3600_000), prices: { standard: 500 } }),
        );
      await buy(alice, made[4]!, ['A1']);
      const day = local(made[0]!.startsAt).day;
      const all = (await get(`/api/v1/staff/sales?from=${day}&to=${day}`, staff)).body;
      assert.equal(all.showtimeCount, 5);
      assert.equal(all.showtimes.length, 5, 'without a limit every showtime is listed');
      const page = await get(`/api/v1/staff/sales?from=${day}&to=${day}&limit=2&offset=2`, staff);
      assert.equal(page.status, 200, page.text);
      assert.equal(page.body.showtimeCount, 5);
      assert.deepEqual(
        page.body.showtimes.map((x: any) => x.showtimeId),
        [made[2]!.showtimeId, made[3]!.showtimeId],
      );
      assert.deepEqual(
        page.body.totals.map((x: any) => [x.showtimes, x.net.amount]),
        [[5, 500]],
        'the totals ignore the page',
      );
      const past = (await get(`/api/v1/staff/sales?from=${day}&to=${day}&limit=2&offset=10`, staff)).body;
      assert.deepEqual([past.showtimeCount, past.showtimes], [5, []]);
    });

    test('the CSV export is RFC 4180 UTF-8 with formulas defused', async () => {
      const s = await makeShowtime(t, {
        startsAt: new Date(utcDay(t.clock.now(), 20).getTime() + 18 * 3600_000),
        prices: { standard: 1250 },
      });
      const { day, time } = local(s.startsAt);
      await t.app.platform.database.db
        .updateTable('movies')
        .set({ title: '=HYPERLINK("x"), "Zoë" ✓' })
        .where('id', '=', s.movieId)
        .execute();
      await t.app.platform.database.db
        .updateTable('halls')
        .set({ name: '+Saal, 1' })
        .where('id', '=', s.hallId)
        .execute();
      await buy(alice, s, ['A1', 'A2']);
      const res = await get(`/api/v1/staff/sales.csv?from=${day}&to=${day}`, staff);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present');
      assert.match(
        String(res.headers['content-disposition']),
        new RegExp(`^attachment; filename="sales-${day}-to-${day}\\.csv"$`),
      );
      const raw = Buffer.from(res.text, 'utf8');
      assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = res.text.slice(1).split('\r\n');
      assert.equal(lines.at(-1), '');
      assert.equal(
        lines[0],
        'date,time,cinema,hall,movie,showtime_id,status,capacity,tickets,checked_in,currency,gross,refunded,net,ticket_types',
      );
      assert.equal(lines.length, 3);
      assert.ok(!lines.slice(0, -1).some((l) => l.includes('\n')));
      const row = lines[1]!;
      assert.ok(row.startsWith(`${day},${time},`), row);
      assert.ok(
        row.includes(
          `,"'+Saal, 1","'=HYPERLINK(""x""), ""Zoë"" ✓",${s.showtimeId},scheduled,30,2,0,EUR,25.00,0.00,25.00,adult 2`,
        ),
        row,
      );
    });

    test('default prices per hall: empty until saved, then replaced as a whole', async () => {
      const s = await makeShowtime(t);
      const url = `/api/v1/staff/halls/${s.hallId}/price-defaults`;
      assert.deepEqual((await get(url, staff)).body, { hallId: s.hallId, prices: {}, currency: null, updatedAt: null });
      const put = (payload: object) => t.request({ method: 'PUT', url, token: admin.token, payload });
      const saved = await put({ prices: { standard: 1100, vip: 1600 }, currency: 'EUR' });
      assert.equal(saved.status, 200, saved.text);
      assert.deepEqual(saved.body.prices, { standard: 1100, vip: 1600 });
      assert.equal((await put({ prices: { standard: 1200 }, currency: 'CHF' })).status, 200);
      const got = (await get(url, staff)).body;
      assert.deepEqual([got.prices, got.currency], [{ standard: 1200 }, 'CHF']);
      assert.equal(got.updatedAt, t.clock.now().toISOString());
      for (const bad of [
        { prices: { standard: -1 }, currency: 'EUR' },
        { prices: { gold: 1 }, currency: 'EUR' },
        { prices: {}, currency: 'euro' },
        { prices: {} },
      ]) {
        const res = await put(bad);
        assert.equal(res.status, 422, JSON.stringify(bad));
      }
      // Well-formed but no ISO 4217 currency (unknown, withdrawn, no minor units): refused as the showtime form would be.
      for (const currency of ['XYZ', 'HRK', 'XAU']) {
        const res = await put({ prices: { standard: 1200 }, currency });
        assert.equal(res.status, 422, currency);
        assert.deepEqual(
          [res.body.code, res.body.errors],
          ['validation_failed', [{ path: '/currency', message: 'is not an ISO 4217 currency code' }]],
        );
      }
      assert.equal((await get(url, staff)).body.currency, 'CHF', 'nothing saved');
      const unknown = await t.request({
        method: 'PUT',
        url: `/api/v1/staff/halls/${UNKNOWN}/price-defaults`,
        token: admin.token,
        payload: { prices: {}, currency: 'EUR' },
      });
      assert.equal(unknown.status, 404);
    });
  });
}
