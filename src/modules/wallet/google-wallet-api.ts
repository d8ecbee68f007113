// The Google Wallet REST API: a service-account OAuth token (JWT bearer grant, RFC 7523, the JWT
// signed with the configured key, scope wallet_object.issuer), kept until shortly before it expires,
// then `PATCH {api}/eventTicketClass/{id}` or `/eventTicketObject/{id}` with the changed fields. A
// 404 means nobody saved that ticket (or any of the showtime's) to Google Wallet: nothing to update.
// Any other failure throws, so the notify job is retried.
import { SignJWT } from 'jose';
import type { Clock } from '../../platform/clock.ts';
import { type GoogleWalletConfig, googleKey } from './google-save.ts';
import type { GoogleWalletPort } from './wallet.ports.ts';

const SCOPE = 'https://www.googleapis.com/auth/wallet_object.issuer';
const TIMEOUT_MS = 10_000;

export function googleWalletApi(config: GoogleWalletConfig, clock: Clock): GoogleWalletPort {
  let token: { value: string; expiresAt: number } | undefined;

  async function accessToken(): Promise<string> {
    const now = clock.now().getTime();
    if (token && token.expiresAt - 60_000 > now) return token.value;
    const iat = Math.floor(now / 1000);
    const assertion = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(config.serviceAccountEmail)
      .setAudience(config.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(googleKey(config));
    const res = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`Google OAuth token: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('Google OAuth token: no access_token');
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    token = { value: body.access_token, expiresAt: now + seconds * 1000 };
    return token.value;
  }

  async function patch(kind: 'eventTicketClass' | 'eventTicketObject', id: string, fields: Record<string, unknown>) {
    const res = await fetch(`${config.apiUrl}/${kind}/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await accessToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(fields),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.status === 401) token = undefined;
    if (res.ok || res.status === 404) return;
    throw new Error(`Google Wallet API ${kind} ${id}: ${res.status} ${await res.text()}`);
  }

  return {
    patchClass: (classId, fields) => patch('eventTicketClass', classId, fields),
    patchObject: (objectId, fields) => patch('eventTicketObject', objectId, fields),
  };
}
