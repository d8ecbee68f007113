// The platform's own tables (event outbox, job queue, idempotency keys, settings, applied migrations), picked
// from the types generated from the migrated database.
import type { DB } from './generated-schema.ts';

export type PlatformTables = Pick<
  DB,
  'outbox_events' | 'processed_events' | 'jobs' | 'idempotency_keys' | 'app_settings' | 'schema_migrations'
>;
