// Mail is made from events, asynchronously: the dispatcher publishes an event, a notifications
// consumer queues a mail job (at once in-process, whenever NATS delivers with NATS_URL set), a queue
// drain composes and sends it. Suites wait for that to settle instead of counting job rounds.
import { MAIL_QUEUE, NOTIFICATION_CONSUMERS } from '../../src/modules/notifications/notifications.module.ts';
import { eventually } from './eventually.ts';
import type { SmtpReceiver } from './smtp-receiver.ts';
import type { TestApp } from './test-app.ts';

/** Every event published, handled by every notifications consumer, and no mail job due. */
export async function mailSettled(t: TestApp): Promise<boolean> {
  const db = t.app.platform.database.db;
  const unpublished = await db
    .selectFrom('outbox_events')
    .select('id')
    .where('published_at', 'is', null)
    .limit(1)
    .execute();
  if (unpublished.length > 0) return false;
  for (const consumer of NOTIFICATION_CONSUMERS) {
    const waiting = await db
      .selectFrom('outbox_events as e')
      .select('e.id')
      .where('e.type', '=', consumer.pattern)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('processed_events as p')
              .select('p.event_id')
              .whereRef('p.event_id', '=', 'e.id')
              .where('p.consumer', '=', consumer.name),
          ),
        ),
      )
      .limit(1)
      .execute();
    if (waiting.length > 0) return false;
  }
  const due = await db
    .selectFrom('jobs')
    .select('id')
    .where('queue', '=', MAIL_QUEUE)
    .where('state', '!=', 'dead')
    .where('run_at', '<=', t.clock.now())
    .limit(1)
    .execute();
  return due.length === 0;
}

/** Runs the app's jobs until the mail of every event so far is sent (or waits for a retry not yet due). */
export async function deliverMail(t: TestApp, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => {
      await t.app.runJobsOnce();
      return mailSettled(t);
    },
    timeoutMs,
    25,
    'mail of every event delivered',
  );
}

/** The token of the newest `path` link (e.g. `/verify-email`) an SMTP receiver got for `to` (quoted-printable undone). */
export function receivedToken(receiver: SmtpReceiver, to: string, path: string): string {
  for (const m of [...receiver.messages].reverse().filter((x) => x.to.includes(to))) {
    const found = new RegExp(`${path}\\?token=(?:3D)?([A-Za-z0-9_-]{43})`).exec(m.raw.replace(/=\r?\n/g, ''));
    if (found?.[1]) return found[1];
  }
  throw new Error(`no ${path} link received for ${to}`);
}
