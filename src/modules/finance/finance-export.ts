// The accountants' CSV exports over a period (days of issue in the seller's zone, so a closed period
// never changes; each row also has the date of the sale or refund) and one cinema or
// the whole chain (online sales included): sales and refunds per document and tax rate, promo discounts, gift card liabilities, and
// money per payment method. Every figure is read from the documents as issued, so the export adds up
// to the receipts and credit notes; the CSV is the sales module's, formula-safe.
import type { Kysely } from 'kysely';
import { decimalAmount } from '../../platform/money.ts';
import { toCsv } from '../sales/sales.module.ts';
import { localParts } from './documents.ts';
import { badPeriod, cinemaNotFound } from './finance.errors.ts';
import type { FinanceDeps } from './finance.ports.ts';
import type { CreditNoteView, ExportQueryInput, ReceiptView } from './finance.schemas.ts';
import { creditNotesOfPeriod, receiptsOfPeriod } from './finance.store.ts';
import type { FinanceDb } from './finance.tables.ts';

type Cell = string | number | null;
const DAY_MS = 86_400_000;

/** An amount as a decimal; a negative one as a number, so the CSV does not defuse its minus sign as a formula. */
const dec = (minor: number, currency: string): Cell =>
  minor < 0 ? Number(decimalAmount(minor, currency)) : decimalAmount(minor, currency);

function checkPeriod(from: string, to: string): void {
  const span = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  if (!(span >= 0)) throw badPeriod('to must not be before from');
  if (span > 366 * DAY_MS) throw badPeriod('The period spans at most 366 days');
}

/** The day of issue; the sale's or refund's own date has its column (supply_date, refund_date). */
const day = (d: { issuedAtLocal: string }) => d.issuedAtLocal.slice(0, 10);

function perRate(docs: (ReceiptView | CreditNoteView)[], extra: (d: ReceiptView | CreditNoteView) => Cell[]): Cell[][] {
  return docs.flatMap((d) =>
    d.taxes.map((t) => [
      d.number,
      day(d),
      d.cinemaId,
      ...extra(d),
      d.supplyDate,
      d.currency,
      t.rate,
      dec(t.net.amount, d.currency),
      dec(t.tax.amount, d.currency),
      dec(t.gross.amount, d.currency),
    ]),
  );
}

/** Sums per key of amounts in minor units. */
function sumInto(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** The instant a local day (`YYYY-MM-DD`) starts in a time zone. */
export function startOfLocalDay(day: string, timezone: string): Date {
  const target = Date.parse(`${day}T00:00:00Z`);
  let at = target;
  // The zone's offset at the guess, applied until the guess shows local midnight (twice covers a DST change).
  for (let i = 0; i < 3; i++) {
    const local = localParts(new Date(at), timezone);
    const shown = Date.parse(`${local.day}T${local.time}:00Z`);
    if (shown === target) break;
    at -= shown - target;
  }
  return new Date(at);
}

export function createFinanceExport(deps: {
  db: Kysely<FinanceDb>;
  ports: FinanceDeps;
  /** The zone of chain-wide figures not kept per document (gift card liabilities): the chain seller's. */
  chainTimezone: string;
}) {
  const { db, ports } = deps;

  /** The CSV of one kind over a period; 422 for a period backwards or over 366 days, 404 for an unknown cinema. */
  return async function exportCsv(q: ExportQueryInput): Promise<string> {
    checkPeriod(q.from, q.to);
    const cinema = q.cinemaId ? await ports.cinema(q.cinemaId) : null;
    if (q.cinemaId && !cinema) throw cinemaNotFound();
    const period = { cinemaId: q.cinemaId, from: q.from, to: q.to };
    const receipts = () => receiptsOfPeriod(db, period);
    const credits = () => creditNotesOfPeriod(db, period);
    const rateHeader = ['currency', 'tax_rate_percent', 'net', 'tax', 'gross'];
    switch (q.kind) {
      case 'sales':
        return toCsv(
          ['receipt_number', 'date', 'cinema_id', 'source', 'booking_id', 'gift_card_id', 'supply_date', ...rateHeader],
          perRate(await receipts(), (d) => {
            const r = d as ReceiptView;
            return [r.source, r.bookingId, r.giftCardId];
          }),
        );
      case 'refunds':
        return toCsv(
          [
            'credit_note_number',
            'date',
            'cinema_id',
            'receipt_number',
            'booking_id',
            'reason',
            'refund_date',
            ...rateHeader,
          ],
          perRate(await credits(), (d) => {
            const c = d as CreditNoteView;
            return [c.receiptNumber, c.bookingId, c.reason];
          }),
        );
      case 'discounts':
        return toCsv(
          [
            'receipt_number',
            'date',
            'cinema_id',
            'booking_id',
            'promo_code',
            'supply_date',
            'currency',
            'subtotal',
            'discount',
            'gross',
          ],
          (await receipts())
            .filter((r) => r.discount)
            .map((r) => [
              r.number,
              day(r),
              r.cinemaId,
              r.bookingId,
              r.discount?.code ?? null,
              r.supplyDate,
              r.currency,
              dec(r.subtotal.amount, r.currency),
              dec(r.discount?.amount.amount ?? 0, r.currency),
              dec(r.totals.gross.amount, r.currency),
            ]),
        );
      case 'gift-cards':
        return giftCards(q, cinema?.timezone ?? deps.chainTimezone);
      case 'payment-methods': {
        const sales = new Map<string, number>();
        const refunds = new Map<string, number>();
        const key = (t: ReceiptView['tenders'][number], currency: string) =>
          `${currency}|${t.method}|${t.provider ?? ''}`;
        for (const r of await receipts())
          for (const t of r.tenders) sumInto(sales, key(t, r.currency), t.amount.amount);
        for (const c of await credits())
          for (const t of c.refundedTo) sumInto(refunds, key(t, c.currency), t.amount.amount);
        const keys = [...new Set([...sales.keys(), ...refunds.keys()])].sort();
        return toCsv(
          ['currency', 'method', 'provider', 'sales', 'refunds', 'net'],
          keys.map((k) => {
            const [currency = '', method = '', provider = ''] = k.split('|');
            const s = sales.get(k) ?? 0;
            const r = refunds.get(k) ?? 0;
            return [currency, method, provider || null, dec(s, currency), dec(r, currency), dec(s - r, currency)];
          }),
        );
      }
    }
  };

  /**
   * Gift card money of the period's local days in `timezone` (the cinema's, or the chain seller's for
   * the whole chain): from the gift cards module when wired, else from the documents. A cinema's
   * figures are the cards sold at its tills; cards bought online belong to no cinema and appear in
   * the chain-wide export (no cinemaId).
   */
  async function giftCards(q: ExportQueryInput, timezone: string): Promise<string> {
    const header = ['currency', 'issued', 'redeemed', 'refunded', 'voided', 'outstanding_at_end'];
    if (ports.giftCardLiabilities) {
      const next = new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      const rows = await ports.giftCardLiabilities({
        ...(q.cinemaId ? { cinemaId: q.cinemaId } : {}),
        from: startOfLocalDay(q.from, timezone),
        to: startOfLocalDay(next, timezone),
      });
      return toCsv(
        header,
        rows.map((r) => [
          r.currency,
          ...[r.issued, r.redeemed, r.refunded, r.voided, r.outstanding].map((x) => dec(x, r.currency)),
        ]),
      );
    }
    const period = { cinemaId: q.cinemaId, from: q.from, to: q.to };
    const issued = new Map<string, number>();
    const redeemed = new Map<string, number>();
    const refunded = new Map<string, number>();
    for (const r of await receiptsOfPeriod(db, period)) {
      if (r.source === 'gift_card') sumInto(issued, r.currency, r.totals.gross.amount);
      for (const t of r.tenders) if (t.method === 'gift_card') sumInto(redeemed, r.currency, t.amount.amount);
    }
    for (const c of await creditNotesOfPeriod(db, period))
      for (const t of c.refundedTo) if (t.method === 'gift_card') sumInto(refunded, c.currency, t.amount.amount);
    const currencies = [...new Set([...issued.keys(), ...redeemed.keys(), ...refunded.keys()])].sort();
    return toCsv(
      header,
      currencies.map((c) => [
        c,
        dec(issued.get(c) ?? 0, c),
        dec(redeemed.get(c) ?? 0, c),
        dec(refunded.get(c) ?? 0, c),
        null,
        null,
      ]),
    );
  }
}
