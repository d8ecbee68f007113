// The QR codes a person is handed must scan: the PNG of the email and the vector drawing in the PDF
// both decode back to the ticket code.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import zlib from 'node:zlib';
import jsqrModule from 'jsqr';
import { decodeQr } from '../../../test/payments/qr-decode.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import { localTime, pdfPrice, qrPng, ticketsPdf } from './ticket-render.ts';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;

const ticketCode = () => randomBytes(97).toString('base64url');

/** The rectangles (`x y w h re`) of every compressed content stream of a PDF. */
function pdfRects(pdf: Buffer): { x: number; y: number; w: number; h: number }[][] {
  const pages: { x: number; y: number; w: number; h: number }[][] = [];
  const text = pdf.toString('latin1');
  for (let at = text.indexOf('stream\n'); at >= 0; at = text.indexOf('stream\n', at + 1)) {
    const start = at + 'stream\n'.length;
    const end = text.indexOf('\nendstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a deflated stream
    }
    const rects = [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      w: Number(m[3]),
      h: Number(m[4]),
    }));
    if (rects.length > 0) pages.push(rects);
  }
  return pages;
}

/** Rasterises a page's QR drawing (the background square and the dark runs on it) and decodes it. */
function decodeVectorQr(rects: { x: number; y: number; w: number; h: number }[]): string | null {
  const [background, ...dark] = rects;
  assert.ok(background && dark.length > 0);
  const cell = Math.min(...dark.map((r) => r.h));
  const modules = Math.round(background.w / cell);
  const scale = 4;
  const side = modules * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const r of dark) {
    const [col, row, span] = [
      Math.round((r.x - background.x) / cell),
      Math.round((r.y - background.y) / cell),
      Math.round(r.w / cell),
    ];
    for (let y = row * scale; y < (row + 1) * scale; y++) {
      for (let x = col * scale; x < (col + span) * scale; x++) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data ?? null;
}

test('the PDF draws one QR code per ticket that decodes back to its code', async () => {
  const codes = [ticketCode(), ticketCode()];
  const pdf = await ticketsPdf({
    bookingId: randomUUID(),
    movie: { title: 'Night Shift', ageRating: '12' },
    cinema: { name: 'Marquee Berlin', city: 'Berlin', timezone: 'Europe/Berlin' },
    hall: { name: 'Hall 1' },
    startsAt: new Date('2026-12-24T19:30:00Z'),
    tickets: codes.map((code, i) => ({
      id: randomUUID(),
      code,
      row: 'F',
      number: i + 1,
      seatType: 'standard',
      price: { amount: 1250, currency: 'EUR' },
      status: 'valid',
    })),
  });
  const pages = pdfRects(pdf);
  assert.equal(pages.length, 2);
  assert.deepEqual(
    pages.map((rects) => decodeVectorQr(rects)),
    codes,
  );
});

test('the PNG for email decodes back to the code', async () => {
  const code = ticketCode();
  const png = await qrPng(code);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(await decodeQr(png), code);
});

test('start times are shown on the cinema clock, and an unknown zone falls back to UTC', () => {
  const at = new Date('2026-07-01T18:30:00Z');
  assert.match(localTime(at, 'Europe/Berlin'), /20:30/);
  assert.match(localTime(at, 'America/New_York'), /14:30/);
  assert.match(localTime(at, 'Not/AZone'), /18:30 UTC/);
});

test('prices are printed in each currency’s own minor units, with a code where the font has no symbol', async () => {
  const prices = [
    { amount: 1800, currency: 'JPY' },
    { amount: 1250, currency: 'EUR' },
    { amount: 1600, currency: 'USD' },
    { amount: 1250, currency: 'KWD' },
    { amount: 4500, currency: 'BHD' },
    { amount: 15000, currency: 'KRW' },
  ];
  const pdf = await ticketsPdf({
    bookingId: randomUUID(),
    movie: { title: 'Night Shift' },
    cinema: { name: 'Marquee', timezone: 'Asia/Tokyo' },
    hall: { name: 'Hall 1' },
    startsAt: new Date('2026-12-24T10:30:00Z'),
    tickets: prices.map((price, i) => ({
      id: randomUUID(),
      code: ticketCode(),
      row: 'A',
      number: i + 1,
      seatType: 'standard',
      price,
      status: 'valid',
    })),
  });
  const priced = pdfLines(pdf).filter((l) => l.startsWith('Standard'));
  assert.deepEqual(priced, [
    'Standard · ¥1,800',
    'Standard · €12.50',
    'Standard · $16.00',
    'Standard · KWD\u00a01.250',
    'Standard · BHD\u00a04.500',
    'Standard · KRW\u00a015,000',
  ]);
  assert.equal(pdfPrice({ amount: 1800, currency: 'JPY' }), '¥1,800');
});
