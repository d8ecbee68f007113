// More till cases, registered inside src/modules/till/till.int.test.ts's suite so they share its app (one server per
// backend): ticket types through a till sale, a till's own cinema and currency, the full refund until
// the start that staff give at the counter, a sale racing the close, and a moved showtime's email.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeShowtime, type TestShowtime } from './catalog-factories.ts';
import { makeUser, type TestUser } from './factories.ts';
import { deliverMail } from './mail.ts';
import { pdfLines } from './pdf-text.ts';
import type { TestApp } from './test-app.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

type Answer = Awaited<ReturnType<TestApp['request']>>;

export interface TillSuite {
  t: () => TestApp;
  users: () => { customer: TestUser; admin: TestUser };
  call: (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, user?: TestUser, payload?: unknown) => Promise<Answer>;
  held: (user: TestUser, s: TestShowtime, seats: string[]) => Promise<string>;
  newTill: (cinemaId: string, name?: string) => Promise<string>;
  openSession: (user: TestUser, tillId: string, float: number) => Promise<string>;
}

export function tillRuleCases(suite: TillSuite): void {
  const { call, held, newTill, openSession } = suite;
  test("a till sale keeps each seat's ticket type: the tickets, the door's answer and the receipt", async () => {
    const t = suite.t();
    const { admin } = suite.users();
    const s = await makeShowtime(t, { prices: { standard: 1250 } });
    const child = await call('POST', `/api/v1/cinemas/${s.cinemaId}/ticket-types`, admin, {
      code: 'child',
      names: { en: 'Child', de: 'Kind' },
      maxAge: 11,
      sortOrder: 1,
    });
    assert.equal(child.status, 201, child.text);
    const priced = await call('PUT', `/api/v1/showtimes/${s.showtimeId}/prices`, admin, {
      ticketPrices: { adult: { standard: 1250 }, child: { standard: 700 } },
    });
    assert.equal(priced.status, 200, priced.text);
    const clerk = await makeUser(t, { role: 'staff' });
    const sessionId = await openSession(clerk, await newTill(s.cinemaId), 0);
    const [a1, a2] = [s.seat('A', 1).id, s.seat('A', 2).id];
    const hold = await call('POST', '/api/v1/bookings', clerk, {
      showtimeId: s.showtimeId,
      seats: [
        { seatId: a1, ticketType: 'child' },
        { seatId: a2, ticketType: 'adult' },
      ],
    });
    assert.equal(hold.status, 201, hold.text);
    const sold = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, {
      bookingId: hold.body.id,
      method: 'cash',
    });
    assert.equal(sold.status, 201, sold.text);
    assert.deepEqual(sold.body.amount, { amount: 1950, currency: 'EUR' });
    assert.deepEqual(
      sold.body.tickets
        .map((x: { row: string; number: number; ticketType: string }) => `${x.row}${x.number}:${x.ticketType}`)
        .sort(),
      ['A1:child', 'A2:adult'],
    );
    const tickets = await call('GET', `/api/v1/bookings/${hold.body.id}/tickets`, clerk);
    const bySeat = new Map(
      tickets.body.map((x: { seat: { seatId: string }; ticketType: string; code: string }) => [x.seat.seatId, x]),
    ) as Map<string, { ticketType: string; code: string }>;
    assert.equal(bySeat.get(a1)?.ticketType, 'child');
    assert.equal(bySeat.get(a2)?.ticketType, 'adult');

    const res = await t.app.http.inject({
      method: 'GET',
      url: `/api/v1/till-sales/${sold.body.id}/receipt.pdf`,
      headers: { authorization: `Bearer ${clerk.token}` },
    });
    assert.equal(res.statusCode, 200);
    const lines = pdfLines(res.rawPayload).map((l) => l.trim());
    for (const want of ['Row A Seat 1 (standard)', 'Child', 'Row A Seat 2 (standard)', 'Adult', '€7.00', '€19.50'])
      assert.ok(lines.includes(want), `${want} in ${JSON.stringify(lines)}`);
    assert.ok(lines.indexOf('Child') === lines.indexOf('Row A Seat 1 (standard)') + 2, JSON.stringify(lines));

    // At the door the child's ticket says so.
    t.clock.advance(s.startsAt.getTime() - t.clock.now().getTime() - 30 * 60_000);
    const door = await call('POST', '/api/v1/checkins', admin, { code: bySeat.get(a1)?.code });
    assert.equal(door.status, 200, door.text);
    assert.equal(door.body.ticketType.code, 'child');
    assert.equal(door.body.ticketType.name, 'Child');
    await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 1950 });
  });

  test("a till sells and pays back only its own cinema's showtimes, in its own currency", async () => {
    const t = suite.t();
    const { admin } = suite.users();
    const s = await makeShowtime(t, { prices: { standard: 1000 } });
    const elsewhere = await makeShowtime(t, { prices: { standard: 1000 } });
    const clerk = await makeUser(t, { role: 'staff' });
    const tillHere = await newTill(s.cinemaId);
    const tillThere = await newTill(elsewhere.cinemaId);
    const dollars = await call('POST', `/api/v1/cinemas/${s.cinemaId}/tills`, admin, {
      name: 'Dollars',
      currency: 'USD',
    });
    assert.equal(dollars.status, 201, dollars.text);

    // Selling: the showtime is at another cinema, or in another currency than the drawer.
    const bookingId = await held(clerk, s, ['A1', 'A2']);
    let sessionId = await openSession(clerk, tillThere, 0);
    const wrong = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, {
      bookingId,
      method: 'cash',
    });
    assert.equal(wrong.status, 422, wrong.text);
    assert.equal(wrong.body.code, 'till_wrong_cinema');
    await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 0 });
    sessionId = await openSession(clerk, dollars.body.id, 0);
    const usd = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, { bookingId, method: 'cash' });
    assert.equal(usd.status, 422, usd.text);
    assert.equal(usd.body.code, 'till_currency_mismatch');
    await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 0 });
    assert.equal((await call('GET', `/api/v1/bookings/${bookingId}`, clerk)).body.status, 'held');

    sessionId = await openSession(clerk, tillHere, 0);
    const sold = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, { bookingId, method: 'cash' });
    assert.equal(sold.status, 201, sold.text);
    await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 2000 });

    // Paying back: not from another cinema's drawer, nor from a drawer of another currency.
    for (const [tillId, code] of [
      [tillThere, 'till_wrong_cinema'],
      [dollars.body.id, 'till_currency_mismatch'],
    ] as const) {
      const other = await openSession(clerk, tillId, 0);
      const refund = await call('POST', `/api/v1/till-sessions/${other}/refunds`, clerk, { bookingId });
      assert.equal(refund.status, 422, refund.text);
      assert.equal(refund.body.code, code);
      const report = (await call('POST', `/api/v1/till-sessions/${other}/close`, clerk, { countedCash: 0 })).body
        .report;
      assert.equal(report.cashRefunds.count, 0);
    }
    const after = await call('GET', `/api/v1/bookings/${bookingId}`, clerk);
    assert.equal(after.body.status, 'confirmed');
    assert.deepEqual(after.body.refunds, []);
  });

  test('staff at the till refund in full until the showtime starts, past the customer cut-off too', async () => {
    const t = suite.t();
    const { customer } = suite.users();
    const s = await makeShowtime(t, { prices: { standard: 1000 } });
    const clerk = await makeUser(t, { role: 'staff' });
    const sessionId = await openSession(clerk, await newTill(s.cinemaId), 5000);
    const bookingId = await held(clerk, s, ['A1', 'A2', 'A3']);
    const sold = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, { bookingId, method: 'cash' });
    assert.equal(sold.status, 201, sold.text);
    const ticket = (seat: number) =>
      (sold.body.tickets as { id: string; number: number }[]).find((x) => x.number === seat)?.id;
    const web = await held(customer, s, ['B1']);
    assert.equal((await call('POST', `/api/v1/bookings/${web}/payments`, customer, { card: CARD })).status, 201);
    const refunds = `/api/v1/till-sessions/${sessionId}/refunds`;

    // Well before the cut-off (REFUND_CUTOFF_MINUTES=10): everything back.
    const early = await call('POST', refunds, clerk, { bookingId, ticketIds: [ticket(1)] });
    assert.equal(early.status, 201, early.text);
    assert.deepEqual(early.body.amount, { amount: 1000, currency: 'EUR' });
    // Five minutes before the start the customer policy gives nothing back online; the till still does.
    t.clock.advance(s.startsAt.getTime() - t.clock.now().getTime() - 5 * 60_000);
    const online = await call('POST', `/api/v1/bookings/${web}/cancel`, customer, {});
    assert.equal(online.status, 409, online.text);
    assert.equal(online.body.code, 'cancellation_window_closed');
    // The booking's answer says so: refunded at the till, in full until the start (no cancel online).
    const view = (await call('GET', `/api/v1/bookings/${bookingId}`, clerk)).body;
    assert.equal(view.refundPolicy.reason, 'at_till');
    assert.equal(view.refundPolicy.fullRefundUntil, s.startsAt.toISOString());
    assert.equal(view.refundPreview.percent, 100);
    assert.deepEqual(view.refundPreview.amount, { amount: 2000, currency: 'EUR' });
    const late = await call('POST', refunds, clerk, { bookingId, ticketIds: [ticket(2)] });
    assert.equal(late.status, 201, late.text);
    assert.deepEqual(late.body.amount, { amount: 1000, currency: 'EUR' });
    // Once it has started, nothing.
    t.clock.advance(6 * 60_000);
    const started = await call('POST', refunds, clerk, { bookingId, ticketIds: [ticket(3)] });
    assert.equal(started.status, 409, started.text);
    assert.equal(started.body.code, 'cancellation_window_closed');
    const report = (await call('GET', `/api/v1/till-sessions/${sessionId}`, clerk)).body.report;
    assert.deepEqual(report.cashRefunds, { amount: 2000, currency: 'EUR', count: 2 });
    assert.deepEqual(report.expectedCash, { amount: 6000, currency: 'EUR' });
    await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 6000 });
  });

  test("a sale racing the till's close lands in the report or is refused with till_closed, never both", async () => {
    const t = suite.t();
    const s = await makeShowtime(t, { prices: { standard: 1000 } });
    const clerk = await makeUser(t, { role: 'staff' });
    const tillId = await newTill(s.cinemaId);
    const outcomes: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const sessionId = await openSession(clerk, tillId, 500);
      const bookingId = await held(clerk, s, [`A${i}`]);
      const [sale, close] = await Promise.all([
        call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, { bookingId, method: 'cash' }),
        call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 500 }),
      ]);
      assert.equal(close.status, 200, close.text);
      const detail = (await call('GET', `/api/v1/till-sessions/${sessionId}`, clerk)).body;
      const ledger = (detail.movements as { kind: string; method: string; amount: { amount: number } }[])
        .filter((m) => m.kind === 'sale' && m.method === 'cash')
        .reduce((sum, m) => sum + m.amount.amount, 0);
      // The report fixed at the close is the ledger's sum, whichever came first.
      assert.deepEqual(close.body.report.expectedCash, { amount: 500 + ledger, currency: 'EUR' });
      assert.deepEqual(detail.report.expectedCash, close.body.report.expectedCash);
      const booking = (await call('GET', `/api/v1/bookings/${bookingId}`, clerk)).body;
      if (sale.status === 201) {
        assert.equal(ledger, 1000);
        assert.equal(booking.status, 'confirmed');
        outcomes.push('sold');
      } else {
        assert.equal(sale.status, 409, sale.text);
        assert.equal(sale.body.code, 'till_closed');
        assert.equal(ledger, 0);
        assert.equal(booking.status, 'held');
        assert.deepEqual(booking.tickets ?? [], []);
        outcomes.push('refused');
      }
    }
    assert.equal(outcomes.length, 6);
  });

  test("a moved showtime's email for a till sale goes to the email given at the till, pointing to the box office", async () => {
    const t = suite.t();
    const { admin } = suite.users();
    const s = await makeShowtime(t, { prices: { standard: 1000 } });
    const clerk = await makeUser(t, { role: 'staff' });
    const sessionId = await openSession(clerk, await newTill(s.cinemaId), 0);
    const sales = `/api/v1/till-sessions/${sessionId}/sales`;
    const withEmail = await held(clerk, s, ['A1']);
    const walkIn = `moved-${withEmail.slice(0, 8)}@example.com`;
    assert.equal(
      (await call('POST', sales, clerk, { bookingId: withEmail, method: 'cash', email: walkIn })).status,
      201,
    );
    assert.equal(
      (await call('POST', sales, clerk, { bookingId: await held(clerk, s, ['A2']), method: 'cash' })).status,
      201,
    );
    await deliverMail(t);
    const startsAt = new Date(s.startsAt.getTime() + 3 * 3600_000).toISOString();
    const moved = await call('PATCH', `/api/v1/showtimes/${s.showtimeId}`, admin, { startsAt });
    assert.equal(moved.status, 200, moved.text);
    await deliverMail(t);
    const mails = await t.app.platform.database.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'subject', 'text_body', 'html_body'])
      .where('subject', 'like', 'New time%')
      .where('recipient', 'in', [walkIn, clerk.email])
      .execute();
    assert.deepEqual(
      mails.map((m) => m.recipient),
      [walkIn],
      JSON.stringify(mails.map((m) => m.recipient)),
    );
    const mail = mails[0]!;
    assert.match(mail.text_body, /come to the box office of Cinema \w+ before the showtime starts for a full refund/);
    assert.doesNotMatch(mail.text_body, /\/bookings\//);
    assert.doesNotMatch(mail.html_body, /\/bookings\//);
    await call('POST', `/api/v1/till-sessions/${sessionId}/close`, clerk, { countedCash: 2000 });
  });
}
