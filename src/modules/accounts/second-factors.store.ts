// SQL for second factors: TOTP secrets (encrypted), recovery codes (digests), passkeys and the
// pending second steps. Secrets and codes arrive here already encrypted or hashed.
import type { Executor } from '../../platform/db/database.ts';
import type { AccountsDb } from './accounts.tables.ts';

export type ChallengePurpose = 'login' | 'passkey_register';

export async function findTotp(db: Executor<AccountsDb>, userId: string) {
  return db
    .selectFrom('totp_factors')
    .select(['secret_enc', 'confirmed_at', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Starts (or restarts) an enrolment: an unconfirmed secret replaces an earlier unconfirmed one only. */
export async function putPendingTotp(
  db: Executor<AccountsDb>,
  userId: string,
  secretEnc: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('totp_factors')
    .values({ user_id: userId, secret_enc: secretEnc, created_at: now })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret_enc: secretEnc, created_at: now, last_step: 0 })
        .where('totp_factors.confirmed_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records `step` as used, confirming the factor when `confirm` is set; false when that step or a
 * later one was used already (a replay), so two requests with one code cannot both pass.
 */
export async function useTotpStep(
  db: Executor<AccountsDb>,
  userId: string,
  step: number,
  now: Date,
  confirm: boolean,
): Promise<boolean> {
  let q = db
    .updateTable('totp_factors')
    .set(confirm ? { last_step: step, confirmed_at: now } : { last_step: step })
    .where('user_id', '=', userId)
    .where('last_step', '<', step);
  q = confirm ? q.where('confirmed_at', 'is', null) : q.where('confirmed_at', 'is not', null);
  return (await q.returning('user_id').executeTakeFirst()) !== undefined;
}

export async function deleteTotp(db: Executor<AccountsDb>, userId: string): Promise<boolean> {
  const rows = await db.deleteFrom('totp_factors').where('user_id', '=', userId).returning('user_id').execute();
  return rows.length > 0;
}

export async function replaceRecoveryCodes(
  db: Executor<AccountsDb>,
  userId: string,
  hashes: string[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length > 0)
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now })))
      .execute();
}

/** Marks a recovery code used; false when it is unknown or was used before. */
export async function useRecoveryCode(
  db: Executor<AccountsDb>,
  userId: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countRecoveryCodes(db: Executor<AccountsDb>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const passkeyColumns = [
  'id',
  'credential_id',
  'public_key',
  'counter',
  'transports',
  'name',
  'created_at',
  'last_used_at',
] as const;

export async function listPasskeys(db: Executor<AccountsDb>, userId: string) {
  return db
    .selectFrom('passkeys')
    .select(passkeyColumns)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPasskeyByCredential(db: Executor<AccountsDb>, userId: string, credentialId: string) {
  return db
    .selectFrom('passkeys')
    .select(passkeyColumns)
    .where('user_id', '=', userId)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

export async function insertPasskey(
  db: Executor<AccountsDb>,
  p: {
    userId: string;
    credentialId: string;
    publicKey: Uint8Array;
    counter: number;
    transports: string[];
    name: string;
    now: Date;
  },
) {
  return db
    .insertInto('passkeys')
    .values({
      user_id: p.userId,
      credential_id: p.credentialId,
      public_key: Buffer.from(p.publicKey),
      counter: p.counter,
      transports: p.transports,
      name: p.name,
      created_at: p.now,
    })
    .returning(passkeyColumns)
    .executeTakeFirstOrThrow();
}

export async function touchPasskey(db: Executor<AccountsDb>, id: string, counter: number, now: Date): Promise<void> {
  await db.updateTable('passkeys').set({ counter, last_used_at: now }).where('id', '=', id).execute();
}

export async function renamePasskey(db: Executor<AccountsDb>, userId: string, id: string, name: string) {
  return db
    .updateTable('passkeys')
    .set({ name })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returning(passkeyColumns)
    .executeTakeFirst();
}

export async function deletePasskey(db: Executor<AccountsDb>, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .deleteFrom('passkeys')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Every second factor of a user goes (account erasure). */
export async function eraseFactors(db: Executor<AccountsDb>, userId: string): Promise<void> {
  await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('passkeys').where('user_id', '=', userId).execute();
  await db.deleteFrom('second_factor_challenges').where('user_id', '=', userId).execute();
}

export async function insertChallenge(
  db: Executor<AccountsDb>,
  c: {
    tokenHash: string;
    purpose: ChallengePurpose;
    userId: string;
    webauthnChallenge: string | null;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  // Expired ones go as new ones come: the table stays as small as the steps under way.
  await db.deleteFrom('second_factor_challenges').where('expires_at', '<', c.now).execute();
  await db
    .insertInto('second_factor_challenges')
    .values({
      token_hash: c.tokenHash,
      purpose: c.purpose,
      user_id: c.userId,
      webauthn_challenge: c.webauthnChallenge,
      expires_at: c.expiresAt,
      created_at: c.now,
    })
    .execute();
}

/** A live challenge, left in place (a wrong code may be followed by the right one). */
export async function findChallenge(db: Executor<AccountsDb>, tokenHash: string, purpose: ChallengePurpose, now: Date) {
  return db
    .selectFrom('second_factor_challenges')
    .select(['user_id', 'webauthn_challenge', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses a challenge up; false when another request used it first. */
export async function consumeChallenge(db: Executor<AccountsDb>, tokenHash: string): Promise<boolean> {
  const rows = await db
    .deleteFrom('second_factor_challenges')
    .where('token_hash', '=', tokenHash)
    .returning('token_hash')
    .execute();
  return rows.length > 0;
}
