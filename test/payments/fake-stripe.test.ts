// The fake Stripe server through the official `stripe` package, as the provider uses it: shapes,
// Idempotency-Key replay and misuse, card errors, 3-D Secure, refunds, signed events, Stripe.js.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { FAKE_KEYS, type FakeStripe, signStripePayload, startFakeStripe } from '../support/fake-stripe/server.ts';

describe('fake Stripe server', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  const delivered: { type: string; signature: string; payload: string }[] = [];
  before(async () => {
    fake = await startFakeStripe({
      deliver: async (payload, signature) => {
        delivered.push({ type: (JSON.parse(payload) as { type: string }).type, signature, payload });
        return 200;
      },
    });
    const u = new URL(fake.url);
    stripe = new Stripe(FAKE_KEYS.secret, { host: u.hostname, port: u.port, protocol: 'http', maxNetworkRetries: 0 });
  });
  after(() => fake.close());

  const params = { amount: 1200, currency: 'eur', automatic_payment_methods: { enabled: true }, metadata: { a: 'b' } };

  test('PaymentIntents: idempotent create, card errors, confirm, 3-D Secure, refunds', async () => {
    const pi = await stripe.paymentIntents.create(params, { idempotencyKey: 'k1' });
    assert.equal(pi.object, 'payment_intent');
    assert.equal(pi.status, 'requires_payment_method');
    assert.match(pi.client_secret ?? '', new RegExp(`^${pi.id}_secret_`));
    assert.deepEqual(pi.metadata, { a: 'b' });
    assert.equal((await stripe.paymentIntents.create(params, { idempotencyKey: 'k1' })).id, pi.id);
    await assert.rejects(stripe.paymentIntents.create({ ...params, amount: 1300 }, { idempotencyKey: 'k1' }), {
      type: 'StripeIdempotencyError',
    });
    await assert.rejects(
      stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }),
      (err: any) => err.type === 'StripeCardError' && err.decline_code === 'insufficient_funds',
    );
    const ok = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    assert.equal(ok.status, 'succeeded');
    assert.match(String(ok.latest_charge), /^ch_/);
    const part = await stripe.refunds.create({ payment_intent: pi.id, amount: 200 }, { idempotencyKey: 'r1' });
    assert.deepEqual([part.object, part.status, part.amount], ['refund', 'succeeded', 200]);
    assert.equal(
      (await stripe.refunds.create({ payment_intent: pi.id, amount: 200 }, { idempotencyKey: 'r1' })).id,
      part.id,
    );
    await assert.rejects(stripe.refunds.create({ payment_intent: pi.id, amount: 1001 }), { code: 'amount_too_large' });
    assert.equal((await stripe.refunds.retrieve(part.id)).amount, 200);
    await assert.rejects(stripe.paymentIntents.retrieve('pi_missing'), { statusCode: 404, code: 'resource_missing' });

    const secure = await stripe.paymentIntents.create({
      ...params,
      confirm: true,
      payment_method: 'pm_card_authenticationRequired',
      return_url: 'http://shop.test/back',
    });
    assert.equal(secure.status, 'requires_action');
    assert.equal(secure.next_action?.redirect_to_url?.url, `${fake.url}/3ds/${secure.id}`);
    const back = await fetch(`${fake.url}/3ds/${secure.id}/fail`, { method: 'POST', redirect: 'manual' });
    assert.match(
      back.headers.get('location') ?? '',
      /^http:\/\/shop\.test\/back\?payment_intent=pi_.*redirect_status=failed$/,
    );
    const failed = await stripe.paymentIntents.retrieve(secure.id);
    assert.equal(failed.last_payment_error?.code, 'payment_intent_authentication_failure');
  });

  test('keys, events signed as Stripe signs them, and the fake Stripe.js', async () => {
    const bad = new Stripe('sk_test_wrong', {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await assert.rejects(bad.paymentIntents.create(params), { type: 'StripeAuthenticationError' });
    await fake.idle();
    const types = delivered.map((d) => d.type);
    for (const type of [
      'payment_intent.created',
      'payment_intent.payment_failed',
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
    ])
      assert.ok(types.includes(type), type);
    const first = delivered[0] as (typeof delivered)[number];
    const event = stripe.webhooks.constructEvent(first.payload, first.signature, FAKE_KEYS.webhookSecret);
    assert.equal(event.object, 'event');
    assert.throws(() => stripe.webhooks.constructEvent(first.payload, first.signature, 'whsec_other'));
    assert.match(signStripePayload('s', 'p', new Date(0)), /^t=0,v1=[0-9a-f]{64}$/);
    const js = await fetch(`${fake.url}/v3/`);
    assert.equal(js.headers.get('access-control-allow-origin'), '*');
    const source = await js.text();
    assert.match(source, /window\.Stripe = Stripe/);
    assert.match(source, /fake-stripe-/);
    const preflight = await fetch(`${fake.url}/v1/payment_intents/pi_x/confirm`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
  });
});
