// A till sale's receipt as a PDF 80 mm wide, for the counter's thermal printer. Text only and one
// page, so it is drawn on the request's thread in about a millisecond (tickets with their QR codes
// go to the tickets module's render worker).
import PDFDocument from 'pdfkit';
import { localTime, pdfBytes, pdfPrice } from '../tickets/tickets.module.ts';
import type { FoodReceiptLine, ReceiptLine } from './till.views.ts';

/** 80 mm in PDF points; the printable width of common thermal printers is about 72 mm. */
const WIDTH = 226.77;
const MARGIN = 12;

export interface Receipt {
  saleId: string;
  /** Null for a gift card sold at the counter. */
  bookingId: string | null;
  till: string;
  cinema: string;
  timezone: string;
  movie: string;
  hall: string;
  startsAt: Date | null;
  soldAt: Date;
  method: 'cash' | 'card_terminal';
  currency: string;
  total: number;
  tendered: number | null;
  /** Seats, then food and drink (issue 17). */
  lines: (ReceiptLine | FoodReceiptLine)[];
  /** A gift card sold (its line), or the gift card part of a ticket sale paid first. */
  giftCard?: { sold: boolean; amount: number } | undefined;
  /** The sale's numbered receipt from finance, with its tax per rate; absent when finance has none. */
  fiscal?: FiscalReceipt | null | undefined;
}

/** What finance issued for a sale: the receipt number, and net, tax and gross per rate (minor units). */
export interface FiscalReceipt {
  number: string;
  taxes: { rate: number; net: number; tax: number; gross: number }[];
}

export function receiptPdf(r: Receipt): Promise<Buffer> {
  // Tall enough for every line; thermal printers cut where the content ends.
  const height = 260 + r.lines.length * 24 + (r.fiscal ? 24 + r.fiscal.taxes.length * 22 : 0);
  const doc = new PDFDocument({ size: [WIDTH, height], margin: MARGIN, info: { Title: 'Receipt', Author: 'Marquee' } });
  const done = pdfBytes(doc);
  const width = WIDTH - 2 * MARGIN;
  const price = (amount: number) => pdfPrice({ amount, currency: r.currency });
  const row = (left: string, right: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(left, MARGIN, y, { width: width * 0.65 });
    const after = doc.y;
    doc.text(right, MARGIN, y, { width, align: 'right' });
    doc.y = Math.max(after, doc.y);
  };
  const rule = () => {
    doc.moveDown(0.3);
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(WIDTH - MARGIN, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.3);
  };

  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(r.cinema || 'Marquee', { width, align: 'center' });
  doc.font('Helvetica').fontSize(8).text(`Receipt · ${r.till}`, { width, align: 'center' });
  doc.text(localTime(r.soldAt, r.timezone), { width, align: 'center' });
  rule();
  doc.font('Helvetica-Bold').fontSize(9).text(r.movie, { width });
  doc.font('Helvetica').fontSize(8);
  if (r.startsAt) doc.text(localTime(r.startsAt, r.timezone), { width });
  if (r.hall) doc.text(r.hall, { width });
  rule();
  doc.fontSize(8);
  for (const l of r.lines) {
    if ('kind' in l) {
      row(`${l.quantity} × ${l.name}`, price(l.unitPrice * l.quantity));
      if (l.choices.length > 0) doc.font('Helvetica').text(`  ${l.choices.join(', ')}`, MARGIN, doc.y, { width });
      continue;
    }
    row(`Row ${l.row} Seat ${l.number} (${l.type})`, price(l.price));
    // The ticket type under its seat: what the door checks (a child's ticket, a student's).
    const kind = l.ticketTypeName ?? l.ticketType;
    if (kind) doc.font('Helvetica').text(`  ${kind}`, MARGIN, doc.y, { width });
  }
  if (r.giftCard?.sold) row('Gift card', price(r.total));
  rule();
  const giftPart = r.giftCard && !r.giftCard.sold ? r.giftCard.amount : 0;
  doc.fontSize(10);
  row('Total', price(r.total + giftPart), true);
  doc.fontSize(8);
  if (giftPart > 0) row('Paid by gift card', price(giftPart));
  if (r.method === 'cash') {
    const tendered = r.tendered ?? r.total;
    row('Paid cash', price(tendered));
    row('Change', price(tendered - r.total));
  } else row('Paid by card terminal', price(r.total));
  if (r.fiscal) {
    rule();
    doc.font('Helvetica-Bold').text(`Receipt no. ${r.fiscal.number}`, MARGIN, doc.y, { width });
    for (const t of r.fiscal.taxes) {
      row(`Tax ${t.rate} % of ${price(t.gross)}`, price(t.tax));
      row(`  Net`, price(t.net));
    }
  }
  rule();
  doc.fontSize(7).text(`Sale ${r.saleId}`, { width, align: 'center' });
  if (r.bookingId) doc.text(`Booking ${r.bookingId}`, { width, align: 'center' });
  doc.end();
  return done;
}
