// Notifications: every email is made here from a domain event (mail-consumers.ts), composed from the
// event and the other modules' public functions (emails.ts), stored and sent by a queue job
// (mail-job.ts). Nothing else sends mail; producers only write their events.
import path from 'node:path';
import { Counter } from 'prom-client';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { Job } from '../../platform/jobs.ts';
import { createDevMailbox, createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { createEmailComposer } from './emails.ts';
import { readSetting } from '../../platform/settings.ts';
import { EVENTS_SINCE_SETTING, subscribeNotifications } from './mail-consumers.ts';
import { createMailJob, MAIL_QUEUE, MAIL_WORKER, type MailJob } from './mail-job.ts';
import * as store from './mail.store.ts';
import type { NotificationsDeps } from './notifications.ports.ts';
import { registerNotificationRoutes } from './notifications.routes.ts';
import type { NotificationsDb } from './notifications.tables.ts';

export type { NotificationsDeps } from './notifications.ports.ts';
export { NOTIFICATION_CONSUMERS } from './mail-consumers.ts';
export { MAIL_QUEUE } from './mail-job.ts';

// Delivered mail is kept this long (the dev mailbox view, support questions), then deleted.
const KEEP_SENT_MS = 30 * 24 * 60 * 60_000;

export function createNotificationsModule(
  platform: Platform,
  deps: NotificationsDeps,
): { transport: MailTransport; parts: ModuleParts } {
  const { config, clock, logger, events, queue } = platform;
  const db = moduleDb<NotificationsDb>(platform.database);
  const transport = config.smtpUrl
    ? createSmtpTransport(config.smtpUrl, config.mailFrom)
    : createDevMailbox(path.join(config.dataDir, 'mailbox'), config.mailFrom, logger);
  const compose = createEmailComposer({ ...deps, publicUrl: config.publicUrl, logger });
  // Attempts that failed, counted at zero from the start so the alert's rate() sees the first one.
  const mailFailures = new Counter({
    name: 'marquee_mail_failures_total',
    help: 'Mail delivery attempts that failed: retried later, or given up on (the last attempt)',
    labelNames: ['outcome'] as const,
    registers: [platform.metrics],
  });
  for (const outcome of ['retried', 'given_up']) mailFailures.inc({ outcome }, 0);
  const runMailJob = createMailJob({
    db,
    clock,
    transport,
    logger,
    compose,
    contact: deps.contact,
    messageIdDomain: config.mailFrom.split('@').pop() || 'localhost',
    delivered: async (job) => {
      const id = job.kind === 'gift-card' ? job.event.payload.giftCardId : undefined;
      if (typeof id === 'string') await deps.giftCardMailSent?.(id);
    },
    failed: (givenUp) => mailFailures.inc({ outcome: givenUp ? 'given_up' : 'retried' }),
  });
  queue.work<MailJob>(MAIL_QUEUE, runMailJob, MAIL_WORKER);
  const cleanup: Job = {
    name: 'mail-outbox-cleanup',
    intervalMs: 60 * 60_000,
    runOnce: () => store.deleteOldMail(db, new Date(clock.now().getTime() - KEEP_SENT_MS), 500),
  };
  let subscriptions: Unsubscribe[] = [];
  return {
    transport,
    parts: {
      routes: (app, auth) => registerNotificationRoutes(app, auth, { db, devMailbox: transport.kind === 'dev' }),
      jobs: [cleanup],
      // Before any job runs, so this process's consumers exist before its dispatcher publishes.
      onStart: async () => {
        // On a database that had the previous release: the consumers start from when they came into service.
        const since = await readSetting(db, EVENTS_SINCE_SETTING);
        subscriptions = await subscribeNotifications(events, queue, { since: since ? new Date(since) : undefined });
      },
      onClose: async () => {
        for (const unsubscribe of subscriptions) await unsubscribe();
        transport.close();
      },
    },
  };
}
