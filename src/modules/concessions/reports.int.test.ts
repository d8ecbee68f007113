// Concession reports through HTTP on PGlite and PostgreSQL: takings per local day, product and staff
// (online orders as "online"), refunds beside gross, unpaid orders left out; the attach rate per movie
// (items per ticket sold, net of refunds) with tickets from the sales reports; CSV; roles and ranges.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buy } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createProduct, names, offer } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`concession reports on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      [admin, staff] = await Promise.all([
        makeUser(t, { role: 'admin' }),
        makeUser(t, { role: 'staff', name: 'Sam Counter' }),
      ]);
    });
    after(() => t.close());

    const get = (url: string, user: TestUser | null = staff) =>
      t.request({ method: 'GET', url, ...(user ? { token: user.token } : {}) });
    const db = () => t.app.modules.concessions.service.db;
    /** An order written as orders and the till write them: lines at their sold price, paid or not. */
    async function order(
      cinemaId: string,
      o: { bookingId?: string; staffId?: string; paid: boolean },
      lines: { productId: string; variantId: string; quantity: number; unitPrice: number; refunded?: number }[],
    ) {
      const id = randomUUID();
      const now = t.clock.now();
      await db()
        .insertInto('concession_orders')
        .values({
          id,
          cinema_id: cinemaId,
          channel: o.bookingId ? 'web' : 'till',
          booking_id: o.bookingId ?? null,
          staff_user_id: o.staffId ?? null,
          status: o.paid ? 'paid' : 'held',
          currency: 'EUR',
          total_amount: lines.reduce((n, l) => n + l.quantity * l.unitPrice, 0),
          pickup_code: randomBytes(6).toString('hex').toUpperCase(),
          created_at: now,
          updated_at: now,
          paid_at: o.paid ? now : null,
        })
        .execute();
      await db()
        .insertInto('concession_order_lines')
        .values(
          lines.map((l, position) => ({
            id: randomUUID(),
            order_id: id,
            position,
            product_id: l.productId,
            variant_id: l.variantId,
            name: 'x',
            quantity: l.quantity,
            unit_price: l.unitPrice,
            tax_kind: 'food',
            refunded_quantity: l.refunded ?? 0,
          })),
        )
        .execute();
    }
    const day = (offset: number) => new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

    test('takings per day, product and staff; attach rate per movie; CSV; roles and ranges', async () => {
      const show = await makeShowtime(t);
      const { cinemaId } = show;
      const customer = await makeUser(t);
      const bookingA = await buy(
        t,
        customer,
        show.showtimeId,
        [1, 2, 3, 4].map((n) => show.seat('A', n).id),
      );
      await buy(
        t,
        customer,
        show.showtimeId,
        [1, 2].map((n) => show.seat('B', n).id),
      );
      const popcorn = await createProduct(t, admin, {
        kind: 'item',
        category: 'popcorn',
        names: names('Popcorn', 'Popkorn'),
        variants: [{ code: 'large', names: names('Large') }],
      });
      const water = await createProduct(t, admin, {
        kind: 'item',
        category: 'drinks',
        names: names('Water'),
        variants: [{ code: 'regular', names: names('Regular') }],
      });
      await offer(t, admin, cinemaId, popcorn.id, { prices: { large: 600 } });
      await offer(t, admin, cinemaId, water.id, { prices: { regular: 250 } });
      const pop = { productId: popcorn.id, variantId: popcorn.variants[0].id };
      const wat = { productId: water.id, variantId: water.variants[0].id };
      await order(cinemaId, { bookingId: bookingA.booking?.id ?? bookingA.id, paid: true }, [
        { ...pop, quantity: 2, unitPrice: 600 },
        { ...wat, quantity: 1, unitPrice: 250, refunded: 1 },
      ]);
      await order(cinemaId, { staffId: staff.id, paid: true }, [{ ...wat, quantity: 3, unitPrice: 300 }]);
      await order(cinemaId, { staffId: staff.id, paid: false }, [{ ...wat, quantity: 9, unitPrice: 300 }]);

      const range = `cinemaId=${cinemaId}&from=${day(-1)}&to=${day(3)}`;
      const byDay = await get(`/api/v1/reports/concessions?${range}`);
      assert.equal(byDay.status, 200, byDay.text);
      const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(t.clock.now());
      assert.deepEqual(byDay.body.items, [
        {
          cinemaId,
          day: localDay,
          quantity: 6,
          gross: { amount: 2 * 600 + 250 + 3 * 300, currency: 'EUR' },
          refunded: { amount: 250, currency: 'EUR' },
        },
      ]);
      assert.deepEqual(byDay.body.totals, [
        { quantity: 6, gross: { amount: 2350, currency: 'EUR' }, refunded: { amount: 250, currency: 'EUR' } },
      ]);
      const byProduct = await get(`/api/v1/reports/concessions?${range}&groupBy=product&lang=de`);
      assert.deepEqual(
        byProduct.body.items
          .map((i: { productName: string; quantity: number; gross: { amount: number } }) => [
            i.productName,
            i.quantity,
            i.gross.amount,
          ])
          .sort(),
        [
          ['Popkorn', 2, 1200],
          ['Water', 4, 1150],
        ],
      );
      const byStaff = await get(`/api/v1/reports/concessions?${range}&groupBy=staff`);
      assert.deepEqual(
        byStaff.body.items
          .map((i: { staffUserId: string | null; staffName: string; quantity: number }) => [
            i.staffUserId,
            i.staffName,
            i.quantity,
          ])
          .sort((a: unknown[], b: unknown[]) => String(a[1]).localeCompare(String(b[1]))),
        [
          [null, 'online', 3],
          [staff.id, 'Sam Counter', 3],
        ],
      );
      const csv = await get(`/api/v1/reports/concessions.csv?${range}&groupBy=product`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(csv.text, /Popcorn,2,12\.00,0\.00,EUR/);

      const attach = await get(`/api/v1/reports/concessions/attach-rate?${range}`);
      assert.equal(attach.status, 200, attach.text);
      assert.deepEqual(attach.body.items, [
        { movieId: show.movieId, title: attach.body.items[0].title, tickets: 6, items: 2, attachRate: 0.333 },
      ]);
      const attachCsv = await get(`/api/v1/reports/concessions/attach-rate.csv?${range}`);
      assert.match(attachCsv.text, /,6,2,0\.333/);

      const customerTry = await get(`/api/v1/reports/concessions?${range}`, customer);
      assert.equal(customerTry.status, 403);
      assert.equal((await get(`/api/v1/reports/concessions?${range}`, null)).status, 401);
      for (const bad of [
        `from=${day(3)}&to=${day(1)}`,
        `from=2020-01-01&to=2022-01-01`,
        `from=yesterday&to=${day(1)}`,
        `from=${day(0)}&to=${day(1)}&groupBy=movie`,
      ]) {
        const res = await get(`/api/v1/reports/concessions?${bad}`);
        assert.equal(res.status, 422, `${bad}: ${res.text}`);
        assert.equal(res.body.code, 'validation_failed');
      }
      assert.equal((await get(`/api/v1/reports/concessions/attach-rate?from=${day(3)}&to=${day(1)}`)).status, 422);
    });
  });
}
