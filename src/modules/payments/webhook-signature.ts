// Webhook signatures (API.md): `Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
// The timestamp is inside the MAC, so a replayed request can be refused by age; comparison is timing-safe.
import { createHmac, timingSafeEqual } from 'node:crypto';

const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** The header value for a raw body signed at `now`. */
export function signWebhook(secret: string, rawBody: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, rawBody)}`;
}

function mac(secret: string, t: number | string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
}

type WebhookCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a signature header against the raw body: well formed, a v1 MAC that matches (any of them,
 * so a secret can be rotated), and a timestamp within the tolerance either side of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  now: Date,
): WebhookCheck {
  if (!header || header.length > 2000) return { ok: false, reason: 'the Webhook-Signature header is missing' };
  let t: string | undefined;
  const macs: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') macs.push(value);
  }
  if (t === undefined || !/^\d{1,12}$/.test(t) || macs.length === 0)
    return { ok: false, reason: 'the Webhook-Signature header is malformed' };
  const age = Math.floor(now.getTime() / 1000) - Number(t);
  if (Math.abs(age) > WEBHOOK_TOLERANCE_SECONDS)
    return { ok: false, reason: 'the signature timestamp is outside the 5-minute tolerance' };
  const expected = Buffer.from(mac(secret, t, rawBody), 'hex');
  const matches = macs.some((m) => {
    if (!/^[0-9a-f]{64}$/i.test(m)) return false;
    return timingSafeEqual(Buffer.from(m, 'hex'), expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
}
