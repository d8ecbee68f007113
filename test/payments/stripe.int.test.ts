// Stripe end to end, through HTTP on each database, against the local fake Stripe server (written
// from Stripe's OpenAPI description) with the official `stripe` package pointed at it: a
// PaymentIntent paid in the browser, a webhook arriving before the customer's answer, a duplicated
// webhook, 3-D Secure, a crash between the charge and its settlement, refunds through the Refunds
// API, order payments, and signatures. One app and one fake server for the whole file.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { FAKE_KEYS, type FakeStripe, signStripePayload, startFakeStripe } from '../support/fake-stripe/server.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { card, cancel, hold } from './payment-helpers.ts';

const WEBHOOK = '/api/v1/payments/webhooks/stripe';
const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`Stripe payments on ${backend.name}`, () => {
    let t: TestApp;
    let fake: FakeStripe;
    let alice: TestUser;
    before(async () => {
      fake = await startFakeStripe({
        now: () => t.clock.now(),
        deliver: async (payload, signature) =>
          (
            await t.request({
              method: 'POST',
              url: WEBHOOK,
              headers: { 'content-type': 'application/json', 'stripe-signature': signature },
              payload,
            })
          ).status,
      });
      t = await startTestApp(backend, {
        env: {
          PAYMENT_PROVIDER: 'stripe',
          STRIPE_SECRET_KEY: FAKE_KEYS.secret,
          STRIPE_PUBLISHABLE_KEY: FAKE_KEYS.publishable,
          STRIPE_WEBHOOK_SECRET: FAKE_KEYS.webhookSecret,
          STRIPE_API_BASE: fake.url,
          PAYMENT_RECONCILE_AFTER_SECONDS: '60',
        },
      });
      alice = await makeUser(t);
    });
    after(async () => {
      await fake.idle();
      await t.close();
      await fake.close();
    });

    const db = () => t.app.platform.database.db;
    const payment = (id: string) =>
      db().selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const startIntent = (bookingId: string) =>
      t.request({ method: 'POST', url: `/api/v1/bookings/${bookingId}/payment-intents`, token: alice.token });
    const payIntent = (bookingId: string, paymentIntentId: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/bookings/${bookingId}/payments`,
        token: alice.token,
        payload: { paymentIntentId },
      });
    /** What Stripe.js does in the browser: confirm with the publishable key and the client secret. */
    async function confirmInBrowser(clientSecret: string, paymentMethod: string, returnUrl?: string) {
      const id = clientSecret.split('_secret_')[0] as string;
      const res = await fetch(`${fake.url}/v1/payment_intents/${id}/confirm`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${FAKE_KEYS.publishable}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          client_secret: clientSecret,
          payment_method: paymentMethod,
          ...(returnUrl ? { return_url: returnUrl } : {}),
        }),
      });
      return { id, status: res.status, body: (await res.json()) as any };
    }
    async function heldWithIntent(seats: string[] = ['A-1']) {
      const s = await makeShowtime(t);
      const booking = await hold(
        t,
        alice,
        s.showtimeId,
        seats.map((x) => s.seat(x.split('-')[0] as string, Number(x.split('-')[1])).id),
      );
      const intent = await startIntent(booking.id);
      assert.equal(intent.status, 201, intent.text);
      return {
        booking,
        intent: intent.body,
        piId: (intent.body.clientSecret as string).split('_secret_')[0] as string,
      };
    }

    test('config, a card refused, and a PaymentIntent paid in the browser settles the booking', async () => {
      const config = await t.request({ method: 'GET', url: '/api/v1/payments/config' });
      assert.deepEqual(config.body, {
        provider: 'stripe',
        publishableKey: FAKE_KEYS.publishable,
        stripeJsUrl: `${fake.url}/v3/`,
      });
      fake.settings.mode = 'off';
      const { booking, intent, piId } = await heldWithIntent(['A-1', 'A-2']);
      const card422 = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${booking.id}/payments`,
        token: alice.token,
        payload: { card: card() },
      });
      assert.equal(card422.status, 422);
      assert.equal(card422.body.code, 'card_data_not_accepted');
      assert.equal(intent.provider, 'stripe');
      assert.equal(intent.publishableKey, FAKE_KEYS.publishable);
      assert.deepEqual(intent.amount, booking.priceBreakdown.due);
      // Asking again gives the same PaymentIntent; it is Stripe's, with our metadata.
      const again = await startIntent(booking.id);
      assert.equal(again.body.paymentId, intent.paymentId);
      assert.equal(again.body.clientSecret, intent.clientSecret);
      const pi = fake.state.intents.get(piId);
      assert.equal(pi?.amount, booking.priceBreakdown.due.amount);
      assert.equal(pi?.currency, 'eur');
      assert.deepEqual(pi?.metadata, {
        marquee_payment_id: intent.paymentId,
        marquee_purpose: 'booking',
        marquee_booking_id: booking.id,
      });
      assert.deepEqual(pi?.automatic_payment_methods, { enabled: true });
      assert.equal((await confirmInBrowser(intent.clientSecret, 'pm_card_visa')).body.status, 'succeeded');
      const paid = await payIntent(booking.id, piId);
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.booking.status, 'confirmed');
      assert.equal(paid.body.booking.tickets.length, 2);
      assert.equal((await payment(intent.paymentId)).provider_payment_id, piId);
      // The webhooks sent late change nothing; the answer is the same on a retry.
      fake.settings.mode = 'after';
      await fake.flush();
      assert.equal((await payIntent(booking.id, piId)).status, 201);
      const unknown = await payIntent(booking.id, 'pi_unknown');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, 'payment_not_found');
    });

    test('a webhook arriving before the HTTP answer settles first; a duplicated webhook is applied once', async () => {
      fake.settings.mode = 'before';
      fake.settings.duplicate = true;
      try {
        const { booking, intent, piId } = await heldWithIntent();
        await confirmInBrowser(intent.clientSecret, 'pm_card_visa');
        // Settled by the webhook before the customer's request arrives.
        assert.equal((await payment(intent.paymentId)).status, 'succeeded');
        const paid = await payIntent(booking.id, piId);
        assert.equal(paid.status, 201);
        assert.equal(paid.body.booking.tickets.length, 1);
        const succeeded = fake.events.filter(
          (e) => e.type === 'payment_intent.succeeded' && (e.body.data as any).object.id === piId,
        );
        assert.equal(succeeded.length, 1);
        const id = succeeded[0]?.id as string;
        assert.equal(fake.deliveries.filter((d) => d.eventId === id && d.status === 200).length, 2);
        const recorded = await db()
          .selectFrom('webhook_events')
          .selectAll()
          .where('provider', '=', 'stripe')
          .where('event_id', '=', id)
          .execute();
        assert.equal(recorded.length, 1);
        const tickets = await db().selectFrom('tickets').select('id').where('booking_id', '=', booking.id).execute();
        assert.equal(tickets.length, 1);
      } finally {
        fake.settings.mode = 'after';
        fake.settings.duplicate = false;
      }
    });

    test('3-D Secure: 202 with the redirect, completed on the bank page, then settled', async () => {
      const { booking, intent, piId } = await heldWithIntent();
      // A declined card first: 402, and the PaymentIntent stays open for another card.
      assert.equal((await confirmInBrowser(intent.clientSecret, 'pm_card_chargeDeclined')).status, 402);
      const declined = await payIntent(booking.id, piId);
      assert.equal(declined.status, 402);
      assert.equal(declined.body.reason, 'generic_decline');
      assert.equal((await payment(intent.paymentId)).status, 'pending');
      const confirmed = await confirmInBrowser(
        intent.clientSecret,
        'pm_card_authenticationRequired',
        'http://box.test/checkout/return',
      );
      assert.equal(confirmed.body.status, 'requires_action');
      const pending = await payIntent(booking.id, piId);
      assert.equal(pending.status, 202, pending.text);
      assert.equal(pending.body.payment.status, 'pending');
      const redirect = pending.body.nextAction.redirectUrl as string;
      assert.equal(redirect, `${fake.url}/3ds/${piId}`);
      const page = await (await fetch(redirect)).text();
      assert.match(page, /data-testid="fake-3ds-complete"/);
      const back = await fetch(`${redirect}/complete`, { method: 'POST', redirect: 'manual' });
      assert.equal(back.status, 303);
      const location = new URL(back.headers.get('location') as string);
      assert.equal(location.searchParams.get('payment_intent'), piId);
      assert.equal(location.searchParams.get('redirect_status'), 'succeeded');
      await fake.idle();
      assert.equal((await payment(intent.paymentId)).status, 'succeeded');
      const paid = await payIntent(booking.id, piId);
      assert.equal(paid.status, 201);
      assert.equal(paid.body.booking.status, 'confirmed');
    });

    test('a crash between the charge and its settlement: reconciliation settles from the PaymentIntent', async () => {
      fake.settings.mode = 'off';
      try {
        const { booking, intent } = await heldWithIntent();
        const open = await heldWithIntent();
        await confirmInBrowser(intent.clientSecret, 'pm_card_visa');
        // Neither the webhook nor the customer's answer arrives: the process "died".
        t.clock.advance(2 * MINUTE);
        await t.app.modules.payments.reconcile();
        assert.equal((await payment(intent.paymentId)).status, 'succeeded');
        const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
        assert.equal(view.body.status, 'confirmed');
        // One the customer has not confirmed yet stays open for them.
        assert.equal((await payment(open.intent.paymentId)).status, 'pending');
        // Its hold lapses with nobody finishing it: cancelled at Stripe and given up here.
        t.clock.advance(10 * MINUTE);
        await t.app.modules.payments.reconcile();
        const abandoned = await payment(open.intent.paymentId);
        assert.deepEqual([abandoned.status, abandoned.failure_code], ['failed', 'abandoned']);
        assert.equal(fake.state.intents.get(open.piId)?.status, 'canceled');
      } finally {
        fake.events.length = 0;
        fake.settings.mode = 'after';
      }
    });

    test('refunds per ticket and in full go through the Refunds API, keyed by our refund id', async () => {
      const { booking, intent, piId } = await heldWithIntent(['B-1', 'B-2']);
      await confirmInBrowser(intent.clientSecret, 'pm_card_visa');
      const paid = await payIntent(booking.id, piId);
      assert.equal(paid.status, 201);
      const [first, second] = paid.body.booking.tickets as { id: string }[];
      const one = await cancel(t, alice, booking.id, [first?.id as string]);
      assert.equal(one.status, 200, one.text);
      const all = await cancel(t, alice, booking.id);
      assert.equal(all.status, 200, all.text);
      await fake.idle();
      const refunds = await db().selectFrom('refunds').selectAll().where('payment_id', '=', intent.paymentId).execute();
      assert.equal(refunds.length, 2);
      const atStripe = [...fake.state.refunds.values()].filter((r) => r.payment_intent === piId);
      assert.deepEqual(atStripe.map((r) => r.metadata.marquee_refund_id).sort(), refunds.map((r) => r.id).sort());
      for (const r of refunds) {
        assert.equal(r.status, 'succeeded');
        assert.equal(atStripe.find((x) => x.metadata.marquee_refund_id === r.id)?.amount, r.amount);
      }
      assert.equal(
        atStripe.reduce((s, r) => s + r.amount, 0),
        refunds.reduce((s, r) => s + r.amount, 0),
      );
      assert.ok(second);
    });

    test('order payments by PaymentIntent write order.paid from the webhook; nothing due needs no provider', async () => {
      const orders = t.app.modules.payments.orders;
      const caller = { userId: alice.id, role: alice.role, sessionId: 'test' };
      const order = {
        purpose: 'gift_card_order' as const,
        orderId: randomUUID(),
        amount: 2500,
        currency: 'EUR',
        description: 'Gift card',
      };
      const started = await orders.startOrderIntent(caller, order);
      assert.equal(started.provider, 'stripe');
      const piId = (started.clientSecret as string).split('_secret_')[0] as string;
      assert.deepEqual(fake.state.intents.get(piId)?.metadata, {
        marquee_payment_id: started.paymentId,
        marquee_purpose: 'gift_card_order',
        marquee_order_id: order.orderId,
      });
      await confirmInBrowser(started.clientSecret as string, 'pm_card_visa');
      await fake.idle();
      const events = await db()
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'order.paid')
        .where('aggregate_id', '=', order.orderId)
        .execute();
      assert.equal(events.length, 1);
      assert.equal((events[0]?.payload as any).provider, 'stripe');
      assert.equal((await orders.payOrder(caller, order, { paymentIntentId: piId })).payment.status, 'succeeded');
      await assert.rejects(orders.payOrder(caller, order, { card: card() }), { code: 'card_data_not_accepted' });

      // A booking paid in full otherwise (gift cards here): settled at once, no PaymentIntent.
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('C', 1).id]);
      await db()
        .updateTable('bookings')
        .set({ gift_card_amount: booking.total.amount })
        .where('id', '=', booking.id)
        .execute();
      const before = fake.state.intents.size;
      const free = await startIntent(booking.id);
      assert.equal(free.status, 201, free.text);
      assert.equal(free.body.provider, 'none');
      assert.equal(free.body.status, 'succeeded');
      assert.equal(free.body.clientSecret, null);
      assert.equal(fake.state.intents.size, before);
      const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
      assert.equal(view.body.status, 'confirmed');
    });

    test('a PaymentIntent confirmed after the amount due changed is refunded; asking again starts a new one', async () => {
      const { booking, intent, piId } = await heldWithIntent(['C-5', 'C-6']);
      // A gift card pays part of it after the PaymentIntent started (as giftcards' adjustHeld would).
      await db().updateTable('bookings').set({ gift_card_amount: 100 }).where('id', '=', booking.id).execute();
      await confirmInBrowser(intent.clientSecret, 'pm_card_visa');
      const stale = await payIntent(booking.id, piId);
      assert.equal(stale.status, 409, stale.text);
      assert.equal(stale.body.code, 'payment_amount_changed');
      await fake.idle();
      const refunded = [...fake.state.refunds.values()].filter((r) => r.payment_intent === piId);
      assert.deepEqual(
        refunded.map((r) => r.amount),
        [intent.amount.amount],
      );
      const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
      assert.equal(view.body.status, 'held');
      const fresh = await startIntent(booking.id);
      assert.notEqual(fresh.body.paymentId, intent.paymentId);
      assert.equal(fresh.body.amount.amount, intent.amount.amount - 100);
      // The same after a change, before confirming: the old PaymentIntent is cancelled and replaced.
      await db().updateTable('bookings').set({ gift_card_amount: 200 }).where('id', '=', booking.id).execute();
      const third = await startIntent(booking.id);
      assert.equal(third.body.amount.amount, intent.amount.amount - 200);
      const freshPi = (fresh.body.clientSecret as string).split('_secret_')[0] as string;
      assert.equal(fake.state.intents.get(freshPi)?.status, 'canceled');
      assert.equal((await payment(fresh.body.paymentId)).failure_code, 'superseded');
      await confirmInBrowser(third.body.clientSecret, 'pm_card_visa');
      const paid = await payIntent(booking.id, (third.body.clientSecret as string).split('_secret_')[0] as string);
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.payment.amount.amount, intent.amount.amount - 200);
    });

    test('nothing due after a PaymentIntent started: payment-intents and {} confirm it and cancel that PaymentIntent', async () => {
      const confirmFree = [
        (id: string) => startIntent(id),
        (id: string) =>
          t.request({ method: 'POST', url: `/api/v1/bookings/${id}/payments`, token: alice.token, payload: {} }),
      ];
      // Third: the old PaymentIntent succeeded in the browser (no webhook yet): reversed, then confirmed.
      confirmFree.push(confirmFree[1] as (typeof confirmFree)[number]);
      for (const [i, confirmNothingDue] of confirmFree.entries()) {
        const { booking, intent, piId } = await heldWithIntent([`A-${i + 3}`]);
        fake.settings.mode = i === 2 ? 'off' : 'after';
        if (i === 2) await confirmInBrowser(intent.clientSecret, 'pm_card_visa');
        // A 100 % promo code or gift cards cover it all after the page started its PaymentIntent.
        await db()
          .updateTable('bookings')
          .set({ gift_card_amount: booking.total.amount })
          .where('id', '=', booking.id)
          .execute();
        const free = await confirmNothingDue(booking.id);
        assert.equal(free.status, 201, free.text);
        const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
        assert.equal(view.body.status, 'confirmed');
        if (i === 2) {
          assert.equal((await payment(intent.paymentId)).failure_code, 'amount_changed');
          const refunded = [...fake.state.refunds.values()].filter((r) => r.payment_intent === piId);
          assert.deepEqual(
            refunded.map((r) => r.amount),
            [intent.amount.amount],
          );
          continue;
        }
        assert.equal(fake.state.intents.get(piId)?.status, 'canceled');
        assert.equal((await payment(intent.paymentId)).failure_code, 'superseded');
      }
      fake.settings.mode = 'after';
    });

    test('a guest pays by PaymentIntent with the booking token; server-side confirmation declines as failed', async () => {
      const s = await makeShowtime(t);
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('C', 2).id], email: 'grace@example.test', name: 'Grace' },
      });
      assert.equal(held.status, 201, held.text);
      const headers = { authorization: `Booking ${held.body.managementToken as string}` };
      const base = `/api/v1/guest/bookings/${held.body.id as string}`;
      const intent = await t.request({ method: 'POST', url: `${base}/payment-intents`, headers });
      assert.equal(intent.status, 201, intent.text);
      const { id } = await confirmInBrowser(intent.body.clientSecret, 'pm_card_visa');
      const paid = await t.request({
        method: 'POST',
        url: `${base}/payments`,
        headers,
        payload: { paymentIntentId: id },
      });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.booking.status, 'confirmed');
      const noToken = await t.request({ method: 'POST', url: `${base}/payment-intents` });
      assert.equal(noToken.status, 401);

      const provider = t.app.modules.payments.provider;
      const request = { amount: 900, currency: 'EUR', description: 'server-side' };
      const ok = await provider.createPayment({ ...request, reference: randomUUID(), method: 'pm_card_visa' });
      assert.equal(ok.status, 'succeeded');
      const declined = await provider.createPayment({
        ...request,
        reference: randomUUID(),
        method: 'pm_card_chargeDeclined',
      });
      assert.deepEqual([declined.status, declined.failureCode], ['failed', 'generic_decline']);
    });

    test('webhooks with a bad or missing signature are 400; a signed one is taken once', async () => {
      const body = JSON.stringify({
        id: 'evt_test_sig',
        object: 'event',
        type: 'payment_intent.created',
        data: { object: { id: 'pi_x', metadata: {} } },
      });
      const send = (signature?: string) =>
        t.request({
          method: 'POST',
          url: WEBHOOK,
          headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
          payload: body,
        });
      const wrongKey = await send(signStripePayload('whsec_wrong', body, t.clock.now()));
      assert.equal(wrongKey.status, 400);
      assert.equal(wrongKey.body.code, 'invalid_signature');
      assert.equal((await send()).status, 400);
      const stale = await send(
        signStripePayload(FAKE_KEYS.webhookSecret, body, new Date(t.clock.now().getTime() - 10 * MINUTE)),
      );
      assert.equal(stale.status, 400);
      const ok = await send(signStripePayload(FAKE_KEYS.webhookSecret, body, t.clock.now()));
      assert.deepEqual(ok.body, { received: true, duplicate: false });
      const again = await send(signStripePayload(FAKE_KEYS.webhookSecret, body, t.clock.now()));
      assert.deepEqual(again.body, { received: true, duplicate: true });
    });
  });
}
