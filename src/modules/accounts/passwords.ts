// Password hashing and policy. New hashes are argon2id with the configured cost; bcrypt hashes from
// systems this one replaces are still accepted, and any hash that is not current gets re-hashed.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';

const MIN_PASSWORD_LENGTH = 10;

interface HashingCost {
  memoryKiB: number;
  timeCost: number;
}

let common: Set<string> | undefined;

/** The shipped list of commonly used passwords (loaded once, compared in lower case). */
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8');
    common = new Set(text.split('\n').filter((l) => l !== '' && !l.startsWith('#')));
  }
  return common;
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (commonPasswords().has(password.toLowerCase())) return 'This password is too commonly used; choose another';
  return null;
}

const isBcrypt = (hash: string) => /^\$2[aby]\$\d{2}\$/.test(hash);

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether `password` matches `hash` (argon2id or bcrypt); a null hash costs the same and fails. */
  verify(hash: string | null, password: string): Promise<boolean>;
  /** True when a hash should be replaced by a fresh argon2id one with the current cost. */
  needsRehash(hash: string): boolean;
}

export function createPasswordHasher(cost: HashingCost): PasswordHasher {
  const options = {
    type: argon2.argon2id,
    memoryCost: cost.memoryKiB,
    timeCost: cost.timeCost,
    parallelism: 1,
  } as const;
  // Unknown accounts are checked against this so a failed sign-in takes as long either way.
  let dummy: Promise<string> | undefined;
  const dummyHash = () => (dummy ??= argon2.hash(randomBytes(16).toString('hex'), options));

  return {
    hash: (password) => argon2.hash(password, options),
    async verify(hash, password) {
      if (hash && isBcrypt(hash)) return bcrypt.compare(password, hash);
      if (!hash || !hash.startsWith('$argon2')) {
        await argon2.verify(await dummyHash(), password).catch(() => false);
        return false;
      }
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
    needsRehash(hash) {
      if (!hash.startsWith('$argon2id$')) return true;
      return argon2.needsRehash(hash, options);
    },
  };
}
