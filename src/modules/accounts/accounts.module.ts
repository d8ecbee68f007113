import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Mail } from '../notifications/notifications.module.ts';
import { createSessionService, type SessionService } from './sessions.service.ts';

export function createAccountsModule(platform: Platform, _deps: { mail: Mail }): { sessions: SessionService; parts: ModuleParts } {
  const sessions = createSessionService({ database: platform.database, kv: platform.kv, clock: platform.clock });
  return { sessions, parts: {} };
}
