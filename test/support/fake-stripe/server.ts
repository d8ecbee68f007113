// A local HTTP server speaking the part of Stripe's API the `stripe` package uses for us
// (PaymentIntents create/retrieve/confirm/cancel, Refunds create/retrieve), written from Stripe's
// OpenAPI description: form-encoded bodies, Bearer (or Basic) API keys, Idempotency-Key replay,
// `{error: {type, code, message}}` errors. It keeps its state in memory, sends signed webhooks
// (Stripe-Signature: t=…,v1=HMAC-SHA256("t.payload")), and serves a fake Stripe.js at /v3/ with a
// 3-D Secure page at /3ds/{pi}. Tests start it in process; tools/fake-stripe.ts runs it alone.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForm, type FormObject } from './forms.ts';
import { createStripeState, type FakeEvent, invalidRequest, type Json, StripeApiError } from './state.ts';
import { fakeStripeJs, threeDSecurePage } from './stripe-js.ts';

export { FAKE_TEST_CARDS, TEST_PAYMENT_METHODS } from './cards.ts';

/** Stripe's signature scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signStripePayload(secret: string, payload: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export type WebhookMode = 'after' | 'before' | 'off';

export interface FakeStripeOptions {
  port?: number;
  host?: string;
  secretKey?: string;
  publishableKey?: string;
  webhookSecret?: string;
  /** Where events are POSTed (standalone); `deliver` replaces it in tests. */
  webhookUrl?: string;
  /** Delivers one signed event; answers the HTTP status. */
  deliver?: (payload: string, signature: string) => Promise<number>;
  /** When events are sent: after the API answer (default), before it, or not at all (kept in `events`). */
  webhookMode?: WebhookMode;
  /** Every event is delivered twice (as Stripe may). */
  duplicateWebhooks?: boolean;
  now?: () => Date;
}

export const FAKE_KEYS = {
  secret: 'sk_test_marquee_fake',
  publishable: 'pk_test_marquee_fake',
  webhookSecret: 'whsec_marquee_fake',
};

export async function startFakeStripe(options: FakeStripeOptions = {}) {
  const secretKey = options.secretKey ?? FAKE_KEYS.secret;
  const publishableKey = options.publishableKey ?? FAKE_KEYS.publishable;
  const webhookSecret = options.webhookSecret ?? FAKE_KEYS.webhookSecret;
  const now = options.now ?? (() => new Date());
  const settings = { mode: options.webhookMode ?? 'after', duplicate: options.duplicateWebhooks ?? false };
  let baseUrl = '';
  const events: FakeEvent[] = [];
  const deliveries: { eventId: string; status: number }[] = [];
  let pending: FakeEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  const idempotent = new Map<string, { route: string; params: string; status: number; body: Json }>();

  const state = createStripeState({
    baseUrl: () => baseUrl,
    now,
    onEvent: (e) => {
      events.push(e);
      pending.push(e);
    },
  });

  async function deliverOne(e: FakeEvent): Promise<void> {
    const payload = JSON.stringify(e.body, null, 2);
    const signature = signStripePayload(webhookSecret, payload, now());
    for (let attempt = 0; attempt < 3; attempt++) {
      let status: number;
      try {
        if (options.deliver) status = await options.deliver(payload, signature);
        else if (options.webhookUrl) {
          const res = await fetch(options.webhookUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': signature },
            body: payload,
          });
          status = res.status;
        } else return;
      } catch {
        status = 0;
      }
      deliveries.push({ eventId: e.id, status });
      if (status >= 200 && status < 300) return;
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }

  /** Sends the events made so far, each once (twice when duplicating), in order. */
  async function flush(): Promise<void> {
    if (settings.mode === 'off') return;
    const batch = pending;
    pending = [];
    for (const e of batch) {
      await deliverOne(e);
      if (settings.duplicate) await deliverOne(e);
    }
  }

  function flushInBackground() {
    const p = flush().finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  function authorize(req: IncomingMessage): 'secret' | 'publishable' {
    const header = req.headers.authorization ?? '';
    const key = header.startsWith('Bearer ')
      ? header.slice(7)
      : header.startsWith('Basic ')
        ? Buffer.from(header.slice(6), 'base64').toString().split(':')[0]
        : '';
    if (key === secretKey) return 'secret';
    if (key === publishableKey) return 'publishable';
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message: key ? `Invalid API Key provided: ${key.slice(0, 8)}****` : 'You did not provide an API key.',
    });
  }

  /** The Stripe API proper: returns [status, body]. */
  function api(method: string, path: string, params: FormObject, role: 'secret' | 'publishable'): [number, Json] {
    const parts = path.split('/').filter(Boolean); // ['v1', 'payment_intents', id?, action?]
    const [, resource, id, action] = parts;
    const needSecret = () => {
      if (role !== 'secret')
        throw invalidRequest('This API call cannot be made with a publishable API key.', undefined, undefined, 401);
    };
    const checkClientSecret = (pi: { client_secret: string }) => {
      if (role === 'publishable' && params.client_secret !== pi.client_secret)
        throw invalidRequest(
          'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
          'client_secret',
        );
    };
    if (resource === 'payment_intents') {
      if (method === 'POST' && !id) return (needSecret(), [200, state.createPaymentIntent(params)]);
      if (!id) throw invalidRequest(`Unrecognized request URL (${method}: ${path}).`, undefined, undefined, 404);
      const pi = state.retrievePaymentIntent(id);
      if (method === 'GET' && !action) return (checkClientSecret(pi), [200, pi]);
      if (method === 'POST' && action === 'confirm')
        return (checkClientSecret(pi), [200, state.confirmPaymentIntent(id, params)]);
      if (method === 'POST' && action === 'cancel') return (needSecret(), [200, state.cancelPaymentIntent(id, params)]);
    }
    if (resource === 'refunds') {
      needSecret();
      if (method === 'POST' && !id) return [200, state.createRefund(params)];
      if (method === 'GET' && id) return [200, state.retrieveRefund(id)];
    }
    throw invalidRequest(`Unrecognized request URL (${method}: ${path}).`, undefined, undefined, 404);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
      'access-control-allow-origin': '*',
      'request-id': `req_${Math.random().toString(36).slice(2, 14)}`,
      ...headers,
    });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, idempotency-key, stripe-version',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    if (method === 'GET' && (url.pathname === '/v3' || url.pathname === '/v3/'))
      return send(res, 200, fakeStripeJs(baseUrl), { 'content-type': 'text/javascript; charset=utf-8' });
    const threeDs = /^\/3ds\/(pi_[A-Za-z0-9]+)(?:\/(complete|fail))?$/.exec(url.pathname);
    if (threeDs) {
      const pi = state.retrievePaymentIntent(threeDs[1] as string);
      if (method === 'GET' && !threeDs[2]) return send(res, 200, threeDSecurePage(pi.id));
      if (method === 'POST' && threeDs[2]) {
        const done = state.authenticate(pi.id, threeDs[2] === 'complete');
        await flush();
        const back = new URL(String(done.return_url ?? `${baseUrl}/3ds/${pi.id}`));
        back.searchParams.set('payment_intent', done.id);
        back.searchParams.set('payment_intent_client_secret', done.client_secret);
        back.searchParams.set('redirect_status', done.status === 'succeeded' ? 'succeeded' : 'failed');
        res.writeHead(303, { location: back.toString() });
        return res.end();
      }
    }
    if (!url.pathname.startsWith('/v1/'))
      return send(res, 404, { error: { type: 'invalid_request_error', message: 'Not found' } });

    const role = authorize(req);
    const raw = method === 'GET' ? url.searchParams.toString() : await readBody(req);
    const params = parseForm(raw);
    const key = req.headers['idempotency-key'];
    const route = `${method} ${url.pathname}`;
    const stored = typeof key === 'string' && method === 'POST' ? idempotent.get(`${role}:${key}`) : undefined;
    if (stored) {
      if (stored.route !== route || stored.params !== raw)
        throw new StripeApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      return send(res, stored.status, stored.body, { 'idempotent-replayed': 'true', 'idempotency-key': String(key) });
    }
    let status: number;
    let body: Json;
    try {
      [status, body] = api(method, url.pathname, params, role);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      [status, body] = [err.status, err.body];
    }
    body = structuredClone(body);
    if (typeof key === 'string' && method === 'POST' && status !== 401)
      idempotent.set(`${role}:${key}`, { route, params: raw, status, body });
    if (settings.mode === 'before') await flush();
    send(res, status, body, typeof key === 'string' ? { 'idempotency-key': key } : {});
    if (settings.mode !== 'before') flushInBackground();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof StripeApiError) return send(res, err.status, err.body);
      send(res, 500, { error: { type: 'api_error', message: String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    url: baseUrl,
    port: address.port,
    keys: { secret: secretKey, publishable: publishableKey, webhookSecret },
    state,
    /** Every event made, in order (delivered or not). */
    events,
    deliveries,
    /** Changes when webhooks are sent (tests). */
    settings,
    /** Sends events made while webhooks were off (or again: `resend`). */
    flush,
    resend: (eventId: string) => {
      const e = events.find((x) => x.id === eventId);
      return e ? deliverOne(e) : Promise.resolve();
    },
    /** Waits until every background delivery has finished. */
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
