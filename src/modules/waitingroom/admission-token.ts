// Admission tokens: `<payload>.<mac>`, both base64url; the payload names the visit, the room (so a
// movie room's token admits to each of its showtimes), who
// may use it (`s:<session id>` or `e:<guest email digest>`) and its expiry (seconds). HMAC-SHA256 with
// a secret kept in app_settings, so every process signs and checks alike and nothing is stored per token.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface AdmissionClaims {
  visitId: string;
  /** The room admitted to: a showtime room, or a movie room guarding every showtime of the movie. */
  roomId: string;
  holder: string;
  /** Unix seconds. */
  expiresAt: number;
}

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** The holder key of a guest: the digest of the address as lower-cased (no address in tokens or tables). */
export const guestKey = (email: string) =>
  `e:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;

/** The holder key of a signed-in session. */
export const sessionKey = (sessionId: string) => `s:${sessionId}`;

/** Signs claims into a token. */
export function signAdmission(secret: string, claims: AdmissionClaims): string {
  const payload = Buffer.from(
    JSON.stringify([claims.visitId, claims.roomId, claims.holder, claims.expiresAt]),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** Why a token does not admit `holder` to room `roomId` at `now`, or null when it does. */
export function admissionProblem(
  secret: string,
  token: string | undefined,
  expect: { roomId: string; holder: string; now: Date },
): string | null {
  if (!token) return 'no admission token';
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return 'malformed admission token';
  const want = Buffer.from(mac(secret, payload));
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'forged admission token';
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'malformed admission token';
  }
  if (!Array.isArray(parts) || parts.length !== 4) return 'malformed admission token';
  const [, roomId, holder, expiresAt] = parts as [string, string, string, number];
  if (roomId !== expect.roomId) return 'admission token of another showtime';
  if (holder !== expect.holder) return 'admission token of another session or guest';
  if (typeof expiresAt !== 'number' || expiresAt * 1000 <= expect.now.getTime()) return 'expired admission token';
  return null;
}

/** The visit a token names (only once admissionProblem found nothing wrong with it). */
export const visitOfToken = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as [string])[0];
