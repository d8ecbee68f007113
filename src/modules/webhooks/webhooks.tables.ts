// The webhooks module's tables, picked from the types generated from the migrated database, and its
// handle: its own tables only (what it sends comes from domain events, never from others' tables).
import type { DB } from '../../platform/db/generated-schema.ts';

export type WebhooksTables = Pick<DB, 'webhook_endpoints' | 'webhook_deliveries' | 'webhook_attempts'>;

export type WebhooksDb = WebhooksTables;
