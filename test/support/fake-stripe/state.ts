// The fake Stripe's in-memory account: PaymentIntents, Refunds and events, with the object shapes of
// Stripe's OpenAPI description (github.com/stripe/openapi, openapi/spec3.json: `payment_intent`,
// `refund`, `charge`, `event`, `error`) and its status machine: requires_payment_method →
// (confirm) → succeeded | requires_action (3-D Secure) | requires_payment_method with
// last_payment_error (declined); canceled by cancel.
import { randomBytes } from 'node:crypto';
import { brandOf, decideCard, TEST_PAYMENT_METHODS, validCardNumber } from './cards.ts';
import { type FormObject, mergeMetadata, obj, str } from './forms.ts';

export type Json = Record<string, unknown>;

/** An API error: `{error: {type, code, message, …}}` with its HTTP status. */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: { error: Json };
  constructor(status: number, error: Json) {
    super(String(error.message));
    this.status = status;
    this.body = { error };
  }
}

export const invalidRequest = (message: string, param?: string, code?: string, status = 400) =>
  new StripeApiError(status, {
    type: 'invalid_request_error',
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });

export const missing = (what: string, id: string) =>
  invalidRequest(`No such ${what}: '${id}'`, 'id', 'resource_missing', 404);

const rand = (n = 12) =>
  randomBytes(n)
    .toString('hex')
    .slice(0, n * 2);
export const newId = (prefix: string) => `${prefix}_${rand(12)}`;

interface PaymentIntentRecord extends Json {
  id: string;
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
}

interface RefundRecord extends Json {
  id: string;
  amount: number;
  payment_intent: string;
  status: string;
  metadata: Record<string, string>;
}

export interface FakeEvent {
  id: string;
  type: string;
  body: Json;
}

export function createStripeState(options: {
  baseUrl: () => string;
  now: () => Date;
  onEvent: (e: FakeEvent) => void;
}) {
  const intents = new Map<string, PaymentIntentRecord>();
  const refunds = new Map<string, RefundRecord>();
  /** Card numbers of payment methods created from card details, by pm id. */
  const methods = new Map<string, string>();
  /** Payment intents whose 3-D Secure step was completed. */
  const authenticated = new Set<string>();
  const seconds = () => Math.floor(options.now().getTime() / 1000);

  function emit(type: string, object: Json) {
    const id = newId('evt');
    const body = {
      id,
      object: 'event',
      api_version: '2025-01-27.acacia',
      created: seconds(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    options.onEvent({ id, type, body });
  }

  function intent(id: string): PaymentIntentRecord {
    const pi = intents.get(id);
    if (!pi) throw missing('payment_intent', id);
    return pi;
  }

  function chargeOf(pi: PaymentIntentRecord): Json {
    const refunded = [...refunds.values()].filter((r) => r.payment_intent === pi.id && r.status === 'succeeded');
    const amountRefunded = refunded.reduce((s, r) => s + r.amount, 0);
    return {
      id: pi.latest_charge,
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount_received,
      amount_refunded: amountRefunded,
      captured: true,
      created: pi.created,
      currency: pi.currency,
      livemode: false,
      metadata: pi.metadata,
      paid: true,
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      refunded: amountRefunded >= pi.amount,
      status: 'succeeded',
    };
  }

  /** The card number a confirm names: a test payment method, one made from card details, or card details. */
  function cardNumber(params: FormObject): { pm: string; number: string } {
    const pm = str(params.payment_method);
    if (pm) {
      const number = TEST_PAYMENT_METHODS[pm] ?? methods.get(pm);
      if (!number) throw missing('payment_method', pm);
      return { pm, number };
    }
    const data = obj(params.payment_method_data);
    const card = obj(data.card);
    const number = (str(card.number) ?? '').replace(/\s/g, '');
    if (!number) throw invalidRequest('You must provide a payment_method or payment_method_data.', 'payment_method');
    if (!validCardNumber(number))
      throw new StripeApiError(402, {
        type: 'card_error',
        code: 'incorrect_number',
        message: 'Your card number is incorrect.',
        param: 'number',
      });
    const id = newId('pm');
    methods.set(id, number);
    return { pm: id, number };
  }

  function confirm(pi: PaymentIntentRecord, params: FormObject): PaymentIntentRecord {
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status))
      throw invalidRequest(
        `This PaymentIntent's status is ${pi.status}, so it cannot be confirmed.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    const { pm, number } = cardNumber(params);
    const returnUrl = str(params.return_url) ?? null;
    pi.payment_method = pm;
    pi.last_payment_error = null;
    pi.next_action = null;
    pi.payment_method_details = { type: 'card', card: { brand: brandOf(number), last4: number.slice(-4) } };
    const outcome = decideCard(number, authenticated.has(pi.id));
    if (outcome.kind === 'declined') {
      pi.status = 'requires_payment_method';
      pi.last_payment_error = {
        type: 'card_error',
        code: outcome.code,
        decline_code: outcome.declineCode,
        message: outcome.message,
        payment_method: { id: pm, object: 'payment_method', type: 'card' },
      };
      emit('payment_intent.payment_failed', pi);
      throw new StripeApiError(402, {
        ...(pi.last_payment_error as Json),
        payment_intent: structuredClone(pi),
      });
    }
    if (outcome.kind === 'requires_action') {
      pi.status = 'requires_action';
      const url = `${options.baseUrl()}/3ds/${pi.id}`;
      pi.next_action = returnUrl
        ? { type: 'redirect_to_url', redirect_to_url: { url, return_url: returnUrl } }
        : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url } };
      pi.return_url = returnUrl;
      emit('payment_intent.requires_action', pi);
      return pi;
    }
    succeed(pi);
    return pi;
  }

  function succeed(pi: PaymentIntentRecord) {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = newId('ch');
    pi.next_action = null;
    emit('payment_intent.succeeded', pi);
  }

  return {
    intents,
    refunds,

    createPaymentIntent(params: FormObject): PaymentIntentRecord {
      const amount = Number(str(params.amount));
      const currency = str(params.currency)?.toLowerCase();
      if (!Number.isInteger(amount) || amount < 1) throw invalidRequest('Invalid positive integer', 'amount');
      if (!currency || !/^[a-z]{3}$/.test(currency)) throw invalidRequest('Invalid currency', 'currency');
      const id = newId('pi');
      const automatic = obj(params.automatic_payment_methods);
      const types = params.payment_method_types;
      const pi: PaymentIntentRecord = {
        id,
        object: 'payment_intent',
        amount,
        amount_capturable: 0,
        amount_received: 0,
        application: null,
        application_fee_amount: null,
        automatic_payment_methods: str(automatic.enabled) === 'true' ? { enabled: true } : null,
        canceled_at: null,
        cancellation_reason: null,
        capture_method: 'automatic',
        client_secret: `${id}_secret_${rand(12)}`,
        confirmation_method: 'automatic',
        created: seconds(),
        currency,
        customer: null,
        description: str(params.description) ?? null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        metadata: mergeMetadata({}, params.metadata),
        next_action: null,
        on_behalf_of: null,
        payment_method: null,
        payment_method_options: {},
        payment_method_types: Array.isArray(types) ? types.filter((t) => typeof t === 'string') : ['card'],
        processing: null,
        receipt_email: null,
        review: null,
        setup_future_usage: null,
        shipping: null,
        statement_descriptor: null,
        statement_descriptor_suffix: null,
        status: 'requires_payment_method',
        transfer_data: null,
        transfer_group: null,
      };
      intents.set(id, pi);
      emit('payment_intent.created', pi);
      if (str(params.confirm) === 'true') confirm(pi, params);
      return pi;
    },

    retrievePaymentIntent: (id: string) => intent(id),

    confirmPaymentIntent: (id: string, params: FormObject) => confirm(intent(id), params),

    cancelPaymentIntent(id: string, params: FormObject) {
      const pi = intent(id);
      if (pi.status === 'succeeded' || pi.status === 'canceled')
        throw invalidRequest(
          `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`,
          undefined,
          'payment_intent_unexpected_state',
        );
      pi.status = 'canceled';
      pi.canceled_at = seconds();
      pi.cancellation_reason = str(params.cancellation_reason) ?? null;
      emit('payment_intent.canceled', pi);
      return pi;
    },

    /** The customer's answer on the 3-D Secure page: the payment goes through or fails. */
    authenticate(id: string, ok: boolean): PaymentIntentRecord {
      const pi = intent(id);
      if (pi.status !== 'requires_action') return pi;
      if (ok) {
        authenticated.add(pi.id);
        succeed(pi);
      } else {
        pi.status = 'requires_payment_method';
        pi.next_action = null;
        pi.last_payment_error = {
          type: 'card_error',
          code: 'payment_intent_authentication_failure',
          message: 'We are unable to authenticate your payment method.',
        };
        emit('payment_intent.payment_failed', pi);
      }
      return pi;
    },

    createRefund(params: FormObject): RefundRecord {
      const piId = str(params.payment_intent);
      if (!piId) throw invalidRequest('One of charge or payment_intent is required.', 'payment_intent');
      const pi = intent(piId);
      if (pi.status !== 'succeeded')
        throw invalidRequest(
          `This PaymentIntent (${piId}) does not have a successful charge to refund.`,
          'payment_intent',
          'charge_not_refundable',
        );
      const done = [...refunds.values()].filter((r) => r.payment_intent === piId && r.status !== 'failed');
      const left = pi.amount_received - done.reduce((s, r) => s + r.amount, 0);
      if (left <= 0)
        throw invalidRequest(
          `Charge ${String(pi.latest_charge)} has already been refunded.`,
          undefined,
          'charge_already_refunded',
        );
      const amount = str(params.amount) === undefined ? left : Number(str(params.amount));
      if (!Number.isInteger(amount) || amount < 1) throw invalidRequest('Invalid positive integer', 'amount');
      if (amount > left)
        throw invalidRequest(
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
          'amount',
          'amount_too_large',
        );
      const refund: RefundRecord = {
        id: newId('re'),
        object: 'refund',
        amount,
        balance_transaction: null,
        charge: pi.latest_charge,
        created: seconds(),
        currency: pi.currency,
        metadata: mergeMetadata({}, params.metadata),
        payment_intent: piId,
        reason: str(params.reason) ?? null,
        receipt_number: null,
        source_transfer_reversal: null,
        status: 'succeeded',
        transfer_reversal: null,
      };
      refunds.set(refund.id, refund);
      emit('refund.created', refund);
      emit('charge.refunded', chargeOf(pi));
      return refund;
    },

    retrieveRefund(id: string): RefundRecord {
      const refund = refunds.get(id);
      if (!refund) throw missing('refund', id);
      return refund;
    },
  };
}

export type StripeState = ReturnType<typeof createStripeState>;
