// What the payment rules need from a payment provider. The built-in test card processor is one
// implementation; a real one (Stripe, Adyen…) is another file implementing this, chosen in
// payments.module.ts, without any booking rule changing.
import type { CheckedCard } from './card.ts';

export interface ProviderPayment {
  /** The provider's own id for the charge. */
  id: string;
  /** Our payment id, given to the provider as the charge's reference and idempotency key. */
  reference: string;
  status: 'succeeded' | 'failed';
  amount: number;
  currency: string;
  failureCode: string | null;
  failureMessage: string | null;
}

interface ProviderRefund {
  id: string;
  reference: string;
  amount: number;
}

/** A webhook event after its signature was checked. */
export interface ProviderEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

type WebhookVerdict = { ok: true; event: unknown } | { ok: false; reason: string };

export interface PaymentProvider {
  readonly name: string;
  /**
   * Charges a card once per reference: calling again with the same reference returns the first
   * outcome and never charges twice (so a retry after a crash or timeout is safe).
   */
  createPayment(request: {
    reference: string;
    amount: number;
    currency: string;
    card: CheckedCard;
    description: string;
  }): Promise<ProviderPayment>;
  /** The charge made for one of our payments, or null when the provider never saw it. */
  getPayment(reference: string): Promise<ProviderPayment | null>;
  /** Refunds part or all of a charge, once per refund reference. */
  refund(request: { paymentId: string; reference: string; amount: number; currency: string }): Promise<ProviderRefund>;
  /** Checks a webhook request's signature over its raw body; the parsed body when it holds. */
  verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<WebhookVerdict>;
}
