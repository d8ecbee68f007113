// The event consumers of notifications: one durable consumer per kind of email, and one for account
// erasure. A consumer runs in the transaction that marks its event processed, so it does only cheap
// work there: it queues the mail job (keyed by consumer and event, so a redelivery adds nothing);
// composing, rendering and sending happen in the job, with the queue's retries and dead letter.
import { narrowTx } from '../../platform/db/module-db.ts';
import type { EventBus, SubscribeOptions } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { JobQueue } from '../../platform/queue/job-queue.ts';
import { EMAIL_KINDS, type EmailKind } from './emails.ts';
import { consumerName, MAIL_QUEUE, type MailJob, mailKey } from './mail-job.ts';
import { deleteForUser } from './mail.store.ts';
import type { NotificationsDb } from './notifications.tables.ts';

export const ERASURE_CONSUMER = 'notifications.account-erased';

/** Every consumer notifications subscribes, with its event pattern (tests wait for them). */
export const NOTIFICATION_CONSUMERS: { name: string; pattern: string }[] = [
  ...Object.entries(EMAIL_KINDS).map(([kind, spec]) => ({
    name: consumerName(kind as EmailKind),
    pattern: spec.event,
  })),
  { name: ERASURE_CONSUMER, pattern: 'account.erased' },
];

/** The app_settings key migration 094 stores the consumers' start in (on a database that had the previous release). */
export const EVENTS_SINCE_SETTING = 'notifications.events_since';

/** `options.since`: when the consumers came into service, so NATS makes them from then on. */
export async function subscribeNotifications(
  events: EventBus,
  queue: JobQueue,
  options: SubscribeOptions = {},
): Promise<Unsubscribe[]> {
  const subscriptions: Unsubscribe[] = [];
  for (const kind of Object.keys(EMAIL_KINDS) as EmailKind[]) {
    const spec: {
      event: string;
      when?: (p: Record<string, unknown>) => boolean;
      each?: (p: Record<string, unknown>) => { key: string; payload: Record<string, unknown> }[];
    } = EMAIL_KINDS[kind];
    subscriptions.push(
      await events.subscribe(
        consumerName(kind),
        spec.event,
        async (event, trx) => {
          if (spec.when && !spec.when(event.payload)) return;
          // An event about many recipients makes one job (and email) each, keyed by event and recipient.
          const parts = spec.each
            ? spec.each(event.payload).map((x) => ({ id: `${event.id}:${x.key}`, payload: x.payload }))
            : [{ id: event.id, payload: event.payload }];
          for (const part of parts) {
            const job: MailJob = { kind, event: { id: part.id, type: event.type, payload: part.payload } };
            await queue.enqueue(trx, MAIL_QUEUE, job, { key: mailKey(kind, part.id) });
          }
        },
        options,
      ),
    );
  }
  // The erased account's mail goes, sent or queued; a job still to compose one finds no contact.
  subscriptions.push(
    await events.subscribe(
      ERASURE_CONSUMER,
      'account.erased',
      async (event, trx) => {
        const userId = event.payload.userId;
        if (typeof userId === 'string') await deleteForUser(narrowTx<NotificationsDb>(trx), userId);
      },
      options,
    ),
  );
  return subscriptions;
}
