// Finance through HTTP, the review's cases (one app for all): who sells when a cinema has no tax
// settings (the chain's seller, SELLER_*; never a receipt at 0 %), a receipt issued late dated by
// its issue (in that day's export) with the sale's date shown as its own field, document numbers that cannot collide between cinemas, the receipt
// of a gift card bought online (route, PDF, buyer's email), the chain-wide gift card export in local
// days, and a guest's credit note PDF.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy, card } from '../../../test/payments/payment-helpers.ts';
import { mailsTo } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import type { TestUser } from '../../../test/support/factories.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import type { TestApp } from '../../../test/support/test-app.ts';
import { formatDate } from '../../platform/i18n.ts';
import { localParts } from './documents.ts';
import { jobsSettled, pdfLinesOf, startFinanceWorld } from './finance.fixtures.ts';
import type { FinanceDeps } from './finance.ports.ts';
import { createReceiptsService } from './receipts.service.ts';

const DAY_MS = 86_400_000;

for (const backend of backends()) {
  describe(`finance documents on ${backend.name}`, () => {
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
    const seats = (show: TestShowtime, ...names: string[]) =>
      names.map((n) => show.seat(n[0] as string, Number(n.slice(1))).id);
    const pdfOf = (url: string, headers: Record<string, string> = {}) => pdfLinesOf(t, url, undefined, headers);
    const settled = (check: () => Promise<boolean>) => jobsSettled(t, check, 'jobs done');
    const csvRows = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((r) => r.split(','));

    test("a cinema without tax settings sells under the chain's seller at its rates; a late receipt is dated when issued", async () => {
      const paid = await buy(t, alice, s.showtimeId, seats(s, 'A1', 'A2'));
      const soldAt = new Date(paid.booking.confirmedAt as string);
      // The receipt is first asked for a day later (a late job, an old booking): issued then, in that
      // day's export (an exported day never changes), showing the day of the sale as its own date.
      const start = t.clock.now();
      t.clock.advance(DAY_MS);
      try {
        const r = (await get(`/api/v1/bookings/${paid.booking.id}/receipt`, alice)).body;
        assert.equal(r.issuedAt, t.clock.now().toISOString());
        const zone = /\((.+)\)$/.exec(r.issuedAtLocal)?.[1] as string;
        const saleDay = localParts(soldAt, zone).day;
        const issueDay = r.issuedAtLocal.slice(0, 10);
        assert.notEqual(issueDay, saleDay);
        assert.equal(r.supplyDate, saleDay);
        assert.equal(r.sellerMissing, false);
        assert.deepEqual(r.seller, {
          name: 'Marquee Test Chain GmbH',
          address: 'Teststraße 2, 10115 Berlin',
          country: 'DE',
          taxId: 'DE000000001',
        });
        // 24.00 at the chain's 7 %, not 0 %.
        assert.deepEqual(
          r.taxes.map((x: any) => [x.rate, x.net.amount, x.tax.amount, x.gross.amount]),
          [[7, 2243, 157, 2400]],
        );
        assert.equal(r.number.split('-')[2], issueDay.slice(0, 4));
        const sales = async (d: string) =>
          csvRows(
            (await get(`/api/v1/finance/export.csv?cinemaId=${s.cinemaId}&from=${d}&to=${d}&kind=sales`, admin)).text,
          );
        const [head = [], ...rows] = await sales(issueDay);
        const row = rows.find((x) => x[0] === r.number);
        assert.equal(row?.[head.indexOf('date')], issueDay);
        assert.equal(row?.[head.indexOf('supply_date')], saleDay);
        assert.ok(!(await sales(saleDay)).some((x) => x[0] === r.number), "not in the sale day's export");
        const pdf = await pdfOf(`/api/v1/bookings/${paid.booking.id}/receipt.pdf`, {
          authorization: `Bearer ${alice.token}`,
        });
        // Issue 20: written the reader's way (English here): "5 December 2026".
        const saleDayText = formatDate(new Date(`${saleDay}T12:00:00Z`), 'UTC', 'en');
        assert.ok(pdf.includes(`Date of sale/supply: ${saleDayText}`), pdf.join('\n'));
      } finally {
        t.clock.set(start);
      }
    });

    test('with no seller anywhere nothing is issued: 409 tax_settings_missing, then issued once settings exist', async () => {
      const cinemaId = randomUUID();
      const bookingId = randomUUID();
      const ports: FinanceDeps = {
        booking: async () => ({
          id: bookingId,
          userId: null,
          showtimeId: 'x',
          status: 'confirmed',
          confirmedAt: t.clock.now(),
          currency: 'EUR',
          totalAmount: 1000,
          seats: [
            { seatId: randomUUID(), row: 'A', number: 1, price: 1000, ticketType: 'adult', ticketTypeName: 'Adult' },
          ],
        }),
        showtime: async () => ({
          startsAt: t.clock.now(),
          movie: { title: 'Film' },
          hall: { name: 'Hall' },
          cinema: { id: cinemaId, name: 'Kino', timezone: 'Europe/Berlin' },
        }),
        cinema: async () => ({ id: cinemaId, name: 'Kino', timezone: 'Europe/Berlin' }),
        paidBy: async () => null,
      };
      const db = t.app.platform.database.db as never;
      const receipts = createReceiptsService({ db, clock: t.clock, ports, seller: undefined });
      await assert.rejects(
        receipts.ofBooking(bookingId),
        (e: any) => e.code === 'tax_settings_missing' && e.kind === 'conflict',
      );
      await assert.rejects(
        receipts.ofGiftCard({ giftCardId: randomUUID(), amount: 500, currency: 'EUR', cinemaId: null, method: 'card' }),
        (e: any) => e.code === 'tax_settings_missing',
      );
      assert.equal(
        (
          await t.app.platform.database.db
            .selectFrom('receipts')
            .select('id')
            .where('cinema_id', '=', cinemaId)
            .execute()
        ).length,
        0,
      );
      await t.app.platform.database.db
        .insertInto('cinema_tax_settings')
        .values({
          cinema_id: cinemaId,
          country: 'AT',
          legal_name: 'Kino Wien GmbH',
          legal_address: 'Ring 1, 1010 Wien',
          tax_id: null,
          rate_tickets: 1300,
          rate_food: 2000,
          rate_merchandise: 2000,
          rate_default: 2000,
          updated_at: t.clock.now(),
        })
        .execute();
      const r = await receipts.ofBooking(bookingId);
      assert.equal(r?.seller?.name, 'Kino Wien GmbH');
      assert.deepEqual(
        r?.taxes.map((x) => x.rate),
        [13],
      );
      assert.match(r?.number ?? '', /-000001$/);
    });

    test('gift card order receipts: bare functions work, paid but not issued says so, no gift module is 404', async () => {
      const cinemaId = randomUUID();
      const giftCardId = randomUUID();
      const db = t.app.platform.database.db;
      await db
        .insertInto('cinema_tax_settings')
        .values({
          cinema_id: cinemaId,
          country: 'DE',
          legal_name: 'Kino Gift GmbH',
          legal_address: 'Weg 1, 10115 Berlin',
          tax_id: null,
          rate_tickets: 700,
          rate_food: 1900,
          rate_merchandise: 1900,
          rate_default: 1900,
          updated_at: t.clock.now(),
        })
        .execute();
      let order = { status: 'paid', giftCardId: null as string | null };
      const base: FinanceDeps = {
        booking: async () => assert.fail('no booking'),
        showtime: async () => null,
        cinema: async () => ({ id: cinemaId, name: 'Kino', timezone: 'Europe/Berlin' }),
        paidBy: async () => null,
      };
      const ports: FinanceDeps = {
        ...base,
        giftCard: async (id) => ({
          id,
          amount: 1500,
          currency: 'EUR',
          cinemaId,
          channel: 'till',
          createdAt: t.clock.now(),
        }),
        giftCardOrder: async () => order,
      };
      const make = (p: FinanceDeps) =>
        createReceiptsService({ db: db as never, clock: t.clock, ports: p, seller: undefined });
      // Passed around as bare functions (no `this`).
      const { forOrder, ofGiftCardId } = make(ports);
      await assert.rejects(
        forOrder(null, randomUUID()),
        (e: any) => e.code === 'gift_card_order_not_paid' && /not issued yet/.test(e.message),
      );
      order = { status: 'pending', giftCardId: null };
      await assert.rejects(
        forOrder(null, randomUUID()),
        (e: any) => e.code === 'gift_card_order_not_paid' && !/issued/.test(e.message),
      );
      order = { status: 'issued', giftCardId };
      const r = await forOrder(null, randomUUID());
      assert.deepEqual([r.giftCardId, r.totals.gross.amount], [giftCardId, 1500]);
      assert.equal((await ofGiftCardId(giftCardId))?.id, r.id);
      // Without the gift cards module there are no orders: 404 as for an unknown order.
      await assert.rejects(make(base).forOrder(null, randomUUID()), (e: any) => e.code === 'gift_card_order_not_found');
    });

    test("a cinema whose id starts like another's gets a longer code: numbers never collide", async () => {
      const s2 = await makeShowtime(t);
      const hex = s2.cinemaId.replaceAll('-', '').toUpperCase();
      const other = randomUUID();
      const year = Number(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(t.clock.now()),
      );
      const db = t.app.platform.database.db;
      // Another cinema already numbers with the first 8 digits, and has a receipt R-{8}-{year}-000001.
      await db
        .insertInto('document_codes')
        .values({ cinema_id: other, code: hex.slice(0, 8) })
        .execute();
      await db
        .insertInto('receipts')
        .values({
          id: randomUUID(),
          source: 'booking',
          booking_id: randomUUID(),
          gift_card_id: null,
          cinema_id: other,
          series: `receipt:${other}`,
          year,
          seq: 1,
          number: `R-${hex.slice(0, 8)}-${year}-000001`,
          issued_at: t.clock.now(),
          issued_on: sql<Date>`${t.clock.now().toISOString().slice(0, 10)}::date`,
          currency: 'EUR',
          gross: 100,
          net: 100,
          tax: 0,
          content: JSON.stringify({}),
        } as never)
        .execute();
      const paid = await buy(t, alice, s2.showtimeId, seats(s2, 'A1'));
      const res = await get(`/api/v1/bookings/${paid.booking.id}/receipt`, staff);
      assert.equal(res.status, 200, res.text);
      assert.match(res.body.number, new RegExp(`^R-${hex.slice(0, 12)}-${year}-000001$`));
      // The code is the cinema's from now on.
      const again = await buy(t, alice, s2.showtimeId, seats(s2, 'A2'));
      const next = (await get(`/api/v1/bookings/${again.booking.id}/receipt`, staff)).body.number;
      assert.match(next, new RegExp(`^R-${hex.slice(0, 12)}-${year}-000002$`));
    });

    test("an online gift card's buyer gets its receipt: JSON, PDF, the email; the chain-wide export has it", async () => {
      // 23:30 UTC is already the next day in Berlin (the chain seller's zone): receipt and export say so.
      const start = t.clock.now();
      const late = new Date(`${start.toISOString().slice(0, 10)}T23:30:00Z`);
      if (late.getTime() < start.getTime()) late.setTime(late.getTime() + DAY_MS);
      t.clock.set(late);
      try {
        const berlinDay = new Date(late.getTime() + DAY_MS).toISOString().slice(0, 10);
        const order = await t.request({
          method: 'POST',
          url: '/api/v1/gift-cards/orders',
          token: alice.token,
          payload: { amount: { amount: 3000, currency: 'EUR' }, recipientEmail: 'friend-doc@example.test' },
        });
        assert.equal(order.status, 201, order.text);
        const url = `/api/v1/gift-cards/orders/${order.body.id}/receipt`;
        assert.equal((await get(url, alice)).body.code, 'gift_card_order_not_paid');
        const paid = await t.request({
          method: 'POST',
          url: `/api/v1/gift-cards/orders/${order.body.id}/payments`,
          token: alice.token,
          payload: { card: card() },
        });
        assert.equal(paid.status, 201, paid.text);
        // Asked before any job ran: issued on the request, in the chain's online series.
        const res = await get(url, alice);
        assert.equal(res.status, 200, res.text);
        const r = res.body;
        assert.match(r.number, /^R-ONLINE-\d{4}-\d{6}$/);
        assert.equal(r.seller.name, 'Marquee Test Chain GmbH');
        assert.equal(r.issuedAtLocal.slice(0, 10), berlinDay);
        assert.deepEqual(
          [r.totals.gross.amount, r.totals.tax.amount, r.giftCardId],
          [3000, 0, paid.body.order.giftCard.id],
        );
        assert.deepEqual((await get(url, staff)).body, r);
        assert.equal((await get(url, bob)).body.code, 'gift_card_order_not_found');
        assert.equal((await get(url)).body.code, 'gift_card_order_not_found');
        assert.ok(
          (await pdfOf(`${url}.pdf`, { authorization: `Bearer ${alice.token}` })).includes(`Receipt ${r.number}`),
        );

        // A guest's order: whoever has its id, as the order itself.
        const guest = await t.request({
          method: 'POST',
          url: '/api/v1/gift-cards/orders',
          payload: {
            amount: { amount: 2000, currency: 'EUR' },
            recipientEmail: 'friend2-doc@example.test',
            buyerEmail: 'guest-doc@example.test',
          },
        });
        assert.equal(guest.status, 201, guest.text);
        const gpaid = await t.request({
          method: 'POST',
          url: `/api/v1/gift-cards/orders/${guest.body.id}/payments`,
          payload: { card: card() },
        });
        assert.equal(gpaid.status, 201, gpaid.text);
        const gr = await get(`/api/v1/gift-cards/orders/${guest.body.id}/receipt`);
        assert.equal(gr.status, 200, gr.text);
        assert.equal(gr.body.totals.gross.amount, 2000);

        // The buyer's email carries the receipt and its PDF (the mail job asks finance).
        const mailed = async (to: string, number: string) =>
          (await mailsTo(t, to)).find(
            (m) => m.subject.startsWith('Your gift card for') && m.text_body.includes(number),
          );
        await settled(async () => Boolean(await mailed(alice.email, r.number)));
        const mail = await mailed(alice.email, r.number);
        assert.match(mail?.text_body ?? '', /0 %: net €30\.00, tax €0\.00, gross €30\.00/);
        const attached = mail?.attachments.find((a) => a.filename === `receipt-${r.number}.pdf`);
        assert.ok(attached, 'the receipt PDF is attached');
        assert.ok(pdfLines(Buffer.from(attached.contentBase64, 'base64')).includes(`Receipt ${r.number}`));
        assert.ok(await mailed('guest-doc@example.test', gr.body.number), "the guest buyer's email has its receipt");

        // Chain-wide (no cinemaId): the online cards, on the Berlin day; a cinema's export has none of them.
        const exportOf = async (kind: string, cinema = '') =>
          csvRows(
            (await get(`/api/v1/finance/export.csv?from=${berlinDay}&to=${berlinDay}&kind=${kind}${cinema}`, admin))
              .text,
          );
        const [head = [], ...rows] = await exportOf('gift-cards');
        const issued = rows.find((x) => x[0] === 'EUR')?.[head.indexOf('issued')];
        assert.equal(issued, '50.00');
        const [chead = [], ...crows] = await exportOf('gift-cards', `&cinemaId=${s.cinemaId}`);
        assert.ok(crows.every((x) => Number(x[chead.indexOf('issued')]) === 0));
        const sales = await exportOf('sales');
        assert.ok(sales.some((x) => x[0] === r.number && x[1] === berlinDay));
        const unknown = await get(
          `/api/v1/finance/export.csv?from=${berlinDay}&to=${berlinDay}&kind=sales&cinemaId=${randomUUID()}`,
          admin,
        );
        assert.equal(unknown.body.code, 'cinema_not_found');
      } finally {
        t.clock.set(start);
      }
    });

    test("a guest reads their credit note's PDF with the booking token", async () => {
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: {
          showtimeId: s.showtimeId,
          seatIds: seats(s, 'B1', 'B2'),
          email: 'guest-cn@example.test',
          name: 'Gil',
        },
      });
      assert.equal(held.status, 201, held.text);
      const id = held.body.id as string;
      const auth = { authorization: `Booking ${held.body.managementToken}` };
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${id}/payments`,
        headers: auth,
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      const ticket = paid.body.booking.tickets[0];
      const cancelled = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${id}/cancel`,
        headers: auth,
        payload: { ticketIds: [ticket.id] },
      });
      assert.equal(cancelled.status, 200, cancelled.text);
      const notes = () => get(`/api/v1/guest/bookings/${id}/credit-notes`, undefined, auth);
      await settled(async () => (await notes()).body.items?.length > 0);
      const note = (await notes()).body.items[0];
      const url = `/api/v1/guest/bookings/${id}/credit-notes/${note.id}.pdf`;
      assert.ok((await pdfOf(url, auth)).includes(`Credit note ${note.number}`));
      assert.equal((await get(url)).status, 401);
      // Another booking's token, or the note under another booking: not found.
      const other = await buy(t, alice, s.showtimeId, seats(s, 'B5'));
      assert.equal(
        (await get(`/api/v1/guest/bookings/${other.booking.id}/credit-notes/${note.id}.pdf`, undefined, auth)).status,
        404,
      );
      assert.equal(
        (await get(`/api/v1/guest/bookings/${id}/credit-notes/${randomUUID()}.pdf`, undefined, auth)).body.code,
        'credit_note_not_found',
      );
    });
  });
}
