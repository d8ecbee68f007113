import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';
import { checkCard } from './card.ts';
import { stripeCspOrigins } from './stripe-provider.ts';
import { luhnValid } from './luhn.ts';
import { refundAmount, refundOverride, refundPercent, refundPercentOf, ticketRefund } from './refund-policy.ts';
import { decideTestCard, TEST_CARDS } from './test-card-processor.ts';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

describe('Luhn', () => {
  test('known good numbers pass', () => {
    for (const n of [
      '4242424242424242',
      '4000000000000002',
      '4000000000009995',
      '5555555555554444',
      '378282246310005',
      '79927398713',
    ]) {
      assert.equal(luhnValid(n), true, n);
    }
  });
  test('one wrong digit or a swap fails', () => {
    for (const n of ['4242424242424241', '4242424242424224', '79927398710', '1234567812345678', '', 'abcd']) {
      assert.equal(luhnValid(n), false, n);
    }
  });
});

describe('card checks', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const ok = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' };
  const failure = (card: typeof ok) => {
    try {
      checkCard(card, now);
      return null;
    } catch (err) {
      return err as { code: string; status: number; extra: { errors: { path: string }[] } };
    }
  };

  test('a good card passes with spaces removed', () => {
    assert.deepEqual(checkCard(ok, now), { number: '4242424242424242', last4: '4242', expMonth: 12, expYear: 2030 });
  });
  test('a Luhn failure is 422 on the number', () => {
    const e = failure({ ...ok, number: '4242424242424241' });
    assert.equal(e?.status, 422);
    assert.equal(e?.code, 'validation_failed');
    assert.equal(e?.extra.errors[0]?.path, '/card/number');
  });
  test('the expiry month is valid through its last day', () => {
    assert.ok(checkCard({ ...ok, expMonth: 6, expYear: 2026 }, now));
    assert.equal(failure({ ...ok, expMonth: 5, expYear: 2026 })?.extra.errors[0]?.path, '/card/expYear');
    assert.ok(checkCard({ ...ok, expMonth: 6, expYear: 26 }, now), 'two-digit years are 20YY');
    assert.equal(failure({ ...ok, expMonth: 13 })?.extra.errors[0]?.path, '/card/expMonth');
  });
  test('the CVC is 3 or 4 digits', () => {
    assert.ok(checkCard({ ...ok, cvc: '1234' }, now));
    assert.equal(failure({ ...ok, cvc: '12' })?.extra.errors[0]?.path, '/card/cvc');
    assert.equal(failure({ ...ok, cvc: '12a' })?.extra.errors[0]?.path, '/card/cvc');
  });
});

describe('test card processor', () => {
  test('approves 4242…, declines the two documented numbers, approves other valid numbers', () => {
    assert.deepEqual(decideTestCard(TEST_CARDS.approved), { approved: true });
    assert.equal((decideTestCard(TEST_CARDS.declined) as { code: string }).code, 'card_declined');
    assert.equal((decideTestCard(TEST_CARDS.insufficientFunds) as { code: string }).code, 'insufficient_funds');
    assert.deepEqual(decideTestCard('5555555555554444'), { approved: true });
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"evt_1","type":"payment.succeeded","data":{"paymentId":"p"}}';
  const now = new Date('2026-06-15T12:00:00Z');
  const later = (s: number) => new Date(now.getTime() + s * 1000);

  test('a signature verifies within five minutes either way', () => {
    const header = signWebhook(secret, body, now);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.deepEqual(verifyWebhookSignature(secret, body, header, now), { ok: true });
    assert.deepEqual(verifyWebhookSignature(secret, body, header, later(300)), { ok: true });
    assert.deepEqual(verifyWebhookSignature(secret, body, header, later(-300)), { ok: true });
  });
  test('stale, tampered, wrongly keyed and malformed signatures fail', () => {
    const header = signWebhook(secret, body, now);
    assert.equal(verifyWebhookSignature(secret, body, header, later(301)).ok, false);
    assert.equal(verifyWebhookSignature(secret, body.replace('succeeded', 'failed'), header, now).ok, false);
    assert.equal(verifyWebhookSignature('other', body, header, now).ok, false);
    for (const bad of [
      undefined,
      '',
      'garbage',
      't=abc,v1=00',
      `t=${Math.floor(now.getTime() / 1000)}`,
      `t=${Math.floor(now.getTime() / 1000)},v1=zz`,
    ]) {
      assert.equal(verifyWebhookSignature(secret, body, bad, now).ok, false, String(bad));
    }
  });
  test('the timestamp is inside the MAC', () => {
    const header = signWebhook(secret, body, now);
    const moved = header.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 60}`);
    assert.equal(verifyWebhookSignature(secret, body, moved, later(60)).ok, false);
  });
  test('any one of several v1 signatures may match (secret rotation)', () => {
    const t = Math.floor(now.getTime() / 1000);
    const good = signWebhook(secret, body, now).split(',v1=')[1];
    assert.equal(verifyWebhookSignature(secret, body, `t=${t},v1=${'0'.repeat(64)},v1=${good}`, now).ok, true);
  });
});

describe('refund policy', () => {
  const start = new Date('2026-06-20T20:00:00Z');
  const before = (minutes: number) => new Date(start.getTime() - minutes * 60_000);
  const cutoff = { cutoffMinutes: 120, tiers: undefined };
  const tiers = {
    cutoffMinutes: 120,
    tiers: [
      { minutesBefore: 4320, percent: 30 },
      { minutesBefore: 14400, percent: 100 },
      { minutesBefore: 7200, percent: 50 },
    ],
  };

  test('full refund until the cut-off, inclusive, nothing after', () => {
    assert.equal(refundPercent(cutoff, start, before(121)), 100);
    assert.equal(refundPercent(cutoff, start, before(120)), 100);
    assert.equal(refundPercent(cutoff, start, before(119)), 0);
    assert.equal(refundPercent(cutoff, start, before(-5)), 0);
  });
  test('tiers apply the most generous tier not yet passed', () => {
    assert.equal(refundPercent(tiers, start, before(20000)), 100);
    assert.equal(refundPercent(tiers, start, before(14400)), 100);
    assert.equal(refundPercent(tiers, start, before(14399)), 50);
    assert.equal(refundPercent(tiers, start, before(7200)), 50);
    assert.equal(refundPercent(tiers, start, before(5000)), 30);
    assert.equal(refundPercent(tiers, start, before(4319)), 0);
  });
  test('paid before the showtime moved: everything back until the new start, whatever the policy', () => {
    const movedAt = before(600);
    const show = { startsAt: start, movedAt };
    assert.deepEqual(refundOverride(show, before(700)), { fullRefundUntil: start, reason: 'showtime_moved' });
    assert.equal(refundPercentOf(cutoff, show, before(700), before(30)), 100);
    assert.equal(refundPercentOf(tiers, show, before(700), before(1)), 100);
    assert.equal(refundPercentOf(cutoff, show, before(700), before(-1)), 0, 'not once it started');
    // Paid after the move (or at its instant), or never moved: the policy as ever.
    assert.equal(refundOverride(show, movedAt), null);
    assert.equal(refundPercentOf(cutoff, show, before(500), before(30)), 0);
    assert.equal(refundPercentOf(cutoff, { startsAt: start, movedAt: null }, before(700), before(30)), 0);
  });
  test('each ticket rounds down; the total never exceeds what is left to refund', () => {
    assert.equal(ticketRefund(999, 30), 299);
    assert.equal(ticketRefund(1250, 50), 625);
    assert.equal(ticketRefund(1250, 100), 1250);
    assert.equal(ticketRefund(1250, 0), 0);
    assert.equal(refundAmount([999, 999, 999], 30, 10_000), 897);
    assert.equal(refundAmount([1000, 1000], 100, 1500), 1500);
    assert.equal(refundAmount([1000], 100, 0), 0);
  });
});

describe('payment provider configuration', () => {
  const keys = {
    STRIPE_SECRET_KEY: 'sk_test_x',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
    STRIPE_WEBHOOK_SECRET: 'whsec_x',
  };
  test('the test card processor is the default; Stripe needs its three keys or start-up fails', () => {
    assert.equal(loadConfig({}).paymentProvider, 'test_card');
    assert.throws(
      () => loadConfig({ PAYMENT_PROVIDER: 'stripe' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET/.test(err.message),
    );
    assert.throws(
      () => loadConfig({ PAYMENT_PROVIDER: 'stripe', ...keys, STRIPE_WEBHOOK_SECRET: '' }),
      /needs STRIPE_WEBHOOK_SECRET$/,
    );
    assert.throws(() => loadConfig({ PAYMENT_PROVIDER: 'adyen' }), ConfigError);
    assert.throws(() => loadConfig({ STRIPE_API_BASE: 'ftp://x' }), ConfigError);
    const real = loadConfig({ PAYMENT_PROVIDER: 'stripe', ...keys }).stripe;
    assert.deepEqual(real, {
      secretKey: 'sk_test_x',
      publishableKey: 'pk_test_x',
      webhookSecret: 'whsec_x',
      apiBase: undefined,
      jsUrl: 'https://js.stripe.com/v3/',
    });
    const fake = loadConfig({ PAYMENT_PROVIDER: 'stripe', ...keys, STRIPE_API_BASE: 'http://127.0.0.1:12111/' }).stripe;
    assert.equal(fake.jsUrl, 'http://127.0.0.1:12111/v3/');
    assert.deepEqual(stripeCspOrigins(real), {
      script: ['https://js.stripe.com'],
      connect: ['https://api.stripe.com', 'https://js.stripe.com'],
      frame: ['https://js.stripe.com', 'https://hooks.stripe.com'],
    });
    assert.deepEqual(stripeCspOrigins(fake).connect, ['http://127.0.0.1:12111']);
  });
});
