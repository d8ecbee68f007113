// Payment webhooks through HTTP on a real database: the test processor's own signed events, and
// replayed, tampered, stale, malformed and out-of-order ones (API.md "Payment webhooks").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, hold, pay } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { signWebhook } from './webhook-signature.ts';

const URL = '/api/v1/payments/webhooks/builtin';

for (const backend of backends()) {
  describe(`payment webhooks on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let secret: string;
    before(async () => {
      t = await startTestApp(backend);
      alice = await makeUser(t);
      // PAYMENT_WEBHOOK_SECRET is unset here: one was generated and kept in the database.
      secret = (
        await t.app.platform.database.db
          .selectFrom('app_settings')
          .select('value')
          .where('key', '=', 'payments.webhook_secret')
          .executeTakeFirstOrThrow()
      ).value;
      assert.match(secret, /^whsec_[0-9a-f]{64}$/);
    });
    after(() => t.close());

    const send = (body: string, signature?: string) =>
      t.request({
        method: 'POST',
        url: URL,
        headers: {
          'content-type': 'application/json',
          ...(signature === undefined ? {} : { 'webhook-signature': signature }),
        },
        payload: body,
      });
    const signed = (event: object, at = t.clock.now()) => {
      const body = JSON.stringify(event);
      return send(body, signWebhook(secret, body, at));
    };
    const db = () => t.app.platform.database.db;
    const paymentRow = (id: string) =>
      db().selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    test("the processor's own events are delivered, verified and recorded once", async () => {
      const s = await makeShowtime(t);
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      assert.ok((await t.app.modules.payments.deliverWebhooks()) >= 1);
      const deliveries = await db().selectFrom('test_processor_webhooks').selectAll().execute();
      assert.ok(deliveries.every((d) => d.delivered_at !== null && d.last_status === 200));
      const events = await db()
        .selectFrom('webhook_events')
        .selectAll()
        .where('type', '=', 'payment.succeeded')
        .execute();
      assert.ok(events.some((e) => (e.payload as any).data.paymentId === paid.payment.id));
      assert.equal((await paymentRow(paid.payment.id)).status, 'succeeded');
    });

    test('a replayed event id answers 200 and changes nothing', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 2).id]);
      await pay(t, alice, booking.id, { number: '4000000000000002' });
      const failed = await db()
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', booking.id)
        .executeTakeFirstOrThrow();
      const event = {
        id: `evt_replay_${failed.id}`,
        type: 'payment.failed',
        data: { paymentId: failed.id, failureCode: 'card_declined' },
      };
      const first = await signed(event);
      assert.equal(first.status, 200);
      assert.deepEqual(first.body, { received: true, duplicate: false });
      const again = await signed(event);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, { received: true, duplicate: true });
      assert.equal(
        (await db().selectFrom('webhook_events').select('event_id').where('event_id', '=', event.id).execute()).length,
        1,
      );
    });

    test('a payment.failed arriving after payment.succeeded changes nothing', async () => {
      const s = await makeShowtime(t);
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 3).id]);
      const res = await signed({
        id: `evt_late_${paid.payment.id}`,
        type: 'payment.failed',
        data: { paymentId: paid.payment.id, failureCode: 'card_declined' },
      });
      assert.equal(res.status, 200);
      assert.equal((await paymentRow(paid.payment.id)).status, 'succeeded');
      const b = await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}`, token: alice.token });
      assert.equal(b.body.status, 'confirmed');
      assert.ok(b.body.tickets.every((x: any) => x.status === 'valid'));
    });

    test('tampered, stale, future, unsigned and wrongly keyed requests are 400 invalid_signature', async () => {
      const body = JSON.stringify({
        id: 'evt_x',
        type: 'payment.succeeded',
        data: { paymentId: '00000000-0000-4000-8000-000000000000' },
      });
      const now = t.clock.now();
      const cases = [
        send(body.replace('evt_x', 'evt_y'), signWebhook(secret, body, now)),
        send(body, signWebhook(secret, body, new Date(now.getTime() - 301_000))),
        send(body, signWebhook(secret, body, new Date(now.getTime() + 301_000))),
        send(body),
        send(body, 'garbage'),
        send(body, signWebhook('whsec_other', body, now)),
      ];
      for (const res of await Promise.all(cases)) {
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.code, 'invalid_signature');
      }
      assert.equal(
        (
          await db()
            .selectFrom('webhook_events')
            .select('event_id')
            .where('event_id', 'in', ['evt_x', 'evt_y'])
            .execute()
        ).length,
        0,
      );
    });

    test('a signed body that is not JSON is 400, a malformed event 422, an unknown provider 404', async () => {
      const notJson = 'not json';
      const r1 = await send(notJson, signWebhook(secret, notJson, t.clock.now()));
      assert.equal(r1.status, 400);
      assert.equal(r1.body.code, 'bad_request');
      const r2 = await signed({ id: 'evt_bad', type: 'payment.succeeded', data: {} });
      assert.equal(r2.status, 422);
      assert.equal(r2.body.errors[0].path, '/data/paymentId');
      const r3 = await t.request({
        method: 'POST',
        url: '/api/v1/payments/webhooks/stripe',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      assert.equal(r3.status, 404);
      const r4 = await t.request({ method: 'POST', url: URL, headers: { 'content-type': 'text/plain' }, payload: 'x' });
      assert.equal(r4.status, 400);
    });

    test('a payment.succeeded webhook settles a payment whose request died after the charge', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('B', 1).id, s.seat('B', 2).id]);
      t.app.modules.payments.service.hooks.afterCharge = () => {
        t.app.modules.payments.service.hooks.afterCharge = undefined;
        throw new Error('simulated crash after the charge');
      };
      const res = await pay(t, alice, booking.id);
      assert.equal(res.status, 500);
      const pending = await db()
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', booking.id)
        .executeTakeFirstOrThrow();
      assert.equal(pending.status, 'pending');
      await t.app.modules.payments.deliverWebhooks();
      const settled = await paymentRow(pending.id);
      assert.equal(settled.status, 'succeeded');
      const b = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
      assert.equal(b.body.status, 'confirmed');
      assert.equal(b.body.tickets.length, 2);
    });

    test('refund.succeeded completes a refund we had not recorded as done', async () => {
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 5 * 24 * 3600_000) });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('C', 1).id]);
      await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${paid.booking.id}/cancel`,
        token: alice.token,
        payload: {},
      });
      const refund = await db()
        .selectFrom('refunds')
        .selectAll()
        .where('booking_id', '=', paid.booking.id)
        .executeTakeFirstOrThrow();
      // As if we crashed after the provider refunded but before we wrote it down.
      await db()
        .updateTable('refunds')
        .set({ status: 'pending', completed_at: null, provider_refund_id: null })
        .where('id', '=', refund.id)
        .execute();
      await t.app.modules.payments.deliverWebhooks();
      const done = await db().selectFrom('refunds').selectAll().where('id', '=', refund.id).executeTakeFirstOrThrow();
      assert.equal(done.status, 'succeeded');
      assert.match(done.provider_refund_id ?? '', /^re_/);
    });
  });
}
