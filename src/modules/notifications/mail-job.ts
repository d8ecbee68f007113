// One job of the `notifications.mail` queue per email: compose it from its event, store it once
// under the job's key, send it, mark it sent. Every step can be repeated: a retry (or a second run
// after a crash) finds the stored message and sends that, never composing or rendering a second one;
// a message already marked sent is not sent again. Between the server's "250 OK" and our mark a
// crash can still resend it, with the same Message-ID, so mail clients show it once. An account
// erased while its email was being composed gets nothing: the account is looked up again once the
// message is stored, so either that look-up or the erasure's deletion (which runs after the erasure
// committed) finds the message.
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { MailTransport } from '../../platform/mail/transport.ts';
import { PermanentJobError, type QueuedJob } from '../../platform/queue/job-queue.ts';
import { type EmailComposer, type EmailKind, isEmailKind } from './emails.ts';
import * as store from './mail.store.ts';
import type { NotificationsDb } from './notifications.tables.ts';

export const MAIL_QUEUE = 'notifications.mail';

/** How the queue runs mail jobs: a few at once over the transport's pooled connections, long patience. */
export const MAIL_WORKER = {
  concurrency: 4,
  // Long enough to render a booking's tickets and hold a slow SMTP conversation.
  leaseMs: 5 * 60_000,
  maxAttempts: 20,
  // 30 s, 1 min, 2 min … up to an hour (with jitter): retried for more than half a day in all.
  backoff: { firstMs: 30_000, maxMs: 60 * 60_000 },
};

/** The event as a job carries it. */
export interface MailEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** An email to make from an event, or (mail stored before this queue existed) one to send as stored. */
export type MailJob = { kind: EmailKind; event: MailEvent } | { kind: 'stored'; key: string };

/** The consumer an email kind is made by; with the event id it names the job and the stored message. */
export const consumerName = (kind: EmailKind) => `notifications.${kind}`;
export const mailKey = (kind: EmailKind, eventId: string) => `${consumerName(kind)}:${eventId}`;

/** The job's key (and its stored message's); a payload this version cannot read is dead at once. */
function keyOf(job: MailJob): string {
  if (job.kind === 'stored') {
    if (typeof job.key === 'string') return job.key;
  } else if (isEmailKind(job.kind) && typeof job.event?.id === 'string') {
    return mailKey(job.kind, job.event.id);
  }
  throw new PermanentJobError('not a mail job this version knows');
}

export function createMailJob(deps: {
  db: Executor<NotificationsDb>;
  clock: Clock;
  transport: MailTransport;
  logger: Logger;
  compose: EmailComposer;
  /** The account's address as it is now; null once it is erased. */
  contact(userId: string): Promise<unknown>;
  /** The domain of Message-IDs (that of MAIL_FROM). */
  messageIdDomain: string;
  /** Told once a message is delivered (again on a retry after a crash): a gift card's sealed code goes. */
  delivered?(job: MailJob): Promise<void>;
  /** Told of every failed delivery attempt (metrics): whether the queue gives up on it now. */
  failed?(givenUp: boolean): void;
}) {
  const { db, clock, transport } = deps;

  /** The message this job sends: the one stored under its key, else composed now and stored. */
  async function storedMessage(job: MailJob, key: string): Promise<store.StoredMail | undefined> {
    let mail = await store.findByKey(db, key);
    // Given up on, then retried by an admin: made again, so its links are whole and fresh.
    if (mail?.failedAt && job.kind !== 'stored') {
      await store.deleteMail(db, mail.id);
      mail = undefined;
    }
    if (mail || job.kind === 'stored') return mail;
    const composed = await deps.compose(job.kind, job.event.payload);
    if (!composed) return undefined;
    const { content } = composed;
    await store.insertMail(db, {
      key,
      userId: composed.userId,
      recipient: composed.to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      attachments: content.attachments ?? [],
      now: clock.now(),
    });
    // Erased while the mail was made: it goes. A guest's mail has no account to erase.
    if (composed.userId !== null && !(await deps.contact(composed.userId))) {
      await store.deleteByKey(db, key);
      return undefined;
    }
    return store.findByKey(db, key);
  }

  async function runMailJob(job: QueuedJob<MailJob>): Promise<void> {
    const key = keyOf(job.payload);
    const mail = await storedMessage(job.payload, key);
    if (!mail) return;
    if (!mail.sentAt) await send(mail, job, key);
    await deps.delivered?.(job.payload);
  }

  async function send(mail: store.StoredMail, job: QueuedJob<MailJob>, key: string): Promise<void> {
    // A gift card's email: once out of our hands (or given up) its copy keeps neither code nor PDF.
    const giftCode = key.startsWith(`${consumerName('gift-card')}:`);
    // Given up on, its links' tokens were stripped; a message kept from before this queue is never
    // composed again, so an admin's retry would send links that cannot work.
    if (store.hasRedactedLinks(mail)) throw new PermanentJobError('its links were redacted when it was given up on');
    try {
      await transport.send({
        messageId: `<${mail.id}@${deps.messageIdDomain}>`,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
          cid: a.cid,
        })),
      });
    } catch (err) {
      const error = (err as Error).message?.slice(0, 1000) || 'unknown error';
      // The queue gives up after this attempt: the message is marked failed and its links' tokens go.
      const giveUp = job.attempts >= job.maxAttempts;
      await store.markAttemptFailed(db, mail.id, error, clock.now(), giveUp, giftCode);
      deps.failed?.(giveUp);
      throw err;
    }
    // The dev mailbox is where a developer reads the links and codes, so they stay there.
    const real = transport.kind !== 'dev';
    await store.markSent(db, mail.id, clock.now(), transport.kind, { links: real, giftCode: real && giftCode });
  }

  return runMailJob;
}
