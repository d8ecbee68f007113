// The events that change a wallet pass, each in the transaction that marks it processed (so once per
// event id): showtime.moved (a new start or hall: every pass of the showtime) and tickets.cancelled
// (a refund or a cancelled showtime: the voided tickets' passes). Each bumps the passes' updated_at,
// which the PassKit web service reports, and queues one `wallet.notify` job that tells the phone
// makers' servers outside the transaction: an APNs push to every registered device, and the PATCH
// Google Wallet needs (the class's new time, or the object made inactive). A failure throws, so the
// job queue retries the job.
import type { Clock } from '../../platform/clock.ts';
import { narrowTx } from '../../platform/db/module-db.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { JobQueue } from '../../platform/queue/job-queue.ts';
import type { Config } from '../../config.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { googleClassId, googleDateTime, googleObjectId } from './google-save.ts';
import type { ApplePushPort, GoogleWalletPort } from './wallet.ports.ts';
import { forgetPushTokens, pushTokensOf, touchPasses } from './wallet.store.ts';
import type { WalletDb } from './wallet.tables.ts';

export const NOTIFY_QUEUE = 'wallet.notify';

export const WALLET_CONSUMERS = [
  { name: 'wallet.showtime-moved', pattern: 'showtime.moved' },
  { name: 'wallet.tickets-cancelled', pattern: 'tickets.cancelled' },
] as const;

type NotifyJob = {
  serials: string[];
  moved?: { showtimeId: string; startsAt: string; endsAt: string };
  cancelledTickets?: string[];
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export async function subscribeWallet(deps: {
  events: EventBus;
  queue: JobQueue;
  clock: Clock;
  database: ModuleDatabase;
  config: Pick<Config, 'wallet'>;
  applePush: ApplePushPort;
  googleWallet: GoogleWalletPort;
}): Promise<Unsubscribe[]> {
  const { events, queue, clock, config } = deps;
  const db = moduleDb<WalletDb>(deps.database);
  queue.work<NotifyJob>(NOTIFY_QUEUE, async ({ payload: job }) => {
    const apple = config.wallet.apple;
    const tokens = apple ? await pushTokensOf(db, job.serials) : [];
    if (apple && tokens.length > 0) {
      const pushed = await deps.applePush.push(apple.passTypeIdentifier, tokens);
      // 410 Unregistered: the device removed the pass (or the app); it will not ask again.
      await forgetPushTokens(db, apple.passTypeIdentifier, pushed.unregistered);
      // The job is retried (every device pushed again: an empty push is harmless twice).
      if (pushed.failures.length > 0)
        throw new Error(`APNs: ${pushed.failures.length} of ${tokens.length} pushes failed: ${pushed.failures[0]}`);
    }
    const google = config.wallet.google;
    if (!google) return;
    if (job.moved)
      await deps.googleWallet.patchClass(googleClassId(google, job.moved.showtimeId), {
        dateTime: googleDateTime(new Date(job.moved.startsAt), new Date(job.moved.endsAt)),
      });
    for (const id of job.cancelledTickets ?? [])
      await deps.googleWallet.patchObject(googleObjectId(google, id), { state: 'INACTIVE' });
  });
  const [moved, cancelled] = WALLET_CONSUMERS;
  const offered = () => config.wallet.apple !== undefined || config.wallet.google !== undefined;
  return [
    await events.subscribe(moved.name, moved.pattern, async (e, trx) => {
      const showtimeId = str(e.payload.showtimeId);
      const to = (e.payload.to ?? {}) as { startsAt?: unknown; endsAt?: unknown };
      const startsAt = str(to.startsAt);
      const endsAt = str(to.endsAt);
      if (!showtimeId || !startsAt || !endsAt || !offered()) return;
      const serials = await touchPasses(narrowTx<WalletDb>(trx), { showtimeId }, clock.now());
      const job: NotifyJob = { serials, moved: { showtimeId, startsAt, endsAt } };
      await queue.enqueue(trx, NOTIFY_QUEUE, job, { key: `event:${e.id}` });
    }),
    await events.subscribe(cancelled.name, cancelled.pattern, async (e, trx) => {
      const ticketIds = strings(e.payload.ticketIds);
      if (ticketIds.length === 0 || !offered()) return;
      const serials = await touchPasses(narrowTx<WalletDb>(trx), { serials: ticketIds }, clock.now());
      const job: NotifyJob = { serials, cancelledTickets: ticketIds };
      await queue.enqueue(trx, NOTIFY_QUEUE, job, { key: `event:${e.id}` });
    }),
  ];
}
