// SQL for the mail outbox.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { StoredAttachment } from './notifications.tables.ts';

export interface QueuedMail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attachments: StoredAttachment[];
  attempts: number;
}

export async function insertMail(
  db: Executor,
  m: { recipient: string; subject: string; text: string; html: string; attachments: StoredAttachment[]; now: Date },
): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      recipient: m.recipient,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      attachments: JSON.stringify(m.attachments),
      created_at: m.now,
      next_attempt_at: m.now,
    })
    .execute();
}

/**
 * Claims up to `limit` due messages for one worker: rows another worker holds are skipped, and the
 * claim pushes next_attempt_at to `leaseUntil`, so a worker that dies mid-send only delays them.
 */
export async function claimDueMail(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<QueuedMail[]> {
  const due = db
    .selectFrom('mail_outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: leaseUntil, attempts: sql`attempts + 1` })
    .where('id', 'in', due)
    .returning(['id', 'recipient', 'subject', 'text_body', 'html_body', 'attachments', 'attempts'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    subject: r.subject,
    textBody: r.text_body,
    htmlBody: r.html_body,
    attachments: r.attachments,
    attempts: r.attempts,
  }));
}

// Mailed links carry bearer tokens (`?token=…`, `&amp;token=…` in HTML): the value goes once the
// message is out of our hands, so delivered mail kept for support holds no working link.
const LINK_TOKEN = `([?&;]token=)[^&"'<>[:space:]]+`;
const withoutTokens = (column: 'text_body' | 'html_body') =>
  sql<string>`regexp_replace(${sql.ref(column)}, ${LINK_TOKEN}, '\\1[redacted]', 'gi')`;
const forgetTokens = { text_body: withoutTokens('text_body'), html_body: withoutTokens('html_body') };

/** Marks a message delivered; `forgetLinks` also strips the tokens of its links (real mail, not the dev mailbox). */
export async function markSent(
  db: Executor,
  id: string,
  now: Date,
  transport: string,
  forgetLinks: boolean,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ sent_at: now, last_error: null, transport, ...(forgetLinks ? forgetTokens : {}) })
    .where('id', '=', id)
    .execute();
}

/** Records a failed delivery: tried again at `retryAt`, or given up (its links' tokens then go too). */
export async function markFailed(
  db: Executor,
  id: string,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(
      retryAt
        ? { last_error: error, next_attempt_at: retryAt }
        : { last_error: error, failed_at: now, ...forgetTokens },
    )
    .where('id', '=', id)
    .execute();
}

/** Deletes every message to a recipient, sent or not (erasure of an account). */
export async function deleteForRecipient(db: Executor, recipient: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('recipient', '=', recipient).execute();
}

/** Deletes delivered or abandoned messages older than `before`; returns how many. */
export async function deleteOldMail(db: Executor, before: Date, limit: number): Promise<number> {
  const old = db
    .selectFrom('mail_outbox')
    .select('id')
    .where((eb) => eb.or([eb('sent_at', '<', before), eb('failed_at', '<', before)]))
    .limit(limit);
  const rows = await db.deleteFrom('mail_outbox').where('id', 'in', old).returning('id').execute();
  return rows.length;
}

/** Recently delivered messages (the dev mailbox view). */
export async function recentSent(db: Executor, limit: number, recipient?: string) {
  let q = db
    .selectFrom('mail_outbox')
    .select(['id', 'recipient', 'subject', 'text_body', 'sent_at', 'attachments'])
    .where('sent_at', 'is not', null)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (recipient) q = q.where('recipient', '=', recipient);
  return q.execute();
}
