// Notifications: other modules queue mail in their own transaction (the outbox); a job delivers it.
import path from 'node:path';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs.ts';
import { createDevMailbox, createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { createMailDeliveryJob } from './mail-delivery.ts';
import * as store from './mail.store.ts';
import { registerNotificationRoutes } from './notifications.routes.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files (e.g. ticket PDFs) and inline images: set `cid` and refer to `cid:<cid>` in the HTML. */
  attachments?: { filename: string; contentType: string; contentBase64: string; cid?: string }[];
}

export interface Mail {
  /** Queues a message in the caller's transaction; a worker delivers it later. */
  enqueue(trx: Executor, message: MailMessage): Promise<void>;
  /** Deletes every message to this address, sent or queued (the account's erasure). */
  eraseRecipient(trx: Executor, address: string): Promise<void>;
}

// Delivered mail is kept this long (the dev mailbox view, support questions), then deleted.
const KEEP_SENT_MS = 30 * 24 * 60 * 60_000;

export function createNotificationsModule(platform: Platform): {
  mail: Mail;
  transport: MailTransport;
  parts: ModuleParts;
} {
  const { config, database, clock, logger } = platform;
  const transport = config.smtpUrl
    ? createSmtpTransport(config.smtpUrl, config.mailFrom)
    : createDevMailbox(path.join(config.dataDir, 'mailbox'), config.mailFrom, logger);
  const mail: Mail = {
    async enqueue(trx, message) {
      await store.insertMail(trx, {
        recipient: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments ?? [],
        now: clock.now(),
      });
    },
    eraseRecipient: (trx, address) => store.deleteForRecipient(trx, address),
  };
  const cleanup: Job = {
    name: 'mail-outbox-cleanup',
    intervalMs: 60 * 60_000,
    runOnce: () => store.deleteOldMail(database.db, new Date(clock.now().getTime() - KEEP_SENT_MS), 500),
  };
  return {
    mail,
    transport,
    parts: {
      routes: (app, auth) =>
        registerNotificationRoutes(app, auth, { db: database.db, devMailbox: transport.kind === 'dev' }),
      jobs: [createMailDeliveryJob({ database, clock, transport, logger }), cleanup],
      onClose: async () => transport.close(),
    },
  };
}
