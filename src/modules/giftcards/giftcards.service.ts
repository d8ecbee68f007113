// Gift cards: issuing (online orders, the till), the balance a code shows, spending on a held booking
// (split tender: the card pays part, the provider the rest) and giving it back (a released or expired
// hold, a refund, a DELETE), voiding. Every move of money is one ledger line written with the balance
// in one transaction; a booking's part is changed through booking's adjustHeld in that same
// transaction, so the booking and the cards never disagree.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { Caller } from '../../platform/http/access.ts';
import { decodePosition, pageOf, positionKey } from '../../platform/http/cursor.ts';
import {
  giftCardAlreadyVoid,
  giftCardCurrencyMismatch,
  giftCardEmpty,
  giftCardNotFound,
  nothingDue,
} from './giftcards.errors.ts';
import type { GiftcardsBookingPort } from './giftcards.ports.ts';
import * as store from './giftcards.store.ts';
import { payoutsOfCard, recordPayout } from './payouts.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';
import { hashGiftCode, last4Of, newGiftCode, normalizeGiftCode, sameGiftHash, sealGiftCode } from './gift-code.ts';
import { cardView, type GiftCardStatus, ledgerView } from './giftcards.views.ts';

/** A gift card is valid this long from its sale (the usual three years). */
export const VALID_YEARS = 3;
const LIST_LIMIT = 50;
/** Money given back to an expired card (a refund, a hold) keeps it valid this long from then. */
export const GRACE_DAYS = 30;

export type GiftCardService = ReturnType<typeof createGiftCardService>;

export interface NewCard {
  amount: number;
  currency: string;
  channel: 'online' | 'till';
  orderId?: string | null;
  cinemaId?: string | null;
  tillSessionId?: string | null;
  recipientEmail?: string | null;
  recipientName?: string | null;
  message?: string | null;
  createdBy?: string | null;
  /** How the card was paid (finance's tender): card online, cash or card_terminal at a till. */
  method: 'card' | 'cash' | 'card_terminal';
  /** Seal the code for the email job (online cards; a till card is printed at once). */
  sealForMail: boolean;
}

export function createGiftCardService(deps: {
  db: Kysely<GiftcardsDb>;
  clock: Clock;
  logger: Logger;
  secret: () => Promise<string>;
  booking: GiftcardsBookingPort;
}) {
  const { db, clock } = deps;

  const statusOf = (card: store.CardRow): GiftCardStatus =>
    card.status === 'void'
      ? 'void'
      : card.expires_at && card.expires_at.getTime() <= clock.now().getTime()
        ? 'expired'
        : 'active';

  /** The live card a code names, or null: unknown, mistyped and void alike (the caller counts the miss). */
  async function byCode(code: string): Promise<store.CardRow | null> {
    const normalized = normalizeGiftCode(code);
    // A string that cannot be a code is still hashed: the answer takes as long as for a real guess.
    const { hash, lookup } = hashGiftCode(await deps.secret(), normalized ?? code);
    if (!normalized) return null;
    const candidates = await store.cardsByLookup(db, lookup);
    let found: store.CardRow | null = null;
    for (const c of candidates) if (sameGiftHash(c.code_hash, hash)) found = c;
    return found;
  }

  /** Takes from a card in the caller's transaction; a race lost to the last balance is 409 gift_card_empty. */
  async function take(trx: Kysely<GiftcardsDb> | SharedTx, m: store.Movement): Promise<number> {
    try {
      return await store.moveBalance(narrowTx<GiftcardsDb>(trx as SharedTx), m);
    } catch (err) {
      if (isPgError(err, '23514')) throw giftCardEmpty();
      throw err;
    }
  }

  /** Gives back, in `trx`, what every card still pays of a booking; the total given back. */
  async function giveBack(
    tx: SharedTx,
    bookingId: string,
    kind: 'release' | 'refund',
    eventId: string | null,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    const trx = narrowTx<GiftcardsDb>(tx);
    if (eventId && (await store.eventApplied(trx, eventId))) return 0;
    const now = clock.now();
    let left = limit;
    let total = 0;
    for (const { cardId, spent } of await store.spentOnBooking(trx, bookingId)) {
      const amount = Math.min(spent, left);
      if (amount <= 0) break;
      const card = (await store.findCard(trx, cardId)) as store.CardRow;
      await store.moveBalance(trx, { cardId, amount, kind, bookingId, eventId, now });
      if (card.status === 'void') {
        // Nobody can spend it: it is voided at once (the void line names the booking). A hold's
        // money was the card's and goes with it; a refund is the customer's: owed, paid out by hand
        // (listed at GET /gift-card-payouts until an admin marks it paid).
        await store.moveBalance(trx, { cardId, amount: -amount, kind: 'void', bookingId, now });
        if (kind === 'refund') {
          const currency = card.currency.trim();
          await recordPayout(trx, { cardId, bookingId, amount, currency, now });
          deps.logger.warn(
            { giftCardId: cardId, bookingId, amount, currency },
            'gift card refund to a void card: owed',
          );
        }
      } else if (card.expires_at && card.expires_at.getTime() <= now.getTime()) {
        // Money back on an expired card can be spent for a while yet.
        await store.extendExpiry(trx, cardId, new Date(now.getTime() + GRACE_DAYS * 24 * 3600_000));
      }
      left -= amount;
      total += amount;
    }
    return total;
  }

  return {
    byCode,
    statusOf,

    /**
     * Issues a card in the caller's transaction (its code comes back once, never stored in clear)
     * and writes gift_card.issued.
     */
    async issue(tx: SharedTx, input: NewCard): Promise<{ card: store.CardRow; code: string }> {
      const trx = narrowTx<GiftcardsDb>(tx);
      const secret = await deps.secret();
      const code = newGiftCode();
      const normalized = normalizeGiftCode(code) as string;
      const { hash, lookup } = hashGiftCode(secret, normalized);
      const id = randomUUID();
      const now = clock.now();
      const expires = new Date(now);
      expires.setUTCFullYear(expires.getUTCFullYear() + VALID_YEARS);
      const card = await store.insertCard(trx, {
        id,
        code_hash: hash,
        lookup,
        last4: last4Of(normalized),
        currency: input.currency,
        initial_amount: input.amount,
        balance: 0,
        status: 'active',
        expires_at: expires,
        channel: input.channel,
        order_id: input.orderId ?? null,
        cinema_id: input.cinemaId ?? null,
        till_session_id: input.tillSessionId ?? null,
        recipient_email: input.recipientEmail ?? null,
        recipient_name: input.recipientName ?? null,
        message: input.message ?? null,
        code_sealed: input.sealForMail ? sealGiftCode(secret, code, id) : null,
        created_at: now,
      });
      const balance = await store.moveBalance(trx, {
        cardId: id,
        amount: input.amount,
        kind: 'issue',
        tillSessionId: input.tillSessionId ?? null,
        createdBy: input.createdBy ?? null,
        now,
      });
      await addEvents(trx, [
        {
          type: 'gift_card.issued',
          aggregateId: id,
          payload: {
            giftCardId: id,
            orderId: input.orderId ?? null,
            amount: input.amount,
            currency: input.currency,
            channel: input.channel,
            cinemaId: input.cinemaId ?? null,
            tillSessionId: input.tillSessionId ?? null,
            method: input.method,
          },
        },
      ]);
      return { card: { ...card, balance }, code };
    },

    /**
     * Spends a card on a held booking at once: min(balance, due, amount), in one transaction with
     * booking's adjustHeld (the hold on the money). Several cards may pay one booking.
     */
    async redeem(tx: SharedTx, caller: Caller | null, bookingId: string, card: store.CardRow, amount?: number) {
      // Locks the booking first; one that is no live hold gets adjustHeld's own 409 answers.
      const held = await deps.booking.getForPayment(tx, bookingId, caller, { lock: true });
      const b = held.effectiveStatus === 'held' ? held : await deps.booking.adjustHeld(tx, bookingId, caller, {});
      const trx = narrowTx<GiftcardsDb>(tx);
      const locked = await store.findCard(trx, card.id, { lock: true });
      if (!locked || statusOf(locked) !== 'active') throw giftCardNotFound();
      if (locked.currency.trim() !== b.currency.trim())
        throw giftCardCurrencyMismatch(locked.currency.trim(), b.currency.trim());
      const due = b.totalAmount + b.foodAmount - b.discountAmount - b.giftCardAmount;
      if (due <= 0) throw nothingDue();
      if (locked.balance <= 0) throw giftCardEmpty();
      const taken = Math.min(locked.balance, due, amount ?? Number.POSITIVE_INFINITY);
      await take(trx, { cardId: locked.id, amount: -taken, kind: 'redeem', bookingId, now: clock.now() });
      await deps.booking.adjustHeld(tx, bookingId, caller, { giftCardDelta: taken });
      return { cardId: locked.id, taken };
    },

    /** Gives a held booking's gift card money back to its cards (DELETE): 409 unless still held. */
    async unredeem(tx: SharedTx, caller: Caller | null, bookingId: string): Promise<number> {
      const b = await deps.booking.adjustHeld(tx, bookingId, caller, {});
      const back = await giveBack(tx, bookingId, 'release', null);
      if (back > 0 || b.giftCardAmount > 0)
        await deps.booking.adjustHeld(tx, bookingId, caller, { giftCardDelta: -b.giftCardAmount });
      return back;
    },

    /** A released or expired hold: every card gets back what it paid of it (once per event). */
    releaseBooking: (tx: SharedTx, bookingId: string, eventId: string) => giveBack(tx, bookingId, 'release', eventId),

    /** A refund's gift card part, credited back to the cards that paid (once per event). */
    refundToCards: (tx: SharedTx, bookingId: string, amount: number, eventId: string) =>
      giveBack(tx, bookingId, 'refund', eventId, amount),

    /** Voids a card (admin): its balance goes to 0 with a `void` ledger line. 409 gift_card_void the second time. */
    async void(principalId: string, id: string) {
      await db.transaction().execute(async (trx) => {
        const card = await store.findCard(trx, id, { lock: true });
        if (!card) throw giftCardNotFound();
        if (card.status === 'void') throw giftCardAlreadyVoid();
        const now = clock.now();
        await store.moveBalance(trx, { cardId: id, amount: -card.balance, kind: 'void', createdBy: principalId, now });
        await store.voidCard(trx, id, now);
      });
      return this.get(id);
    },

    /** Cards newest first (staff), by their last four characters. */
    async list(filter: { q?: string; cursor?: string; limit?: number }) {
      const limit = Math.min(filter.limit ?? 20, LIST_LIMIT);
      const after = decodePosition(filter.cursor, 'gift-cards') ?? undefined;
      const last4 = filter.q?.replace(/[\s-]/g, '').toUpperCase().slice(-4) || undefined;
      const rows = await store.listCards(db, { last4, after, limit: limit + 1 });
      const page = pageOf(rows, limit, 'gift-cards', (c) => positionKey({ createdAt: c.created_at, id: c.id }));
      return { items: page.items.map((c) => cardView(c, statusOf(c))), nextCursor: page.nextCursor };
    },

    /** A card with its ledger (staff); 404 gift_card_not_found. */
    async get(id: string) {
      const card = await store.findCard(db, id);
      if (!card) throw giftCardNotFound();
      return {
        ...cardView(card, statusOf(card)),
        ledger: (await store.ledgerOf(db, id)).map(ledgerView),
        payouts: await payoutsOfCard(db, id),
      };
    },
  };
}
