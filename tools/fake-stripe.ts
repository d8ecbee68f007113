// Runs the fake Stripe server alone (web development, browser tests): `node tools/fake-stripe.ts`.
// FAKE_STRIPE_PORT (12111), FAKE_STRIPE_WEBHOOK_URL (http://127.0.0.1:3000/api/v1/payments/webhooks/stripe),
// STRIPE_SECRET_KEY / STRIPE_PUBLISHABLE_KEY / STRIPE_WEBHOOK_SECRET (the fake's defaults otherwise).
import { FAKE_KEYS, startFakeStripe } from '../test/support/fake-stripe/server.ts';

const env = process.env;
const fake = await startFakeStripe({
  port: Number(env.FAKE_STRIPE_PORT ?? 12111),
  host: env.FAKE_STRIPE_HOST ?? '127.0.0.1',
  secretKey: env.STRIPE_SECRET_KEY ?? FAKE_KEYS.secret,
  publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? FAKE_KEYS.publishable,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? FAKE_KEYS.webhookSecret,
  webhookUrl: env.FAKE_STRIPE_WEBHOOK_URL ?? 'http://127.0.0.1:3000/api/v1/payments/webhooks/stripe',
});
console.log(`fake Stripe on ${fake.url} (Stripe.js: ${fake.url}/v3/)`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
