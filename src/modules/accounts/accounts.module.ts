// Accounts: users, sessions, sign-in, profiles and roles. Wires the services and hands app.ts its parts.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { createRateLimiter, type RateLimiter } from '../../platform/http/rate-limit.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import { ensureAdminAccount } from './admin-account.ts';
import { createAuthService } from './auth.service.ts';
import { createLinksService, type LinksService } from './links.service.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerMeRoutes } from './me.routes.ts';
import { registerAvatarRoutes } from './avatars.routes.ts';
import { type AvatarsService, createAvatarsService } from './avatars.service.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import { createPasskeysService } from './passkeys.service.ts';
import { createPasswordHasher } from './passwords.ts';
import { createSecondFactorService } from './second-factor.service.ts';
import { registerSecondFactorRoutes } from './second-factor.routes.ts';
import { createProfileService, type ProfileService } from './profile.service.ts';
import { createSessionService, type SessionService } from './sessions.service.ts';
import { createUsersService, type UsersService } from './users.service.ts';

export interface AccountsModule {
  sessions: SessionService;
  profile: ProfileService;
  limiter: RateLimiter;
  /** What other modules may read about users (notifications: whom to mail). */
  users: UsersService;
  /** Tokens for mailed links, minted when notifications composes the email. */
  links: LinksService;
  /** Avatars (issue 20); `pathsInUse` is what the catalog's media GC must keep. */
  avatars: AvatarsService;
  parts: ModuleParts;
}

export function createAccountsModule(
  platform: Platform,
  extra: { media: MediaStorage; mediaInUse: () => Promise<Set<string>> },
): AccountsModule {
  const { config, database, kv, clock, logger } = platform;
  const sessions = createSessionService({ database, kv, clock });
  const limiter = createRateLimiter({ kv, clock });
  const hasher = createPasswordHasher({ memoryKiB: config.argon2MemoryKiB, timeCost: config.argon2TimeCost });
  const deps: AccountsDeps = {
    database,
    kv,
    clock,
    sessions,
    hasher,
  };
  const passkeys = createPasskeysService({ database, clock, publicUrl: config.publicUrl, rpName: 'Marquee' });
  const secondFactors = createSecondFactorService({
    database,
    kv,
    clock,
    sessions,
    passkeys,
    // Called only once requests come, after `profile` exists.
    confirmPassword: (principal, password) => profile.confirmPassword(principal, password),
    issuer: 'Marquee',
  });
  const auth = createAuthService({ ...deps, secondFactors });
  const avatars = createAvatarsService({ database, clock, sessions, ...extra });
  const profile = createProfileService({ ...deps, auth, removeAvatarFiles: avatars.removeFiles });
  const { adminEmail, adminPassword } = config;

  return {
    sessions,
    profile,
    limiter,
    users: createUsersService({ database }),
    links: createLinksService({ database, clock }),
    avatars,
    parts: {
      async routes(app, hooks) {
        const secureCookies = new URL(config.publicUrl).protocol === 'https:';
        registerAuthRoutes(app, hooks, { auth, profile, limiter, perMinute: config.rateLimitPerMinute, secureCookies });
        registerMeRoutes(app, hooks, profile);
        await registerAvatarRoutes(app, hooks, avatars, limiter);
        registerSecondFactorRoutes(app, hooks, {
          secondFactors,
          passkeys,
          limiter,
          perMinute: config.rateLimitPerMinute,
        });
      },
      async onStart() {
        await sessions.forgetRecentChanges();
        if (adminEmail && adminPassword)
          await ensureAdminAccount({ ...deps, logger }, { email: adminEmail, password: adminPassword });
      },
    },
  };
}
