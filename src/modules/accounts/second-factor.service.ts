// Second factors: TOTP enrolment and use, recovery codes, the pending second step of a sign-in, and
// the admin's requirement that staff and admin have one. Passkeys are in passkeys.service.ts; this
// service asks it whether a user has any and hands it passkey assertions.
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Kv } from '../../platform/cache/kv.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { readSetting, settingOrCreate, writeSetting } from '../../platform/settings.ts';
import * as E from './accounts.errors.ts';
import type { AccountsDb } from './accounts.tables.ts';
import { createLoginThrottle, SECOND_FACTOR_FAILURES_PER_ACCOUNT } from './login-throttle.ts';
import type { PasskeysService } from './passkeys.service.ts';
import * as store from './second-factors.store.ts';
import { hashToken, newToken } from './sessions.service.ts';
import * as sessionsStore from './sessions.store.ts';
import type { SessionService } from './sessions.service.ts';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
  totpStep,
  totpUri,
} from './totp.ts';
import * as users from './users.store.ts';

/** How long a sign-in waits for its second step after the right password. */
export const SECOND_STEP_MS = 5 * 60_000;
const KEY_SETTING = 'accounts.totp_key';
const REQUIRE_SETTING = 'accounts.require_second_factor';
/** Wrong second steps one sign-in challenge survives; then the password has to be given again. */
export const WRONG_TRIES_PER_CHALLENGE = 5;

export type SecondFactorMethod = 'totp' | 'recovery_code' | 'passkey';

/** What proves the caller again before a change to their factors: the password or a current code. */
export interface Reauth {
  password?: string | undefined;
  code?: string | undefined;
}

export function createSecondFactorService(deps: {
  database: ModuleDatabase;
  kv: Kv;
  clock: Clock;
  sessions: SessionService;
  passkeys: PasskeysService;
  /** The caller's password checked under the wrong-password throttle (profile.service.ts). */
  confirmPassword: (principal: Principal, password: string) => Promise<unknown>;
  issuer: string;
}) {
  const { clock, sessions, passkeys, confirmPassword, issuer } = deps;
  const db = moduleDb<AccountsDb>(deps.database);
  // Codes given to re-authenticate count with the sign-in's second steps (same account key).
  const throttle = createLoginThrottle({ kv: deps.kv, clock });
  let keyValue: Promise<Buffer> | undefined;
  const key = () => {
    keyValue ??= settingOrCreate(db, KEY_SETTING, () => randomBytes(32).toString('base64url')).then((k) =>
      Buffer.from(k, 'base64url'),
    );
    keyValue.catch(() => (keyValue = undefined));
    return keyValue;
  };

  /**
   * The confirmed TOTP code's step, recorded as used; false for a wrong code or a replay. `secretKey`
   * is loaded by the caller before any transaction: key() may read app_settings through the root
   * handle, which inside a transaction on PGlite (one connection) waits for itself for ever.
   */
  async function useTotp(trx: Executor<AccountsDb>, secretKey: Buffer, userId: string, code: string): Promise<boolean> {
    const row = await store.findTotp(trx, userId);
    if (!row?.confirmed_at) return false;
    const step = totpStep(openSecret(secretKey, row.secret_enc), code, clock.now());
    return step !== null && (await store.useTotpStep(trx, userId, step, clock.now(), false));
  }

  async function methodsOf(userId: string): Promise<SecondFactorMethod[]> {
    const methods: SecondFactorMethod[] = [];
    if ((await store.findTotp(db, userId))?.confirmed_at) methods.push('totp');
    if ((await passkeys.count(userId)) > 0) methods.push('passkey');
    if (methods.length > 0 && (await store.countRecoveryCodes(db, userId)) > 0) methods.push('recovery_code');
    return methods;
  }

  async function required(): Promise<boolean> {
    return (await readSetting(db, REQUIRE_SETTING)) === 'true';
  }

  /**
   * A freshly enrolled factor frees the enrolling session (its other enrolment-only sessions end) and,
   * the first time, brings recovery codes.
   */
  async function enrolled(
    trx: Executor<AccountsDb>,
    principal: Principal,
  ): Promise<{ recoveryCodes?: string[]; freed: string[] }> {
    const userId = principal.userId;
    const freed = await sessionsStore.liftEnrolmentOnly(trx, userId, principal.sessionId, clock.now());
    if ((await store.countRecoveryCodes(trx, userId)) > 0) return { freed };
    const codes = newRecoveryCodes();
    await store.replaceRecoveryCodes(trx, userId, codes.map(hashRecoveryCode), clock.now());
    return { recoveryCodes: codes, freed };
  }

  /** Proves the caller again with the password or a current TOTP code, both throttled. */
  async function reauthenticate(principal: Principal, proof: Reauth): Promise<void> {
    if (proof.password !== undefined) {
      await confirmPassword(principal, proof.password);
      return;
    }
    if (proof.code !== undefined) {
      // Under the wrong-password throttle with the session as the source, as confirmPassword is.
      const attempt = await throttle.admit(
        `second-factor:${principal.userId}`,
        `session:${principal.sessionId}`,
        SECOND_FACTOR_FAILURES_PER_ACCOUNT,
      );
      if (await useTotp(db, await key(), principal.userId, proof.code)) {
        await throttle.succeeded(attempt);
        return;
      }
      await throttle.failed(attempt);
    }
    throw E.reauthRequired();
  }

  /** Refuses (409) to leave a staff or admin account without a factor while the admin requires one; in `trx`, after the removal. */
  async function keepRequiredFactor(trx: Executor<AccountsDb>, userId: string): Promise<void> {
    if ((await store.findTotp(trx, userId))?.confirmed_at || (await passkeys.count(userId, trx)) > 0) return;
    const user = await users.findUser(trx, userId);
    if (user && user.role !== 'customer' && (await readSetting(trx, REQUIRE_SETTING)) === 'true')
      throw E.lastSecondFactor();
  }

  return {
    methodsOf,
    required,
    reauthenticate,
    enrolled,

    async setRequired(value: boolean): Promise<{ requireSecondFactorForStaff: boolean }> {
      await writeSetting(db, REQUIRE_SETTING, String(value), true);
      return { requireSecondFactorForStaff: value };
    },

    /** The caller's factors, as the security page shows them. */
    async status(principal: Principal) {
      const totp = await store.findTotp(db, principal.userId);
      const user = await users.findUser(db, principal.userId);
      return {
        totp: totp?.confirmed_at ? 'enabled' : totp ? 'pending' : 'off',
        recoveryCodesLeft: await store.countRecoveryCodes(db, principal.userId),
        passkeys: await passkeys.count(principal.userId),
        required: user !== undefined && user.role !== 'customer' && (await required()),
        enrolmentOnly: principal.enrolmentOnly === true,
      } as const;
    },

    /** Starts TOTP enrolment: a new secret, its otpauth URI and QR code. It counts once confirmed. */
    async beginTotp(principal: Principal) {
      const user = await users.findUser(db, principal.userId);
      if (!user) throw E.secondFactorNotFound();
      const secret = newTotpSecret();
      if (!(await store.putPendingTotp(db, principal.userId, sealSecret(await key(), secret), clock.now())))
        throw E.totpAlreadyEnabled();
      const uri = totpUri(secret, user.email ?? user.name, issuer);
      return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
    },

    /** Confirms enrolment with a code from the app; answers the recovery codes when they are new. */
    async confirmTotp(principal: Principal, code: string): Promise<{ recoveryCodes?: string[] }> {
      const userId = principal.userId;
      const secretKey = await key(); // before the transaction (see useTotp)
      const result = await db.transaction().execute(async (trx) => {
        await users.lockUser(trx, userId);
        const row = await store.findTotp(trx, userId);
        if (!row) throw E.secondFactorNotFound();
        if (row.confirmed_at) throw E.totpAlreadyEnabled();
        const step = totpStep(openSecret(secretKey, row.secret_enc), code, clock.now());
        if (step === null || !(await store.useTotpStep(trx, userId, step, clock.now(), true))) throw E.wrongCode();
        return enrolled(trx, principal);
      });
      await sessions.forget(result.freed);
      return result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {};
    },

    /** Turns TOTP off; with no factor left, the recovery codes go too. */
    async disableTotp(principal: Principal, proof: Reauth): Promise<void> {
      await reauthenticate(principal, proof);
      await db.transaction().execute(async (trx) => {
        await users.lockUser(trx, principal.userId);
        if (!(await store.deleteTotp(trx, principal.userId))) throw E.secondFactorNotFound();
        await keepRequiredFactor(trx, principal.userId);
        if ((await passkeys.count(principal.userId, trx)) === 0)
          await store.replaceRecoveryCodes(trx, principal.userId, [], clock.now());
      });
    },

    /** New recovery codes replace the old ones (used or not); shown once. */
    async regenerateRecoveryCodes(principal: Principal, proof: Reauth): Promise<{ recoveryCodes: string[] }> {
      await reauthenticate(principal, proof);
      if ((await methodsOf(principal.userId)).length === 0) throw E.secondFactorNotFound();
      const codes = newRecoveryCodes();
      await store.replaceRecoveryCodes(db, principal.userId, codes.map(hashRecoveryCode), clock.now());
      return { recoveryCodes: codes };
    },

    /** Registers a passkey from a finished ceremony; answers the recovery codes when they are new. */
    async addPasskey(principal: Principal, body: { ceremony: string; response: unknown; name: string }) {
      const result = await db.transaction().execute(async (trx) => {
        await users.lockUser(trx, principal.userId);
        const passkey = await passkeys.register(trx, principal, body.ceremony, body.response, body.name);
        return { passkey, ...(await enrolled(trx, principal)) };
      });
      await sessions.forget(result.freed);
      return { passkey: result.passkey, ...(result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {}) };
    },

    /** Deletes a passkey; with no factor left, the recovery codes go too. */
    async removePasskey(principal: Principal, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await users.lockUser(trx, principal.userId);
        await passkeys.remove(trx, principal, id);
        await keepRequiredFactor(trx, principal.userId);
        const totp = await store.findTotp(trx, principal.userId);
        if (!totp?.confirmed_at && (await passkeys.count(principal.userId, trx)) === 0)
          await store.replaceRecoveryCodes(trx, principal.userId, [], clock.now());
      });
    },

    /** A pending sign-in after the right password: its token (answered once) and the ways to finish it. */
    async openChallenge(userId: string, methods: SecondFactorMethod[]) {
      const token = newToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SECOND_STEP_MS);
      const passkey = methods.includes('passkey') ? await passkeys.assertionOptions(userId) : undefined;
      await store.insertChallenge(db, {
        tokenHash: hashToken(token),
        purpose: 'login',
        userId,
        webauthnChallenge: passkey?.challenge ?? null,
        expiresAt,
        now,
      });
      return { challenge: token, methods, expiresAt: expiresAt.toISOString(), ...(passkey ? { passkey } : {}) };
    },

    /** The user a live sign-in challenge belongs to, and its WebAuthn challenge; 401 when gone. */
    async pendingSignIn(token: string) {
      const row = await store.findChallenge(db, hashToken(token), 'login', clock.now());
      if (!row?.user_id) throw E.challengeExpired();
      return { userId: row.user_id, webauthnChallenge: row.webauthn_challenge };
    },

    /** Counts a wrong second step; the challenge's 5th deletes it (counted in the Kv, gone with the challenge). */
    async wrongTry(token: string): Promise<void> {
      const tokenHash = hashToken(token);
      const { count } = await deps.kv.incr(`second-factor-wrong:${tokenHash}`, SECOND_STEP_MS);
      if (count >= WRONG_TRIES_PER_CHALLENGE) await store.consumeChallenge(db, tokenHash);
    },

    /**
     * Checks the second step of a sign-in; true when it passes and the challenge is used up (so it
     * opens one session only). A wrong code leaves the challenge for another try (see wrongTry).
     */
    async finishSignIn(
      token: string,
      pending: { userId: string; webauthnChallenge: string | null },
      proof: { code?: string | undefined; recoveryCode?: string | undefined; passkey?: unknown },
    ): Promise<boolean> {
      const { userId } = pending;
      const secretKey = proof.code !== undefined ? await key() : undefined; // before the transaction (see useTotp)
      return db.transaction().execute(async (trx) => {
        let ok = false;
        if (secretKey && proof.code !== undefined) ok = await useTotp(trx, secretKey, userId, proof.code);
        else if (proof.recoveryCode !== undefined)
          ok = await store.useRecoveryCode(trx, userId, hashRecoveryCode(proof.recoveryCode), clock.now());
        else if (proof.passkey !== undefined && pending.webauthnChallenge)
          ok = await passkeys.verifyAssertion(trx, userId, pending.webauthnChallenge, proof.passkey);
        if (!ok) return false;
        if (!(await store.consumeChallenge(trx, hashToken(token)))) throw E.challengeExpired();
        return true;
      });
    },
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
