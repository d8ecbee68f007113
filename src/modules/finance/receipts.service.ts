// Receipts and credit notes: issued once per sale (booking or gift card) and once per refund, each
// numbered in its series without gaps. A number is taken by bumping the series' counter row in the
// transaction that inserts the document (finance.store.ts nextNumber): concurrent issuers of one
// series queue on that row, and a transaction that fails, or finds its document issued meanwhile,
// rolls its number back with it. Whoever asks first issues (the event consumer's job, the mail job,
// a GET); the others find the document (unique per booking, gift card and refund).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChainSeller } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { Principal } from '../../platform/http/auth.ts';
import {
  type DocumentHead,
  type SellerSettings,
  bookingReceipt,
  creditNote,
  foodOrderReceipt,
  giftCardReceipt,
  type RefundedFood,
  localParts,
  tenderOf,
} from './documents.ts';
import {
  bookingNotSold,
  creditNoteNotFound,
  giftOrderNotFound,
  giftOrderNotPaid,
  taxSettingsMissing,
} from './finance.errors.ts';
import type { FinanceDeps } from './finance.ports.ts';
import type { CreditNoteView, ReceiptView } from './finance.schemas.ts';
import * as store from './finance.store.ts';
import type { FinanceDb } from './finance.tables.ts';

/** Statuses of a booking that was sold (a refunded one was sold first). */
const SOLD = ['confirmed', 'refunded'];

/** The document was issued by someone else meanwhile: roll back (and give the number back). */
class AlreadyIssued extends Error {}
/** The year of issue changed while the series row was awaited: roll back and number again. */
class YearTurned extends Error {}

type Stored = Omit<store.DocumentRow, 'issued_on'> & { issued_on: string };

export function createReceiptsService(deps: {
  db: Kysely<FinanceDb>;
  clock: Clock;
  ports: FinanceDeps;
  /** The chain's seller (config SELLER_*): online sales, and cinemas without tax settings. */
  seller: ChainSeller | undefined;
}) {
  const { db, clock, ports, seller: chain } = deps;
  const root = db as unknown as SharedTx;

  /**
   * Who sells where, at which rates, dated in which zone: the cinema's own tax settings; else the
   * chain's seller (SELLER_*) at its default rates, in the cinema's zone; online (no cinema) the
   * chain's seller in its zone. 409 tax_settings_missing when there is neither: nothing is issued,
   * the job retries and a GET may ask again once an admin has set them (never a receipt at 0 %).
   */
  async function sellerOf(cinemaId: string | null): Promise<{ settings: SellerSettings; timezone: string | null }> {
    const own = cinemaId ? await store.findTaxSettings(db, cinemaId) : undefined;
    if (own) return { settings: own, timezone: null };
    if (!chain) throw taxSettingsMissing();
    const settings: SellerSettings = {
      country: chain.country,
      legal_name: chain.legalName,
      legal_address: chain.legalAddress,
      tax_id: chain.taxId,
      rate_tickets: chain.taxRates.tickets,
      rate_food: chain.taxRates.food,
      rate_merchandise: chain.taxRates.merchandise,
      rate_default: chain.taxRates.default,
    };
    return { settings, timezone: chain.timezone };
  }

  /**
   * The cinema's code in its numbers: the first 8 hex digits of its id, or 12, 16 … when another
   * cinema has those (document_codes keeps each code once); ONLINE for the chain's online series.
   */
  async function codeOf(cinemaId: string | null): Promise<string> {
    if (!cinemaId) return 'ONLINE';
    const hex = cinemaId.replaceAll('-', '').toUpperCase();
    return store.documentCode(
      db,
      cinemaId,
      [8, 12, 16, 20, 32].map((n) => hex.slice(0, n)),
    );
  }

  /**
   * Issues one document, dated now, under the next number of `kind`'s series of the cinema (`online`
   * without one) in the year of issue (in the seller's zone); `suppliedAt` is when the sale or refund
   * happened, shown as its own date. Dating by issue keeps numbers in date order within a series and
   * an exported period closed: a document issued late (a retried job, a first GET) lands in the
   * period it was issued in. The time is read after the series row is locked, so a later number never
   * has an earlier time. False when `insert` found it issued already (nothing kept, no number used).
   */
  async function issue<T extends ReceiptView | CreditNoteView>(
    kind: 'R' | 'CN',
    where: { cinemaId: string | null; timezone: string | null },
    suppliedAt: Date,
    build: (h: DocumentHead) => T,
    insert: (trx: Kysely<FinanceDb>, row: Stored, content: T) => Promise<boolean>,
  ): Promise<boolean> {
    const seller = await sellerOf(where.cinemaId);
    const place = { cinemaId: where.cinemaId, timezone: where.timezone ?? seller.timezone ?? 'UTC' };
    const yearOf = (at: Date) => Number(localParts(at, place.timezone).day.slice(0, 4));
    const series = `${kind === 'R' ? 'receipt' : 'credit'}:${place.cinemaId ?? 'online'}`;
    const prefix = `${kind}-${await codeOf(place.cinemaId)}`;
    const settings = seller.settings;
    for (let attempt = 0; ; attempt++) {
      try {
        await db.transaction().execute(async (trx) => {
          const year = yearOf(clock.now());
          const seq = await store.nextNumber(trx, series, year);
          const issuedAt = clock.now();
          const { day } = localParts(issuedAt, place.timezone);
          // The year turned while waiting for the lock: roll back, number in the new year's series.
          if (Number(day.slice(0, 4)) !== year && attempt < 3) throw new YearTurned();
          const number = `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
          const content = build({ id: randomUUID(), number, issuedAt, suppliedAt, ...place, settings });
          const row: Stored = {
            id: content.id,
            cinema_id: place.cinemaId,
            series,
            year,
            seq,
            number,
            issued_at: issuedAt,
            issued_on: day,
            currency: content.currency,
            gross: content.totals.gross.amount,
            net: content.totals.net.amount,
            tax: content.totals.tax.amount,
          };
          if (!(await insert(trx, row, content))) throw new AlreadyIssued();
        });
        return true;
      } catch (err) {
        if (err instanceof YearTurned) continue;
        if (err instanceof AlreadyIssued) return false;
        throw err;
      }
    }
  }

  /** The booking's receipt, issued now if it was sold and has none yet; null when it was not sold. */
  async function ofBooking(bookingId: string, caller: Caller | null = null): Promise<ReceiptView | null> {
    const booking = await ports.booking(root, bookingId, caller);
    const existing = await store.receiptOfBooking(db, bookingId);
    if (existing) return existing;
    if (!SOLD.includes(booking.status)) return null;
    const show = await ports.showtime(booking.showtimeId);
    if (!show) return null;
    const paidBy = await ports.paidBy(bookingId);
    // Issue 17: its food and drink, each line at its tax kind's rate.
    const food = ports.foodLines ? await ports.foodLines(bookingId) : [];
    const place = { cinemaId: show.cinema.id, timezone: show.cinema.timezone };
    // Issued now; the sale's date (a late job, a first GET long after) is the document's supply date.
    await issue(
      'R',
      place,
      booking.confirmedAt ?? clock.now(),
      (h) => bookingReceipt(h, booking, show, paidBy, food),
      (trx, row, content) =>
        store.insertReceipt(trx, { ...row, source: 'booking', booking_id: bookingId, gift_card_id: null, content }),
    );
    return (await store.receiptOfBooking(db, bookingId)) ?? null;
  }

  /** A gift card sale's receipt (gift_card.issued), once per gift card. */
  async function ofGiftCard(sale: {
    giftCardId: string;
    amount: number;
    currency: string;
    cinemaId: string | null;
    method: string | null;
    /** When it was sold (the gift_card.issued event), its supply date; now when not known. */
    at?: Date | undefined;
  }): Promise<ReceiptView | null> {
    const existing = await store.receiptOfGiftCard(db, sale.giftCardId);
    if (existing) return existing;
    const cinema = sale.cinemaId ? await ports.cinema(sale.cinemaId) : null;
    const place = { cinemaId: cinema?.id ?? null, timezone: cinema?.timezone ?? null };
    const tender = tenderOf(sale.method ?? (cinema ? 'cash' : 'card'), sale.amount, sale.currency);
    const { giftCardId, amount, currency } = sale;
    await issue(
      'R',
      place,
      sale.at ?? clock.now(),
      (h) => giftCardReceipt(h, { giftCardId, amount, currency, tender }),
      (trx, row, content) =>
        store.insertReceipt(trx, {
          ...row,
          source: 'gift_card',
          booking_id: null,
          gift_card_id: sale.giftCardId,
          content,
        }),
    );
    return (await store.receiptOfGiftCard(db, sale.giftCardId)) ?? null;
  }

  /** A gift card's sale receipt by the card alone (issued now from the gift card module's record if need be); null without one. */
  async function ofGiftCardId(giftCardId: string): Promise<ReceiptView | null> {
    const existing = await store.receiptOfGiftCard(db, giftCardId);
    if (existing) return existing;
    const card = await ports.giftCard?.(giftCardId);
    if (!card) return null;
    return ofGiftCard({
      giftCardId,
      amount: card.amount,
      currency: card.currency,
      cinemaId: card.cinemaId,
      method: card.channel === 'online' ? 'card' : null,
      at: card.createdAt,
    });
  }

  /** Issue 17: the receipt of food sold alone (a till food sale), issued now if need be; null when unpaid or unknown. */
  async function ofFoodOrder(orderId: string): Promise<ReceiptView | null> {
    const existing = await store.receiptOfFoodOrder(db, orderId);
    if (existing) return existing;
    const order = ports.foodOrder ? await ports.foodOrder(orderId) : null;
    if (!order) return null;
    const cinema = await ports.cinema(order.cinemaId);
    const place = { cinemaId: order.cinemaId, timezone: cinema?.timezone ?? null };
    const total = order.lines.reduce((a, l) => a + l.unitPrice * l.quantity, 0);
    const tender = tenderOf(order.method ?? 'cash', total, order.currency);
    await issue(
      'R',
      place,
      order.paidAt ?? clock.now(),
      (h) => foodOrderReceipt(h, order, tender),
      (trx, row, content) =>
        store.insertReceipt(trx, {
          ...row,
          source: 'concession_order',
          booking_id: null,
          gift_card_id: null,
          concession_order_id: orderId,
          content,
        }),
    );
    return (await store.receiptOfFoodOrder(db, orderId)) ?? null;
  }

  return {
    /** The booking's receipt (issued now if the consumer has not yet); null when the booking was not sold. */
    ofBooking,

    /** Issue 17: a receipt of food sold alone; null when unpaid or unknown. */
    ofFoodOrder,

    /** The receipt for the API: 404 unless the caller may see the booking, 409 booking_not_sold before it is paid. */
    async forCaller(bookingId: string, caller: Caller): Promise<ReceiptView> {
      const r = await ofBooking(bookingId, caller);
      if (!r) throw bookingNotSold();
      return r;
    },

    /** A gift card sale's receipt (gift_card.issued), once per gift card. */
    ofGiftCard,

    /** A gift card's sale receipt by the card alone; null without one. */
    ofGiftCardId,

    /**
     * A gift card order's receipt for its buyer: 404 gift_card_order_not_found as the order read (and
     * without a gift cards module), 409 gift_card_order_not_paid before it is paid or while its card
     * is being issued.
     */
    async forOrder(principal: Principal | null, orderId: string): Promise<ReceiptView> {
      if (!ports.giftCardOrder) throw giftOrderNotFound();
      const order = await ports.giftCardOrder(principal, orderId);
      const r = order.giftCardId ? await ofGiftCardId(order.giftCardId) : null;
      if (!r) throw giftOrderNotPaid(order.status !== 'pending');
      return r;
    },

    /** A refund's credit note (tickets.cancelled), referencing the booking's receipt; once per `sourceKey`. */
    async creditForRefund(refund: {
      sourceKey: string;
      /** The booking refunded, or (food sold alone, issue 17) the food order. */
      bookingId: string | null;
      orderId?: string | null;
      /** Issue 17: food lines given back (with or without tickets). */
      food?: RefundedFood | null;
      seatIds: string[];
      total: number;
      giftCardAmount: number;
      reason: string;
      /** When it was refunded (the tickets.cancelled event), its refund date; now when not known. */
      at?: Date | undefined;
    }): Promise<void> {
      if (refund.total <= 0) return;
      const receipt = refund.bookingId
        ? await ofBooking(refund.bookingId)
        : refund.orderId
          ? await ofFoodOrder(refund.orderId)
          : null;
      if (!receipt) return;
      const cinema = receipt.cinemaId ? await ports.cinema(receipt.cinemaId) : null;
      const place = { cinemaId: receipt.cinemaId, timezone: cinema?.timezone ?? null };
      await issue(
        'CN',
        place,
        refund.at ?? clock.now(),
        (h) => creditNote(h, receipt, refund),
        (trx, row, content) =>
          store.insertCreditNote(trx, {
            ...row,
            receipt_id: receipt.id,
            booking_id: refund.bookingId,
            concession_order_id: refund.bookingId ? null : (refund.orderId ?? null),
            source_key: refund.sourceKey,
            content,
          }),
      );
    },

    /** A booking's credit notes, oldest first; 404 unless the caller may see the booking. */
    async creditNotes(bookingId: string, caller: Caller): Promise<CreditNoteView[]> {
      await ports.booking(root, bookingId, caller);
      return store.creditNotesOfBooking(db, bookingId);
    },

    /**
     * One credit note; 404 credit_note_not_found unless the caller may see its booking (and, when
     * `bookingId` is given, the note is of that booking: a guest's route names it).
     */
    async creditNote(id: string, caller: Caller, bookingId?: string): Promise<CreditNoteView> {
      const found = await store.findCreditNote(db, id);
      if (!found || (bookingId !== undefined && found.bookingId !== bookingId)) throw creditNoteNotFound();
      try {
        await ports.booking(root, found.bookingId, caller);
      } catch {
        throw creditNoteNotFound();
      }
      return found.content;
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
