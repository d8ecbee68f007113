import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../../platform/db/platform.tables.ts';

export type Role = 'customer' | 'staff' | 'admin';
export type TokenPurpose = 'verify_email' | 'password_reset';

export interface AccountsTables {
  users: {
    id: Generated<string>;
    email: string | null;
    name: Generated<string>;
    phone: string | null;
    role: Generated<Role>;
    password_hash: string | null;
    email_verified: Generated<boolean>;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    deleted_at: Timestamp | null;
  };
  sessions: {
    id: Generated<string>;
    user_id: string;
    token_hash: string;
    created_at: GeneratedTimestamp;
    last_seen_at: GeneratedTimestamp;
    expires_at: Timestamp;
    max_expires_at: Timestamp;
    revoked_at: Timestamp | null;
    user_agent: string | null;
    ip: string | null;
  };
  login_devices: {
    device_hash: string;
    user_id: string;
    created_at: Timestamp;
    last_used_at: Timestamp;
  };
  account_tokens: {
    token_hash: string;
    user_id: string;
    purpose: TokenPurpose;
    created_at: Timestamp;
    expires_at: Timestamp;
    used_at: Timestamp | null;
  };
}
