// A gift card as a one-page A6 PDF: the amount, the code, who it is for and the message. Text only,
// so it is drawn on the caller's thread in about a millisecond (like the till's receipt). In the
// reader's language; the last day as in the card's own zone-free date.
import PDFDocument from 'pdfkit';
import { formatDate, type Lang } from '../../platform/i18n.ts';
import { pdfBytes, pdfPrice } from '../tickets/tickets.module.ts';
import { giftCardMessages } from './gift-card.messages.ts';

export interface GiftCardPrint {
  code: string;
  amount: number;
  currency: string;
  recipientName: string | null;
  message: string | null;
  expiresAt: Date | null;
}

/** A6 landscape in PDF points. */
const SIZE: [number, number] = [419.53, 297.64];
const MARGIN = 28;

export function giftCardPdf(card: GiftCardPrint, lang: Lang = 'en'): Promise<Buffer> {
  const t = giftCardMessages.t;
  const doc = new PDFDocument({ size: SIZE, margin: MARGIN, info: { Title: t(lang, 'title'), Author: 'Marquee' } });
  const done = pdfBytes(doc);
  const width = SIZE[0] - 2 * MARGIN;
  doc.rect(0, 0, SIZE[0], 8).fill('#b91c1c').fillColor('#000');
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(t(lang, 'title'), MARGIN, MARGIN + 6, { width });
  doc.moveDown(0.3);
  doc.fontSize(28).text(pdfPrice({ amount: card.amount, currency: card.currency }, lang), { width });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(10);
  if (card.recipientName) doc.text(t(lang, 'for', { name: card.recipientName }), { width });
  if (card.message) doc.font('Helvetica-Oblique').text(card.message, { width }).font('Helvetica');
  doc.moveDown(0.6);
  doc.fontSize(9).text(t(lang, 'code'), { width });
  doc.font('Courier-Bold').fontSize(16).text(card.code, { width });
  doc.font('Helvetica').fontSize(8).moveDown(0.6);
  if (card.expiresAt) doc.text(t(lang, 'validUntil', { date: formatDate(card.expiresAt, 'UTC', lang) }), { width });
  doc.text(t(lang, 'redeem'), { width });
  doc.end();
  return done;
}
