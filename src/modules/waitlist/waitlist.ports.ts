// What the waiting list needs of booking, passed in by app.ts: the free seats of the moment, a hold
// made for the customer in line, and releasing it again.
import type { Caller } from '../../platform/http/access.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { Buyer, HoldOptions, SeatFinder } from '../booking/booking.module.ts';

export interface WaitlistBookingPort {
  finder: SeatFinder;
  hold(
    buyer: Buyer,
    showtimeId: string,
    seatIds: string[],
    options: HoldOptions,
  ): Promise<{ id: string; expiresAt: string }>;
  release(caller: Caller, bookingId: string): Promise<void>;
  /** Records the language a guest's booking speaks (its emails and PDFs). */
  setLanguage(bookingId: string, language: Lang): Promise<void>;
  /** A booking as its holder sees it (an offer attempt's hold, to adopt after a crash); throws not_found. */
  get(caller: Caller, bookingId: string): Promise<{ status: string; expiresAt: string; seats: { seatId: string }[] }>;
}
