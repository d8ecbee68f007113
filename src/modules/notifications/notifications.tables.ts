// The notifications module's tables, picked from the types generated from the migrated database,
// and the shape of its json column (scripts/db-types.ts names it).
import type { DB } from '../../platform/db/generated-schema.ts';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
  cid?: string;
}

export type NotificationsTables = Pick<DB, 'mail_outbox'>;

/** The notifications module's handle: its own table, no read models (what it mails comes from events and ports). */
export type NotificationsDb = NotificationsTables;
