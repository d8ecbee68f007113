// Wrong passwords are throttled per account AND source, so that nobody can lock an owner out: ten
// failures from ten addresses refuse none of them the right password from an eleventh. A source is
// the browser when it has signed in to that account before (its device cookie), else the client's
// network (clientNetwork). Per account and source, 3 wrong passwords pass at once; after each
// further one the next try waits longer (5 s, doubling), and the 10th closes the source out until
// the 15-minute window ends (API.md: 10 in 15 minutes). An account with 10 failures in the window
// from all sources together is under attack: then every source waits from its first failure, and
// the owner is told by mail, once a day at most. Counters live in the Kv (Redis when configured):
// losing them forgets a few failures, nothing more. Times come from the clock (tests move it).
// Second factors are 6 digits, not a password: there `maxPerAccount` also caps the failures from all
// sources together, so that many addresses cannot share out the guessing.
import { createHash } from 'node:crypto';
import type { Kv } from '../../platform/cache/kv.ts';
import type { Clock } from '../../platform/clock.ts';
import { tooManyWrongPasswords } from './accounts.errors.ts';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Wrong passwords one source may try on one account per window. */
const MAX_PER_SOURCE = 10;
/** Wrong passwords a source may make before it has to wait (typos), unless the account is under attack. */
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 5_000;
/** Failures on one account in a window, from all sources together, that mean it is under attack. */
const ATTACK_THRESHOLD = 10;
const NOTICE_EVERY_MS = 24 * 60 * 60_000;
/** Wrong second factors one account takes in a window from all sources together (6 digits guess fast). */
export const SECOND_FACTOR_FAILURES_PER_ACCOUNT = 10;

/** One admitted password check. */
interface Attempt {
  account: string;
  source: string;
  /** This check's place among the source's unsuccessful ones in the window (1 for the first). */
  ordinal: number;
  window: number;
}

interface LoginThrottle {
  /**
   * Admits one password check, or throws 429 rate_limited with Retry-After while the source must wait
   * (or, with `maxPerAccount`, while the account has had that many failures in the window).
   */
  admit(account: string, source: string, maxPerAccount?: number): Promise<Attempt>;
  /** Counts a wrong password; `notify` is true when the owner should hear of an attack (once a day). */
  failed(attempt: Attempt): Promise<{ notify: boolean }>;
  /** A right password clears the source's failures on the account. */
  succeeded(attempt: Attempt): Promise<void>;
}

/** How long a source waits after its `failures`-th wrong password, when `free` pass without waiting. */
function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - free - 1), THROTTLE_WINDOW_MS);
}

// Keys carry emails: only digests reach Redis.
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createLoginThrottle(deps: { kv: Kv; clock: Clock }): LoginThrottle {
  const { kv, clock } = deps;
  const pair = (a: { account: string; source: string }) => digest(`${a.account}\n${a.source}`);
  const waitKey = (a: { account: string; source: string }) => `login-wait:${pair(a)}`;
  // Checks admitted and not followed by a success; counted before the password is checked, so a
  // burst of parallel guesses cannot all slip through before the first failure is written.
  const triesKey = (a: { account: string; source: string }, window: number) => `login-tries:${pair(a)}:${window}`;
  const failuresKey = (account: string, window: number) => `login-failures:${digest(account)}:${window}`;

  return {
    async admit(account, source, maxPerAccount) {
      const now = clock.now().getTime();
      const window = Math.floor(now / THROTTLE_WINDOW_MS);
      if (maxPerAccount !== undefined && Number((await kv.get(failuresKey(account, window))) ?? 0) >= maxPerAccount)
        throw tooManyWrongPasswords(seconds((window + 1) * THROTTLE_WINDOW_MS - now));
      const waitUntil = Number((await kv.get(waitKey({ account, source }))) ?? 0);
      if (waitUntil > now) throw tooManyWrongPasswords(seconds(waitUntil - now));
      const { count } = await kv.incr(triesKey({ account, source }, window), THROTTLE_WINDOW_MS);
      if (count > MAX_PER_SOURCE) throw tooManyWrongPasswords(seconds((window + 1) * THROTTLE_WINDOW_MS - now));
      return { account, source, ordinal: count, window };
    },

    async failed(attempt) {
      const now = clock.now().getTime();
      const { count: accountFailures } = await kv.incr(
        failuresKey(attempt.account, attempt.window),
        THROTTLE_WINDOW_MS,
      );
      const underAttack = accountFailures >= ATTACK_THRESHOLD;
      const windowEnd = (attempt.window + 1) * THROTTLE_WINDOW_MS;
      const waitUntil =
        attempt.ordinal >= MAX_PER_SOURCE
          ? windowEnd
          : now + delayAfter(attempt.ordinal, underAttack ? 0 : FREE_FAILURES);
      if (waitUntil > now) await kv.set(waitKey(attempt), String(waitUntil), THROTTLE_WINDOW_MS);
      if (accountFailures !== ATTACK_THRESHOLD) return { notify: false };
      const day = Math.floor(now / NOTICE_EVERY_MS);
      const { count } = await kv.incr(`login-notice:${digest(attempt.account)}:${day}`, NOTICE_EVERY_MS);
      return { notify: count === 1 };
    },

    async succeeded(attempt) {
      await kv.del(triesKey(attempt, attempt.window), waitKey(attempt));
    },
  };
}
