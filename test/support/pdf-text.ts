// What a PDF made by pdfkit with its standard fonts says, for tests: no PDF library needed.
import zlib from 'node:zlib';

/** The text lines a PDF draws (pdfkit's `[<hex> kern <hex>] TJ`), decoded from WinAnsi. */
export function pdfLines(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const lines: string[] = [];
  for (let at = text.indexOf('stream\n'); at >= 0; at = text.indexOf('stream\n', at + 1)) {
    const start = at + 'stream\n'.length;
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, text.indexOf('\nendstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const m of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...(m[1] as string).matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1').replaceAll('\x80', '€'));
    }
  }
  return lines;
}
