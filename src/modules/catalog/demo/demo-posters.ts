// Demo posters drawn locally: an SVG (gradient, a few shapes, the title) rendered by sharp and
// stored through the same pipeline as uploads. No outside URLs.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { type ImageRecord, storeVariants } from '../../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../../platform/media/media-storage.ts';
import type { DemoMovie } from './demo-movies.ts';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The SVG of a movie's poster (400×600). */
export function posterSvg(movie: DemoMovie): string {
  const { from, to, accent, tagline } = movie.poster;
  const title = wrap(movie.title.toUpperCase(), 15);
  const size = title.length > 3 ? 34 : 40;
  const top = 430 - (title.length - 1) * size * 1.1;
  const seed = [...movie.key].reduce((a, c) => a + c.charCodeAt(0), 0);
  const circles = Array.from({ length: 5 }, (_, i) => {
    const cx = (seed * (i + 3) * 37) % 400;
    const cy = 60 + ((seed * (i + 7) * 53) % 300);
    const r = 30 + ((seed * (i + 1)) % 90);
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${accent}" opacity="${(0.08 + i * 0.04).toFixed(2)}"/>`;
  }).join('');
  const titleLines = title
    .map(
      (line, i) =>
        `<text x="200" y="${Math.round(top + i * size * 1.1)}" font-size="${size}" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="600" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
  <linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.65"/></linearGradient></defs>
  <rect width="400" height="600" fill="url(#bg)"/>${circles}<rect width="400" height="600" fill="url(#shade)"/>
  <text x="200" y="48" font-size="14" letter-spacing="4" fill="${accent}" text-anchor="middle">${escapeXml(movie.director.toUpperCase())}</text>
  ${titleLines}
  <text x="200" y="530" font-size="15" font-style="italic" fill="#f1f1f1" text-anchor="middle">${escapeXml(tagline)}</text>
  <text x="200" y="572" font-size="11" letter-spacing="2" fill="#d0d0d0" text-anchor="middle">${escapeXml(movie.cast.slice(0, 3).join('  ·  ').toUpperCase())}</text>
</svg>`;
}

/** Renders and stores a poster; returns the image record to attach to the movie. */
export async function renderPoster(storage: MediaStorage, movie: DemoMovie): Promise<ImageRecord> {
  const svg = Buffer.from(posterSvg(movie));
  const { data, info } = await sharp(svg).raw().toBuffer({ resolveWithObject: true });
  const stored = await storeVariants(
    storage,
    { data, info: { width: info.width, height: info.height, channels: info.channels } },
    [200, 400],
  );
  return { key: createHash('sha256').update(svg).digest('hex').slice(0, 24), ...stored };
}
