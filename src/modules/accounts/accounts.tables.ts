import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/platform.tables.ts';

export type Role = 'customer' | 'staff' | 'admin';

export interface AccountsTables {
  users: {
    id: Generated<string>;
    email: string | null;
    name: Generated<string>;
    phone: string | null;
    role: Generated<Role>;
    password_hash: string | null;
    email_verified: Generated<boolean>;
    created_at: Generated<Timestamp>;
    updated_at: Generated<Timestamp>;
    deleted_at: Timestamp | null;
  };
}
