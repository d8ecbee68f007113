// SQL for the mail outbox: each message stored once under its job's key, then marked sent or failed
// (`attempts` counts the sends tried, for support).
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NotificationsDb, StoredAttachment } from './notifications.tables.ts';

export interface StoredMail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attachments: StoredAttachment[];
  sentAt: Date | null;
  failedAt: Date | null;
}

const MAIL_COLUMNS = [
  'id',
  'recipient',
  'subject',
  'text_body',
  'html_body',
  'attachments',
  'sent_at',
  'failed_at',
] as const;

/** The message stored under `key`, if any. */
export async function findByKey(db: Executor<NotificationsDb>, key: string): Promise<StoredMail | undefined> {
  const r = await db.selectFrom('mail_outbox').select(MAIL_COLUMNS).where('key', '=', key).executeTakeFirst();
  return (
    r && {
      id: r.id,
      recipient: r.recipient,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      attachments: r.attachments,
      sentAt: r.sent_at,
      failedAt: r.failed_at,
    }
  );
}

/** Stores a message under `key` unless one is there already (a retry racing a lapsed lease). */
export async function insertMail(
  db: Executor<NotificationsDb>,
  m: {
    key: string;
    userId: string | null;
    recipient: string;
    subject: string;
    text: string;
    html: string;
    attachments: StoredAttachment[];
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      key: m.key,
      user_id: m.userId,
      recipient: m.recipient,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      attachments: JSON.stringify(m.attachments),
      created_at: m.now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** Deletes the message stored under `key` (its account was erased while it was being composed). */
export async function deleteByKey(db: Executor<NotificationsDb>, key: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('key', '=', key).execute();
}

/** Deletes a message given up on, so that an admin's retry of its job composes it afresh. */
export async function deleteMail(db: Executor<NotificationsDb>, id: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
}

// Mailed links carry bearer tokens (`?token=…`, `&amp;token=…` in HTML): the value goes once the
// message is out of our hands, so delivered mail kept for support holds no working link.
const LINK_TOKEN = `([?&;]token=)[^&"'<>[:space:]]+`;
const withoutTokens = (column: RawBuilder<unknown>) =>
  sql<string>`regexp_replace(${column}, ${LINK_TOKEN}, '\\1[redacted]', 'gi')`;
const REDACTED_LINK = /[?&;]token=\[redacted\]/i;
/** Whether the message's links lost their tokens (delivered, or given up on). */
export const hasRedactedLinks = (m: { textBody: string; htmlBody: string }) =>
  REDACTED_LINK.test(m.textBody) || REDACTED_LINK.test(m.htmlBody);
const forgetTokens = {
  text_body: withoutTokens(sql.ref('text_body')),
  html_body: withoutTokens(sql.ref('html_body')),
};

// A gift card's email carries its code (Crockford base32, `XXXX-XXXX-XXXX-XXXX-XXXX`) in the bodies
// and its PDF: once out of our hands the kept copy loses both, like the links' tokens.
const GIFT_CODE = `\\y[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}\\y`;
const withoutGiftCodes = (column: RawBuilder<unknown>) =>
  sql<string>`regexp_replace(${column}, ${GIFT_CODE}, '[redacted]', 'g')`;
const forgetGiftCodes = {
  text_body: withoutGiftCodes(withoutTokens(sql.ref('text_body'))),
  html_body: withoutGiftCodes(withoutTokens(sql.ref('html_body'))),
  attachments: sql<string>`'[]'::jsonb`,
};

/** What a delivered or abandoned message's kept copy loses: its links' tokens, and a gift card's code. */
export interface Forget {
  links: boolean;
  giftCode: boolean;
}
const forgotten = (forget: Forget) => (forget.giftCode ? forgetGiftCodes : forget.links ? forgetTokens : {});

/**
 * Marks a message delivered; `forget` strips the tokens of its links and a gift card's code and PDF
 * (real mail; the dev mailbox keeps them).
 */
export async function markSent(
  db: Executor<NotificationsDb>,
  id: string,
  now: Date,
  transport: string,
  forget: Forget,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      sent_at: now,
      failed_at: null,
      last_error: null,
      transport,
      attempts: sql`attempts + 1`,
      ...forgotten(forget),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a failed send; `giveUp` (the job's last attempt) also marks it failed and strips its links'
 * tokens (and a gift card's code and PDF when `giftCode`).
 */
export async function markAttemptFailed(
  db: Executor<NotificationsDb>,
  id: string,
  error: string,
  now: Date,
  giveUp: boolean,
  giftCode = false,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      last_error: error,
      attempts: sql`attempts + 1`,
      ...(giveUp ? { failed_at: now, ...forgotten({ links: true, giftCode }) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Deletes every message of an account, sent or not (its erasure). */
export async function deleteForUser(db: Executor<NotificationsDb>, userId: string): Promise<number> {
  const rows = await db.deleteFrom('mail_outbox').where('user_id', '=', userId).returning('id').execute();
  return rows.length;
}

/** Deletes delivered or abandoned messages older than `before`; returns how many. */
export async function deleteOldMail(db: Executor<NotificationsDb>, before: Date, limit: number): Promise<number> {
  const old = db
    .selectFrom('mail_outbox')
    .select('id')
    .where((eb) => eb.or([eb('sent_at', '<', before), eb('failed_at', '<', before)]))
    .limit(limit);
  const rows = await db.deleteFrom('mail_outbox').where('id', 'in', old).returning('id').execute();
  return rows.length;
}

/** Recently delivered messages (the dev mailbox view). */
export async function recentSent(db: Executor<NotificationsDb>, limit: number, recipient?: string) {
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
