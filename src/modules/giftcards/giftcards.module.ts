// Gift cards: sold online (orders paid through payments) and at the till, spent on held bookings
// (split tender), given back when a hold ends or tickets are refunded, voided by admins. Owns
// gift_cards, their ledger and orders; bookings change only through booking's adjustHeld, payments
// are taken by payments, and the emails are made by notifications from gift_card.issued.
import { randomBytes } from 'node:crypto';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Caller } from '../../platform/http/access.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { settingOrCreate } from '../../platform/settings.ts';
import type { BookingView } from '../booking/booking.views.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { registerBookingGiftCardRoutes } from './booking-gift-cards.routes.ts';
import { createCodeGuard } from './code-guard.ts';
import { createGiftCardMail } from './gift-card-mail.ts';
import { subscribeGiftCards } from './giftcards.consumers.ts';
import type { GiftcardsBookingPort, GiftcardsPaymentsPort } from './giftcards.ports.ts';
import { registerGiftCardRoutes } from './giftcards.routes.ts';
import { createGiftCardService, type GiftCardService } from './giftcards.service.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';
import { clearSealedCode, liabilities } from './giftcards.store.ts';
import { registerOrderRoutes } from './orders.routes.ts';
import { createOrderService } from './orders.service.ts';
import { createPayouts } from './payouts.ts';

export type { GiftCardService } from './giftcards.service.ts';
export type { GiftCardMail } from './gift-card-mail.ts';
export type { CodeGuard } from './code-guard.ts';
export { GIFT_CARD_CONSUMERS } from './giftcards.consumers.ts';
export { giftCardPdf } from './gift-card-render.ts';

export const SECRET_SETTING = 'giftcards.code_secret';

export function createGiftcardsModule(
  platform: Platform,
  deps: {
    booking: GiftcardsBookingPort;
    payments: GiftcardsPaymentsPort;
    guests: GuestService;
    /** A booking as its answers show it (payments' composed detail), food names in `lang`. */
    viewBooking: (caller: Caller, bookingId: string, lang?: string) => Promise<BookingView>;
  },
) {
  const { clock, logger, config } = platform;
  const db = moduleDb<GiftcardsDb>(platform.database);
  let secretValue: Promise<string> | undefined;
  const secret = () => {
    secretValue ??= settingOrCreate(db, SECRET_SETTING, () => randomBytes(32).toString('base64url'));
    secretValue.catch(() => (secretValue = undefined));
    return secretValue;
  };
  const cards: GiftCardService = createGiftCardService({ db, clock, logger, secret, booking: deps.booking });
  const orders = createOrderService({
    db,
    clock,
    cards,
    payments: () => deps.payments,
    currencies: config.giftCardCurrencies,
  });
  const guard = createCodeGuard(createRateLimiter({ kv: platform.kv, clock }), cards);
  const payouts = createPayouts({ db, now: () => clock.now() });
  let subscriptions: Unsubscribe[] = [];
  const parts: ModuleParts = {
    routes(app, auth) {
      registerOrderRoutes(app, auth, { orders, publicUrl: config.publicUrl });
      registerGiftCardRoutes(app, auth, { cards, guard, payouts, publicUrl: config.publicUrl });
      registerBookingGiftCardRoutes(app, auth, { db, cards, guard, guests: deps.guests, view: deps.viewBooking });
    },
    onStart: async () => {
      await secret();
      subscriptions = await subscribeGiftCards(platform.events, cards, orders);
    },
    onClose: async () => {
      for (const unsubscribe of subscriptions) await unsubscribe();
    },
  };
  return {
    service: cards,
    orders,
    guard,
    mail: createGiftCardMail({ db, secret }),
    /** The recipient's email is out: the sealed code goes (no live code in the database), and an erased buyer's recipient. */
    mailSent: (giftCardId: string) => clearSealedCode(db, giftCardId),
    /** Issued, redeemed (net of holds given back), refunded and voided in a period, and what is held at its end. */
    liabilities: (q: { cinemaId?: string; from: Date; to: Date }) => liabilities(db, q),
    parts,
  };
}

export type GiftcardsModule = ReturnType<typeof createGiftcardsModule>;
