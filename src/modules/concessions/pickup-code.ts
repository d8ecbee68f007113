// Pickup codes: what the counter scans from the QR or types from the screen. Ten characters of
// Crockford's base32 (no I, L, O, U: nothing to misread) are 50 random bits, unguessable in the
// time a counter is open, and short enough to type; a typed code forgives case, spaces, dashes and
// the letters people read for digits.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PICKUP_CODE_LENGTH = 10;

/** A new random pickup code. */
export function newPickupCode(): string {
  const bytes = randomBytes(PICKUP_CODE_LENGTH);
  let out = '';
  // 256 is a multiple of 32: taking the low five bits of each byte is uniform.
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** A typed or scanned code as stored: upper case, separators dropped, O→0, I/L→1; null when it cannot be one. */
export function normalisePickupCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== PICKUP_CODE_LENGTH) return null;
  for (const c of code) if (!ALPHABET.includes(c)) return null;
  return code;
}
