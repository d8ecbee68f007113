// A gift card as a one-page A6 PDF: the amount, the code, who it is for and the message. Text only,
// so it is drawn on the caller's thread in about a millisecond (like the till's receipt).
import PDFDocument from 'pdfkit';
import { pdfBytes, pdfPrice } from '../tickets/tickets.module.ts';

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

export function giftCardPdf(card: GiftCardPrint): Promise<Buffer> {
  const doc = new PDFDocument({ size: SIZE, margin: MARGIN, info: { Title: 'Gift card', Author: 'Marquee' } });
  const done = pdfBytes(doc);
  const width = SIZE[0] - 2 * MARGIN;
  doc.rect(0, 0, SIZE[0], 8).fill('#b91c1c').fillColor('#000');
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text('Marquee gift card', MARGIN, MARGIN + 6, { width });
  doc.moveDown(0.3);
  doc.fontSize(28).text(pdfPrice({ amount: card.amount, currency: card.currency }), { width });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(10);
  if (card.recipientName) doc.text(`For ${card.recipientName}`, { width });
  if (card.message) doc.font('Helvetica-Oblique').text(card.message, { width }).font('Helvetica');
  doc.moveDown(0.6);
  doc.fontSize(9).text('Your code', { width });
  doc.font('Courier-Bold').fontSize(16).text(card.code, { width });
  doc.font('Helvetica').fontSize(8).moveDown(0.6);
  if (card.expiresAt) doc.text(`Valid until ${card.expiresAt.toISOString().slice(0, 10)}.`, { width });
  doc.text('Redeem it online at checkout or at the box office. Keep the code secret: whoever has it can spend it.', {
    width,
  });
  doc.end();
  return done;
}
