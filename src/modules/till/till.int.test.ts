// The box office counter through HTTP on a real database: tills, sessions opened with a float, cash
// and card terminal sales of bookings the cashier holds, cash refunds from the drawer, the close
// report's arithmetic, the receipt, who may see what, and the till racing web customers for seats.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { deliverMail } from '../../../test/support/mail.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { tillRuleCases } from '../../../test/support/till-cases.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const backend of backends()) {
  describe(`till on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    let cashier: TestUser;
    let other: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_CUTOFF_MINUTES: '10', HOLD_MINUTES: '10' } });
      [customer, cashier, other, admin] = await Promise.all([
        makeUser(t, { name: 'Carla Customer' }),
        makeUser(t, { role: 'staff', name: 'Cass Cashier' }),
        makeUser(t, { role: 'staff', name: 'Otto Other' }),
        makeUser(t, { role: 'admin' }),
      ]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, user?: TestUser, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });
    async function hold(user: TestUser, s: TestShowtime, seats: string[]) {
      const ids = seats.map((x) => s.seat(x[0] as string, Number(x.slice(1))).id);
      return call('POST', '/api/v1/bookings', user, { showtimeId: s.showtimeId, seatIds: ids });
    }
    async function held(user: TestUser, s: TestShowtime, seats: string[]): Promise<string> {
      const res = await hold(user, s, seats);
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }
    async function newTill(cinemaId: string, name = 'Counter 1'): Promise<string> {
      const res = await call('POST', `/api/v1/cinemas/${cinemaId}/tills`, admin, { name });
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }
    async function openSession(user: TestUser, tillId: string, float: number): Promise<string> {
      const res = await call('POST', '/api/v1/till-sessions', user, { tillId, float });
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }

    test('tills: admins create them, staff list them, everyone else is refused', async () => {
      const s = await makeShowtime(t);
      const url = `/api/v1/cinemas/${s.cinemaId}/tills`;
      assert.equal((await call('GET', url)).status, 401);
      assert.equal((await call('GET', url, customer)).status, 403);
      assert.equal((await call('POST', url, cashier, { name: 'X' })).status, 403);
      const created = await call('POST', url, admin, { name: 'Front desk', currency: 'EUR' });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.name, 'Front desk');
      assert.equal((await call('POST', url, admin, { name: 'front DESK' })).body.code, 'till_name_taken');
      assert.equal((await call('POST', `/api/v1/cinemas/${UNKNOWN}/tills`, admin, { name: 'A' })).status, 404);
      assert.equal((await call('POST', url, admin, { name: '' })).status, 422);
      const list = await call('GET', url, cashier);
      assert.deepEqual(
        list.body.items.map((x: { name: string }) => x.name),
        ['Front desk'],
      );
      for (const path of ['/api/v1/till-sessions', `/api/v1/till-sessions/${UNKNOWN}`]) {
        assert.equal((await call('GET', path, customer)).status, 403, path);
      }
    });

    test('a session: open with a float, sell for cash and on the terminal, pay cash back, close with the counted cash', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1250 } });
      const tillId = await newTill(s.cinemaId);
      assert.equal((await call('POST', '/api/v1/till-sessions', cashier, { tillId, float: -1 })).status, 422);
      assert.equal((await call('POST', '/api/v1/till-sessions', cashier, { tillId: UNKNOWN, float: 0 })).status, 404);
      const sessionId = await openSession(cashier, tillId, 10000);
      // One drawer per till, one till per cashier.
      const again = await call('POST', '/api/v1/till-sessions', other, { tillId, float: 0 });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'till_already_open');
      const secondTill = await newTill(s.cinemaId, 'Counter 2');
      assert.equal(
        (await call('POST', '/api/v1/till-sessions', cashier, { tillId: secondTill, float: 0 })).body.code,
        'till_already_open',
      );

      const sales = `/api/v1/till-sessions/${sessionId}/sales`;
      const cashBooking = await held(cashier, s, ['A1', 'A2']);
      const short = await call('POST', sales, cashier, { bookingId: cashBooking, method: 'cash', tendered: 2499 });
      assert.equal(short.status, 422, short.text);
      assert.equal(short.body.code, 'tendered_too_little');
      const cardWithCash = await call('POST', sales, cashier, {
        bookingId: cashBooking,
        method: 'card_terminal',
        tendered: 3000,
      });
      assert.equal(cardWithCash.status, 422);
      // Only the holder sells the hold: another cashier's session, or another's booking, is not found.
      assert.equal((await call('POST', sales, other, { bookingId: cashBooking, method: 'cash' })).status, 404);
      const customersBooking = await held(customer, s, ['C1']);
      const notMine = await call('POST', sales, cashier, { bookingId: customersBooking, method: 'cash' });
      assert.equal(notMine.status, 404);
      assert.equal(notMine.body.code, 'booking_not_found');
      assert.equal((await call('POST', sales, cashier, { bookingId: UNKNOWN, method: 'cash' })).status, 404);

      const sold = await call('POST', sales, cashier, {
        bookingId: cashBooking,
        method: 'cash',
        tendered: 3000,
        email: 'Walk.In@Example.com',
      });
      assert.equal(sold.status, 201, sold.text);
      assert.deepEqual(sold.body.amount, { amount: 2500, currency: 'EUR' });
      assert.deepEqual(sold.body.change, { amount: 500, currency: 'EUR' });
      assert.equal(sold.body.email, 'walk.in@example.com');
      assert.equal(sold.body.tickets.length, 2);
      // The same claims as the web: the booking is confirmed with tickets, the seats sold.
      const booking = await call('GET', `/api/v1/bookings/${cashBooking}`, cashier);
      assert.equal(booking.body.status, 'confirmed');
      assert.equal(booking.body.tickets.length, 2);
      const twice = await call('POST', sales, cashier, { bookingId: cashBooking, method: 'cash' });
      assert.equal(twice.status, 409, twice.text);
      const taken = await hold(customer, s, ['A1']);
      assert.equal(taken.status, 409);

      const cardBooking = await held(cashier, s, ['B1']);
      const card = await call('POST', sales, cashier, { bookingId: cardBooking, method: 'card_terminal' });
      assert.equal(card.status, 201, card.text);
      assert.equal(card.body.change, null);
      const exact = await call('POST', sales, cashier, { bookingId: await held(cashier, s, ['B2']), method: 'cash' });
      assert.deepEqual(exact.body.tendered, { amount: 1250, currency: 'EUR' });

      // A web sale is not paid back from the drawer.
      const webBooking = await held(customer, s, ['C5']);
      assert.equal(
        (await call('POST', `/api/v1/bookings/${webBooking}/payments`, customer, { card: CARD })).status,
        201,
      );
      const refunds = `/api/v1/till-sessions/${sessionId}/refunds`;
      // And cash is not paid back online: no provider holds it.
      const online = await call('POST', `/api/v1/bookings/${cashBooking}/cancel`, cashier, {});
      assert.equal(online.status, 409, online.text);
      assert.equal(online.body.code, 'refund_at_till');
      assert.equal(
        (await call('POST', refunds, cashier, { bookingId: webBooking })).body.code,
        'booking_not_sold_at_till',
      );
      // One of the two cash tickets back: voided, its seat free again, the money out of the drawer.
      const ticketId = sold.body.tickets[0].id;
      const refund = await call('POST', refunds, cashier, { bookingId: cashBooking, ticketIds: [ticketId] });
      assert.equal(refund.status, 201, refund.text);
      assert.equal(refund.body.kind, 'refund');
      assert.equal(refund.body.method, 'cash');
      assert.deepEqual(refund.body.amount, { amount: 1250, currency: 'EUR' });
      const after = await call('GET', `/api/v1/bookings/${cashBooking}`, cashier);
      assert.equal(after.body.tickets.find((x: { id: string }) => x.id === ticketId).status, 'void');
      assert.equal(after.body.refunds[0].status, 'succeeded');
      assert.equal(
        (await hold(customer, s, [`${sold.body.tickets[0].row}${sold.body.tickets[0].number}`])).status,
        201,
      );

      // The confirmation and the refund go to the email given at the till; the cashier gets none.
      await deliverMail(t);
      const mails = await t.app.platform.database.db
        .selectFrom('mail_outbox')
        .select(['recipient', 'subject'])
        .where('recipient', 'in', ['walk.in@example.com', cashier.email])
        .execute();
      assert.deepEqual([...new Set(mails.map((m) => m.recipient))], ['walk.in@example.com'], JSON.stringify(mails));
      assert.ok(mails.length >= 2, JSON.stringify(mails));

      const live = await call('GET', `/api/v1/till-sessions/${sessionId}`, cashier);
      assert.equal(live.status, 200, live.text);
      assert.deepEqual(live.body.report, {
        float: { amount: 10000, currency: 'EUR' },
        cashSales: { amount: 3750, currency: 'EUR', count: 2 },
        cashRefunds: { amount: 1250, currency: 'EUR', count: 1 },
        cardSales: { amount: 1250, currency: 'EUR', count: 1 },
        cardRefunds: { amount: 0, currency: 'EUR', count: 0 },
        foodSales: { amount: 0, currency: 'EUR', count: 0 },
        foodRefunds: { amount: 0, currency: 'EUR', count: 0 },
        expectedCash: { amount: 12500, currency: 'EUR' },
        countedCash: null,
        difference: null,
      });
      assert.deepEqual(
        live.body.movements.map((m: { kind: string; method: string }) => `${m.kind}:${m.method}`),
        ['sale:cash', 'sale:card_terminal', 'sale:cash', 'refund:cash'],
      );
      // Staff see their own sessions; admins every one.
      assert.equal((await call('GET', `/api/v1/till-sessions/${sessionId}`, other)).status, 404);
      assert.equal((await call('GET', `/api/v1/till-sessions/${sessionId}`, admin)).status, 200);
      const mine = await call('GET', `/api/v1/till-sessions?tillId=${tillId}`, other);
      assert.deepEqual(mine.body.items, []);
      const all = await call('GET', `/api/v1/till-sessions?tillId=${tillId}&status=open`, admin);
      assert.deepEqual(
        all.body.items.map((x: { id: string }) => x.id),
        [sessionId],
      );

      const close = `/api/v1/till-sessions/${sessionId}/close`;
      assert.equal((await call('POST', close, cashier, { countedCash: -5 })).status, 422);
      assert.equal((await call('POST', close, other, { countedCash: 0 })).status, 404);
      const closed = await call('POST', close, cashier, { countedCash: 12400 });
      assert.equal(closed.status, 200, closed.text);
      assert.equal(closed.body.status, 'closed');
      assert.deepEqual(closed.body.report.expectedCash, { amount: 12500, currency: 'EUR' });
      assert.deepEqual(closed.body.report.countedCash, { amount: 12400, currency: 'EUR' });
      assert.deepEqual(closed.body.report.difference, { amount: -100, currency: 'EUR' });
      const second = await call('POST', close, cashier, { countedCash: 12400 });
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'till_closed');
      const late = await call('POST', sales, cashier, { bookingId: await held(cashier, s, ['B5']), method: 'cash' });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'till_closed');
      assert.equal((await call('POST', refunds, cashier, { bookingId: cashBooking })).body.code, 'till_closed');
      // Closed, the till opens again for the next shift.
      await openSession(other, tillId, 0);
    });

    test('the receipt and the thermal tickets are 80 mm PDFs: seats, total, cash and change', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1250 } });
      const tillId = await newTill(s.cinemaId);
      const sessionId = await openSession(admin, tillId, 0);
      const bookingId = await held(admin, s, ['B3', 'B4']);
      const sold = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, admin, {
        bookingId,
        method: 'cash',
        tendered: 5000,
      });
      assert.equal(sold.status, 201, sold.text);
      const url = `/api/v1/till-sales/${sold.body.id}/receipt.pdf`;
      assert.equal((await call('GET', url, other)).status, 404);
      assert.equal((await call('GET', url, customer)).status, 403);
      const res = await t.app.http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin.token}` } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.match(pdf.subarray(0, 400).toString('latin1'), /MediaBox \[0 0 226\.77/);
      const lines = pdfLines(pdf);
      for (const want of [
        'Row B Seat 3 (standard)',
        'Row B Seat 4 (standard)',
        'Total',
        '€25.00',
        'Paid cash',
        '€50.00',
        'Change',
      ])
        assert.ok(lines.includes(want), `${want} in ${JSON.stringify(lines)}`);
      assert.ok(
        lines.some((l) => l.startsWith('Movie ')),
        JSON.stringify(lines),
      );

      // The tickets for the same printer: 80 mm strips, one per ticket, each with its seat.
      const ticketsUrl = `/api/v1/bookings/${bookingId}/tickets.pdf`;
      const thermal = await t.app.http.inject({
        method: 'GET',
        url: `${ticketsUrl}?format=thermal`,
        headers: { authorization: `Bearer ${admin.token}` },
      });
      assert.equal(thermal.statusCode, 200, thermal.body);
      const strips = thermal.rawPayload.toString('latin1').match(/MediaBox \[0 0 226\.77 \d+/g) ?? [];
      assert.equal(strips.length, 2);
      const printed = pdfLines(thermal.rawPayload);
      assert.ok(printed.includes('Row B  Seat 3') && printed.includes('Row B  Seat 4'), JSON.stringify(printed));
      assert.equal((await call('GET', `${ticketsUrl}?format=poster`, admin)).status, 422);
      await call('POST', `/api/v1/till-sessions/${sessionId}/close`, admin, { countedCash: 2500 });
    });

    test("a cancelled showtime's till sale waits for the till, which pays it out in cash", async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const tillId = await newTill(s.cinemaId);
      const clerk = await makeUser(t, { role: 'staff' });
      const sessionId = await openSession(clerk, tillId, 500);
      const bookingId = await held(clerk, s, ['A1', 'A2']);
      const sold = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, { bookingId, method: 'cash' });
      assert.equal(sold.status, 201, sold.text);
      assert.equal((await call('POST', `/api/v1/showtimes/${s.showtimeId}/cancel`, admin)).status, 200);
      // No provider holds cash: the refund is recorded and waits, however often its job runs.
      for (let i = 0; i < 3; i++) {
        t.clock.advance(10 * 60_000);
        await t.app.runJobsOnce();
      }
      const owed = await call('GET', `/api/v1/bookings/${bookingId}`, clerk);
      assert.deepEqual(
        owed.body.refunds.map((r: { status: string; amount: { amount: number } }) => [r.status, r.amount.amount]),
        [['pending', 2000]],
      );
      const paid = await call('POST', `/api/v1/till-sessions/${sessionId}/refunds`, clerk, { bookingId });
      assert.equal(paid.status, 201, paid.text);
      assert.deepEqual(paid.body.amount, { amount: 2000, currency: 'EUR' });
      const after = await call('GET', `/api/v1/bookings/${bookingId}`, clerk);
      assert.equal(after.body.refunds[0].status, 'succeeded');
      const report = (await call('GET', `/api/v1/till-sessions/${sessionId}`, clerk)).body.report;
      assert.deepEqual(report.expectedCash, { amount: 500, currency: 'EUR' });
      assert.equal(report.cashRefunds.count, 1);
      // Paid once: asking again finds nothing owed and nothing left to cancel.
      assert.equal(
        (await call('POST', `/api/v1/till-sessions/${sessionId}/refunds`, clerk, { bookingId })).status,
        409,
      );
      await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 500 });
    });

    test('till and web race for the same seats: exactly one wins each seat, and the report counts only the wins', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const tillId = await newTill(s.cinemaId);
      const sessionId = await openSession(cashier, tillId, 0);
      const buyers = await Promise.all(Array.from({ length: 4 }, () => makeUser(t)));
      const seats = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
      const attempts = seats.flatMap((seat) => [
        (async () => {
          const h = await hold(cashier, s, [seat]);
          if (h.status !== 201) return { seat, who: 'till', won: false };
          const r = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, cashier, {
            bookingId: h.body.id,
            method: 'cash',
          });
          assert.equal(r.status, 201, r.text);
          return { seat, who: 'till', won: true };
        })(),
        ...buyers.map(async (buyer) => {
          const h = await hold(buyer, s, [seat]);
          if (h.status !== 201) return { seat, who: 'web', won: false };
          const r = await call('POST', `/api/v1/bookings/${h.body.id}/payments`, buyer, { card: CARD });
          assert.equal(r.status, 201, r.text);
          return { seat, who: 'web', won: true };
        }),
      ]);
      const outcomes = await Promise.all(attempts);
      for (const seat of seats)
        assert.equal(outcomes.filter((o) => o.seat === seat && o.won).length, 1, `one winner for ${seat}`);
      const tillWins = outcomes.filter((o) => o.who === 'till' && o.won).length;
      const map = await call('GET', `/api/v1/showtimes/${s.showtimeId}/seats`, customer);
      const soldSeats = map.body.seats.filter((x: { status: string }) => x.status === 'sold').length;
      assert.equal(soldSeats, seats.length, map.text);
      const report = (await call('GET', `/api/v1/till-sessions/${sessionId}`, cashier)).body.report;
      assert.deepEqual(report.cashSales, { amount: tillWins * 1000, currency: 'EUR', count: tillWins });
      await call('POST', `/api/v1/till-sessions/${sessionId}/close`, cashier, { countedCash: tillWins * 1000 });
    });
    tillRuleCases({ t: () => t, users: () => ({ customer, admin }), call, held, newTill, openSession });
  });
}
