// Tickets for the box office's thermal printer: 80 mm wide, one strip per ticket, black on white
// with no greys (thermal heads print dots or nothing), the QR code large enough for door scanners.
import PDFDocument from 'pdfkit';
import { drawQr, localTime, pdfBytes, pdfPrice, type TicketSheet } from './ticket-render.ts';

/** 80 mm in PDF points. */
const WIDTH = 226.77;
const HEIGHT = 360;
const MARGIN = 12;

/** Every ticket of a booking as an 80 mm PDF, one page (one cut strip) each. */
export function thermalTicketsPdf(sheet: TicketSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: `Tickets ${sheet.movie.title}`, Author: 'Marquee' },
  });
  const done = pdfBytes(doc);
  const width = WIDTH - 2 * MARGIN;
  const when = localTime(sheet.startsAt, sheet.cinema.timezone);
  for (const t of sheet.tickets) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text(sheet.movie.title, { width, align: 'center' });
    if (sheet.movie.ageRating)
      doc.font('Helvetica').fontSize(8).text(`Rated ${sheet.movie.ageRating}`, { width, align: 'center' });
    doc.font('Helvetica').fontSize(9).text(when, { width, align: 'center' });
    doc.text(`${sheet.cinema.name} · ${sheet.hall.name}`, { width, align: 'center' });
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(`Row ${t.row}  Seat ${t.number}`, { width, align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`${t.seatType} · ${pdfPrice(t.price)}${t.status === 'void' ? ' · VOID' : ''}`, { width, align: 'center' });
    const qrSize = 150;
    const y = doc.y + 6;
    drawQr(doc, t.code, (WIDTH - qrSize) / 2, y, qrSize);
    doc
      .font('Helvetica')
      .fontSize(6)
      .text(`${t.id} · booking ${sheet.bookingId}`, MARGIN, y + qrSize + 4, { width, align: 'center' });
  }
  if (sheet.tickets.length === 0) doc.addPage().font('Helvetica').fontSize(10).text('This booking has no tickets.');
  doc.end();
  return done;
}
