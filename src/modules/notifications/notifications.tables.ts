import type { Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/platform.tables.ts';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
  cid?: string;
}

export interface NotificationsTables {
  mail_outbox: {
    id: Generated<string>;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string;
    attachments: JSONColumnType<StoredAttachment[], string, string>;
    created_at: Timestamp;
    next_attempt_at: Timestamp;
    attempts: Generated<number>;
    last_error: string | null;
    sent_at: Timestamp | null;
    failed_at: Timestamp | null;
    transport: string | null;
  };
}
