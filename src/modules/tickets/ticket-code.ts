// Ticket codes carry their own Ed25519 signature, so a door scanner holding only the public key
// can reject a forged or altered code offline, and cannot mint tickets itself. A code is
// `MQ1.` + base64url(ticket id (16 bytes) ‖ showtime id (16 bytes) ‖ signature (64 bytes)):
// 132 URL-safe characters, small enough for a QR code of version 8.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';

const PREFIX = 'MQ1.';
const PAYLOAD_BYTES = 32;
const SIGNATURE_BYTES = 64;
const ENCODED_LENGTH = Math.ceil(((PAYLOAD_BYTES + SIGNATURE_BYTES) * 4) / 3);

export interface TicketCodeKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A new signing key, as the PKCS#8 DER base64 text kept in app_settings. */
export function generateTicketKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** The key pair from its stored text. */
export function loadTicketKeys(stored: string): TicketCodeKeys {
  const privateKey = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The public key as PEM, for scanners that check codes offline. */
export function publicKeyPem(keys: TicketCodeKeys): string {
  return keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const bytesUuid = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The signed code of a ticket. */
export function signTicketCode(keys: Pick<TicketCodeKeys, 'privateKey'>, ticketId: string, showtimeId: string): string {
  const payload = Buffer.concat([uuidBytes(ticketId), uuidBytes(showtimeId)]);
  const signature = sign(null, payload, keys.privateKey);
  return PREFIX + Buffer.concat([payload, signature]).toString('base64url');
}

/** The ticket and showtime a code names, or null when it is malformed or its signature is not ours. */
export function verifyTicketCode(
  keys: Pick<TicketCodeKeys, 'publicKey'>,
  code: string,
): { ticketId: string; showtimeId: string } | null {
  if (typeof code !== 'string' || !code.startsWith(PREFIX)) return null;
  const body = code.slice(PREFIX.length);
  if (body.length !== ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const raw = Buffer.from(body, 'base64url');
  if (raw.length !== PAYLOAD_BYTES + SIGNATURE_BYTES) return null;
  const payload = raw.subarray(0, PAYLOAD_BYTES);
  // Re-encoding must give the same text: no second spelling of one code.
  if (raw.toString('base64url') !== body) return null;
  if (!verify(null, payload, keys.publicKey, raw.subarray(PAYLOAD_BYTES))) return null;
  return { ticketId: bytesUuid(payload.subarray(0, 16)), showtimeId: bytesUuid(payload.subarray(16, 32)) };
}
