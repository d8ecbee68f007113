// Selling at the box office counter. A staff member opens a session on a till with a float, sells
// bookings they hold (the normal hold path, so the till and the web share the seat claims) for cash
// or on the card terminal, pays cash sales back from the drawer, and closes with the counted cash.
// The money side is the payments module's (offline-payments.ts): each sale or refund and its ledger
// line commit together, with the session locked so a close and a sale never cross.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import { type ModuleDatabase, moduleDb, narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { hasRole, type Principal } from '../../platform/http/auth.ts';
import type { OfflinePayments, OfflineRefundLine } from '../payments/payments.module.ts';
import type { RefundService } from '../payments/refunds.service.ts';
import type { CodeGuard, GiftCardService } from '../giftcards/giftcards.module.ts';
import {
  cinemaNotFound,
  currencyMismatch,
  notSoldAtTill,
  sessionNotFound,
  tenderedNotCash,
  tenderedTooLittle,
  tillAlreadyOpen,
  tillClosed,
  tillNameTaken,
  tillNotFound,
  wrongCinema,
} from './till.errors.ts';
import * as store from './till.store.ts';
import type { TillDb } from './till.tables.ts';
import { type FoodReceiptLine, type ReceiptLine, sessionView, movementView, tillView } from './till.views.ts';

const HISTORY_LIMIT = 200;

export type TillService = ReturnType<typeof createTillService>;

export function createTillService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  payments: OfflinePayments;
  refunds: Pick<RefundService, 'cancelOffline' | 'payOutAtTill'>;
  /** The cinema a showtime is at (null: no such showtime). */
  showtimeCinema: (showtimeId: string) => Promise<string | null>;
  /** Issue 17: a booking's food lines as the till's receipt prints them (none without). */
  foodLines?: (bookingId: string) => Promise<FoodReceiptLine[]>;
  /** Gift cards sold at the counter and taken as a tender (their guesses counted per cashier). */
  giftCards: { cards: Pick<GiftCardService, 'issue' | 'redeem'>; guard: CodeGuard };
}) {
  const db = moduleDb<TillDb>(deps.database);
  const { clock } = deps;

  /** The caller's own session (admins may read any); 404 otherwise, so other cashiers' drawers stay unseen. */
  async function visibleSession(principal: Principal, id: string, forWriting: boolean) {
    const s = await store.findSession(db, id);
    const mine = s?.staff_id === principal.userId;
    if (!s || (!mine && (forWriting || !hasRole(principal, 'admin')))) throw sessionNotFound();
    if (forWriting && s.status !== 'open') throw tillClosed();
    return s;
  }

  /** In the money's transaction: the session locked and still open, or the whole sale rolls back. */
  async function lockOpen(tx: SharedTx, sessionId: string) {
    const trx = narrowTx<TillDb>(tx);
    const s = await store.findSession(trx, sessionId, { lock: true });
    if (s?.status !== 'open') throw tillClosed();
    return trx;
  }

  /** 422 till_wrong_cinema unless the showtime is at the session's till's cinema. */
  async function atTillCinema(s: store.SessionWithTill, showtimeId: string) {
    if ((await deps.showtimeCinema(showtimeId)) !== s.cinema_id) throw wrongCinema();
  }

  async function report(s: store.SessionWithTill) {
    return sessionView(s, await store.sessionTotals(db, s.id));
  }

  return {
    /** Issue 17: the session rules for food sales (food-sales.ts). */
    session: (principal: Principal, id: string) => visibleSession(principal, id, true),
    lockOpen,

    /** The tills of a cinema (staff). */
    async tills(cinemaId: string) {
      return (await store.tillsOfCinema(db, cinemaId)).map(tillView);
    },

    /** Creates a named till at a cinema (admin); 409 till_name_taken, 404 cinema_not_found. */
    async createTill(cinemaId: string, input: { name: string; currency: string }) {
      try {
        const row = await store.insertTill(db, {
          id: randomUUID(),
          cinema_id: cinemaId,
          name: input.name.trim(),
          currency: input.currency,
          created_at: clock.now(),
        });
        return tillView(row);
      } catch (err) {
        if (isPgError(err, '23505')) throw tillNameTaken();
        if (isPgError(err, '23503')) throw cinemaNotFound();
        throw err;
      }
    },

    /** Opens a session on a till with a float; 409 till_already_open when the till or the caller has one open. */
    async open(principal: Principal, input: { tillId: string; float: number }) {
      const till = await store.findTill(db, input.tillId);
      if (!till) throw tillNotFound();
      try {
        const row = await store.insertSession(db, {
          id: randomUUID(),
          till_id: till.id,
          staff_id: principal.userId,
          float_amount: input.float,
          status: 'open',
          opened_at: clock.now(),
        });
        return report({ ...row, till_name: till.name, cinema_id: till.cinema_id, currency: till.currency });
      } catch (err) {
        if (!isPgError(err, '23505')) throw err;
        const open = await store.listSessions(db, { tillId: till.id, status: 'open', limit: 1 });
        throw tillAlreadyOpen(open[0] ? { sessionId: open[0].staff_id === principal.userId ? open[0].id : null } : {});
      }
    },

    /** Sessions, newest first: a staff member's own, an admin's every one (filtered by till and status). */
    async list(principal: Principal, filter: { tillId?: string; status?: 'open' | 'closed' }) {
      const staffId = hasRole(principal, 'admin') ? undefined : principal.userId;
      const rows = await store.listSessions(db, { ...filter, staffId, limit: HISTORY_LIMIT });
      return Promise.all(rows.map(report));
    },

    /** A session with its live (or closing) report and its ledger. */
    async get(principal: Principal, id: string) {
      const s = await visibleSession(principal, id, false);
      const movements = await store.movementsOfSession(db, s.id);
      return { ...(await report(s)), movements: movements.map(movementView) };
    },

    /**
     * Sells a booking the cashier holds: cash (tendered, change due) or the card terminal. The
     * payment, the sold claims, the tickets and the ledger line commit together.
     */
    async sell(
      principal: Principal,
      sessionId: string,
      input: {
        bookingId: string;
        method: 'cash' | 'card_terminal';
        tendered?: number;
        email?: string;
        giftCard?: { code: string };
      },
    ) {
      const s = await visibleSession(principal, sessionId, true);
      if (input.tendered !== undefined && input.method !== 'cash') throw tenderedNotCash();
      let quote = await deps.payments.quote(principal.userId, input.bookingId);
      await atTillCinema(s, quote.booking.showtimeId);
      if (quote.currency !== s.currency.trim()) throw currencyMismatch(s.currency.trim(), quote.currency);
      // A gift card pays first, held on the booking at once as online (a sale that then fails leaves
      // it there until the hold ends or the cashier takes it off); the method pays what is left.
      let gift: { cardId: string; taken: number } | null = null;
      if (input.giftCard) {
        const card = await deps.giftCards.guard.cardFor(`user:${principal.userId}`, input.giftCard.code);
        gift = await db
          .transaction()
          .execute((trx) => deps.giftCards.cards.redeem(trx, principal, input.bookingId, card));
        quote = await deps.payments.quote(principal.userId, input.bookingId);
      }
      if (input.tendered !== undefined && input.tendered < quote.amount)
        throw tenderedTooLittle(quote.amount, input.tendered);
      const id = randomUUID();
      const email = input.email?.trim().toLowerCase() ?? null;
      // Issue 17: food set on the hold is paid with it (the quote's due includes it) and printed too.
      const food = deps.foodLines ? await deps.foodLines(input.bookingId) : [];
      let row: store.MovementRow | undefined;
      const { tickets } = await deps.payments.sell(
        principal.userId,
        input.bookingId,
        input.method,
        email,
        async (tx, sale) => {
          const trx = await lockOpen(tx, s.id);
          // The price cannot change under a hold; checked again in case it ever does.
          if (input.tendered !== undefined && input.tendered < sale.amount)
            throw tenderedTooLittle(sale.amount, input.tendered);
          const lines: (ReceiptLine | FoodReceiptLine)[] = [...sale.seats.map((seat) => ({ ...seat })), ...food];
          row = {
            id,
            session_id: s.id,
            kind: 'sale',
            method: input.method,
            booking_id: sale.bookingId,
            showtime_id: sale.showtimeId,
            lines: lines as unknown as store.MovementRow['lines'],
            payment_id: sale.paymentId,
            refund_id: null,
            amount: sale.amount,
            currency: sale.currency,
            tendered: input.method === 'cash' ? (input.tendered ?? sale.amount) : null,
            email,
            gift_card_id: gift?.cardId ?? null,
            gift_card_amount: gift?.taken ?? 0,
            concession_order_id: null,
            created_by: principal.userId,
            created_at: clock.now(),
          };
          await store.insertMovement(trx, { ...row, lines: JSON.stringify(lines) });
        },
      );
      const sale = movementView(row as store.MovementRow);
      return {
        ...sale,
        tickets: tickets.map((t) => ({ id: t.id, row: t.seat.row, number: t.seat.number, ticketType: t.ticketType })),
      };
    },

    /**
     * Pays back tickets (all when none are named) of a booking sold at a till, by the normal refund
     * rules, from this session's drawer (or its card terminal for a terminal sale).
     */
    async refund(principal: Principal, sessionId: string, input: { bookingId: string; ticketIds?: string[] }) {
      const s = await visibleSession(principal, sessionId, true);
      const sold = await store.saleOfBooking(db, input.bookingId);
      if (!sold) throw notSoldAtTill();
      // Paid back only from a drawer of the cinema that sold it, in the money it was paid in.
      await atTillCinema(s, sold.showtime_id ?? '');
      if (sold.currency.trim() !== s.currency.trim()) throw currencyMismatch(s.currency.trim(), sold.currency.trim());
      const id = randomUUID();
      let row: store.MovementRow | undefined;
      const offline = {
        reference: id,
        async inTransaction(tx: SharedTx, refund: OfflineRefundLine) {
          const trx = await lockOpen(tx, s.id);
          row = {
            id,
            session_id: s.id,
            kind: 'refund',
            method: refund.method,
            booking_id: input.bookingId,
            showtime_id: sold.showtime_id,
            lines: [],
            payment_id: refund.paymentId,
            refund_id: refund.refundId,
            amount: refund.amount,
            currency: refund.currency,
            tendered: null,
            email: null,
            gift_card_id: null,
            gift_card_amount: 0,
            concession_order_id: null,
            created_by: principal.userId,
            created_at: clock.now(),
          };
          await store.insertMovement(trx, { ...row, lines: '[]' });
        },
      };
      // Owed already (the showtime was cancelled)? Paid out as it stands; otherwise cancelled now.
      const paidOut = !input.ticketIds && (await deps.refunds.payOutAtTill(input.bookingId, offline));
      if (!paidOut) await deps.refunds.cancelOffline(input.bookingId, input.ticketIds, offline);
      return movementView(row as store.MovementRow);
    },

    /**
     * Sells a gift card for cash or on the card terminal: the card (its code shown once, to print) and
     * the ledger line commit together, with the session locked. A recipient's email gets it too.
     */
    async sellGiftCard(
      principal: Principal,
      sessionId: string,
      input: { amount: number; method: 'cash' | 'card_terminal'; tendered?: number; recipientEmail?: string },
    ) {
      const s = await visibleSession(principal, sessionId, true);
      if (input.tendered !== undefined && input.method !== 'cash') throw tenderedNotCash();
      if (input.tendered !== undefined && input.tendered < input.amount)
        throw tenderedTooLittle(input.amount, input.tendered);
      const id = randomUUID();
      const currency = s.currency.trim();
      const email = input.recipientEmail?.trim().toLowerCase() ?? null;
      return db.transaction().execute(async (trx) => {
        await lockOpen(trx, s.id);
        const { card, code } = await deps.giftCards.cards.issue(trx, {
          amount: input.amount,
          currency,
          channel: 'till',
          cinemaId: s.cinema_id,
          tillSessionId: s.id,
          recipientEmail: email,
          createdBy: principal.userId,
          method: input.method,
          sealForMail: email !== null,
        });
        const row: store.MovementRow = {
          id,
          session_id: s.id,
          kind: 'gift_card_sale',
          method: input.method,
          booking_id: null,
          showtime_id: null,
          lines: [],
          payment_id: null,
          refund_id: null,
          amount: input.amount,
          currency,
          tendered: input.method === 'cash' ? (input.tendered ?? input.amount) : null,
          email,
          gift_card_id: card.id,
          gift_card_amount: 0,
          concession_order_id: null,
          created_by: principal.userId,
          created_at: clock.now(),
        };
        await store.insertMovement(trx, { ...row, lines: '[]' });
        return {
          giftCard: { id: card.id, code, last4: card.last4, balance: { amount: card.balance, currency } },
          sale: movementView(row),
          receiptUrl: `/api/v1/till-sales/${id}/receipt.pdf`,
        };
      });
    },

    /** Closes the session with the counted cash; the report compares it with what the ledger expects. 409 till_closed the second time. */
    async close(principal: Principal, sessionId: string, countedCash: number) {
      const s = await visibleSession(principal, sessionId, true);
      await db.transaction().execute(async (trx) => {
        const locked = await store.findSession(trx, s.id, { lock: true });
        if (locked?.status !== 'open') throw tillClosed();
        const totals = await store.sessionTotals(trx, s.id);
        const expectedCash = locked.float_amount + totals.cashSales - totals.cashRefunds;
        await store.closeSession(trx, s.id, { countedCash, expectedCash, now: clock.now() });
      });
      return report((await store.findSession(db, s.id)) as store.SessionWithTill);
    },

    /** A sale (with its session) for its receipt: the cashier's own, or any for an admin; 404 otherwise. */
    async saleForReceipt(principal: Principal, saleId: string) {
      const m = await store.findMovement(db, saleId);
      if (m?.kind !== 'sale' && m?.kind !== 'gift_card_sale' && m?.kind !== 'food_sale') return null;
      const s = await store.findSession(db, m.session_id);
      if (!s || (s.staff_id !== principal.userId && !hasRole(principal, 'admin'))) return null;
      return { sale: m, session: s };
    },
  };
}
