// Receipts and credit notes as documents: composed from what was sold (or refunded), who sold it
// and the seller's tax settings, then stored as issued. Pure: numbers and ids come from the caller.
import { discountShares } from '../../platform/allocate.ts';
import type { CreditNoteView, ReceiptView } from './finance.schemas.ts';
import type { FinanceBooking, FinanceShowtime } from './finance.ports.ts';
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

/** A booking's receipt: one line per seat at the tickets rate, the promo discount spread over them. */
export function bookingReceipt(
  h: DocumentHead,
  booking: FinanceBooking,
  show: FinanceShowtime,
  paidBy: { provider: string; amount: number } | null,
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
      booking.seats.reduce((a, s) => a + s.price, 0),
      c,
    ),
    discount: discount > 0 ? { code: booking.promoCode ?? null, amount: money(discount, c) } : null,
    tenders,
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

/**
 * A credit note for refunded seats of a receipt: the money paid back spread over those seats' lines
 * (in proportion to what was paid for each), taxed at each line's rate, and where the money went.
 */
export function creditNote(
  h: DocumentHead,
  receipt: ReceiptView,
  refund: { seatIds: string[]; total: number; giftCardAmount: number; reason: string },
): CreditNoteView {
  const c = receipt.currency;
  const named = receipt.lines.filter((l) => l.seat && refund.seatIds.includes(l.seat.seatId));
  const refunded = named.length > 0 ? named : receipt.lines;
  const shares = allocate(
    refund.total,
    refunded.map((l) => l.gross.amount),
  );
  const lines = refunded.map((l, i) => ({ ...l, gross: money(shares[i] ?? 0, c) }));
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
