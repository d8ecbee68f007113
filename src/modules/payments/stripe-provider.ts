// Stripe through its official Node package. A payment is a PaymentIntent: started with our payment
// id as the idempotency key and metadata naming what it pays (api-16 §3), confirmed by the browser
// (Payment Element: card data goes from the browser to Stripe only, 3-D Secure and redirect methods
// come back to the return URL), read back by its id to settle. Refunds go through the Refunds API,
// keyed by our refund id. Webhooks are checked with stripe.webhooks.constructEvent over the raw body
// (Stripe-Signature, five minutes of tolerance on our clock). STRIPE_API_BASE points the package at
// another server (the local fake one in tests and development).
import Stripe from 'stripe';
import type { Clock } from '../../platform/clock.ts';
import type { PaymentProvider, ProviderEvent, ProviderPayment } from './payment-provider.ts';

export const STRIPE_PROVIDER = 'stripe';

/**
 * What the web app's pages must allow for Stripe.js (Stripe's CSP guide: js.stripe.com scripts and
 * frames, api.stripe.com connections), or the origins of STRIPE_JS_URL / STRIPE_API_BASE (the fake).
 */
export function stripeCspOrigins(stripe: { jsUrl: string; apiBase: string | undefined }) {
  const js = new URL(stripe.jsUrl).origin;
  const api = stripe.apiBase ? new URL(stripe.apiBase).origin : 'https://api.stripe.com';
  const frames = js === 'https://js.stripe.com' ? [js, 'https://hooks.stripe.com'] : [js];
  return { script: [js], connect: [...new Set([api, js])], frame: frames };
}

type Intent = Stripe.PaymentIntent;

/** A PaymentIntent in our words: final when succeeded or canceled, open while it may still be paid. */
function toPayment(pi: Intent): ProviderPayment {
  const error = pi.last_payment_error;
  const failureCode = error ? (error.decline_code ?? error.code ?? 'card_declined') : null;
  const failureMessage = error?.message ?? null;
  const base = {
    id: pi.id,
    reference: pi.metadata.marquee_payment_id ?? '',
    amount: pi.amount,
    currency: pi.currency.toUpperCase(),
    failureCode: null,
    failureMessage: null,
  };
  switch (pi.status) {
    case 'succeeded':
      return { ...base, status: 'succeeded' };
    case 'canceled':
      return {
        ...base,
        status: 'failed',
        failureCode: failureCode ?? 'canceled',
        failureMessage: failureMessage ?? 'The payment was cancelled',
      };
    case 'processing':
    case 'requires_capture':
      return { ...base, status: 'processing' };
    case 'requires_action': {
      const next = pi.next_action;
      const redirectUrl = next?.redirect_to_url?.url ?? null;
      return { ...base, status: 'requires_action', nextAction: redirectUrl ? { redirectUrl } : null };
    }
    default:
      return { ...base, status: 'open', failureCode, failureMessage };
  }
}

const stripeError = (err: unknown): { type?: string; code?: string; payment_intent?: Intent } =>
  typeof err === 'object' && err !== null ? (err as { type?: string; code?: string; payment_intent?: Intent }) : {};

function eventOf(event: Stripe.Event): ProviderEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  const metadata = (object.metadata ?? {}) as Record<string, string>;
  const base = { id: event.id, type: event.type, raw: event };
  // A PaymentIntent just created changes nothing to settle: not worth a read of it.
  if (event.type.startsWith('payment_intent.') && event.type !== 'payment_intent.created') {
    const pi = object as unknown as Intent;
    return {
      ...base,
      kind: 'payment',
      payment: metadata.marquee_payment_id ?? pi.id,
      failureCode: event.type === 'payment_intent.payment_failed' ? toPayment(pi).failureCode : null,
    };
  }
  if (event.type === 'refund.created' || event.type === 'refund.updated' || event.type === 'charge.refund.updated') {
    const refund = object as unknown as Stripe.Refund;
    const status = refund.status === 'succeeded' ? 'succeeded' : refund.status === 'pending' ? 'pending' : 'failed';
    const pi = typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? null);
    return {
      ...base,
      kind: 'refund',
      payment: pi,
      refund: { reference: metadata.marquee_refund_id ?? '', providerRefundId: refund.id, status },
    };
  }
  // charge.refunded and the rest: recorded; refunds complete from the refund events and our own calls.
  return { ...base, kind: 'other', payment: null };
}

export function createStripeProvider(config: {
  secretKey: string;
  webhookSecret: string;
  apiBase?: string;
  clock: Clock;
}): PaymentProvider {
  const base = config.apiBase ? new URL(config.apiBase) : null;
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? ('https' as const) : ('http' as const),
        }
      : {}),
  });

  return {
    name: STRIPE_PROVIDER,
    clientConfirmed: true,

    async createPayment({ reference, amount, currency, method, description, returnUrl }) {
      // A saved payment method confirmed on the server (off the browser); the HTTP API confirms in the browser.
      try {
        const pi = await stripe.paymentIntents.create(
          {
            amount,
            currency: currency.toLowerCase(),
            description,
            payment_method: method,
            confirm: true,
            automatic_payment_methods: { enabled: true, allow_redirects: returnUrl ? 'always' : 'never' },
            ...(returnUrl ? { return_url: returnUrl } : {}),
            metadata: { marquee_payment_id: reference },
          },
          { idempotencyKey: reference },
        );
        return toPayment(pi);
      } catch (err) {
        const e = stripeError(err);
        // Declined on the server: this attempt is over (failed), unlike a browser's open PaymentIntent.
        if (e.type === 'StripeCardError' && e.payment_intent) {
          const declined = toPayment(e.payment_intent);
          return declined.status === 'open' ? { ...declined, status: 'failed' } : declined;
        }
        throw err;
      }
    },

    async startPayment({ reference, amount, currency, description, metadata }) {
      const pi = await stripe.paymentIntents.create(
        {
          amount,
          currency: currency.toLowerCase(),
          description,
          automatic_payment_methods: { enabled: true },
          metadata: { ...metadata, marquee_payment_id: reference },
        },
        { idempotencyKey: reference },
      );
      return { providerPaymentId: pi.id, clientSecret: pi.client_secret ?? '' };
    },

    async clientSecretOf(providerPaymentId) {
      const pi = await stripe.paymentIntents.retrieve(providerPaymentId);
      return pi.client_secret ?? '';
    },

    async cancelPayment(providerPaymentId, reference) {
      try {
        await stripe.paymentIntents.cancel(
          providerPaymentId,
          { cancellation_reason: 'abandoned' },
          { idempotencyKey: `${reference}:cancel` },
        );
      } catch (err) {
        // Already succeeded or cancelled: the next read settles it.
        if (stripeError(err).code !== 'payment_intent_unexpected_state') throw err;
      }
    },

    async getPayment(reference, providerPaymentId) {
      // Without its PaymentIntent id the payment never reached the browser: nothing could be paid.
      if (!providerPaymentId) return null;
      try {
        const pi = await stripe.paymentIntents.retrieve(providerPaymentId);
        return { ...toPayment(pi), reference };
      } catch (err) {
        if (stripeError(err).code === 'resource_missing') return null;
        throw err;
      }
    },

    async refund({ paymentId, reference, amount }) {
      const refund = await stripe.refunds.create(
        { payment_intent: paymentId, amount, metadata: { marquee_refund_id: reference } },
        { idempotencyKey: reference },
      );
      if (refund.status === 'failed' || refund.status === 'canceled')
        throw new Error(`Stripe refused refund ${reference}: ${refund.failure_reason ?? refund.status}`);
      return { id: refund.id, reference, amount: refund.amount };
    },

    async verifyWebhook(rawBody, headers) {
      const header = headers['stripe-signature'];
      const signature = Array.isArray(header) ? header[0] : header;
      if (!signature) return { ok: false, reason: 'missing Stripe-Signature header' };
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          config.webhookSecret,
          300,
          undefined,
          config.clock.now().getTime(),
        );
      } catch (err) {
        return {
          ok: false,
          reason: err instanceof Error ? err.message.split('\n')[0] || 'bad signature' : 'bad signature',
        };
      }
      return { ok: true, event: eventOf(event) };
    },
  };
}
