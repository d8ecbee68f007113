// The worker that drains the mail outbox. Sending never happens inside a request: a dead SMTP server
// delays mail (exponential backoff) but never fails or slows the change that queued it.
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs.ts';
import type { MailTransport } from '../../platform/mail/transport.ts';
import * as store from './mail.store.ts';

const MAIL_BATCH = 20;
/** Messages handed to the transport at once (its SMTP pool has as many connections). */
const SEND_CONCURRENCY = 4;
export const MAX_ATTEMPTS = 20;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
// Long enough for a slow SMTP conversation; a worker that dies while sending frees its rows then.
const LEASE_MS = 5 * 60_000;

/** Delay before attempt `attempts + 1`: 30 s, 1 min, 2 min, … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function createMailDeliveryJob(deps: {
  database: Database;
  clock: Clock;
  transport: MailTransport;
  logger: Logger;
}): Job {
  const { database, clock, transport, logger } = deps;
  const db = database.db;
  // Several messages at once over the transport's pooled connections: one slow SMTP conversation
  // no longer holds up the rest of the batch.
  const limit = pLimit(SEND_CONCURRENCY);

  async function deliver(m: store.QueuedMail): Promise<void> {
    try {
      await transport.send({
        to: m.recipient,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlBody,
        attachments: m.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
          cid: a.cid,
        })),
      });
      // The dev mailbox is where a developer reads the links, so they stay there.
      await store.markSent(db, m.id, clock.now(), transport.kind, transport.kind !== 'dev');
    } catch (err) {
      const error = (err as Error).message?.slice(0, 1000) || 'unknown error';
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      const retryAt = giveUp ? null : new Date(clock.now().getTime() + retryDelayMs(m.attempts));
      await store.markFailed(db, m.id, error, retryAt, clock.now());
      const fields = { mailId: m.id, attempts: m.attempts, error, retryAt };
      if (giveUp) logger.error(fields, 'mail delivery failed for good');
      else logger.warn(fields, 'mail delivery failed; will retry');
    }
  }

  return {
    name: 'mail-delivery',
    async runOnce() {
      const now = clock.now();
      const batch = await store.claimDueMail(db, now, new Date(now.getTime() + LEASE_MS), MAIL_BATCH);
      await Promise.all(batch.map((m) => limit(() => deliver(m))));
      return batch.length;
    },
  };
}
