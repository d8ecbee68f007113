// Gift cards through HTTP on a real database: the balance of a code and the limit on guessing,
// split tender (gift cards then a card), a booking paid by gift cards alone, two bookings racing for
// a card's last balance, money back on release, expiry and DELETE, a refund split between the card
// and the gift card, staff list/detail/void, and guests with their booking token.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { mailsTo } from '../../../test/support/accounts.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

for (const backend of backends()) {
  describe(`gift cards on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    let other: TestUser;
    let staff: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_CUTOFF_MINUTES: '10', HOLD_MINUTES: '10' } });
      [customer, other, staff, admin] = await Promise.all([
        makeUser(t),
        makeUser(t),
        makeUser(t, { role: 'staff' }),
        makeUser(t, { role: 'admin' }),
      ]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, user?: TestUser, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });
    /** A card issued directly (the online and till sales are tested through HTTP below). */
    async function giftCard(amount: number, currency = 'EUR') {
      const gc = t.app.modules.giftcards.service;
      const { card, code } = await t.app.platform.database.db
        .transaction()
        .execute((trx) => gc.issue(trx, { amount, currency, channel: 'online', method: 'card', sealForMail: false }));
      return { id: card.id, code };
    }
    async function held(user: TestUser, s: TestShowtime, seats: string[]): Promise<string> {
      const ids = seats.map((x) => s.seat(x[0] as string, Number(x.slice(1))).id);
      const res = await call('POST', '/api/v1/bookings', user, { showtimeId: s.showtimeId, seatIds: ids });
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }
    const balanceOf = async (code: string, user: TestUser = staff) =>
      (await call('POST', '/api/v1/gift-cards/balance', user, { code })).body.balance?.amount;
    const settle = () => eventually(async () => (await t.app.runJobsOnce(), true), 10_000);

    test('bought online with the test card: issued once, emailed to the recipient with code and PDF', async () => {
      const order = await call('POST', '/api/v1/gift-cards/orders', customer, {
        amount: { amount: 2500, currency: 'EUR' },
        recipientEmail: 'Friend@Example.test',
        recipientName: 'Fran',
        message: 'Happy birthday <3',
      });
      assert.equal(order.status, 201, order.text);
      assert.equal(order.body.status, 'pending');
      const url = `/api/v1/gift-cards/orders/${order.body.id}`;
      assert.equal((await call('GET', url, other)).status, 404, "another account's order");
      const paid = await call('POST', `${url}/payments`, customer, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.order.status, 'issued');
      assert.deepEqual(paid.body.order.giftCard.balance, { amount: 2500, currency: 'EUR' });
      assert.equal(
        (await call('POST', `${url}/payments`, customer, { card: CARD })).body.code,
        'gift_card_order_not_payable',
      );
      const [mail] = await mailsTo(t, 'friend@example.test');
      assert.ok(mail, 'the recipient is mailed');
      const code = /[0-9A-Z]{4}(-[0-9A-Z]{4}){4}/.exec(mail.text_body)?.[0] as string;
      assert.ok(code?.endsWith(paid.body.order.giftCard.last4), mail.text_body);
      assert.deepEqual(
        mail.attachments.map((a: { filename: string }) => a.filename),
        ['gift-card.pdf'],
      );
      const pdf = Buffer.from(mail.attachments[0]?.contentBase64 as string, 'base64');
      assert.ok(pdfLines(pdf).some((l) => l.includes(code)));
      assert.equal(await balanceOf(code), 2500);
      const [copy] = await mailsTo(t, customer.email);
      assert.match(copy?.subject ?? '', /gift card for friend@example\.test/);
      assert.equal(copy?.text_body.includes(code), false, "the buyer's copy has no code");
      // Issued once: the order.paid event after the answer changes nothing.
      const db = t.app.platform.database.db;
      const cards = await db.selectFrom('gift_cards').select('id').where('order_id', '=', order.body.id).execute();
      assert.equal(cards.length, 1);
      // Guests give an email for the receipt.
      const guest = await t.request({
        method: 'POST',
        url: '/api/v1/gift-cards/orders',
        payload: { amount: { amount: 1000, currency: 'EUR' }, recipientEmail: 'x@example.test' },
      });
      assert.equal(guest.status, 422);
      const small = await call('POST', '/api/v1/gift-cards/orders', customer, {
        amount: { amount: 100, currency: 'EUR' },
        recipientEmail: 'x@example.test',
      });
      assert.equal(small.status, 422);
    });

    test('the balance of a code; unknown codes are 404 and guessing is limited per account', async () => {
      const { code } = await giftCard(2500);
      const res = await call('POST', '/api/v1/gift-cards/balance', customer, { code: code.toLowerCase() });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.balance, { amount: 2500, currency: 'EUR' });
      assert.equal(res.body.last4, code.slice(-4));
      assert.equal(res.body.status, 'active');
      const guesser = await makeUser(t);
      for (let i = 0; i < 10; i++) {
        const miss = await call('POST', '/api/v1/gift-cards/balance', guesser, {
          code: `AAAA-AAAA-AAAA-AAAA-AA${10 + i}`,
        });
        assert.equal(miss.status, 404);
        assert.equal(miss.body.code, 'gift_card_not_found');
      }
      // Past ten misses even a real code is refused for a while; someone else is not affected.
      const limited = await call('POST', '/api/v1/gift-cards/balance', guesser, { code });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await call('POST', '/api/v1/gift-cards/balance', customer, { code })).status, 200);
      assert.equal((await call('POST', '/api/v1/gift-cards/balance', customer, { code: 'x' })).status, 404);
      assert.equal((await call('POST', '/api/v1/gift-cards/balance', customer, {})).status, 422);
    });

    test('split tender: two gift cards then a card pay one booking; the card is charged only the rest', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const a = await giftCard(1200);
      const b = await giftCard(300);
      const bookingId = await held(customer, s, ['A1', 'A2']);
      const url = `/api/v1/bookings/${bookingId}/gift-cards`;
      const first = await call('POST', url, customer, { code: a.code, amount: 500 });
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.body.priceBreakdown.giftCards, { amount: 500, currency: 'EUR' });
      assert.deepEqual(first.body.priceBreakdown.due, { amount: 1500, currency: 'EUR' });
      const second = await call('POST', url, customer, { code: b.code });
      assert.equal(second.body.priceBreakdown.due.amount, 1200);
      assert.equal((await call('POST', url, customer, { code: b.code })).body.code, 'gift_card_empty');
      assert.equal((await call('POST', url, other, { code: a.code })).status, 404, "someone else's booking");
      const paid = await call('POST', `/api/v1/bookings/${bookingId}/payments`, customer, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.payment.amount.amount, 1200);
      assert.equal(paid.body.booking.status, 'confirmed');
      assert.equal(await balanceOf(a.code), 700);
      assert.equal(await balanceOf(b.code), 0);
      // Paid: the gift cards stay spent, and a DELETE is refused.
      assert.equal((await call('DELETE', url, customer)).body.code, 'booking_not_payable');
      const detail = await call('GET', `/api/v1/gift-cards/${a.id}`, staff);
      assert.deepEqual(
        detail.body.ledger.map((l: { kind: string; amount: number }) => [l.kind, l.amount]),
        [
          ['issue', 1200],
          ['redeem', -500],
        ],
      );
    });

    test('a booking paid by gift cards alone is confirmed with nothing charged', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const card = await giftCard(5000);
      const bookingId = await held(customer, s, ['A1']);
      const res = await call('POST', `/api/v1/bookings/${bookingId}/gift-cards`, customer, { code: card.code });
      assert.equal(res.body.priceBreakdown.due.amount, 0);
      assert.equal(
        (await call('POST', `/api/v1/bookings/${bookingId}/gift-cards`, customer, { code: card.code })).body.code,
        'gift_card_nothing_due',
      );
      const paid = await call('POST', `/api/v1/bookings/${bookingId}/payments`, customer, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.payment.amount.amount, 0);
      assert.equal(paid.body.booking.status, 'confirmed');
      assert.equal(await balanceOf(card.code), 4000);
    });

    test('two bookings racing for the last balance of one card: exactly one gets it', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const card = await giftCard(1000);
      const users = await Promise.all(Array.from({ length: 6 }, () => makeUser(t)));
      const bookings = await Promise.all(users.map((u, i) => held(u, s, [`B${i + 1}`])));
      const answers = await Promise.all(
        bookings.map((id, i) => call('POST', `/api/v1/bookings/${id}/gift-cards`, users[i], { code: card.code })),
      );
      const won = answers.filter((r) => r.status === 200);
      assert.equal(won.length, 1, answers.map((r) => r.text).join('\n'));
      assert.equal(won[0]?.body.priceBreakdown.giftCards.amount, 1000);
      for (const r of answers.filter((x) => x.status !== 200)) assert.equal(r.body.code, 'gift_card_empty');
      assert.equal(await balanceOf(card.code), 0);
    });

    test('money goes back: DELETE at once, a released hold and an expired one by their events', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const card = await giftCard(3000);
      const redeem = async (id: string) =>
        assert.equal(
          (await call('POST', `/api/v1/bookings/${id}/gift-cards`, customer, { code: card.code })).status,
          200,
        );
      const undone = await held(customer, s, ['C1']);
      await redeem(undone);
      const off = await call('DELETE', `/api/v1/bookings/${undone}/gift-cards`, customer);
      assert.equal(off.status, 200, off.text);
      assert.equal(off.body.priceBreakdown.giftCards.amount, 0);
      assert.equal(await balanceOf(card.code), 3000);
      const released = await held(customer, s, ['C2']);
      await redeem(released);
      assert.equal((await call('DELETE', `/api/v1/bookings/${released}`, customer)).status, 204);
      const expired = await held(customer, s, ['C3']);
      await redeem(expired);
      assert.equal(await balanceOf(card.code), 1000);
      t.clock.advance(11 * 60_000);
      await eventually(async () => {
        await t.app.runJobsOnce();
        return (await balanceOf(card.code)) === 3000;
      });
      // Each event gives back once: running the jobs again changes nothing.
      await settle();
      assert.equal(await balanceOf(card.code), 3000);
    });

    test('a refund goes back where the money came from: part to the gift card, part to the card', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const card = await giftCard(1000);
      const bookingId = await held(customer, s, ['A1', 'A2']);
      await call('POST', `/api/v1/bookings/${bookingId}/gift-cards`, customer, { code: card.code });
      const paid = await call('POST', `/api/v1/bookings/${bookingId}/payments`, customer, { card: CARD });
      assert.equal(paid.body.payment.amount.amount, 1000);
      const ticket = paid.body.booking.tickets[0].id as string;
      // What cancelling everything would give back counts the gift card's part too.
      const before = await call('GET', `/api/v1/bookings/${bookingId}`, customer);
      assert.equal(before.body.refundPreview.amount.amount, 2000);
      const cancelled = await call('POST', `/api/v1/bookings/${bookingId}/cancel`, customer, { ticketIds: [ticket] });
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.deepEqual(
        cancelled.body.refunds.map((r: { amount: { amount: number }; giftCardAmount: { amount: number } }) => [
          r.amount.amount,
          r.giftCardAmount.amount,
        ]),
        [[500, 500]],
      );
      await eventually(async () => {
        await t.app.runJobsOnce();
        return (await balanceOf(card.code)) === 500;
      });
      // The rest: everything left goes back, 500 to each.
      const rest = await call('POST', `/api/v1/bookings/${bookingId}/cancel`, customer, {});
      assert.equal(rest.body.status, 'refunded');
      await eventually(async () => {
        await t.app.runJobsOnce();
        return (await balanceOf(card.code)) === 1000;
      });
      const db = t.app.platform.database.db;
      const pay = await db.selectFrom('payments').selectAll().where('booking_id', '=', bookingId).executeTakeFirst();
      assert.equal(pay?.refunded_amount, 1000);
      assert.equal(pay?.status, 'refunded');
      // A cancelled showtime gives everything back, the gift card's part too.
      const second = await giftCard(700);
      const other = await held(customer, s, ['B1', 'B2']);
      await call('POST', `/api/v1/bookings/${other}/gift-cards`, customer, { code: second.code });
      await call('POST', `/api/v1/bookings/${other}/payments`, customer, { card: CARD });
      assert.equal(await balanceOf(second.code), 0);
      assert.equal((await call('POST', `/api/v1/showtimes/${s.showtimeId}/cancel`, admin)).status, 200);
      await eventually(async () => {
        await t.app.runJobsOnce();
        return (await balanceOf(second.code)) === 700;
      });
    });

    test('staff list and read cards with their ledger; admins void; customers see none of it', async () => {
      const card = await giftCard(800);
      const list = await call('GET', `/api/v1/gift-cards?q=${card.code.slice(-4)}`, staff);
      assert.equal(list.status, 200, list.text);
      assert.ok(list.body.items.some((c: { id: string }) => c.id === card.id));
      assert.equal((await call('GET', '/api/v1/gift-cards', customer)).status, 403);
      assert.equal((await call('POST', `/api/v1/gift-cards/${card.id}/void`, staff)).status, 403);
      const voided = await call('POST', `/api/v1/gift-cards/${card.id}/void`, admin);
      assert.equal(voided.status, 200, voided.text);
      assert.equal(voided.body.status, 'void');
      assert.deepEqual(voided.body.balance, { amount: 0, currency: 'EUR' });
      assert.equal(voided.body.ledger.at(-1).kind, 'void');
      assert.equal((await call('POST', `/api/v1/gift-cards/${card.id}/void`, admin)).body.code, 'gift_card_void');
      // Finance's liabilities: what was issued and voided in the period, and what cards still hold.
      const day = 24 * 3600_000;
      const now = t.clock.now().getTime();
      const [eur] = await t.app.modules.giftcards.liabilities({ from: new Date(now - day), to: new Date(now + day) });
      const sums = await t.app.platform.database.db
        .selectFrom('gift_cards')
        .select((eb) => eb.fn.sum<number>('balance').as('sum'))
        .where('currency', '=', 'EUR')
        .executeTakeFirstOrThrow();
      assert.equal(eur?.currency, 'EUR');
      assert.ok((eur?.voided ?? 0) >= 800);
      assert.equal(eur?.outstanding, Number(sums.sum));
      const s = await makeShowtime(t);
      const bookingId = await held(customer, s, ['A1']);
      const spend = await call('POST', `/api/v1/bookings/${bookingId}/gift-cards`, customer, { code: card.code });
      assert.equal(spend.body.code, 'gift_card_not_found');
    });

    test('the till sells a gift card (code shown once) and takes one first on a ticket sale, the rest in cash', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const till = await call('POST', `/api/v1/cinemas/${s.cinemaId}/tills`, admin, { name: 'Front' });
      const session = await call('POST', '/api/v1/till-sessions', staff, { tillId: till.body.id, float: 0 });
      const base = `/api/v1/till-sessions/${session.body.id}`;
      const sold = await call('POST', `${base}/gift-cards`, staff, { amount: 1500, method: 'cash', tendered: 2000 });
      assert.equal(sold.status, 201, sold.text);
      assert.match(sold.body.giftCard.code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      assert.deepEqual(sold.body.giftCard.balance, { amount: 1500, currency: 'EUR' });
      assert.deepEqual(sold.body.sale.change, { amount: 500, currency: 'EUR' });
      assert.equal(sold.body.sale.kind, 'gift_card_sale');
      const receipt = await call('GET', sold.body.receiptUrl, staff);
      assert.equal(receipt.status, 200);
      assert.equal(receipt.headers['content-type'], 'application/pdf');
      assert.equal(receipt.text.includes(sold.body.giftCard.code), false, 'the receipt never prints the code');
      const code = sold.body.giftCard.code as string;
      // A ticket sale: 3 seats (3000), the gift card pays 1500 first, cash the rest.
      const bookingId = await held(staff, s, ['A1', 'A2', 'A3']);
      const sale = await call('POST', `${base}/sales`, staff, { bookingId, method: 'cash', giftCard: { code } });
      assert.equal(sale.status, 201, sale.text);
      assert.deepEqual(sale.body.amount, { amount: 1500, currency: 'EUR' });
      assert.deepEqual(sale.body.giftCard.amount, { amount: 1500, currency: 'EUR' });
      assert.equal(sale.body.tickets.length, 3);
      assert.equal(await balanceOf(code), 0);
      const report = await call('GET', base, staff);
      assert.deepEqual(report.body.report.cashSales, { amount: 3000, currency: 'EUR', count: 2 });
      const wrong = await call('POST', `${base}/sales`, staff, {
        bookingId: await held(staff, s, ['B1']),
        method: 'cash',
        giftCard: { code: 'AAAA-AAAA-AAAA-AAAA-AAAA' },
      });
      assert.equal(wrong.body.code, 'gift_card_not_found');
    });

    test('guests spend a gift card with their booking token; a card in another currency is refused', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const card = await giftCard(400);
      const usd = await giftCard(400, 'USD');
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 5).id], email: 'g@example.test', name: 'Gil' },
      });
      const { id, managementToken } = res.body;
      const url = `/api/v1/guest/bookings/${id}/gift-cards`;
      const headers = { authorization: `Booking ${managementToken}` };
      assert.equal((await t.request({ method: 'POST', url, payload: { code: card.code } })).status, 401);
      const spent = await t.request({ method: 'POST', url, headers, payload: { code: card.code } });
      assert.equal(spent.status, 200, spent.text);
      assert.equal(spent.body.priceBreakdown.due.amount, 600);
      const other = await t.request({ method: 'POST', url, headers, payload: { code: usd.code } });
      assert.equal(other.body.code, 'gift_card_currency_mismatch');
      const back = await t.request({ method: 'DELETE', url, headers });
      assert.equal(back.body.priceBreakdown.due.amount, 1000);
    });
  });
}
