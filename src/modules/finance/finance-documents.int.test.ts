// Finance through HTTP, the review's cases (one app for all): who sells when a cinema has no tax
// settings (the chain's seller, SELLER_*; never a receipt at 0 %), receipts dated by the sale, not
// by the moment they are issued, and document numbers that cannot collide between cinemas.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { FinanceDeps } from './finance.ports.ts';
import { createReceiptsService } from './receipts.service.ts';

const DAY_MS = 86_400_000;

for (const backend of backends()) {
  describe(`finance documents on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let staff: TestUser;
    let s: TestShowtime;
    before(async () => {
      t = await startTestApp(backend);
      [alice, staff] = await Promise.all([makeUser(t, { name: 'Alice' }), makeUser(t, { role: 'staff' })]);
      s = await makeShowtime(t);
    });
    after(() => t.close());

    const get = (url: string, user?: TestUser, headers: Record<string, string> = {}) =>
      t.request({ method: 'GET', url, token: user?.token, headers });
    const seats = (show: TestShowtime, ...names: string[]) =>
      names.map((n) => show.seat(n[0] as string, Number(n.slice(1))).id);

    test("a cinema without tax settings sells under the chain's seller at its rates, dated when sold", async () => {
      const paid = await buy(t, alice, s.showtimeId, seats(s, 'A1', 'A2'));
      const soldAt = paid.booking.confirmedAt as string;
      // The receipt is first asked for two days later (a late job, an old booking): still the sale's date.
      const start = t.clock.now();
      t.clock.advance(2 * DAY_MS);
      try {
        const r = (await get(`/api/v1/bookings/${paid.booking.id}/receipt`, alice)).body;
        assert.equal(r.issuedAt, soldAt);
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
        assert.equal(r.number.split('-')[2], r.issuedAtLocal.slice(0, 4));
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
  });
}
