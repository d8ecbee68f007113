// Food sold alone at a till (issue 17): an order of its own (channel till, no booking), priced at the
// till's cinema, its stock taken and the order paid in the caller's transaction (the till's, which
// also records the payment and its ledger line), so a sale the till shows is an order the counter can
// hand over. Stock of a tracked item the sale would take below zero: 409 food_out_of_stock.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type ModuleDatabase, moduleDb, narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { foodCurrencyMismatch, orderNotFound } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { newPickupCode } from './pickup-code.ts';
import { type BasketItem, priceLines } from './pricing.ts';
import { keepTaken, takeStock } from './stock.ts';
import * as store from './orders.store.ts';
import type { FoodOrderView } from './orders.schemas.ts';
import { namesIn, orderView } from './orders.views.ts';

/** A till's food sale as the till records it: the order, what it costs, and its lines for the receipt. */
export interface SoldFood {
  orderId: string;
  total: number;
  currency: string;
  lines: { name: string; quantity: number; unitPrice: number; choices: string[] }[];
}

/**
 * In the till's transaction: prices `items` at the cinema (422 food_not_on_sale, combo_choice_invalid),
 * takes the stock (409 food_out_of_stock), and writes the order paid (409
 * concession_currency_mismatch when the cinema sells food in another currency than the till's).
 */
export async function sellFoodAlone(
  tx: SharedTx,
  sale: { cinemaId: string; currency: string; items: BasketItem[]; staffUserId: string; tillSessionId: string },
  now: Date,
): Promise<SoldFood> {
  const trx = narrowTx<ConcessionsDb>(tx);
  const priced = await priceLines(trx, sale.cinemaId, sale.items);
  if (priced.currency !== null && priced.currency !== sale.currency)
    throw foodCurrencyMismatch(priced.currency, sale.currency);
  const taken = await takeStock(trx, sale.cinemaId, priced.stock, now);
  const orderId = randomUUID();
  await trx
    .insertInto('concession_orders')
    .values({
      id: orderId,
      cinema_id: sale.cinemaId,
      channel: 'till',
      booking_id: null,
      user_id: null,
      till_session_id: sale.tillSessionId,
      staff_user_id: sale.staffUserId,
      status: 'paid',
      currency: sale.currency,
      total_amount: priced.total,
      pickup_code: newPickupCode(),
      created_at: now,
      updated_at: now,
      paid_at: now,
    })
    .execute();
  await store.replaceLines(trx, orderId, keepTaken(priced.lines, taken), priced.total, randomUUID, now);
  return {
    orderId,
    total: priced.total,
    currency: sale.currency,
    lines: priced.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      choices: l.choices.map((c) => c.name),
    })),
  };
}

/** An order as answers show it (names in `lang`); 404 concession_order_not_found. */
export async function foodOrderView(db: Kysely<ConcessionsDb>, orderId: string, lang = 'en'): Promise<FoodOrderView> {
  const o = await store.findOrder(db, { id: orderId });
  if (!o) throw orderNotFound();
  const lines = await store.linesOf(db, [o.id]);
  return orderView(o, lines, await namesIn(db, lines, lang));
}

/** Where an order belongs: its cinema and booking (null: sold alone); null when there is no such order. */
export async function orderTarget(db: Kysely<ConcessionsDb>, orderId: string) {
  const o = await store.findOrder(db, { id: orderId });
  return o ? { cinemaId: o.cinema_id, bookingId: o.booking_id } : null;
}

/** A booking's food lines as a till receipt prints them (English names as sold); none without an order. */
export async function receiptLinesOfBooking(db: Kysely<ConcessionsDb>, bookingId: string) {
  const o = await store.findOrderOfBooking(db, bookingId);
  if (!o || o.status === 'cancelled') return [];
  return (await store.linesOf(db, [o.id])).map((l) => ({
    kind: 'food' as const,
    name: l.name,
    quantity: l.quantity,
    unitPrice: l.unit_price,
    choices: l.choices.map((c) => c.name),
  }));
}

/** What the till module is given of food (app.ts): the functions above on the module's handle. */
export function createTillFoodPort(database: ModuleDatabase) {
  const db = moduleDb<ConcessionsDb>(database);
  return {
    sellFoodAlone,
    view: (orderId: string) => foodOrderView(db, orderId),
    target: (orderId: string) => orderTarget(db, orderId),
    linesOfBooking: (bookingId: string) => receiptLinesOfBooking(db, bookingId),
  };
}
