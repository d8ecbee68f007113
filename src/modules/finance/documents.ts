// Receipts and credit notes as documents: composed from what was sold (or refunded), who sold it
// and the seller's tax settings, then stored as issued. Pure: numbers and ids come from the caller.
import { discountShares } from '../../platform/allocate.ts';
import type { CreditNoteView, ReceiptView } from './finance.schemas.ts';
import type { FinanceBooking, FinanceFoodLine, FinanceShowtime } from './finance.ports.ts';
import type { TaxSettingsRow } from './finance.store.ts';
import { allocate, percentOf, taxRows, totalsOf } from './tax-math.ts';

type Tender = ReceiptView['tenders'][number];
type Line = ReceiptView['lines'][number];

/** The date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in a time zone. */
export function localParts(at: Date, timezone: string): { day: string; time: string } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Who sells and at which rates: a cinema's tax settings, or the chain's seller for a cinema without (receipts.service.ts). */
export type SellerSettings = Pick<
  TaxSettingsRow,
  | 'country'
  | 'legal_name'
  | 'legal_address'
  | 'tax_id'
  | 'rate_tickets'
  | 'rate_food'
  | 'rate_merchandise'
  | 'rate_default'
>;

/**
 * The parts every document shares: number, when it was issued (the export's periods and the number's
 * year go by it), when the sale or refund it records happened (`suppliedAt`, often the same moment,
 * earlier when it is issued late), both in the seller's zone, and the seller.
 */
export interface DocumentHead {
  id: string;
  number: string;
  cinemaId: string | null;
  issuedAt: Date;
  suppliedAt: Date;
  timezone: string;
  settings: SellerSettings;
}

function head(h: DocumentHead) {
  const local = localParts(h.issuedAt, h.timezone);
  const s = h.settings;
  return {
    id: h.id,
    number: h.number,
    cinemaId: h.cinemaId,
    issuedAt: h.issuedAt.toISOString(),
    issuedAtLocal: `${local.day} ${local.time} (${h.timezone})`,
    supplyDate: localParts(h.suppliedAt, h.timezone).day,
    seller: { name: s.legal_name, address: s.legal_address, country: s.country, taxId: s.tax_id },
    // Documents are issued only with a seller since the chain seller (SELLER_*); older ones may say true.
    sellerMissing: false,
  };
}

const money = (amount: number, currency: string) => ({ amount, currency });

/** Net, tax and gross per rate and in total of some lines' gross. */
function taxesOf(lines: { rate: number; gross: { amount: number } }[], currency: string) {
  const rows = taxRows(lines.map((l) => ({ rateBp: Math.round(l.rate * 100), gross: l.gross.amount })));
  const t = totalsOf(rows);
  return {
    taxes: rows.map((r) => ({
      rate: r.rate,
      net: money(r.net, currency),
      tax: money(r.tax, currency),
      gross: money(r.gross, currency),
    })),
    totals: { net: money(t.net, currency), tax: money(t.tax, currency), gross: money(t.gross, currency) },
  };
}

/** How a payment's provider appears as a tender: the till's own methods (or a card, provider unknown), else a card through the provider. */
export function tenderOf(provider: string, amount: number, currency: string): Tender | null {
  if (amount <= 0 || provider === 'none') return null;
  if (provider === 'cash' || provider === 'card_terminal' || provider === 'card')
    return { method: provider, provider: null, amount: money(amount, currency) };
  return { method: 'card', provider, amount: money(amount, currency) };
}

/** A food line's tax rate (basis points) by its tax kind, from the seller's settings. */
export function foodRateBp(s: SellerSettings, kind: FinanceFoodLine['taxKind']): number {
  return kind === 'food' ? s.rate_food : kind === 'merchandise' ? s.rate_merchandise : s.rate_default;
}

/** Food and drink lines (issue 17) at their tax kind's rate; a promo code never discounts them. */
export function foodDocumentLines(s: SellerSettings, food: FinanceFoodLine[], c: string): Line[] {
  return food.map((f) => {
    const picked = Array.isArray(f.choices)
      ? (f.choices as { name?: unknown }[]).map((x) => (typeof x.name === 'string' ? x.name : '')).filter(Boolean)
      : [];
    const gross = f.unitPrice * f.quantity;
    return {
      description: `${f.quantity} × ${f.name}${picked.length > 0 ? ` (${picked.join(', ')})` : ''}`,
      seat: null,
      ticketType: null,
      kind: f.taxKind,
      foodLineId: f.lineId,
      quantity: f.quantity,
      rate: percentOf(foodRateBp(s, f.taxKind)),
      price: money(gross, c),
      discount: money(0, c),
      gross: money(gross, c),
    };
  });
}

/**
 * A booking's receipt: one line per seat at the tickets rate, the promo discount spread over them,
 * then its food lines (issue 17) each at its tax kind's rate.
 */
export function bookingReceipt(
  h: DocumentHead,
  booking: FinanceBooking,
  show: FinanceShowtime,
  paidBy: { provider: string; amount: number } | null,
  food: FinanceFoodLine[] = [],
): ReceiptView {
  const c = booking.currency.trim();
  const rateBp = h.settings.rate_tickets;
  const discount = booking.discountAmount ?? 0;
  // The same split a refund of a seat uses (platform/allocate.ts): its line's gross is what it gives back.
  const shares = discountShares(discount, booking.seats);
  const lines: Line[] = booking.seats.map((s) => ({
    description: `${show.movie.title}: row ${s.row}, seat ${s.number}, ${s.ticketTypeName || s.ticketType}`,
    seat: { seatId: s.seatId, row: s.row, number: s.number },
    ticketType: s.ticketType,
    kind: 'tickets',
    rate: percentOf(rateBp),
    price: money(s.price, c),
    discount: money(shares.get(s.seatId) ?? 0, c),
    gross: money(s.price - (shares.get(s.seatId) ?? 0), c),
  }));
  lines.push(...foodDocumentLines(h.settings, food, c));
  const giftCards = booking.giftCardAmount ?? 0;
  const tenders: Tender[] = [];
  if (giftCards > 0) tenders.push({ method: 'gift_card', provider: null, amount: money(giftCards, c) });
  const paid = paidBy && tenderOf(paidBy.provider, paidBy.amount, c);
  if (paid) tenders.push(paid);
  const local = localParts(show.startsAt, h.timezone);
  return {
    ...head(h),
    source: 'booking',
    bookingId: booking.id,
    giftCardId: null,
    showing: {
      title: show.movie.title,
      startsAt: `${local.day} ${local.time}`,
      cinema: show.cinema.name,
      hall: show.hall.name,
    },
    lines,
    subtotal: money(
      booking.seats.reduce((a, s) => a + s.price, 0) + food.reduce((a, f) => a + f.unitPrice * f.quantity, 0),
      c,
    ),
    discount: discount > 0 ? { code: booking.promoCode ?? null, amount: money(discount, c) } : null,
    tenders,
    ...taxesOf(lines, c),
    currency: c,
  };
}

/** A receipt of food sold alone (a till food sale, issue 17): its lines at their tax kinds' rates. */
export function foodOrderReceipt(
  h: DocumentHead,
  order: { id: string; currency: string; lines: FinanceFoodLine[] },
  tender: Tender | null,
): ReceiptView {
  const c = order.currency;
  const lines = foodDocumentLines(h.settings, order.lines, c);
  return {
    ...head(h),
    source: 'concession_order',
    bookingId: null,
    giftCardId: null,
    concessionOrderId: order.id,
    showing: null,
    lines,
    subtotal: money(
      lines.reduce((a, l) => a + l.gross.amount, 0),
      c,
    ),
    discount: null,
    tenders: tender ? [tender] : [],
    ...taxesOf(lines, c),
    currency: c,
  };
}

/** A gift card sale's receipt: a multi-purpose voucher, not taxed when sold (tax is due when it is spent). */
export function giftCardReceipt(
  h: DocumentHead,
  card: { giftCardId: string; amount: number; currency: string; tender: Tender | null },
): ReceiptView {
  const c = card.currency;
  const line: Line = {
    description: 'Gift card (multi-purpose voucher, no tax on sale)',
    seat: null,
    ticketType: null,
    kind: 'gift_card',
    rate: 0,
    price: money(card.amount, c),
    discount: money(0, c),
    gross: money(card.amount, c),
  };
  return {
    ...head(h),
    source: 'gift_card',
    bookingId: null,
    giftCardId: card.giftCardId,
    showing: null,
    lines: [line],
    subtotal: money(card.amount, c),
    discount: null,
    tenders: card.tender ? [card.tender] : [],
    ...taxesOf([line], c),
    currency: c,
  };
}

/** Food lines given back by a refund (issue 17): the order line, how many and what came back. */
export interface RefundedFood {
  amount: number;
  lines: { lineId: string; name: string; quantity: number; amount: number; taxKind: FinanceFoodLine['taxKind'] }[];
}

/**
 * A credit note for refunded seats of a receipt: the money paid back for tickets spread over those
 * seats' lines (in proportion to what was paid for each), the food given back on its receipt lines
 * (issue 17), each taxed at its line's rate, and where the money went.
 */
export function creditNote(
  h: DocumentHead,
  receipt: ReceiptView,
  refund: { seatIds: string[]; total: number; giftCardAmount: number; reason: string; food?: RefundedFood | null },
): CreditNoteView {
  const c = receipt.currency;
  const food = refund.food ?? null;
  const ticketLines = receipt.lines.filter((l) => l.kind === 'tickets' || l.kind === 'gift_card');
  const named = ticketLines.filter((l) => l.seat && refund.seatIds.includes(l.seat.seatId));
  // Food given back alone names no seat: no ticket line then.
  const refunded = named.length > 0 ? named : food ? [] : ticketLines;
  const ticketTotal = refund.total - (food?.amount ?? 0);
  const shares = allocate(
    ticketTotal,
    refunded.map((l) => l.gross.amount),
  );
  const lines: Line[] = refunded.map((l, i) => ({ ...l, gross: money(shares[i] ?? 0, c) }));
  for (const f of food?.lines ?? []) {
    const sold = receipt.lines.find((l) => l.foodLineId === f.lineId);
    lines.push({
      description: `${f.quantity} × ${f.name}`,
      seat: null,
      ticketType: null,
      kind: f.taxKind,
      foodLineId: f.lineId,
      quantity: f.quantity,
      rate: sold?.rate ?? percentOf(foodRateBp(h.settings, f.taxKind)),
      price: money(f.amount, c),
      discount: money(0, c),
      gross: money(f.amount, c),
    });
  }
  const refundedTo: Tender[] = [];
  if (refund.giftCardAmount > 0)
    refundedTo.push({ method: 'gift_card', provider: null, amount: money(refund.giftCardAmount, c) });
  const rest = refund.total - refund.giftCardAmount;
  const paidWith = receipt.tenders.find((t) => t.method !== 'gift_card');
  if (rest > 0)
    refundedTo.push({
      method: paidWith?.method ?? 'card',
      provider: paidWith?.provider ?? null,
      amount: money(rest, c),
    });
  return {
    ...head(h),
    bookingId: receipt.bookingId,
    receiptId: receipt.id,
    receiptNumber: receipt.number,
    reason: refund.reason,
    showing: receipt.showing,
    lines,
    refundedTo,
    ...taxesOf(lines, c),
    currency: c,
  };
}
