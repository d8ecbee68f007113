// Food at the till through HTTP (issue 17): food sold alone for cash (change, stock, pickup code,
// receipt with the food rate), paid back from the drawer, food with a ticket hold paid in one sale,
// and the close report counting all of it; a deadlock or serialization failure in a sale or a refund is
// retried whole (one sale, one refund, stock moved once), and the Idempotency-Key still replays.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu, onHand } from '../concessions/orders.fixtures.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

for (const backend of backends()) {
  describe(`food at the till on ${backend.name}`, () => {
    let t: TestApp;
    let cashier: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      [cashier, admin] = await Promise.all([makeUser(t, { role: 'staff' }), makeUser(t, { role: 'admin' })]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, user?: TestUser, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });

    test('food alone and with a ticket: sold, paid back from the drawer, counted at close', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId, { waterStock: 3 });
      const tax = await call('PUT', `/api/v1/cinemas/${s.cinemaId}/tax`, admin, {
        country: 'DE',
        legalName: 'Kino GmbH',
        legalAddress: 'Hauptstr. 1, Berlin',
        taxRates: { tickets: 7, food: 19, default: 19 },
      });
      assert.equal(tax.status, 200, tax.text);
      const till = await call('POST', `/api/v1/cinemas/${s.cinemaId}/tills`, admin, { name: 'Snacks' });
      assert.equal(till.status, 201, till.text);
      const open = await call('POST', '/api/v1/till-sessions', cashier, { tillId: till.body.id, float: 5000 });
      assert.equal(open.status, 201, open.text);
      const session = open.body.id;
      const url = `/api/v1/till-sessions/${session}/food-sales`;

      // A drink and a popcorn without a ticket, cash with change.
      const sale = await call('POST', url, cashier, {
        items: [
          { variantId: menu.water, quantity: 2 },
          { variantId: menu.popcornS, quantity: 1 },
        ],
        method: 'cash',
        tendered: 1000,
      });
      assert.equal(sale.status, 201, sale.text);
      assert.equal(sale.body.sale.kind, 'food_sale');
      assert.deepEqual(sale.body.sale.amount, eur(900));
      assert.deepEqual(sale.body.sale.change, eur(100));
      assert.equal(sale.body.sale.concessionOrderId, sale.body.order.id);
      assert.equal(sale.body.order.status, 'paid');
      assert.match(sale.body.order.pickupCode, /^[0-9A-Z]{10}$/);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 1);
      const pdf = await t.app.http.inject({
        method: 'GET',
        url: sale.body.receiptUrl,
        headers: { authorization: `Bearer ${cashier.token}` },
      });
      assert.equal(pdf.statusCode, 200, pdf.body);
      const text = (await pdfLines(pdf.rawPayload)).join('\n');
      assert.match(text, /2 × Water/);
      assert.match(text, /Tax 19 %/);

      // The rules: too little cash, stock that is not there, a closed variant.
      const short = await call('POST', url, cashier, {
        items: [{ variantId: menu.cola, quantity: 1 }],
        method: 'cash',
        tendered: 100,
      });
      assert.equal(short.status, 422, short.text);
      assert.equal(short.body.code, 'tendered_too_little');
      const out = await call('POST', url, cashier, { items: [{ variantId: menu.water, quantity: 2 }], method: 'cash' });
      assert.equal(out.status, 409, out.text);
      assert.equal(out.body.code, 'food_out_of_stock');
      assert.equal(await onHand(t, s.cinemaId, menu.water), 1, 'nothing taken by refused sales');

      // One water paid back from the drawer: stock comes back; the rest twice is refused.
      const waterLine = sale.body.order.items[0].lineId;
      const refundUrl = `/api/v1/till-sessions/${session}/food-refunds`;
      const back = await call('POST', refundUrl, cashier, {
        orderId: sale.body.order.id,
        lines: [{ lineId: waterLine, quantity: 1 }],
      });
      assert.equal(back.status, 201, back.text);
      assert.equal(back.body.kind, 'food_refund');
      assert.deepEqual(back.body.amount, eur(250));
      assert.equal(await onHand(t, s.cinemaId, menu.water), 2);
      const online = await call('POST', `/api/v1/concession-orders/${sale.body.order.id}/refund`, cashier, {});
      assert.equal(online.status, 409, online.text);
      assert.equal(online.body.code, 'refund_at_till');

      // Food with a ticket: set on the till's hold, one terminal sale takes seats and food.
      const hold = await call('POST', '/api/v1/bookings', cashier, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat('A', 1).id],
      });
      assert.equal(hold.status, 201, hold.text);
      const food = await call('PUT', `/api/v1/bookings/${hold.body.id}/food`, cashier, {
        items: [{ variantId: menu.cola, quantity: 2 }],
      });
      assert.equal(food.status, 200, food.text);
      const withTicket = await call('POST', `/api/v1/till-sessions/${session}/sales`, cashier, {
        bookingId: hold.body.id,
        method: 'card_terminal',
      });
      assert.equal(withTicket.status, 201, withTicket.text);
      assert.deepEqual(withTicket.body.amount, eur(1700));

      const closed = await call('POST', `/api/v1/till-sessions/${session}/close`, cashier, { countedCash: 5650 });
      assert.equal(closed.status, 200, closed.text);
      const r = closed.body.report;
      assert.deepEqual(r.cashSales, { ...eur(900), count: 1 });
      assert.deepEqual(r.cashRefunds, { ...eur(250), count: 1 });
      assert.deepEqual(r.cardSales, { ...eur(1700), count: 1 });
      assert.deepEqual(r.foodSales, { ...eur(900), count: 1 });
      assert.deepEqual(r.foodRefunds, { ...eur(250), count: 1 });
      assert.deepEqual(r.expectedCash, eur(5650));
      assert.deepEqual(r.difference, eur(0));
    });

    test('a deadlock or serialization failure runs the sale and the refund again; the key replays', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId, { waterStock: 3 });
      const till = await call('POST', `/api/v1/cinemas/${s.cinemaId}/tills`, admin, { name: 'Retry' });
      const open = await call('POST', '/api/v1/till-sessions', cashier, { tillId: till.body.id, float: 0 });
      assert.equal(open.status, 201, open.text);
      const session = open.body.id;
      const db = t.app.platform.database.db;
      // The first write of the ledger line (the sale's last statement) and of the refund row fail as
      // PostgreSQL fails a loser of a deadlock or a serialization conflict; a sequence counts the tries
      // (a rollback does not undo it).
      const run = async (...statements: string[]) => {
        for (const q of statements) await sql.raw(q).execute(db);
      };
      const failFirst = async (table: string, errcode: string) => {
        await run(
          `create sequence ${table}_tries`,
          `create function ${table}_fail_first() returns trigger language plpgsql as $$
           begin
             if nextval('${table}_tries') = 1 then raise exception 'injected' using errcode = '${errcode}'; end if;
             return new;
           end $$`,
          `create trigger ${table}_fail_first before insert on ${table}
             for each row execute function ${table}_fail_first()`,
        );
        return async () => {
          const { rows } = await sql.raw<{ n: number }>(`select last_value::int as n from ${table}_tries`).execute(db);
          await run(
            `drop trigger ${table}_fail_first on ${table}`,
            `drop function ${table}_fail_first()`,
            `drop sequence ${table}_tries`,
          );
          return rows[0]?.n;
        };
      };

      const tries = await failFirst('till_movements', '40001');
      const sell = () =>
        t.request({
          method: 'POST',
          url: `/api/v1/till-sessions/${session}/food-sales`,
          token: cashier.token,
          headers: { 'idempotency-key': 'food-sale-retried' },
          payload: { items: [{ variantId: menu.water, quantity: 2 }], method: 'cash', tendered: 500 },
        });
      const sale = await sell();
      assert.equal(await tries(), 2, 'failed once, then ran again');
      assert.equal(sale.status, 201, sale.text);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 1, 'the stock taken once, by the try that committed');
      const again = await sell();
      assert.equal(again.status, 201, again.text);
      assert.equal(again.body.order.id, sale.body.order.id, 'the key replays the first answer');
      const sales = await db.selectFrom('till_movements').select('id').where('session_id', '=', session).execute();
      assert.equal(sales.length, 1, 'one ledger line');

      const refundTries = await failFirst('refunds', '40P01');
      const back = await call('POST', `/api/v1/till-sessions/${session}/food-refunds`, cashier, {
        orderId: sale.body.order.id,
        lines: [{ lineId: sale.body.order.items[0].lineId, quantity: 1 }],
      });
      assert.equal(await refundTries(), 2, 'failed once, then ran again');
      assert.equal(back.status, 201, back.text);
      assert.equal(back.body.kind, 'food_refund');
      assert.deepEqual(back.body.amount, eur(250));
      assert.equal(await onHand(t, s.cinemaId, menu.water), 2, 'one bottle back, once');
      const refunds = await db
        .selectFrom('refunds')
        .select('id')
        .where('concession_order_id', '=', sale.body.order.id)
        .execute();
      assert.equal(refunds.length, 1);
      const lines = await db.selectFrom('till_movements').select('kind').where('session_id', '=', session).execute();
      assert.deepEqual(lines.map((l) => l.kind).sort(), ['food_refund', 'food_sale']);
    });
  });
}
