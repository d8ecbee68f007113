// Food with a booking (issue 17, part B): the basket of a held booking set as a whole, priced before
// and written in one short transaction: the booking's food total set through booking's setHeldFood
// (which locks it first), then the order, its lines and the stock as one statement (putBasket); the
// order paid with the booking and cancelled with its hold (event consumers, once per event); reads
// for owners and staff.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { SharedTx } from '../../platform/db/module-db.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import { type Caller, isGuest, isStaff, mayAccessBooking } from '../../platform/http/access.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import type { BookingService } from '../booking/booking.module.ts';
import { type BookingView, toView } from '../booking/booking.views.ts';
import { startOfLocalDay } from '../finance/finance-export.ts';
import { validationFailed } from '../../platform/errors.ts';
import { cinemaNotFound, foodCurrencyMismatch, foodOutOfStock, orderNotFound } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { stockOf } from './order-refunds.ts';
import { newPickupCode } from './pickup-code.ts';
import { type BasketItem, priceLines } from './pricing.ts';
import { keepTaken, returnStock, type StockLine } from './stock.ts';
import * as store from './orders.store.ts';
import type { FoodOrderView } from './orders.schemas.ts';
import { namesIn, orderView } from './orders.views.ts';

export type OrdersBookingPort = Pick<BookingService, 'getForPayment' | 'adjustHeld' | 'setHeldFood'>;

/** The stock an order's lines hold (the item and a combo's tracked choices), all of it. */
export const stockOfLines = (lines: store.LineRow[]): StockLine[] =>
  stockOf(lines.map((l) => ({ n: l.quantity - l.refunded_quantity, stock_taken: l.stock_taken })));

export function createOrdersService(deps: {
  db: Kysely<ConcessionsDb>;
  clock: Clock;
  booking: OrdersBookingPort;
  catalog: Pick<CatalogService, 'getShowtime' | 'getCinema'>;
}) {
  const { db, clock, booking } = deps;
  const shared = (trx: unknown) => trx as SharedTx;

  /** An order as answered, with names in `lang`; a held order of a booking sold already reads paid. */
  async function view(o: store.OrderRow, lang: string): Promise<FoodOrderView> {
    const lines = await store.linesOf(db, [o.id]);
    const paid = o.status === 'held' && o.booking_id !== null && (await bookingSold(o.booking_id));
    return orderView(o, lines, await namesIn(db, lines, lang), paid);
  }

  /** Whether a booking is sold (its confirmed event may not have reached the order yet). */
  async function bookingSold(bookingId: string): Promise<boolean> {
    const b = await booking.getForPayment(shared(db), bookingId, null, { lock: false }).catch(() => null);
    return b?.effectiveStatus === 'confirmed';
  }

  return {
    /**
     * Sets a held booking's food (`[]` removes it): 404 unless the caller may reach the booking, 409
     * booking_not_payable / booking_expired unless it is a live hold, 422 food_not_on_sale /
     * combo_choice_invalid, 409 food_out_of_stock, 409 gift_cards_exceed_total. Answers the booking
     * and its food (names in `lang`) as they now are: the answer needs no read of them.
     */
    async setFood(
      caller: Caller,
      bookingId: string,
      items: BasketItem[],
      lang = 'en',
    ): Promise<{ booking: BookingView; food: FoodOrderView | null }> {
      // Before the transaction, without locks: the booking (its cinema: a booking's showtime never
      // changes; the catalog reads with its own handle, which on PGlite would wait for an open
      // transaction) and the basket priced. Prices are read fresh, as in the transaction: nothing
      // there locked the offers either.
      const b = await booking.getForPayment(shared(db), bookingId, caller, { lock: false });
      // Not a live hold: adjustHeld answers its own 409s (booking_expired, booking_not_payable).
      if (b.effectiveStatus !== 'held') await booking.adjustHeld(shared(db), bookingId, caller, {});
      const show = await deps.catalog.getShowtime(b.showtimeId);
      if (!show) throw cinemaNotFound();
      const cinemaId = show.cinemaId;
      const priced = await priceLines(db, cinemaId, items);
      const currency = b.currency.trim();
      if (priced.currency !== null && priced.currency !== currency)
        throw foodCurrencyMismatch(priced.currency, currency);
      const staff = isStaff(caller) && !isGuest(caller);
      const basket: store.Basket = {
        bookingId,
        cinemaId,
        order: {
          id: randomUUID(),
          channel: isGuest(caller) ? 'guest' : staff ? 'till' : 'web',
          user_id: b.userId,
          currency,
          pickup_code: newPickupCode(),
          staff_user_id: staff ? caller.userId : null,
        },
        lines: priced.lines.map((l) => ({ ...l, id: randomUUID() })),
        total: priced.total,
        stock: priced.stock,
      };
      // Two statements between begin and commit, the booking locked first; a deadlock or
      // serialization failure runs the whole transaction again.
      const { held, put } = await withRetry(() =>
        db.transaction().execute(async (trx) => {
          const now = clock.now();
          const held = await booking.setHeldFood(shared(trx), bookingId, caller, priced.total);
          const put = await store.putBasket(trx, basket, now);
          if (put.short.length > 0) throw foodOutOfStock(put.short);
          if (basket.lines.length > 0 && !put.order) throw new Error(`booking ${bookingId}: held, its food order not`);
          return { held, put };
        }),
      );
      const view = toView(held, clock.now());
      if (!put.order) return { booking: view, food: null };
      const lines: store.LineRow[] = keepTaken(basket.lines, put.tracked).map((l, position) => ({
        id: l.id,
        order_id: put.order!.id,
        position,
        product_id: l.productId,
        variant_id: l.variantId,
        name: l.name,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        tax_kind: l.taxKind,
        choices: l.choices,
        stock_taken: l.stock,
        collected_quantity: 0,
        refunded_quantity: 0,
      }));
      return { booking: view, food: orderView(put.order, lines, await namesIn(db, lines, lang)) };
    },

    /** booking.confirmed: the booking's food is paid (its pickup code shown from now on). */
    async markPaid(tx: SharedTx, bookingId: string): Promise<void> {
      await store.moveHeld(tx as never, { bookingId }, 'paid', clock.now());
    },

    /** booking.released / booking.expired: the held food is cancelled and its stock comes back. */
    async cancelWithHold(tx: SharedTx, bookingId: string): Promise<void> {
      const trx = tx as never as Parameters<typeof store.linesOf>[0];
      const cancelled = await store.moveHeld(trx, { bookingId }, 'cancelled', clock.now());
      if (!cancelled) return;
      const lines = await store.linesOf(trx, [cancelled.id]);
      await returnStock(trx, cancelled.cinema_id, stockOfLines(lines), clock.now(), { asRecorded: true });
    },

    /** The food of these bookings as their answers show it (names in `lang`, English where missing), by booking id. */
    async ofBookings(bookings: { id: string; status: string }[], lang = 'en'): Promise<Map<string, FoodOrderView>> {
      const { orders, lines } = await store.ordersWithLinesOfBookings(
        db,
        bookings.map((b) => b.id),
      );
      const names = await namesIn(db, lines, lang);
      const sold = new Set(bookings.filter((b) => b.status === 'confirmed').map((b) => b.id));
      return new Map(orders.map((o) => [o.booking_id as string, orderView(o, lines, names, sold.has(o.booking_id!))]));
    },

    /**
     * A sold booking's food for its confirmation email, names in the reader's language (issue 20);
     * null without food left to collect.
     */
    async forMail(bookingId: string, lang = 'en') {
      const o = await store.findOrderOfBooking(db, bookingId);
      if (!o || (o.status !== 'held' && o.status !== 'paid')) return null;
      const lines = await store.linesOf(db, [o.id]);
      const v = orderView(o, lines, await namesIn(db, lines, lang), true);
      return {
        pickupCode: o.pickup_code,
        total: v.total,
        items: v.items.map((i) => ({ name: i.name, quantity: i.quantity, choices: i.choices.map((c) => c.name) })),
      };
    },

    /** An order for its owner (the booking's account or guest) or staff; 404 otherwise. */
    async get(caller: Caller, orderId: string, lang: string): Promise<FoodOrderView> {
      const o = await store.findOrder(db, { id: orderId });
      if (!o || !mayReach(caller, o)) throw orderNotFound();
      return view(o, lang);
    },

    /** The pickup code of a paid order its caller may reach (the QR); 404 otherwise or before it is paid. */
    async pickupCodeOf(caller: Caller, where: { orderId: string } | { bookingId: string }): Promise<string> {
      const o =
        'orderId' in where
          ? await store.findOrder(db, { id: where.orderId })
          : await store.findOrderOfBooking(db, where.bookingId);
      if (!o || !mayReach(caller, o)) throw orderNotFound();
      const paid =
        o.status === 'paid' || (o.status === 'held' && o.booking_id !== null && (await bookingSold(o.booking_id)));
      if (!paid) throw orderNotFound();
      return o.pickup_code;
    },

    /** Staff's list of a cinema's orders (newest first); `day` is paid on that local day. */
    async list(
      q: { cinemaId: string; status?: store.OrderStatus; date?: string; limit?: number },
      lang: string,
    ): Promise<FoodOrderView[]> {
      const day = q.date ? await localDay(q.cinemaId, q.date) : undefined;
      const orders = await store.listOrders(db, { cinemaId: q.cinemaId, status: q.status, day, limit: q.limit ?? 50 });
      const lines = await store.linesOf(
        db,
        orders.map((o) => o.id),
      );
      const names = await namesIn(db, lines, lang);
      return orders.map((o) => orderView(o, lines, names));
    },
  };

  /** A day in a cinema's zone as UTC bounds (404 for an unknown cinema). */
  async function localDay(cinemaId: string, date: string): Promise<{ from: Date; to: Date }> {
    // The pattern lets 2026-02-30 and 0000-01-01 through: only a real day of a sane year is one.
    const ms = Date.parse(`${date}T00:00:00Z`);
    const year = Number(date.slice(0, 4));
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date || year < 1900 || year > 9998)
      throw validationFailed('/date', 'must be a real calendar day (YYYY-MM-DD)');
    const cinema = await deps.catalog.getCinema(cinemaId);
    if (!cinema) throw cinemaNotFound();
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return { from: startOfLocalDay(date, cinema.timezone), to: startOfLocalDay(next, cinema.timezone) };
  }
}

/** The booking's account or guest, or staff. */
function mayReach(caller: Caller, o: store.OrderRow): boolean {
  if (o.booking_id === null) return isStaff(caller);
  return mayAccessBooking(caller, { id: o.booking_id, userId: o.user_id });
}

export type OrdersService = ReturnType<typeof createOrdersService>;
