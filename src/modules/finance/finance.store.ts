// SQL for finance's tables: tax settings, the document series counters, receipts and credit notes.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CreditNoteContent, FinanceDb, ReceiptContent } from './finance.tables.ts';

export interface TaxSettingsRow {
  cinema_id: string;
  country: string;
  legal_name: string;
  legal_address: string;
  tax_id: string | null;
  rate_tickets: number;
  rate_food: number;
  rate_merchandise: number;
  rate_default: number;
  updated_at: Date;
}

export async function findTaxSettings(db: Executor<FinanceDb>, cinemaId: string): Promise<TaxSettingsRow | undefined> {
  return db.selectFrom('cinema_tax_settings').selectAll().where('cinema_id', '=', cinemaId).executeTakeFirst();
}

export async function upsertTaxSettings(db: Executor<FinanceDb>, row: TaxSettingsRow): Promise<TaxSettingsRow> {
  const { cinema_id: _id, ...rest } = row;
  return db
    .insertInto('cinema_tax_settings')
    .values(row)
    .onConflict((oc) => oc.column('cinema_id').doUpdateSet(rest))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts settings unless the cinema has some (the demo seed). */
export async function insertTaxSettingsIfNone(db: Executor<FinanceDb>, row: TaxSettingsRow): Promise<void> {
  await db
    .insertInto('cinema_tax_settings')
    .values(row)
    .onConflict((oc) => oc.column('cinema_id').doNothing())
    .execute();
}

/**
 * The next number of a series in a year, taken in the caller's transaction: the upsert locks the
 * counter row until it commits, so writers of one series queue here, and a rollback gives the number back.
 */
export async function nextNumber(trx: Executor<FinanceDb>, series: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('document_series')
    .values({ series, year, last: 1 })
    .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ last: sql`document_series.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** The cinema's code in document numbers, taken now if it has none: the shortest free of `candidates`. */
export async function documentCode(db: Executor<FinanceDb>, cinemaId: string, candidates: string[]): Promise<string> {
  for (const code of candidates) {
    const known = await db
      .selectFrom('document_codes')
      .select('code')
      .where('cinema_id', '=', cinemaId)
      .executeTakeFirst();
    if (known) return known.code;
    // Taken by another cinema (or this one meanwhile): nothing inserted, the loop reads again.
    await db
      .insertInto('document_codes')
      .values({ cinema_id: cinemaId, code })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const last = await db
    .selectFrom('document_codes')
    .select('code')
    .where('cinema_id', '=', cinemaId)
    .executeTakeFirst();
  if (!last) throw new Error(`no free document code for cinema ${cinemaId}`);
  return last.code;
}

export interface DocumentRow {
  id: string;
  cinema_id: string | null;
  series: string;
  year: number;
  seq: number;
  number: string;
  issued_at: Date;
  issued_on: string;
  currency: string;
  gross: number;
  net: number;
  tax: number;
}

/** Inserts a receipt unless its booking or gift card has one; false when it had. */
export async function insertReceipt(
  trx: Executor<FinanceDb>,
  row: DocumentRow & {
    source: 'booking' | 'gift_card' | 'concession_order';
    booking_id: string | null;
    gift_card_id: string | null;
    concession_order_id?: string | null;
    content: ReceiptContent;
  },
): Promise<boolean> {
  const target =
    row.booking_id !== null ? 'booking_id' : row.gift_card_id !== null ? 'gift_card_id' : 'concession_order_id';
  const inserted = await trx
    .insertInto('receipts')
    .values({ ...row, content: JSON.stringify(row.content) })
    .onConflict((oc) => oc.column(target).where(target, 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function receiptOfBooking(
  db: Executor<FinanceDb>,
  bookingId: string,
): Promise<ReceiptContent | undefined> {
  const r = await db.selectFrom('receipts').select('content').where('booking_id', '=', bookingId).executeTakeFirst();
  return r?.content;
}

/** Issue 17: the receipt of food sold alone. */
export async function receiptOfFoodOrder(
  db: Executor<FinanceDb>,
  orderId: string,
): Promise<ReceiptContent | undefined> {
  const r = await db
    .selectFrom('receipts')
    .select('content')
    .where('concession_order_id', '=', orderId)
    .executeTakeFirst();
  return r?.content;
}

export async function receiptOfGiftCard(
  db: Executor<FinanceDb>,
  giftCardId: string,
): Promise<ReceiptContent | undefined> {
  const r = await db.selectFrom('receipts').select('content').where('gift_card_id', '=', giftCardId).executeTakeFirst();
  return r?.content;
}

/** Inserts a credit note unless its refund has one; false when it had. */
export async function insertCreditNote(
  trx: Executor<FinanceDb>,
  row: DocumentRow & {
    receipt_id: string;
    booking_id: string | null;
    concession_order_id?: string | null;
    source_key: string;
    content: CreditNoteContent;
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('credit_notes')
    .values({ ...row, content: JSON.stringify(row.content) })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function creditNotesOfBooking(db: Executor<FinanceDb>, bookingId: string): Promise<CreditNoteContent[]> {
  const rows = await db
    .selectFrom('credit_notes')
    .select('content')
    .where('booking_id', '=', bookingId)
    .orderBy('issued_at')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.content);
}

export async function findCreditNote(
  db: Executor<FinanceDb>,
  id: string,
): Promise<{ bookingId: string; content: CreditNoteContent } | undefined> {
  const r = await db
    .selectFrom('credit_notes')
    .select(['booking_id', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  // A credit note of food sold alone (issue 17) has no booking: it is read through its order instead.
  return r?.booking_id ? { bookingId: r.booking_id, content: r.content } : undefined;
}

type Period = { cinemaId?: string | undefined; from: string; to: string };

/** Receipts issued on the days from–to (inclusive), of one cinema or all, in number order. */
export async function receiptsOfPeriod(db: Executor<FinanceDb>, p: Period): Promise<ReceiptContent[]> {
  let q = db
    .selectFrom('receipts')
    .select('content')
    .where('issued_on', '>=', sql<Date>`${p.from}::date`)
    .where('issued_on', '<=', sql<Date>`${p.to}::date`);
  if (p.cinemaId) q = q.where('cinema_id', '=', p.cinemaId);
  const rows = await q.orderBy('series').orderBy('year').orderBy('seq').execute();
  return rows.map((r) => r.content);
}

/** Credit notes issued on the days from–to (inclusive), of one cinema or all, in number order. */
export async function creditNotesOfPeriod(db: Executor<FinanceDb>, p: Period): Promise<CreditNoteContent[]> {
  let q = db
    .selectFrom('credit_notes')
    .select('content')
    .where('issued_on', '>=', sql<Date>`${p.from}::date`)
    .where('issued_on', '<=', sql<Date>`${p.to}::date`);
  if (p.cinemaId) q = q.where('cinema_id', '=', p.cinemaId);
  const rows = await q.orderBy('series').orderBy('year').orderBy('seq').execute();
  return rows.map((r) => r.content);
}
