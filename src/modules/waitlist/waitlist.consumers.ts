// The events the waiting list acts on, each in the transaction that marks it processed (so once per
// event id):
// - booking.seats_changed with seats back to `available` (a hold lapsed or was released, tickets
//   refunded, a block lifted): when anyone waits on the showtime, one `waitlist.offer` job keyed by
//   the event, which makes the offers (waitlist.offers.ts) outside the event's transaction;
// - booking.confirmed / booking.expired / booking.released of an offer's booking: the entry is
//   claimed, expired or cancelled (the freed seats of the last two come as seats_changed too).
import { narrowTx } from '../../platform/db/module-db.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { type JobQueue, RunAgainLater } from '../../platform/queue/job-queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Offerer } from './waitlist.offers.ts';
import { hasWaiting, settleOffer } from './waitlist.store.ts';
import type { WaitlistDb } from './waitlist.tables.ts';

export const OFFER_QUEUE = 'waitlist.offer';

/** How soon a job that found another offer in flight looks again. */
const BUSY_RETRY_MS = 1000;

export const WAITLIST_CONSUMERS = [
  { name: 'waitlist.seats-freed', pattern: 'booking.seats_changed' },
  { name: 'waitlist.offer-claimed', pattern: 'booking.confirmed' },
  { name: 'waitlist.offer-expired', pattern: 'booking.expired' },
  { name: 'waitlist.offer-released', pattern: 'booking.released' },
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export async function subscribeWaitlist(deps: {
  events: EventBus;
  queue: JobQueue;
  clock: Clock;
  offerer: Offerer;
}): Promise<Unsubscribe[]> {
  const { events, queue, clock } = deps;
  // One offer in flight per showtime: a job that finds another worker's offer under way comes back
  // a moment later (not counted as an attempt), so seats freed meanwhile are never left unoffered.
  queue.work<{ showtimeId: string }>(
    OFFER_QUEUE,
    async (job) => {
      const { busy } = await deps.offerer.offerFreedSeats(job.payload.showtimeId);
      if (busy) throw new RunAgainLater(new Date(clock.now().getTime() + BUSY_RETRY_MS), 'another offer in flight');
    },
    { concurrency: 4 },
  );
  const [freed, claimed, expired, released] = WAITLIST_CONSUMERS;
  const settle =
    (status: 'claimed' | 'expired' | 'cancelled') =>
    async (e: { payload: Record<string, unknown> }, trx: Parameters<typeof narrowTx>[0]) => {
      const bookingId = str(e.payload.bookingId);
      if (bookingId) await settleOffer(narrowTx<WaitlistDb>(trx), bookingId, status, clock.now());
    };
  return [
    await events.subscribe(freed.name, freed.pattern, async (e, trx) => {
      const showtimeId = str(e.payload.showtimeId);
      const seats = Array.isArray(e.payload.seats) ? (e.payload.seats as { status?: unknown }[]) : [];
      if (!showtimeId || !seats.some((s) => s.status === 'available')) return;
      if (!(await hasWaiting(narrowTx<WaitlistDb>(trx), showtimeId))) return;
      await queue.enqueue(trx, OFFER_QUEUE, { showtimeId }, { key: `freed:${e.id}` });
    }),
    await events.subscribe(claimed.name, claimed.pattern, settle('claimed')),
    await events.subscribe(expired.name, expired.pattern, settle('expired')),
    await events.subscribe(released.name, released.pattern, settle('cancelled')),
  ];
}
