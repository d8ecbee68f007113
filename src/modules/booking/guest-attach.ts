// Registering later with the same verified email attaches past guest bookings to the account. The
// consumer of account.email_verified only queues a job in its own transaction (it may read nothing
// else there); the job asks accounts for the verified address and attaches, idempotently: a booking
// that has an account keeps it, so a redelivered event or a retried job changes nothing. A guest
// booking confirmed with the address of an account that is verified already is attached the same
// way (booking.confirmed without a user: the job looks the account up by the booking's address).
import { narrowTx } from '../../platform/db/module-db.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { JobQueue } from '../../platform/queue/job-queue.ts';
import type { BookingDb } from './booking.tables.ts';
import type { GuestService } from './guest.service.ts';
import { forgetGuestContact } from './guest-tokens.store.ts';

export const GUEST_ATTACH_CONSUMER = 'booking.guest-attach';
export const GUEST_ATTACH_QUEUE = 'booking.guest-attach';
export const GUEST_CONFIRMED_CONSUMER = 'booking.guest-attach-confirmed';
export const GUEST_CONFIRMED_QUEUE = 'booking.guest-attach-confirmed';
export const GUEST_ERASURE_CONSUMER = 'booking.guest-erasure';

export async function subscribeGuestAttach(deps: {
  events: EventBus;
  queue: JobQueue;
  guests: GuestService;
  /** The account's address once verified; null otherwise (accounts' users.verifiedEmail). */
  verifiedEmail(userId: string): Promise<string | null>;
  /** The account whose verified address this is; null when none (accounts' users.verifiedUserByEmail). */
  verifiedUserByEmail(email: string): Promise<string | null>;
}): Promise<Unsubscribe> {
  deps.queue.work<{ bookingId: string }>(GUEST_CONFIRMED_QUEUE, async (job) => {
    const contact = await deps.guests.contact(job.payload.bookingId);
    const userId = contact && (await deps.verifiedUserByEmail(contact.email));
    if (contact && userId) await deps.guests.attach(userId, contact.email);
  });
  const confirmed = await deps.events.subscribe(GUEST_CONFIRMED_CONSUMER, 'booking.confirmed', async (event, trx) => {
    const bookingId = event.payload.bookingId;
    if (typeof bookingId !== 'string' || event.payload.userId) return;
    await deps.queue.enqueue(trx, GUEST_CONFIRMED_QUEUE, { bookingId }, { key: `attach:${event.id}` });
  });
  deps.queue.work<{ userId: string }>(GUEST_ATTACH_QUEUE, async (job) => {
    const email = await deps.verifiedEmail(job.payload.userId);
    if (email) await deps.guests.attach(job.payload.userId, email);
  });
  const attach = await deps.events.subscribe(GUEST_ATTACH_CONSUMER, 'account.email_verified', async (event, trx) => {
    const userId = event.payload.userId;
    if (typeof userId !== 'string') return;
    await deps.queue.enqueue(trx, GUEST_ATTACH_QUEUE, { userId }, { key: `attach:${event.id}` });
  });
  // An erased account's attached guest bookings keep no address or name (paid ones stay, anonymised).
  const erase = await deps.events.subscribe(GUEST_ERASURE_CONSUMER, 'account.erased', async (event, trx) => {
    const userId = event.payload.userId;
    if (typeof userId === 'string') await forgetGuestContact(narrowTx<BookingDb>(trx), userId);
  });
  return async () => {
    await attach();
    await confirmed();
    await erase();
  };
}
