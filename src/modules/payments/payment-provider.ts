// What the payment rules need from a payment provider. It takes a provider payment reference (a
// token, a payment method id, a PaymentIntent), never card data: the built-in test card processor
// turns a test card into a token in its own file (test-card-provider.ts), Stripe's card data goes
// from the browser to Stripe only (stripe-provider.ts). Another provider (Adyen, Mollie) is one more
// file implementing this, chosen in payments.module.ts by PAYMENT_PROVIDER, without any booking
// rule changing.

/**
 * A charge as the provider sees it. `succeeded` and `failed` are final; `requires_action` (3-D
 * Secure, a redirect method: `nextAction`), `processing` and `open` (not confirmed yet, or declined
 * and open to another try: `failureCode` says why) wait for the customer or the provider.
 */
export type ProviderPaymentStatus = 'succeeded' | 'failed' | 'requires_action' | 'processing' | 'open';

export interface ProviderPayment {
  /** The provider's own id for the charge (a PaymentIntent id for Stripe). */
  id: string;
  /** Our payment id, given to the provider as the charge's reference and idempotency key. */
  reference: string;
  status: ProviderPaymentStatus;
  amount: number;
  currency: string;
  failureCode: string | null;
  failureMessage: string | null;
  nextAction?: { redirectUrl: string } | null;
}

export const isFinal = (p: ProviderPayment) => p.status === 'succeeded' || p.status === 'failed';

interface ProviderRefund {
  id: string;
  reference: string;
  amount: number;
}

/**
 * A webhook event after its signature was checked, in our words: which payment or refund it is
 * about. The provider's record stays the truth: a payment event only makes us read the payment.
 */
export interface ProviderEvent {
  id: string;
  /** The provider's own event type (recorded as received). */
  type: string;
  kind: 'payment' | 'refund' | 'other';
  /** Our payment id, or the provider's id for the charge. */
  payment: string | null;
  /** The provider says the payment failed (believed only while it has no charge for it). */
  failureCode?: string | null;
  refund?: { reference: string; providerRefundId: string; status: 'succeeded' | 'pending' | 'failed' };
  /** The body as received, kept in webhook_events. */
  raw: unknown;
}

type WebhookVerdict = { ok: true; event: ProviderEvent } | { ok: false; reason: string };

export interface PaymentProvider {
  readonly name: string;
  /** The customer confirms payments in the browser (startPayment), never through our server. */
  readonly clientConfirmed: boolean;
  /**
   * Charges a provider payment reference once per reference: calling again with the same reference
   * returns the first outcome and never charges twice (so a retry after a crash or timeout is safe).
   */
  createPayment(request: {
    reference: string;
    amount: number;
    currency: string;
    /** A provider payment reference: a token, a payment method id. */
    method: string;
    description: string;
    returnUrl?: string;
  }): Promise<ProviderPayment>;
  /** Client-confirmed providers: a payment the browser confirms with `clientSecret`, once per reference. */
  startPayment?(request: {
    reference: string;
    amount: number;
    currency: string;
    description: string;
    metadata: Record<string, string>;
  }): Promise<{ providerPaymentId: string; clientSecret: string }>;
  /** The secret the browser confirms an earlier started payment with (client-confirmed providers). */
  clientSecretOf?(providerPaymentId: string): Promise<string>;
  /** Gives up a started payment nobody completed (client-confirmed providers); idempotent. */
  cancelPayment?(providerPaymentId: string, reference: string): Promise<void>;
  /** The charge made for one of our payments, or null when the provider never saw it. */
  getPayment(reference: string, providerPaymentId?: string | null): Promise<ProviderPayment | null>;
  /** Refunds part or all of a charge, once per refund reference. */
  refund(request: { paymentId: string; reference: string; amount: number; currency: string }): Promise<ProviderRefund>;
  /** Checks a webhook request's signature over its raw body; the event in our words when it holds. */
  verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<WebhookVerdict>;
}
