// Finance through HTTP on a real database: tax settings and who may set them, the receipt of a sale
// (JSON, PDF, for its owner, staff and a guest with the token), the credit note of a refund
// referencing it, the confirmation email carrying both, and the exports adding up to the documents.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, cancel, card } from '../../../test/payments/payment-helpers.ts';
import { mailsTo } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import type { TestShowtime } from '../../../test/support/catalog-factories.ts';
import type { TestUser } from '../../../test/support/factories.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import type { TestApp } from '../../../test/support/test-app.ts';
import { jobsSettled, pdfLinesOf, startFinanceWorld } from './finance.fixtures.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const GERMAN = {
  country: 'DE',
  legalName: 'Kino Test GmbH',
  legalAddress: 'Teststraße 1, 10115 Berlin',
  taxId: 'DE999999999',
  taxRates: { tickets: 7, food: 19, default: 19 },
};

/** A client error, never a server one. */
const client = (status: number) => status >= 400 && status < 500;

/** Sums a CSV column (decimals) over its rows. */
function columnSum(csv: string, name: string): number {
  const [head = '', ...rows] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const at = head.split(',').indexOf(name);
  assert.ok(at >= 0, `no column ${name} in ${head}`);
  return Math.round(rows.reduce((sum, r) => sum + Number(r.split(',')[at]), 0) * 100);
}

for (const backend of backends()) {
  describe(`finance on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let staff: TestUser;
    let admin: TestUser;
    let s: TestShowtime;
    before(async () => {
      ({ t, alice, bob, staff, admin, s } = await startFinanceWorld(backend));
    });
    after(() => t.close());

    const get = (url: string, user?: TestUser, headers: Record<string, string> = {}) =>
      t.request({ method: 'GET', url, token: user?.token, headers });
    const putTax = (cinemaId: string, payload: Record<string, unknown>, user: TestUser = admin) =>
      t.request({ method: 'PUT', url: `/api/v1/cinemas/${cinemaId}/tax`, token: user.token, payload });
    const pdfOf = (url: string, user?: TestUser, headers: Record<string, string> = {}) =>
      pdfLinesOf(t, url, user, headers);
    const settled = (check: () => Promise<boolean>) => jobsSettled(t, check, 'finance documents issued');
    const seats = (...names: string[]) => names.map((n) => s.seat(n[0] as string, Number(n.slice(1))).id);

    test('tax settings: admins set them, staff read them, bad input is 4xx', async () => {
      const url = `/api/v1/cinemas/${s.cinemaId}/tax`;
      assert.equal((await get(url, staff)).body.code, 'tax_settings_not_found');
      assert.equal((await putTax(s.cinemaId, GERMAN, staff)).status, 403);
      assert.equal((await get(url, alice)).status, 403);
      assert.equal((await get(url)).status, 401);
      const put = await putTax(s.cinemaId, GERMAN);
      assert.equal(put.status, 200, put.text);
      assert.deepEqual(put.body.taxRates, { tickets: 7, food: 19, merchandise: 19, default: 19 });
      const read = await get(url, staff);
      assert.deepEqual(read.body, put.body);
      const bad = [
        { ...GERMAN, country: 'de' },
        { ...GERMAN, country: 'DEU' },
        { ...GERMAN, legalName: '' },
        { ...GERMAN, taxRates: { tickets: 7 } },
        { ...GERMAN, taxRates: { tickets: 101, default: 19 } },
      ];
      for (const body of bad)
        assert.equal((await putTax(s.cinemaId, body)).body.code, 'validation_failed', JSON.stringify(body));
      const tooPrecise = await putTax(s.cinemaId, { ...GERMAN, taxRates: { tickets: 7.125, default: 19 } });
      assert.equal(tooPrecise.status, 422);
      assert.equal(tooPrecise.body.errors[0].path, '/taxRates/tickets');
      assert.equal((await putTax(UNKNOWN, GERMAN)).body.code, 'cinema_not_found');
      assert.ok(client((await get('/api/v1/cinemas/nope/tax', staff)).status));
    });

    test('a sale gets a receipt: number, lines, tenders, net/tax/gross per rate; PDF; owner, staff, guest', async () => {
      const paid = await buy(t, alice, s.showtimeId, seats('A1', 'A2', 'A3'));
      const id = paid.booking.id;
      await t.app.runJobsOnce();
      const res = await get(`/api/v1/bookings/${id}/receipt`, alice);
      assert.equal(res.status, 200, res.text);
      const r = res.body;
      const year = r.issuedAtLocal.slice(0, 4);
      assert.match(r.number, new RegExp(`^R-${s.cinemaId.slice(0, 8).toUpperCase()}-${year}-\\d{6}$`));
      assert.equal(r.seller.name, 'Kino Test GmbH');
      assert.equal(r.sellerMissing, false);
      assert.equal(r.lines.length, 3);
      assert.deepEqual(r.lines[0].seat.row, 'A');
      // 3 × 12.00 at 7 %: tax = round(3600 × 7 / 107) = 235.51 → 236.
      assert.deepEqual(r.taxes, [
        {
          rate: 7,
          net: { amount: 3364, currency: 'EUR' },
          tax: { amount: 236, currency: 'EUR' },
          gross: { amount: 3600, currency: 'EUR' },
        },
      ]);
      // The provider's name is the payments module's (the built-in test processor here).
      assert.deepEqual(
        r.tenders.map((x: any) => [x.method, typeof x.provider, x.amount.amount]),
        [['card', 'string', 3600]],
      );
      assert.equal(r.discount, null);
      // The same receipt every time, for staff too; someone else's booking is missing.
      assert.deepEqual((await get(`/api/v1/bookings/${id}/receipt`, staff)).body, r);
      assert.equal((await get(`/api/v1/bookings/${id}/receipt`, bob)).status, 404);
      assert.equal((await get(`/api/v1/bookings/${id}/receipt`)).status, 401);
      assert.equal(
        await t.app.platform.database.db
          .selectFrom('receipts')
          .select('id')
          .where('booking_id', '=', id)
          .execute()
          .then((x) => x.length),
        1,
      );

      const lines = await pdfOf(`/api/v1/bookings/${id}/receipt.pdf`, alice);
      for (const expected of [
        `Receipt ${r.number}`,
        'Kino Test GmbH',
        'Tax ID: DE999999999',
        '7 %',
        '€33.64',
        '€2.36',
        '€36.00',
      ])
        assert.ok(lines.includes(expected), `${expected} in ${JSON.stringify(lines)}`);

      // A held booking has no receipt yet.
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { showtimeId: s.showtimeId, seatIds: seats('C1') },
      });
      assert.equal((await get(`/api/v1/bookings/${held.body.id}/receipt`, alice)).body.code, 'booking_not_sold');

      // A guest reads theirs with the booking's token.
      const guest = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: seats('C5'), email: 'guest-fin@example.test', name: 'Grace' },
      });
      const token = guest.body.managementToken as string;
      const auth = { authorization: `Booking ${token}` };
      const gpay = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${guest.body.id}/payments`,
        headers: auth,
        payload: { card: card() },
      });
      assert.equal(gpay.status, 201, gpay.text);
      const gr = await get(`/api/v1/guest/bookings/${guest.body.id}/receipt`, undefined, auth);
      assert.equal(gr.status, 200, gr.text);
      assert.equal(gr.body.totals.gross.amount, 1200);
      const guestPdf = await pdfOf(`/api/v1/guest/bookings/${guest.body.id}/receipt.pdf`, undefined, auth);
      assert.ok(guestPdf.includes(`Receipt ${gr.body.number}`));
      assert.equal((await get(`/api/v1/guest/bookings/${id}/receipt`, undefined, auth)).status, 404);
    });

    test('a promo discount is spread over the lines, and tax is taken per rate after it', async () => {
      const code = `FIN${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/promo-codes',
        token: admin.token,
        payload: { code, name: 'Finance test', kind: 'fixed', amount: { amount: 500, currency: 'EUR' } },
      });
      assert.equal(created.status, 201, created.text);
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { showtimeId: s.showtimeId, seatIds: seats('C7', 'C8', 'C9') },
      });
      const applied = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${held.body.id}/promo-code`,
        token: alice.token,
        payload: { code },
      });
      assert.equal(applied.status, 200, applied.text);
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${held.body.id}/payments`,
        token: alice.token,
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      const r = (await get(`/api/v1/bookings/${held.body.id}/receipt`, alice)).body;
      assert.deepEqual(r.subtotal, { amount: 3600, currency: 'EUR' });
      assert.deepEqual(r.discount, { code, amount: { amount: 500, currency: 'EUR' } });
      // 500 over three lines of 12.00: 167 + 167 + 166.
      assert.deepEqual(
        r.lines.map((l: any) => [l.price.amount, l.discount.amount, l.gross.amount]),
        [
          [1200, 167, 1033],
          [1200, 167, 1033],
          [1200, 166, 1034],
        ],
      );
      // 31.00 at 7 %: tax = round(3100 × 7 / 107) = 202.80 → 203, net 2897.
      assert.deepEqual(
        r.taxes.map((x: any) => [x.rate, x.net.amount, x.tax.amount, x.gross.amount]),
        [[7, 2897, 203, 3100]],
      );
      assert.deepEqual(
        r.tenders.map((x: any) => [x.method, x.amount.amount]),
        [['card', 3100]],
      );
    });

    test('a refund makes a credit note referencing the receipt; the confirmation email carries the receipt', async () => {
      const paid = await buy(t, alice, s.showtimeId, seats('B1', 'B2'));
      const id = paid.booking.id;
      const ticket = paid.booking.tickets[0];
      const res = await cancel(t, alice, id, [ticket.id]);
      assert.equal(res.status, 200, res.text);
      const refunded = res.body.refunds[0].amount.amount as number;
      // The credit note comes from tickets.cancelled (with NATS, delivered when NATS delivers).
      await settled(async () => (await get(`/api/v1/bookings/${id}/credit-notes`, alice)).body.items.length > 0);
      const receipt = (await get(`/api/v1/bookings/${id}/receipt`, alice)).body;
      const notes = await get(`/api/v1/bookings/${id}/credit-notes`, alice);
      assert.equal(notes.status, 200, notes.text);
      assert.equal(notes.body.items.length, 1);
      const note = notes.body.items[0];
      assert.equal(note.receiptNumber, receipt.number);
      assert.equal(note.receiptId, receipt.id);
      assert.match(note.number, /^CN-/);
      assert.equal(note.totals.gross.amount, refunded);
      assert.equal(note.lines.length, 1);
      assert.equal(note.lines[0].seat.seatId, ticket.seat.seatId);
      assert.equal(note.totals.tax.amount, Math.round((refunded * 7) / 107));
      assert.deepEqual(
        note.refundedTo.map((x: any) => [x.method, x.provider, x.amount.amount]),
        [['card', receipt.tenders[0].provider, refunded]],
      );
      assert.equal((await get(`/api/v1/bookings/${id}/credit-notes`, bob)).status, 404);
      const lines = await pdfOf(`/api/v1/credit-notes/${note.id}.pdf`, alice);
      assert.ok(lines.includes(`Credit note ${note.number}`), JSON.stringify(lines));
      assert.ok(lines.includes(`Corrects receipt ${receipt.number}`));
      assert.equal((await get(`/api/v1/credit-notes/${note.id}.pdf`, bob)).status, 404);
      assert.equal((await get(`/api/v1/credit-notes/${UNKNOWN}.pdf`, staff)).status, 404);
      assert.ok(client((await get(`/api/v1/credit-notes/${note.id}.txt`, staff)).status));

      const mail = (await mailsTo(t, alice.email)).find(
        (m) => m.subject.startsWith('Your tickets') && m.text_body.includes(receipt.number),
      );
      assert.ok(mail, 'the confirmation email names the receipt');
      assert.match(mail.text_body, /7 %: net €22\.43, tax €1\.57, gross €24\.00/);
      const attached = mail.attachments.find((a) => a.filename === `receipt-${receipt.number}.pdf`);
      assert.ok(attached, 'the receipt PDF is attached');
      assert.ok(pdfLines(Buffer.from(attached.contentBase64, 'base64')).includes(`Receipt ${receipt.number}`));
    });

    test("the till's receipt prints the receipt number and tax; a gift card sold there is receipted untaxed", async () => {
      const till = await t.request({
        method: 'POST',
        url: `/api/v1/cinemas/${s.cinemaId}/tills`,
        token: admin.token,
        payload: { name: 'Finance desk' },
      });
      assert.equal(till.status, 201, till.text);
      const open = await t.request({
        method: 'POST',
        url: '/api/v1/till-sessions',
        token: staff.token,
        payload: { tillId: till.body.id, float: 0 },
      });
      assert.equal(open.status, 201, open.text);
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: staff.token,
        payload: { showtimeId: s.showtimeId, seatIds: seats('C2', 'C3') },
      });
      const sold = await t.request({
        method: 'POST',
        url: `/api/v1/till-sessions/${open.body.id}/sales`,
        token: staff.token,
        payload: { bookingId: held.body.id, method: 'cash' },
      });
      assert.equal(sold.status, 201, sold.text);
      const printed = await pdfOf(`/api/v1/till-sales/${sold.body.id}/receipt.pdf`, staff);
      const r = (await get(`/api/v1/bookings/${held.body.id}/receipt`, staff)).body;
      assert.deepEqual(
        r.tenders.map((x: any) => [x.method, x.amount.amount]),
        [['cash', 2400]],
      );
      for (const want of [`Receipt no. ${r.number}`, 'Tax 7 % of €24.00', '€1.57', '€22.43'])
        assert.ok(printed.map((l) => l.trim()).includes(want), `${want} in ${JSON.stringify(printed)}`);

      const tillCard = await t.request({
        method: 'POST',
        url: `/api/v1/till-sessions/${open.body.id}/gift-cards`,
        token: staff.token,
        payload: { amount: 2500, method: 'card_terminal' },
      });
      assert.equal(tillCard.status, 201, tillCard.text);
      await t.app.runJobsOnce();
      const giftPrinted = await pdfOf(tillCard.body.receiptUrl, staff);
      const line = giftPrinted.map((l) => l.trim()).find((l) => l.startsWith('Receipt no. R-'));
      assert.ok(line, JSON.stringify(giftPrinted));
      const gift = await t.app.platform.database.db
        .selectFrom('receipts')
        .select(['number', 'gross', 'tax', 'content'])
        .where('gift_card_id', '=', tillCard.body.giftCard.id)
        .executeTakeFirstOrThrow();
      assert.equal(line, `Receipt no. ${gift.number}`);
      // The cinema's one receipt series: the gift card's number follows the ticket sale's.
      assert.equal(Number(gift.number.split('-').pop()), Number(r.number.split('-').pop()) + 1);
      assert.deepEqual([gift.gross, gift.tax], [2500, 0]);
      assert.deepEqual(
        gift.content.tenders.map((x) => [x.method, x.amount.amount]),
        [['card_terminal', 2500]],
      );
      // Bought online: the chain-wide online series, untaxed, paid by card.
      const order = await t.request({
        method: 'POST',
        url: '/api/v1/gift-cards/orders',
        token: alice.token,
        payload: { amount: { amount: 3000, currency: 'EUR' }, recipientEmail: 'friend-fin@example.test' },
      });
      assert.equal(order.status, 201, order.text);
      const bought = await t.request({
        method: 'POST',
        url: `/api/v1/gift-cards/orders/${order.body.id}/payments`,
        token: alice.token,
        payload: { card: card() },
      });
      assert.equal(bought.status, 201, bought.text);
      const giftCardId = bought.body.order.giftCard.id as string;
      const receipted = () =>
        t.app.platform.database.db.selectFrom('receipts').select('id').where('gift_card_id', '=', giftCardId).execute();
      await settled(async () => (await receipted()).length > 0);
      const online = await t.app.platform.database.db
        .selectFrom('receipts')
        .select(['number', 'cinema_id', 'gross', 'tax', 'content'])
        .where('gift_card_id', '=', giftCardId)
        .executeTakeFirstOrThrow();
      assert.match(online.number, /^R-ONLINE-\d{4}-\d{6}$/);
      assert.deepEqual([online.cinema_id, online.gross, online.tax], [null, 3000, 0]);
      assert.deepEqual(
        online.content.tenders.map((x) => x.method),
        ['card'],
      );
    });

    test('exports add up to the documents; admins only; bad parameters are 4xx', async () => {
      const day = new Date(t.clock.now().getTime()).toISOString().slice(0, 10);
      const url = (kind: string, extra = '') =>
        `/api/v1/finance/export.csv?cinemaId=${s.cinemaId}&from=${day}&to=${day}&kind=${kind}${extra}`;
      const db = t.app.platform.database.db;
      const receipts = await db
        .selectFrom('receipts')
        .select(['gross', 'net', 'tax'])
        .where('cinema_id', '=', s.cinemaId)
        .execute();
      const notes = await db
        .selectFrom('credit_notes')
        .select(['gross', 'tax'])
        .where('cinema_id', '=', s.cinemaId)
        .execute();
      assert.ok(receipts.length >= 3 && notes.length >= 1);
      const sum = (rows: { gross: number }[], k: 'gross' | 'tax' = 'gross') =>
        rows.reduce((a, r) => a + (r as Record<string, number>)[k]!, 0);

      const sales = await get(url('sales'), admin);
      assert.equal(sales.status, 200, sales.text);
      assert.match(String(sales.headers['content-type']), /text\/csv/);
      assert.equal(columnSum(sales.text, 'gross'), sum(receipts));
      assert.equal(columnSum(sales.text, 'tax'), sum(receipts, 'tax'));
      const refunds = (await get(url('refunds'), admin)).text;
      assert.equal(columnSum(refunds, 'gross'), sum(notes));
      const methods = (await get(url('payment-methods'), admin)).text;
      assert.equal(columnSum(methods, 'sales'), sum(receipts));
      assert.equal(columnSum(methods, 'refunds'), sum(notes));
      assert.equal((await get(url('discounts'), admin)).status, 200);
      // The gift card sold at this cinema's till is a liability of 25.00, none of it spent yet.
      const gifts = (await get(url('gift-cards'), admin)).text;
      assert.equal(columnSum(gifts, 'issued'), 2500);
      assert.equal(columnSum(gifts, 'outstanding_at_end'), 2500);
      const sales2 = (await get(url('sales'), admin)).text;
      assert.ok(sales2.includes(',gift_card,'), 'the gift card sale is a sales row');
      // Another day has nothing.
      const empty = await get(`/api/v1/finance/export.csv?from=2001-01-01&to=2001-01-02&kind=sales`, admin);
      assert.equal(
        empty.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n').length,
        1,
      );

      assert.equal((await get(url('sales'), staff)).status, 403);
      assert.equal((await get(url('sales'), alice)).status, 403);
      assert.equal((await get(url('sales'))).status, 401);
      assert.ok(client((await get(url('bogus'), admin)).status));
      assert.ok(client((await get(`/api/v1/finance/export.csv?from=${day}&kind=sales`, admin)).status));
      assert.ok(
        client((await get(`/api/v1/finance/export.csv?from=2026-13-01&to=2026-12-01&kind=sales`, admin)).status),
      );
      assert.equal(
        (await get(`/api/v1/finance/export.csv?from=2026-02-01&to=2026-01-01&kind=sales`, admin)).status,
        422,
      );
      assert.equal(
        (await get(`/api/v1/finance/export.csv?from=2024-01-01&to=2026-01-01&kind=sales`, admin)).status,
        422,
      );
      assert.ok(client((await get(`${url('sales')}&cinemaId=x`, admin)).status));
    });
  });
}
