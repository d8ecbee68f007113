// TOTP (RFC 6238) codes, and the secret's encryption at rest. A secret is 160 random bits; codes are
// 6 digits over 30-second steps (what every authenticator app does by default), accepted one step
// early or late for clocks that drift. The secret is kept AES-256-GCM encrypted under a key from
// app_settings, so a copy of the table alone (a backup, a log of rows) does not hand out codes.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';

export const TOTP_PERIOD_S = 30;
/** Steps accepted before and after the current one. */
const TOTP_WINDOW = 1;

export const newTotpSecret = () => new OTPAuth.Secret({ size: 20 }).base32;

function totpOf(secretBase32: string, label = '', issuer = 'Marquee') {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_S,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads (from the QR code). */
export const totpUri = (secretBase32: string, label: string, issuer: string) =>
  totpOf(secretBase32, label, issuer).toString();

/** The time step a code belongs to, when it is right within the window at `now`; else null. */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S) + delta;
}

/** Encrypts a secret as `v1.<iv>.<tag>.<ciphertext>` (base64url) under a 32-byte key. */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function openSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

// Recovery codes: 10 of them, each 10 characters of an alphabet without look-alikes (50 bits),
// shown as xxxxx-xxxxx. They are compared without dashes, spaces or case.
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
