import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { SessionResolver } from '../../platform/http/auth.ts';
import type { Mail } from '../notifications/notifications.module.ts';

export function createAccountsModule(_platform: Platform, _deps: { mail: Mail }): { sessions: SessionResolver; parts: ModuleParts } {
  return { sessions: { resolve: async () => null }, parts: {} };
}
