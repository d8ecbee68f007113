// Secrets that must travel through places kept longer or read by more than their owner (a bearer
// token in an event: outbox_events keeps it a week, the NATS stream as long) are sealed:
// AES-256-GCM under a key made once per installation and kept in app_settings. Whoever reads the
// event without the key sees neither the token nor a way to forge one.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Executor } from './db/database.ts';
import { settingOrCreate } from './settings.ts';

const KEY_SETTING = 'platform.sealing_key';
const VERSION = 's1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A fresh key, as kept in app_settings. */
export const newSealingKey = (): string => randomBytes(32).toString('base64');

function keyBytes(key: string): Buffer {
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw new Error('a sealing key is 32 bytes');
  return bytes;
}

/** `s1.<iv>.<tag>.<ciphertext>`, base64url; every call gives another value. */
export function sealWith(key: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(key), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The text sealed by `sealWith` under the same key; throws when the value was altered or sealed under another key. */
export function openWith(key: string, sealed: string): string {
  const [version, iv, tag, body, ...rest] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined || rest.length > 0)
    throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(key), Buffer.from(iv, 'base64url'));
  const authTag = Buffer.from(tag, 'base64url');
  if (authTag.length !== TAG_BYTES) throw new Error('not a sealed value');
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export interface Sealer {
  seal(text: string): Promise<string>;
  /** Throws when the value was altered or sealed by another installation. */
  open(sealed: string): Promise<string>;
}

/**
 * Seals with the installation's key, read (or made, first writer wins) on first use. Call it
 * outside a transaction the first time (on PGlite a second query waits for an open transaction).
 */
export function createSealer(db: Executor): Sealer {
  let key: Promise<string> | undefined;
  const load = () => {
    key ??= settingOrCreate(db, KEY_SETTING, newSealingKey);
    key.catch(() => (key = undefined));
    return key;
  };
  return {
    seal: async (text) => sealWith(await load(), text),
    open: async (sealed) => openWith(await load(), sealed),
  };
}
