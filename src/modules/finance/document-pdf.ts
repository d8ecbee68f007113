// A receipt or credit note as an A4 PDF: text only, one page for any booking (a few milliseconds, so
// it is drawn on the request's thread like the till's receipt). Its words, dates and money are in
// the reader's language (issue 20); what it records (line descriptions) stays as issued.
import PDFDocument from 'pdfkit';
import { DEFAULT_LANG, formatDate, formatDateTime, type Lang, LOCALES } from '../../platform/i18n.ts';
import { pdfBytes, pdfPrice, pdfText } from '../tickets/tickets.module.ts';
import { documentMessages } from './documents.messages.ts';
import type { CreditNoteView, ReceiptView } from './finance.schemas.ts';

const MARGIN = 50;
type TenderKey = `tender.${'card' | 'cash' | 'card_terminal' | 'gift_card'}`;

/** "2026-12-05" (a day in the seller's zone) written the language's way; anything else as it is. */
function dayText(day: string, lang: Lang): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(new Date(`${day}T12:00:00Z`), 'UTC', lang) : day;
}

/** When it was issued, in the zone `issuedAtLocal` names ("… (Europe/Berlin)"), the language's way. */
function issuedText(d: { issuedAt: string; issuedAtLocal: string }, lang: Lang): string {
  const zone = /\(([^()]+)\)$/.exec(d.issuedAtLocal)?.[1];
  return zone ? formatDateTime(new Date(d.issuedAt), zone, lang) : d.issuedAtLocal;
}

/** The document's PDF in `lang`; a credit note names the receipt it corrects. */
export function documentPdf(d: ReceiptView | CreditNoteView, lang: Lang = DEFAULT_LANG): Promise<Buffer> {
  const t = documentMessages.t;
  const credit = 'receiptNumber' in d;
  const title = t(lang, credit ? 'creditNote' : 'receipt', { number: d.number });
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Author: 'Marquee' } });
  const done = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;
  const price = (m: { amount: number; currency: string }) => pdfPrice(m, lang);
  const rateText = (rate: number) => pdfText(rate.toLocaleString(LOCALES[lang], { maximumFractionDigits: 2 }));
  const tender = (method: string) =>
    `tender.${method}` in documentMessages.messages.en ? t(lang, `tender.${method}` as TenderKey) : method;
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

  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.font('Helvetica').fontSize(10);
  if (credit) doc.text(t(lang, 'corrects', { number: d.receiptNumber }));
  doc.text(pdfText(t(lang, 'date', { date: issuedText(d, lang) })));
  doc.text(pdfText(t(lang, credit ? 'refundDate' : 'saleDate', { date: dayText(d.supplyDate, lang) })));
  doc.moveDown(0.5);
  if (d.seller) {
    doc.font('Helvetica-Bold').text(d.seller.name);
    doc.font('Helvetica').text(`${d.seller.address}, ${d.seller.country}`);
    if (d.seller.taxId) doc.text(t(lang, 'taxId', { id: d.seller.taxId }));
  } else doc.text(t(lang, 'noSeller'));
  if (d.showing) {
    doc.moveDown(0.5);
    doc.text(`${d.showing.title}, ${d.showing.startsAt}, ${d.showing.cinema} (${d.showing.hall})`);
  }
  doc.moveDown();
  row([t(lang, 'item'), t(lang, 'price'), t(lang, 'discount'), t(lang, credit ? 'credited' : 'amount')], true);
  for (const l of d.lines) {
    const item = t(lang, 'lineTax', { description: l.description, rate: rateText(l.rate) });
    row([item, price(l.price), price(l.discount), price(l.gross)]);
  }
  doc.moveDown(0.5);
  if (!credit && d.discount)
    row([t(lang, 'promo', { code: d.discount.code ?? '' }).trim(), '', price(d.discount.amount), ''], false);
  doc.moveDown(0.5);
  row([t(lang, 'taxRate'), t(lang, 'net'), t(lang, 'tax'), t(lang, 'gross')], true);
  for (const x of d.taxes) row([`${rateText(x.rate)} %`, price(x.net), price(x.tax), price(x.gross)]);
  row([t(lang, 'total'), price(d.totals.net), price(d.totals.tax), price(d.totals.gross)], true);
  doc.moveDown();
  const tenders = credit ? d.refundedTo : d.tenders;
  row([t(lang, credit ? 'refundedTo' : 'paidWith'), '', '', ''], true);
  for (const x of tenders) row([`${tender(x.method)}${x.provider ? ` (${x.provider})` : ''}`, '', '', price(x.amount)]);
  if (d.lines.some((l) => l.kind === 'gift_card')) doc.moveDown().text(t(lang, 'giftCardNote'));
  doc.end();
  return done;
}
