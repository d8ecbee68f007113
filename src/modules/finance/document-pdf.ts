// A receipt or credit note as an A4 PDF: text only, one page for any booking (a few milliseconds, so
// it is drawn on the request's thread like the till's receipt).
import PDFDocument from 'pdfkit';
import { pdfBytes, pdfPrice } from '../tickets/tickets.module.ts';
import type { CreditNoteView, ReceiptView } from './finance.schemas.ts';

const MARGIN = 50;
const TENDERS: Record<string, string> = {
  card: 'Card',
  cash: 'Cash',
  card_terminal: 'Card (terminal)',
  gift_card: 'Gift card',
};

const rateText = (rate: number) => `${rate.toLocaleString('en', { maximumFractionDigits: 2 })} %`;

/** The document's PDF; a credit note names the receipt it corrects. */
export function documentPdf(d: ReceiptView | CreditNoteView): Promise<Buffer> {
  const credit = 'receiptNumber' in d;
  const title = credit ? 'Credit note' : 'Receipt';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${title} ${d.number}`, Author: 'Marquee' },
  });
  const done = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;
  const price = (m: { amount: number; currency: string }) => pdfPrice(m);
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    const widths = [0.52, 0.16, 0.16, 0.16].map((f) => f * width);
    let x = MARGIN;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((text, i) => {
      doc.text(text, x, y, { width: widths[i] as number, align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
      x += widths[i] as number;
    });
    doc.x = MARGIN;
    doc.y = bottom + 2;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(`${title} ${d.number}`);
  doc.font('Helvetica').fontSize(10);
  if (credit) doc.text(`Corrects receipt ${d.receiptNumber}`);
  doc.text(`Date: ${d.issuedAtLocal}`);
  doc.text(`${credit ? 'Date of refund' : 'Date of sale/supply'}: ${d.supplyDate}`);
  doc.moveDown(0.5);
  if (d.seller) {
    doc.font('Helvetica-Bold').text(d.seller.name);
    doc.font('Helvetica').text(`${d.seller.address}, ${d.seller.country}`);
    if (d.seller.taxId) doc.text(`Tax ID: ${d.seller.taxId}`);
  } else doc.text('Seller details missing: this cinema has no tax settings');
  if (d.showing) {
    doc.moveDown(0.5);
    doc.text(`${d.showing.title}, ${d.showing.startsAt}, ${d.showing.cinema} (${d.showing.hall})`);
  }
  doc.moveDown();
  row(['Item', 'Price', 'Discount', credit ? 'Credited' : 'Amount'], true);
  for (const l of d.lines)
    row([`${l.description} (tax ${rateText(l.rate)})`, price(l.price), price(l.discount), price(l.gross)]);
  doc.moveDown(0.5);
  if (!credit && d.discount)
    row([`Promo code ${d.discount.code ?? ''}`.trim(), '', price(d.discount.amount), ''], false);
  doc.moveDown(0.5);
  row(['Tax rate', 'Net', 'Tax', 'Gross'], true);
  for (const t of d.taxes) row([rateText(t.rate), price(t.net), price(t.tax), price(t.gross)]);
  row(['Total', price(d.totals.net), price(d.totals.tax), price(d.totals.gross)], true);
  doc.moveDown();
  const tenders = credit ? d.refundedTo : d.tenders;
  row([credit ? 'Refunded to' : 'Paid with', '', '', ''], true);
  for (const t of tenders)
    row([`${TENDERS[t.method] ?? t.method}${t.provider ? ` (${t.provider})` : ''}`, '', '', price(t.amount)]);
  if (d.lines.some((l) => l.kind === 'gift_card'))
    doc.moveDown().text('Gift cards are multi-purpose vouchers: tax is due when they are spent.');
  doc.end();
  return done;
}
