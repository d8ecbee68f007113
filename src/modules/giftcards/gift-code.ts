// Gift card codes: 20 characters of Crockford base32 (100 random bits) shown as five groups of four,
// e.g. `7K2M-Q9XD-…`. Only an HMAC of the code is stored (the key is a server secret in app_settings),
// with the first characters of that HMAC as the index to find candidates by; the match is confirmed
// with a constant-time comparison. The code itself travels to the email job sealed with AES-256-GCM
// under a key derived from the same secret, and is printed once at the till.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 20;
const LOOKUP_LENGTH = 10;

/** A new random code, grouped for reading: `XXXX-XXXX-XXXX-XXXX-XXXX`. */
export function newGiftCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let out = '';
  // 256 is a multiple of 32: taking each byte modulo 32 is uniform.
  for (const b of bytes) out += ALPHABET[b % 32];
  return (out.match(/.{4}/g) as string[]).join('-');
}

/**
 * The code as typed, normalised: case, spaces and dashes ignored, and Crockford's look-alikes read
 * as digits (I and L as 1, O as 0). Null when it cannot be a code at all.
 */
export function normalizeGiftCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (s.length !== CODE_LENGTH) return null;
  for (const c of s) if (!ALPHABET.includes(c)) return null;
  return s;
}

/** The stored digest of a normalised code, and the part of it the index finds candidates by. */
export function hashGiftCode(secret: string, normalized: string): { hash: string; lookup: string } {
  const hash = createHmac('sha256', secret).update(`gift-card:${normalized}`).digest('hex');
  return { hash, lookup: hash.slice(0, LOOKUP_LENGTH) };
}

/** Whether a stored digest is this code's, compared in constant time. */
export function sameGiftHash(stored: string, candidate: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(candidate, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const last4Of = (normalized: string) => normalized.slice(-4);

function sealKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'marquee', 'gift-card-code-seal', 32));
}

/** The code sealed for the email job (AES-256-GCM, random IV): `iv.tag.ciphertext`, base64url. */
export function sealGiftCode(secret: string, code: string, cardId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret), iv);
  cipher.setAAD(Buffer.from(cardId));
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The sealed code of a card; throws when it was tampered with or sealed for another card. */
export function unsealGiftCode(secret: string, sealed: string, cardId: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('a sealed gift card code has three parts');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), iv);
  decipher.setAAD(Buffer.from(cardId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
