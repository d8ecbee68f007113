// A customer's promo code on a held booking: apply (replacing an earlier one) and remove. A use is
// counted in one short transaction that locks the booking, then (for a code with any limit) the code
// and its campaign, checks the limits, records the redemption, sets the discount (booking's
// adjustHeld) and counts the use last: exact under concurrency, and an unlimited code's campaign row
// is locked only from that last statement to the commit. Uses come back when the booking goes
// (promo-release.ts).
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb, type SharedTx } from '../../platform/db/module-db.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { BookingService } from '../booking/booking.module.ts';
import { bookingNotHeld, holdLapsed } from '../booking/booking.errors.ts';
import { type BookingView, toView } from '../booking/booking.views.ts';
import { discountFor, type ShowtimeForPromo, showtimeOutsideScope } from './promo-rules.ts';
import {
  promoCustomerLimit,
  promoExhausted,
  promoExpired,
  promoNotApplicable,
  promoNotFound,
} from './promotions.errors.ts';
import { countUse, customerUses, findCode, insertRedemption, releaseRedemption } from './promotions.store.ts';
import type { PromotionsDb } from './promotions.tables.ts';

type BookingPort = Pick<BookingService, 'getForPayment' | 'adjustHeld'>;

/** Who is guessing: the account or guest booking, and the client's network. */
export interface Guesser {
  who: string;
  network: string;
}

/** Counts wrong guesses: `check` before looking (429 rate_limited when spent), `miss` after an unknown code. */
export interface GuessLimit {
  check(guesser: Guesser): Promise<void>;
  miss(guesser: Guesser): Promise<void>;
}

export interface Redemptions {
  /** Applies `code` to the caller's held booking (replacing another); answers the booking. */
  apply(caller: Caller, bookingId: string, code: string, guesser: Guesser): Promise<BookingView>;
  /** Takes the booking's code off and gives its use back; idempotent. */
  remove(caller: Caller, bookingId: string): Promise<BookingView>;
}

const CODE = /^[A-Z0-9-]{4,32}$/;

/** Whom the per-customer limit counts: the account, else the guest's email. */
function customerOf(b: { id: string; userId: string | null; guestEmail: string | null }): string {
  if (b.userId) return `user:${b.userId}`;
  return b.guestEmail ? `email:${b.guestEmail.toLowerCase()}` : `booking:${b.id}`;
}

export function createRedemptions(deps: {
  database: ModuleDatabase;
  clock: Clock;
  booking: BookingPort;
  showtime(id: string): Promise<ShowtimeForPromo | null>;
  guesses: GuessLimit;
}): Redemptions {
  const db = moduleDb<PromotionsDb>(deps.database);
  const { clock, booking } = deps;
  const shared = (trx: unknown) => trx as SharedTx;

  /** The booking locked in the transaction, as long as it is a live hold. */
  async function lockedHold(trx: SharedTx, caller: Caller, bookingId: string) {
    const b = await booking.getForPayment(trx, bookingId, caller, { lock: true });
    if (b.effectiveStatus === 'expired') throw holdLapsed();
    if (b.effectiveStatus !== 'held') throw bookingNotHeld(b.effectiveStatus);
    return b;
  }

  return {
    async apply(caller, bookingId, raw, guesser) {
      await deps.guesses.check(guesser);
      const code = raw.trim().toUpperCase();
      // The showtime (the catalog's cached copy) before the transaction: on PGlite a query outside it
      // would wait for it.
      const { showtimeId } = await booking.getForPayment(shared(db), bookingId, caller, { lock: false });
      const showtime = await deps.showtime(showtimeId);
      const result = await withRetry(() =>
        db.transaction().execute(async (trx) => {
          const b = await lockedHold(shared(trx), caller, bookingId);
          if (!CODE.test(code)) return null;
          let found = await findCode(trx, code, { lock: false });
          // A limit is counted under the campaign's row lock (read again, locked), so it holds exactly.
          if (
            found &&
            (found.campaign.maxUses !== null || found.campaign.maxUsesPerCustomer !== null || found.singleUse)
          )
            found = await findCode(trx, code, { lock: true });
          if (!found || !found.campaign.active) return null;
          const { campaign } = found;
          const now = clock.now();
          if (campaign.validUntil && now.getTime() >= campaign.validUntil.getTime())
            throw promoExpired(campaign.validUntil);
          if (campaign.validFrom && now.getTime() < campaign.validFrom.getTime())
            throw promoNotApplicable('not_yet_valid');
          const outside = showtime ? showtimeOutsideScope(campaign.scope, showtime) : 'showtime';
          if (outside) throw promoNotApplicable(outside);
          // bookings.promo_code names the booking's live redemption: both change together, here.
          if (b.promoCode === code) return b;
          const discount = discountFor(campaign, b);
          if (typeof discount === 'string') throw promoNotApplicable(discount);
          // The earlier code's use is given back first (the same campaign's too, before its limits are checked).
          const released = b.promoCode !== null && (await releaseRedemption(trx, bookingId, 'replaced', now));
          const uses = campaign.uses - (released === campaign.id ? 1 : 0);
          if (campaign.maxUses !== null && uses >= campaign.maxUses) throw promoExhausted();
          if (found.singleUse && found.codeUses >= 1) throw promoExhausted();
          const customer = customerOf(b);
          if (
            campaign.maxUsesPerCustomer !== null &&
            (await customerUses(trx, campaign.id, customer)) >= campaign.maxUsesPerCustomer
          )
            throw promoCustomerLimit(campaign.maxUsesPerCustomer);
          const currency = b.currency;
          await insertRedemption(trx, {
            promoId: campaign.id,
            code,
            bookingId,
            customer,
            amount: discount,
            currency,
            now,
          });
          const adjusted = await booking.adjustHeld(shared(trx), bookingId, caller, {
            discount: { amount: discount, code },
          });
          await countUse(trx, campaign.id, code);
          return adjusted;
        }),
      );
      if (!result) {
        await deps.guesses.miss(guesser);
        throw promoNotFound();
      }
      return toView(result, clock.now());
    },

    async remove(caller, bookingId) {
      const after = await withRetry(() =>
        db.transaction().execute(async (trx) => {
          const b = await lockedHold(shared(trx), caller, bookingId);
          if (b.promoCode === null) return b;
          await releaseRedemption(trx, bookingId, 'removed', clock.now());
          return booking.adjustHeld(shared(trx), bookingId, caller, { discount: null });
        }),
      );
      return toView(after, clock.now());
    },
  };
}
