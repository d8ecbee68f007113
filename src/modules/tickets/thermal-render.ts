// Tickets for the box office's thermal printer: 80 mm wide, one strip per ticket, black on white
// with no greys (thermal heads print dots or nothing), the QR code large enough for door scanners.
import PDFDocument from 'pdfkit';
import { DEFAULT_LANG } from '../../platform/i18n.ts';
import { drawQr, localTime, pdfBytes, pdfText, priceLine, type TicketSheet } from './ticket-render.ts';
import { ticketMessages } from './tickets.messages.ts';

/** 80 mm in PDF points. */
const WIDTH = 226.77;
const HEIGHT = 360;
const MARGIN = 12;

/** Every ticket of a booking as an 80 mm PDF, one page (one cut strip) each. */
export function thermalTicketsPdf(sheet: TicketSheet): Promise<Buffer> {
  const lang = sheet.lang ?? DEFAULT_LANG;
  const say = ticketMessages.t;
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: say(lang, 'documentTitle', { title: sheet.movie.title }), Author: 'Marquee' },
  });
  const done = pdfBytes(doc);
  const width = WIDTH - 2 * MARGIN;
  const when = pdfText(localTime(sheet.startsAt, sheet.cinema.timezone, lang));
  for (const t of sheet.tickets) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text(sheet.movie.title, { width, align: 'center' });
    if (sheet.movie.ageRating)
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(say(lang, 'rated', { rating: sheet.movie.ageRating }), { width, align: 'center' });
    doc.font('Helvetica').fontSize(9).text(when, { width, align: 'center' });
    doc.text(`${sheet.cinema.name} · ${sheet.hall.name}`, { width, align: 'center' });
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(say(lang, 'seat', { row: t.row, number: String(t.number) }), { width, align: 'center' });
    doc.font('Helvetica').fontSize(9).text(priceLine(t, lang), { width, align: 'center' });
    const qrSize = 150;
    const y = doc.y + 6;
    drawQr(doc, t.code, (WIDTH - qrSize) / 2, y, qrSize);
    doc
      .font('Helvetica')
      .fontSize(6)
      .text(say(lang, 'thermalFooter', { id: t.id, booking: sheet.bookingId }), MARGIN, y + qrSize + 4, {
        width,
        align: 'center',
      });
  }
  if (sheet.tickets.length === 0) doc.addPage().font('Helvetica').fontSize(10).text(say(lang, 'empty'));
  doc.end();
  return done;
}
