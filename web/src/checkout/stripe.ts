// Stripe.js, loaded only when the server's provider is Stripe, from the address the server names
// (js.stripe.com/v3 in production, the local fake server's copy in tests): the card details go from
// the browser to Stripe only. Just the few calls the Payment Element flow needs are typed here.

export interface StripeError {
  message?: string;
  code?: string;
  type?: string;
}

export interface StripePaymentElement {
  mount(target: string | HTMLElement): void;
  on(event: 'change' | 'ready', handler: (e: { complete?: boolean }) => void): void;
  destroy?(): void;
  unmount?(): void;
}

export interface StripeElements {
  create(type: 'payment', options?: Record<string, unknown>): StripePaymentElement;
}

export interface StripeInstance {
  elements(options: { clientSecret: string; locale?: string }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    confirmParams: { return_url: string };
    redirect: 'if_required';
  }): Promise<{ paymentIntent?: { id: string; status: string }; error?: StripeError }>;
}

type StripeFactory = (publishableKey: string, options?: { locale?: string }) => StripeInstance;

declare global {
  interface Window {
    Stripe?: StripeFactory;
  }
}

const loading = new Map<string, Promise<StripeFactory>>();

/** Adds the script once per address; resolves with `window.Stripe` when it has run. */
export function loadStripe(src: string): Promise<StripeFactory> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  let promise = loading.get(src);
  if (!promise) {
    promise = new Promise<StripeFactory>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error('Stripe.js did not load')));
      script.onerror = () => {
        loading.delete(src);
        script.remove();
        reject(new Error('Stripe.js did not load'));
      };
      document.head.append(script);
    });
    loading.set(src, promise);
  }
  return promise;
}

/** The address Stripe sends the customer back to after 3-D Secure or a bank's page. */
export function returnUrl(path: string, search: Record<string, string> = {}): string {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(search)) url.searchParams.set(k, v);
  return url.toString();
}

/** What Stripe adds to the return address: `?payment_intent=pi_…&redirect_status=succeeded|failed`. */
export interface StripeReturn {
  paymentIntent: string;
  failed: boolean;
}

export function stripeReturn(search: { payment_intent?: string; redirect_status?: string }): StripeReturn | null {
  if (!search.payment_intent || !/^pi_[A-Za-z0-9_]+$/.test(search.payment_intent)) return null;
  return { paymentIntent: search.payment_intent, failed: search.redirect_status === 'failed' };
}
