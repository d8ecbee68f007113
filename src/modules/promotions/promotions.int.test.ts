// Promo codes through HTTP on a real database: admins create, list, change and deactivate codes and
// export generated ones; customers (and guests with their booking token) apply and remove a code on a
// held booking with every rule of api-16.md section 2; the payment charges what is due; uses come back
// when the booking is released, refunded in full or expires; and 100 customers racing for a code with
// 10 uses get exactly 10 of them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { card, hold, pay, processorCharges } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_PROMO_CODE, seedDemoPromo } from './demo-promo.ts';
import { WRONG_CODES_PER_CUSTOMER } from './promo-guesses.ts';

let n = 0;
const uniqueCode = (prefix = 'P') => `${prefix}${Date.now().toString(36).toUpperCase()}${(n++).toString(36)}`;

for (const backend of backends()) {
  describe(`promo codes on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { MAX_SEATS_PER_CUSTOMER: '10' } });
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const call = (method: string, url: string, user: TestUser | null, payload?: unknown, headers = {}) =>
      t.request({
        method: method as 'GET',
        url,
        ...(user ? { token: user.token } : {}),
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    async function newCode(body: Record<string, unknown>) {
      const res = await call('POST', '/api/v1/promo-codes', admin, { name: 'Test', ...body });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }
    const apply = (user: TestUser, bookingId: string, code: string) =>
      call('POST', `/api/v1/bookings/${bookingId}/promo-code`, user, { code });
    const uses = async (id: string) => (await call('GET', `/api/v1/promo-codes/${id}`, admin)).body.uses as number;
    const seats = (s: TestShowtime, row: string, count: number) =>
      Array.from({ length: count }, (_, i) => s.seat(row, i + 1).id);

    test('admins create, list, read, change and deactivate codes; generated codes come as CSV', async () => {
      const customer = await makeUser(t);
      assert.equal((await call('POST', '/api/v1/promo-codes', customer, { name: 'x' })).status, 403);
      const code = uniqueCode('Spring-');
      const created = await newCode({ code: code.toLowerCase(), kind: 'percent', percent: 10, maxUses: 5 });
      assert.equal(created.code, code.toUpperCase(), 'stored upper case');
      assert.deepEqual(
        [created.kind, created.percent, created.amount, created.uses, created.generatedCount, created.active],
        ['percent', 10, null, 0, 0, true],
      );
      const taken = await call('POST', '/api/v1/promo-codes', admin, { name: 'x', code, kind: 'percent', percent: 5 });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.code, 'promo_code_taken');
      for (const bad of [
        { kind: 'percent', percent: 10 },
        { code: 'AB', kind: 'percent', percent: 10 },
        { code: uniqueCode(), kind: 'percent' },
        { code: uniqueCode(), kind: 'fixed', percent: 10 },
        { code: uniqueCode(), kind: 'percent', percent: 101 },
        { code: uniqueCode(), kind: 'percent', percent: 5, generate: { count: 2 } },
        {
          code: uniqueCode(),
          kind: 'percent',
          percent: 5,
          validFrom: '2030-01-02T00:00:00Z',
          validUntil: '2030-01-01T00:00:00Z',
        },
      ]) {
        const res = await call('POST', '/api/v1/promo-codes', admin, { name: 'x', ...bad });
        assert.equal(res.status, 422, `${JSON.stringify(bad)}: ${res.text}`);
      }

      t.clock.advance(1000);
      const batch = await newCode({
        name: 'Flyers',
        kind: 'fixed',
        amount: { amount: 300, currency: 'EUR' },
        generate: { count: 25, prefix: 'fly' },
      });
      assert.equal(batch.code, null);
      assert.equal(batch.generatedCount, 25);
      const csv = await call('GET', `/api/v1/promo-codes/${batch.id}/codes.csv`, admin);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      assert.equal(lines[0], 'code,used');
      assert.equal(lines.length, 26);
      assert.equal(new Set(lines.slice(1)).size, 25);
      for (const l of lines.slice(1)) assert.match(l, /^FLY-[0-9A-Z]{10},unused$/);

      const listed = await call('GET', `/api/v1/promo-codes?q=${code.slice(0, 10)}`, admin);
      assert.deepEqual(
        listed.body.items.map((p: any) => p.id),
        [created.id],
      );
      const paged = await call('GET', '/api/v1/promo-codes?limit=1', admin);
      assert.equal(paged.body.items[0].id, batch.id, 'newest first');
      assert.ok(paged.body.nextCursor);
      const next = await call('GET', `/api/v1/promo-codes?limit=1&cursor=${paged.body.nextCursor}`, admin);
      assert.equal(next.body.items[0].id, created.id);

      const changed = await call('PATCH', `/api/v1/promo-codes/${created.id}`, admin, {
        name: 'Spring sale',
        maxUsesPerCustomer: 2,
        validUntil: '2099-01-01T00:00:00.000Z',
      });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(
        [changed.body.name, changed.body.maxUsesPerCustomer, changed.body.validUntil, changed.body.maxUses],
        ['Spring sale', 2, '2099-01-01T00:00:00.000Z', 5],
      );
      assert.equal((await call('DELETE', `/api/v1/promo-codes/${created.id}`, admin)).status, 204);
      assert.equal((await call('GET', `/api/v1/promo-codes/${created.id}`, admin)).body.active, false);
      const s = await makeShowtime(t);
      const b = await hold(t, customer, s.showtimeId, [s.seat('A', 1).id]);
      const inactive = await apply(customer, b.id, code);
      assert.equal(inactive.status, 404);
      assert.equal(inactive.body.code, 'promo_code_not_found', 'an inactive code answers as an unknown one');
      assert.equal((await call('GET', '/api/v1/promo-codes/00000000-0000-4000-8000-000000000000', admin)).status, 404);

      // The demo chain's code, made once.
      assert.equal(await seedDemoPromo(t.app.platform.database, t.clock.now()), true);
      assert.equal(await seedDemoPromo(t.app.platform.database, t.clock.now()), false);
      const demo = (await call('GET', `/api/v1/promo-codes?q=${DEMO_PROMO_CODE}`, admin)).body.items;
      assert.deepEqual(
        demo.map((p: any) => [p.code, p.percent, p.maxUsesPerCustomer]),
        [[DEMO_PROMO_CODE, 10, 1]],
      );
      const welcomed = await apply(
        customer,
        (await hold(t, customer, s.showtimeId, [s.seat('A', 2).id])).id,
        'welcome10',
      );
      assert.equal(welcomed.body.priceBreakdown.discount.amount.amount, 120);
    });

    test('percent rounds down on the seats in scope; fixed is capped; replace, remove, and the payment charges what is due', async () => {
      const user = await makeUser(t);
      const s = await makeShowtime(t, { prices: { standard: 1250 } });
      const child = await call('POST', `/api/v1/cinemas/${s.cinemaId}/ticket-types`, admin, {
        code: 'child',
        names: { en: 'Child', de: 'Kind' },
        maxAge: 11,
        sortOrder: 1,
      });
      assert.equal(child.status, 201, child.text);
      const priced = await call('PUT', `/api/v1/showtimes/${s.showtimeId}/prices`, admin, {
        ticketPrices: { adult: { standard: 1250 }, child: { standard: 699 } },
      });
      assert.equal(priced.status, 200, priced.text);
      const held = await call('POST', '/api/v1/bookings', user, {
        showtimeId: s.showtimeId,
        seats: [
          { seatId: s.seat('A', 1).id, ticketType: 'adult' },
          { seatId: s.seat('A', 2).id, ticketType: 'child' },
          { seatId: s.seat('A', 3).id, ticketType: 'child' },
        ],
      });
      assert.equal(held.status, 201, held.text);
      const b = held.body;
      assert.deepEqual(b.priceBreakdown, {
        tickets: { amount: 2648, currency: 'EUR' },
        food: { amount: 0, currency: 'EUR' },
        subtotal: { amount: 2648, currency: 'EUR' },
        discount: null,
        giftCards: { amount: 0, currency: 'EUR' },
        due: { amount: 2648, currency: 'EUR' },
      });

      const kids = await newCode({
        code: uniqueCode('KIDS'),
        kind: 'percent',
        percent: 15,
        scope: { ticketTypes: ['child'] },
      });
      const res = await apply(user, b.id, kids.code.toLowerCase());
      assert.equal(res.status, 200, res.text);
      // 15 % of the two child seats (1398) is 209.7: rounded down once per booking.
      assert.deepEqual(res.body.priceBreakdown.discount, { code: kids.code, amount: { amount: 209, currency: 'EUR' } });
      assert.equal(res.body.priceBreakdown.due.amount, 2648 - 209);
      assert.equal(res.body.total.amount, 2648, 'total keeps its meaning');
      assert.equal(await uses(kids.id), 1);
      const again = await apply(user, b.id, kids.code);
      assert.equal(again.status, 200);
      assert.equal(await uses(kids.id), 1, 'the same code again is the same use');

      const big = await newCode({ code: uniqueCode('BIG'), kind: 'fixed', amount: { amount: 5000, currency: 'EUR' } });
      const replaced = await apply(user, b.id, big.code);
      assert.equal(replaced.status, 200, replaced.text);
      assert.equal(replaced.body.priceBreakdown.discount.amount.amount, 2648, 'capped at the seats in scope');
      assert.equal(replaced.body.priceBreakdown.due.amount, 0);
      assert.deepEqual([await uses(kids.id), await uses(big.id)], [0, 1], 'the replaced code got its use back');
      const usd = await newCode({ code: uniqueCode('USD'), kind: 'fixed', amount: { amount: 100, currency: 'USD' } });
      const wrongCurrency = await apply(user, b.id, usd.code);
      assert.equal(wrongCurrency.status, 422);
      assert.equal(wrongCurrency.body.reason, 'currency');
      assert.equal(await uses(big.id), 1, 'a refused code leaves the one applied');

      const removed = await call('DELETE', `/api/v1/bookings/${b.id}/promo-code`, user);
      assert.equal(removed.status, 200, removed.text);
      assert.equal(removed.body.priceBreakdown.discount, null);
      assert.equal(removed.body.priceBreakdown.due.amount, 2648);
      assert.equal(await uses(big.id), 0);
      assert.equal((await call('DELETE', `/api/v1/bookings/${b.id}/promo-code`, user)).status, 200, 'idempotent');

      const tenOff = await newCode({ code: uniqueCode('TEN'), kind: 'percent', percent: 10 });
      assert.equal((await apply(user, b.id, tenOff.code)).status, 200);
      const read = await call('GET', `/api/v1/bookings/${b.id}`, user);
      assert.equal(read.body.priceBreakdown.due.amount, 2648 - 264);
      const paid = await pay(t, user, b.id);
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.booking.priceBreakdown.due.amount, 2384);
      const charge = (await processorCharges(t)).find((c: any) => c.reference === paid.body.payment.id);
      assert.equal(charge?.amount, 2384, 'the provider is asked for what is due');
      const late = await apply(user, b.id, kids.code);
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'booking_not_payable');
      assert.equal((await call('DELETE', `/api/v1/bookings/${b.id}/promo-code`, user)).status, 409);
    });

    test('scope, validity, limits per customer and in total, privacy and guessing', async () => {
      const [ann, bob] = [await makeUser(t), await makeUser(t)];
      const s = await makeShowtime(t);
      const other = await makeShowtime(t);
      const b = await hold(t, ann, s.showtimeId, [s.seat('A', 1).id]);
      const startDay = s.startsAt.toISOString().slice(0, 10);
      const cases: [Record<string, unknown>, string][] = [
        [{ movieIds: [other.movieId] }, 'movie'],
        [{ cinemaIds: [other.cinemaId] }, 'cinema'],
        [{ showtimeIds: [other.showtimeId] }, 'showtime'],
        [{ from: '2099-01-01' }, 'date'],
        [{ to: '2000-01-01' }, 'date'],
        [{ ticketTypes: ['child'] }, 'ticket_types'],
      ];
      for (const [scope, reason] of cases) {
        const p = await newCode({ code: uniqueCode('SC'), kind: 'percent', percent: 10, scope });
        const res = await apply(ann, b.id, p.code);
        assert.equal(res.status, 422, `${JSON.stringify(scope)}: ${res.text}`);
        assert.deepEqual([res.body.code, res.body.reason], ['promo_code_not_applicable', reason]);
      }
      const fits = await newCode({
        code: uniqueCode('FIT'),
        kind: 'percent',
        percent: 50,
        scope: {
          movieIds: [s.movieId],
          cinemaIds: [s.cinemaId],
          showtimeIds: [s.showtimeId],
          from: startDay,
          to: startDay,
        },
      });
      assert.equal((await apply(ann, b.id, fits.code)).status, 200);

      const now = t.clock.now().getTime();
      const expired = await newCode({
        code: uniqueCode('OLD'),
        kind: 'percent',
        percent: 10,
        validFrom: new Date(now - 7200_000).toISOString(),
        validUntil: new Date(now - 3600_000).toISOString(),
      });
      const soon = await newCode({
        code: uniqueCode('NEW'),
        kind: 'percent',
        percent: 10,
        validFrom: new Date(now + 3600_000).toISOString(),
      });
      assert.equal((await apply(ann, b.id, expired.code)).body.code, 'promo_code_expired');
      const early = await apply(ann, b.id, soon.code);
      assert.deepEqual([early.status, early.body.reason], [422, 'not_yet_valid']);

      // Per customer: two bookings of one account count together; a guest counts by email.
      const once = await newCode({ code: uniqueCode('ONCE'), kind: 'percent', percent: 10, maxUsesPerCustomer: 1 });
      const b2 = await hold(t, ann, s.showtimeId, [s.seat('A', 2).id]);
      assert.equal((await apply(ann, b.id, once.code)).status, 200);
      const second = await apply(ann, b2.id, once.code);
      assert.deepEqual([second.status, second.body.code], [409, 'promo_code_customer_limit']);
      const guestHold = (email: string, seat: string) =>
        t.request({
          method: 'POST',
          url: '/api/v1/guest/bookings',
          payload: { showtimeId: s.showtimeId, seatIds: [seat], email, name: 'Ada' },
          remoteAddress: `10.9.${n++ % 250}.1`,
        });
      const g1 = await guestHold('promo-guest@example.test', s.seat('B', 1).id);
      const g2 = await guestHold('PROMO-guest@example.test', s.seat('B', 2).id);
      const asGuest = (g: any) => ({ authorization: `Booking ${g.body.managementToken}` });
      const guestApply = (g: any, code: string) =>
        call('POST', `/api/v1/guest/bookings/${g.body.id}/promo-code`, null, { code }, asGuest(g));
      const ga = await guestApply(g1, once.code);
      assert.equal(ga.status, 200, ga.text);
      assert.equal(ga.body.priceBreakdown.discount.amount.amount, 120);
      assert.equal((await guestApply(g2, once.code)).body.code, 'promo_code_customer_limit');
      const gr = await call('DELETE', `/api/v1/guest/bookings/${g1.body.id}/promo-code`, null, undefined, asGuest(g1));
      assert.equal(gr.status, 200, gr.text);
      assert.equal((await guestApply(g2, once.code)).status, 200, 'the use removed counts no more');
      assert.equal(
        (await call('POST', `/api/v1/guest/bookings/${g1.body.id}/promo-code`, null, { code: once.code })).status,
        401,
      );
      assert.equal((await guestApply(g2, once.code)).status, 200);
      const wrongToken = await call(
        'POST',
        `/api/v1/guest/bookings/${g1.body.id}/promo-code`,
        null,
        { code: once.code },
        asGuest(g2),
      );
      assert.equal(wrongToken.status, 404);

      // In total: the last use goes, then the code is exhausted; someone else's booking is not found.
      const two = await newCode({ code: uniqueCode('TWO'), kind: 'percent', percent: 10, maxUses: 1 });
      assert.equal((await apply(ann, b2.id, two.code)).status, 200);
      const bobs = await hold(t, bob, s.showtimeId, [s.seat('C', 1).id]);
      assert.equal((await apply(bob, bobs.id, two.code)).body.code, 'promo_code_exhausted');
      const foreign = await apply(bob, b.id, fits.code);
      assert.deepEqual([foreign.status, foreign.body.code], [404, 'not_found']);

      // Wrong codes are counted per customer; the right one still fails once the budget is spent.
      for (let i = 0; i < WRONG_CODES_PER_CUSTOMER; i++) {
        const res = await apply(bob, bobs.id, i % 2 ? `NOPE-${i}` : 'x');
        assert.deepEqual([res.status, res.body.code], [404, 'promo_code_not_found']);
      }
      const blocked = await apply(bob, bobs.id, fits.code);
      assert.equal(blocked.status, 429);
      assert.ok(blocked.headers['retry-after']);
      assert.equal((await apply(ann, b2.id, fits.code)).status, 200, 'another customer is not blocked');
    });

    test('100 customers race for a code with 10 uses: exactly 10 get it', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(10, 10) });
      const users = await Promise.all(Array.from({ length: 100 }, () => makeUser(t)));
      const bookings = await Promise.all(users.map((u, i) => hold(t, u, s.showtimeId, [s.seats[i]!.id])));
      const p = await newCode({ code: uniqueCode('RUSH'), kind: 'percent', percent: 20, maxUses: 10 });
      const answers = await Promise.all(users.map((u, i) => apply(u, bookings[i].id, p.code)));
      const ok = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status !== 200);
      assert.equal(ok.length, 10);
      assert.deepEqual([...new Set(refused.map((a) => `${a.status} ${a.body.code}`))], ['409 promo_code_exhausted']);
      const db = t.app.platform.database.db;
      const live = await db
        .selectFrom('promo_redemptions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('promo_id', '=', p.id)
        .where('released_at', 'is', null)
        .executeTakeFirstOrThrow();
      assert.equal(Number(live.n), 10);
      const discounted = await db
        .selectFrom('bookings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('showtime_id', '=', s.showtimeId)
        .where('promo_code', '=', p.code)
        .where('discount_amount', '=', 240)
        .executeTakeFirstOrThrow();
      assert.equal(Number(discounted.n), 10);
      assert.equal(await uses(p.id), 10);
    });

    test('a use comes back when the booking is released, refunded in full, or expires', async () => {
      const user = await makeUser(t);
      const s = await makeShowtime(t);
      const p = await newCode({ code: uniqueCode('BACK'), kind: 'percent', percent: 10 });
      const gone = async (expected: number) =>
        eventually(
          async () => {
            await t.app.runJobsOnce();
            return (await uses(p.id)) === expected;
          },
          20_000,
          25,
          `uses back to ${expected}`,
        );

      const released = await hold(t, user, s.showtimeId, [s.seat('A', 1).id]);
      assert.equal((await apply(user, released.id, p.code)).status, 200);
      assert.equal((await call('DELETE', `/api/v1/bookings/${released.id}`, user)).status, 204);
      await gone(0);

      const refunded = await hold(t, user, s.showtimeId, seats(s, 'B', 2));
      assert.equal((await apply(user, refunded.id, p.code)).status, 200);
      const paid = await call('POST', `/api/v1/bookings/${refunded.id}/payments`, user, { card: card() });
      assert.equal(paid.status, 201, paid.text);
      const [first, second] = paid.body.booking.tickets.map((x: any) => x.id);
      assert.equal(
        (await call('POST', `/api/v1/bookings/${refunded.id}/cancel`, user, { ticketIds: [first] })).status,
        200,
      );
      await t.app.runJobsOnce();
      assert.equal(await uses(p.id), 1, 'a partial refund keeps the use');
      assert.equal(
        (await call('POST', `/api/v1/bookings/${refunded.id}/cancel`, user, { ticketIds: [second] })).status,
        200,
      );
      await gone(0);

      const lapsing = await hold(t, user, s.showtimeId, [s.seat('C', 1).id]);
      assert.equal((await apply(user, lapsing.id, p.code)).status, 200);
      t.clock.advance(60 * 60_000);
      const late = await apply(user, lapsing.id, p.code);
      assert.equal(late.body.code, 'booking_expired');
      await gone(0);
      const redemptions = await t.app.platform.database.db
        .selectFrom('promo_redemptions')
        .select('release_reason')
        .where('promo_id', '=', p.id)
        .orderBy('created_at')
        .execute();
      assert.deepEqual(
        redemptions.map((r) => r.release_reason),
        ['released', 'refunded', 'expired'],
      );
    });
  });
}
