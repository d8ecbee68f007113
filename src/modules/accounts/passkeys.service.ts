// Passkeys (WebAuthn) for staff and admin: registration ceremonies, the list, and checking an
// assertion as the second step of a sign-in. The relying party is PUBLIC_URL: its host name is the
// RP ID and its origin the only origin accepted. Ceremony challenges are kept in
// second_factor_challenges, so any process can finish what another began.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { passkeyNotFound, passkeyRejected, secondFactorNotFound } from './accounts.errors.ts';
import type { AccountsDb } from './accounts.tables.ts';
import * as store from './second-factors.store.ts';
import { hashToken, newToken } from './sessions.service.ts';
import * as users from './users.store.ts';

/** How long a browser has to answer a ceremony (the authenticator's own timeout is shorter). */
const CEREMONY_MS = 5 * 60_000;
const TIMEOUT_MS = 120_000;

type PasskeyRow = Awaited<ReturnType<typeof store.listPasskeys>>[number];

const toPasskey = (p: PasskeyRow) => ({
  id: p.id,
  name: p.name,
  createdAt: p.created_at.toISOString(),
  lastUsedAt: p.last_used_at?.toISOString() ?? null,
});

const credentialOf = (p: PasskeyRow) => ({
  id: p.credential_id,
  publicKey: new Uint8Array(p.public_key),
  counter: Number(p.counter),
  transports: p.transports as NonNullable<RegistrationResponseJSON['response']['transports']>,
});

export function createPasskeysService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  publicUrl: string;
  rpName: string;
}) {
  const { clock, rpName } = deps;
  const db = moduleDb<AccountsDb>(deps.database);
  const origin = new URL(deps.publicUrl).origin;
  const rpID = new URL(deps.publicUrl).hostname;

  return {
    async count(userId: string, trx: Executor<AccountsDb> = db): Promise<number> {
      return (await store.listPasskeys(trx, userId)).length;
    },

    async list(principal: Principal) {
      return { items: (await store.listPasskeys(db, principal.userId)).map(toPasskey) };
    },

    async rename(principal: Principal, id: string, name: string) {
      const row = await store.renamePasskey(db, principal.userId, id, name.trim());
      if (!row) throw passkeyNotFound();
      return toPasskey(row);
    },

    async remove(trx: Executor<AccountsDb>, principal: Principal, id: string): Promise<void> {
      if (!(await store.deletePasskey(trx, principal.userId, id))) throw passkeyNotFound();
    },

    /** Options for navigator.credentials.create(), and the ceremony token to send back with its answer. */
    async registrationOptions(principal: Principal) {
      const user = await users.findUser(db, principal.userId);
      if (!user) throw secondFactorNotFound();
      const existing = await store.listPasskeys(db, principal.userId);
      const options = await generateRegistrationOptions({
        rpName,
        rpID,
        userName: user.email ?? user.name,
        userDisplayName: user.name,
        userID: new TextEncoder().encode(user.id),
        attestationType: 'none',
        timeout: TIMEOUT_MS,
        excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
      const ceremony = newToken();
      const now = clock.now();
      await store.insertChallenge(db, {
        tokenHash: hashToken(ceremony),
        purpose: 'passkey_register',
        userId: principal.userId,
        webauthnChallenge: options.challenge,
        expiresAt: new Date(now.getTime() + CEREMONY_MS),
        now,
      });
      return { ceremony, options };
    },

    /** Checks the browser's answer to a registration ceremony and stores the passkey (in `trx`). */
    async register(trx: Executor<AccountsDb>, principal: Principal, ceremony: string, response: unknown, name: string) {
      const now = clock.now();
      const pending = await store.findChallenge(trx, hashToken(ceremony), 'passkey_register', now);
      if (!pending?.webauthn_challenge || pending.user_id !== principal.userId)
        throw passkeyRejected('This passkey set-up has expired; start again');
      let verification;
      try {
        verification = await verifyRegistrationResponse({
          response: response as RegistrationResponseJSON,
          expectedChallenge: pending.webauthn_challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
        });
      } catch (err) {
        throw passkeyRejected(`The passkey was not accepted: ${(err as Error).message}`);
      }
      if (!verification.verified) throw passkeyRejected('The passkey was not accepted');
      if (!(await store.consumeChallenge(trx, hashToken(ceremony))))
        throw passkeyRejected('This passkey set-up was finished already');
      const { credential } = verification.registrationInfo;
      if (await store.findPasskeyByCredential(trx, principal.userId, credential.id))
        throw passkeyRejected('This passkey is registered already');
      try {
        const row = await store.insertPasskey(trx, {
          userId: principal.userId,
          credentialId: credential.id,
          publicKey: credential.publicKey,
          counter: credential.counter,
          transports: credential.transports ?? [],
          name: name.trim(),
          now,
        });
        return toPasskey(row);
      } catch (err) {
        // Credential ids are unique across users: another account holds this authenticator's key.
        if (isPgError(err, '23505')) throw passkeyRejected('This passkey is registered already');
        throw err;
      }
    },

    /** Options for navigator.credentials.get() over the user's passkeys (a sign-in's second step). */
    async assertionOptions(userId: string) {
      const keys = await store.listPasskeys(db, userId);
      return generateAuthenticationOptions({
        rpID,
        timeout: TIMEOUT_MS,
        userVerification: 'preferred',
        allowCredentials: keys.map((p) => ({ id: p.credential_id, transports: p.transports })),
      });
    },

    /** True when `response` is a valid assertion by one of the user's passkeys over `challenge`. */
    async verifyAssertion(
      trx: Executor<AccountsDb>,
      userId: string,
      challenge: string,
      response: unknown,
    ): Promise<boolean> {
      const answer = response as AuthenticationResponseJSON;
      if (typeof answer?.id !== 'string') return false;
      const key = await store.findPasskeyByCredential(trx, userId, answer.id);
      if (!key) return false;
      try {
        const { verified, authenticationInfo } = await verifyAuthenticationResponse({
          response: answer,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: credentialOf(key),
          requireUserVerification: false,
        });
        if (!verified) return false;
        await store.touchPasskey(trx, key.id, authenticationInfo.newCounter, clock.now());
        return true;
      } catch {
        // A malformed or forged assertion is a wrong second factor like any other.
        return false;
      }
    },
  };
}

export type PasskeysService = ReturnType<typeof createPasskeysService>;
