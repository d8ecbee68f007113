// One delivery attempt over HTTP: a signed POST to the checked address (target-guard.ts), a timeout
// on the whole exchange, redirects not followed (a 3xx is a failure: following one would call a
// target nobody checked), and the answer's status with a bounded excerpt of its body.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { AppError } from '../../platform/errors.ts';
import type { TargetGuard } from './target-guard.ts';

/** Characters of an answer's body kept with its attempt. */
export const EXCERPT_CHARS = 1024;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  /** Why no 2xx came when no status says it: timeout, refused target, connection error. */
  error: string | null;
  excerpt: string | null;
  durationMs: number;
}

export interface SignedMessage {
  /** webhook-id: the same on every attempt of a delivery, so receivers can drop repeats. */
  id: string;
  timestamp: Date;
  body: string;
  secret: string;
}

/** The Standard Webhooks headers of a message. */
export function signatureHeaders(m: SignedMessage): Record<string, string> {
  return {
    'webhook-id': m.id,
    'webhook-timestamp': String(Math.floor(m.timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(m.secret).sign(m.id, m.timestamp, m.body),
  };
}

export async function sendAttempt(
  guard: TargetGuard,
  target: string,
  message: SignedMessage,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let checked: ReturnType<TargetGuard['forDelivery']>;
  try {
    checked = guard.forDelivery(target);
  } catch (err) {
    return { ok: false, statusCode: null, error: reasonOf(err), excerpt: null, durationMs: took() };
  }
  const { url, lookup } = checked;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Marquee-Webhooks/1',
    ...signatureHeaders(message),
  };
  return new Promise<AttemptResult>((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'POST', headers, lookup, signal, agent: false }, (res) => {
      let excerpt = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        excerpt += chunk;
        // Enough is kept: the rest of a large answer is not read.
        if (excerpt.length >= EXCERPT_CHARS) res.destroy();
      });
      const done = () => {
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          statusCode: status,
          error: null,
          excerpt: storable(excerpt.slice(0, EXCERPT_CHARS)),
          durationMs: took(),
        });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', (err) =>
      resolve({
        ok: false,
        statusCode: null,
        error: signal.aborted ? `timeout after ${timeoutMs} ms` : reasonOf(err),
        excerpt: null,
        durationMs: took(),
      }),
    );
    req.end(message.body);
  });
}

function reasonOf(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const e = err as NodeJS.ErrnoException;
  return storable((e.code ? `${e.code}: ${e.message}` : String(e.message ?? err)).slice(0, 300));
}

/**
 * Text a receiver chose, made storable: PostgreSQL refuses NUL in text (the attempt would never be
 * recorded, and its job would fail for ever), and a lone surrogate (a cut pair, or bytes decoded as
 * such) is not valid UTF-8, so it becomes U+FFFD.
 */
export function storable(text: string): string {
  return text.replaceAll('\u0000', '').toWellFormed();
}
