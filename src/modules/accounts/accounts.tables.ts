// The accounts module's tables, picked from the types generated from the migrated database.
import type { AccountTokensPurpose, DB, UsersRole } from '../../platform/db/generated-schema.ts';

export type Role = UsersRole;

/**
 * A user's avatar (users.avatar): the URL answers show (the 128 px WebP) and every stored file, so
 * a delete removes exactly those. Recorded at upload, so showing a user needs no media storage.
 */
export interface StoredAvatar {
  url: string;
  paths: string[];
}
export type TokenPurpose = AccountTokensPurpose;

export type AccountsTables = Pick<
  DB,
  | 'users'
  | 'sessions'
  | 'login_devices'
  | 'account_tokens'
  | 'password_reset_requests'
  | 'totp_factors'
  | 'recovery_codes'
  | 'passkeys'
  | 'second_factor_challenges'
>;

/** The accounts module's handle: its own tables, no read models. */
export type AccountsDb = AccountsTables;
