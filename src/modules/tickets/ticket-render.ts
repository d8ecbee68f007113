// Tickets as people see them: a QR code (SVG for screens, PNG for email, vector in the PDF) and a
// PDF with one page per ticket. Times are shown in the cinema's own time zone, words, dates and
// money in the sheet's language.
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DEFAULT_LANG, formatDateTime, formatMoneyIn, type Lang } from '../../platform/i18n.ts';
import { seatTypeName, ticketMessages } from './tickets.messages.ts';

export interface RenderedTicket {
  id: string;
  code: string;
  row: string;
  number: number;
  seatType: string;
  price: { amount: number; currency: string };
  status: string;
}

export interface TicketSheet {
  bookingId: string;
  movie: { title: string; ageRating?: string | null; durationMinutes?: number | null };
  cinema: { name: string; address?: string | null; city?: string | null; timezone: string };
  hall: { name: string };
  startsAt: Date;
  tickets: RenderedTicket[];
  /** The reader's language (issue 20); English when not given. */
  lang?: Lang;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };
// Codes are base64url text: one byte-mode segment, so the encoder skips its costly search for the
// best mix of modes.
const segments = (code: string) => [{ data: Buffer.from(code, 'latin1'), mode: 'byte' as const }];

// A confirmation email draws each code twice (the inline PNG and the PDF); choosing the QR mask is
// most of the cost, so the last few hundred matrices are kept.
const MATRIX_CACHE = 256;
const matrices = new Map<string, ReturnType<typeof QRCode.create>>();
function qrMatrix(code: string): ReturnType<typeof QRCode.create> {
  let qr = matrices.get(code);
  if (!qr) {
    qr = QRCode.create(segments(code), { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
    if (matrices.size >= MATRIX_CACHE) matrices.delete(matrices.keys().next().value as string);
    matrices.set(code, qr);
  }
  return qr;
}

/** The ticket code as an SVG QR code. */
export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(segments(code), { ...QR_OPTIONS, type: 'svg' });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The ticket code as a PNG QR code (email clients do not show SVG): an 8-bit greyscale image
 * written directly from the module matrix, several times cheaper than a general PNG encoder. Each
 * row of modules is `scale` identical pixel rows: the repeats use PNG's "up" filter, all zeros,
 * which deflate compresses almost for free.
 */
export async function qrPng(code: string, scale = 4): Promise<Buffer> {
  const qr = qrMatrix(code);
  const n = qr.modules.size;
  const side = (n + 2 * QR_OPTIONS.margin) * scale;
  const stride = side + 1;
  const raw = Buffer.alloc(stride * side, 0);
  for (let y = 0; y < side; y++) {
    const line = y * stride;
    if (y % scale !== 0) {
      raw[line] = 2; // filter: up (same pixels as the row above, so every byte stays 0)
      continue;
    }
    raw.fill(255, line + 1, line + stride); // filter: none, white
    const r = y / scale - QR_OPTIONS.margin;
    if (r < 0 || r >= n) continue;
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c))
        raw.fill(0, line + 1 + (c + QR_OPTIONS.margin) * scale, line + 1 + (c + QR_OPTIONS.margin + 1) * scale);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A start time as the cinema's clock shows it, with the zone, in the language: "Friday, 18 December
 * 2026 at 20:30 CET", "Freitag, 18. Dezember 2026 um 20:30 MEZ". A zone the runtime lacks is UTC.
 */
export function localTime(at: Date, timezone: string, lang: Lang = DEFAULT_LANG): string {
  return formatDateTime(at, timezone, lang);
}

// The PDF's standard fonts draw only WinAnsi (Latin-1 and €): a price whose symbol they lack (₩, ₹)
// is written with its code instead. French groups digits with a narrow no-break space, which they
// lack too: it is drawn as a plain no-break space.
const WIN_ANSI = /^[\u0020-\u007e\u00a0-\u00ff€]*$/;

/** A price as the PDF can draw it: €12.50, 12,50 €, ¥1,800, KWD 1.250, KRW 15,000. */
export function pdfPrice(price: { amount: number; currency: string }, lang: Lang = DEFAULT_LANG): string {
  const symbol = pdfText(formatMoneyIn(price, lang));
  return WIN_ANSI.test(symbol) ? symbol : pdfText(formatMoneyIn(price, lang, 'code'));
}

/** Text with the spaces the standard fonts lack (U+202F in French numbers and dates) made ones they have. */
export const pdfText = (text: string): string => text.replace(/[\u202f\u2009]/g, '\u00a0');

/**
 * Draws a QR code as vector shapes: sharp at any zoom, and no image decoding in the PDF. Each run of
 * dark modules in a row is one rectangle, a third of the drawing operations of one per module.
 */
export function drawQr(doc: PDFKit.PDFDocument, code: string, x: number, y: number, size: number): void {
  const qr = qrMatrix(code);
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      doc.rect(x + (start + quiet) * cell, y + (r + quiet) * cell, (c - start) * cell, cell);
    }
  }
  doc.fill('#000000').restore();
}

/** The bytes a PDF document writes, once it is ended. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Every ticket of a booking as a PDF, one A6 page each. */
export function ticketsPdf(sheet: TicketSheet): Promise<Buffer> {
  const lang = sheet.lang ?? DEFAULT_LANG;
  const t = ticketMessages.t;
  const doc = new PDFDocument({
    size: 'A6',
    margin: 24,
    autoFirstPage: false,
    info: { Title: t(lang, 'documentTitle', { title: sheet.movie.title }), Author: 'Marquee' },
  });
  const done = pdfBytes(doc);
  const when = pdfText(localTime(sheet.startsAt, sheet.cinema.timezone, lang));
  const where = [sheet.cinema.address, sheet.cinema.city].filter(Boolean).join(', ');
  sheet.tickets.forEach((ticket, i) => {
    doc.addPage();
    const width = doc.page.width - 48;
    doc.font('Helvetica-Bold').fontSize(15).text(sheet.movie.title, { width });
    if (sheet.movie.ageRating)
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#555555')
        .text(t(lang, 'rated', { rating: sheet.movie.ageRating }))
        .fillColor('#000000');
    doc.moveDown(0.4).font('Helvetica').fontSize(10).text(when, { width });
    doc.text(`${sheet.cinema.name} · ${sheet.hall.name}`, { width });
    if (where) doc.fontSize(8).fillColor('#555555').text(where, { width }).fillColor('#000000');
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(t(lang, 'seat', { row: ticket.row, number: String(ticket.number) }));
    doc.font('Helvetica').fontSize(9).text(priceLine(ticket, lang));
    const qrSize = Math.min(width, 150);
    const y = Math.max(doc.y + 6, 170);
    drawQr(doc, ticket.code, 24 + (width - qrSize) / 2, y, qrSize);
    const footer = { index: i + 1, count: sheet.tickets.length, id: ticket.id, booking: sheet.bookingId };
    doc
      .font('Helvetica')
      .fontSize(6)
      .fillColor('#555555')
      .text(t(lang, 'footer', footer), 24, y + qrSize + 6, { width, align: 'center' });
    doc.fillColor('#000000');
  });
  if (sheet.tickets.length === 0) doc.addPage().font('Helvetica').fontSize(12).text(t(lang, 'empty'));
  doc.end();
  return done;
}

/** "Standard · 12,50 €", and "· VOID" for a void ticket, in the language. */
export function priceLine(ticket: RenderedTicket, lang: Lang): string {
  const parts = [seatTypeName(lang, ticket.seatType), pdfPrice(ticket.price, lang)];
  if (ticket.status === 'void') parts.push(ticketMessages.t(lang, 'void'));
  return parts.join(' · ');
}
