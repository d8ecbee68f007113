// Uploaded images are never served as uploaded: the type is read from the bytes, the whole image is
// decoded (so a valid header followed by garbage is refused), then re-encoded to a few widths in
// WebP and JPEG with metadata stripped. Each variant is named by the hash of its own bytes.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../errors.ts';
import type { MediaStorage } from './media-storage.ts';

export type ImageType = 'jpeg' | 'png' | 'webp';

/** A stored image as the catalog keeps it: the variants' storage keys and sizes. */
export interface ImageRecord {
  key: string;
  width: number;
  height: number;
  variants: { width: number; format: 'webp' | 'jpeg'; path: string }[];
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
// A small file can still decode to a huge bitmap; refuse before memory goes.
const MAX_INPUT_PIXELS = 40_000_000;

/** JPEG, PNG or WebP by magic number; null for anything else. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return null;
}

const unsupported = (detail: string) => new AppError('unsupported_media_type', 'unsupported_media_type', detail);

export interface Decoded {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

async function decode(bytes: Buffer, maxWidth: number, square = false): Promise<Decoded> {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(
        square
          ? { width: maxWidth, height: maxWidth, fit: 'cover', position: 'centre' }
          : { width: maxWidth, withoutEnlargement: true },
      )
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, info: { width: info.width, height: info.height, channels: info.channels } };
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) {
      throw new AppError('unprocessable', 'image_too_large', `Images may have at most ${MAX_INPUT_PIXELS} pixels`);
    }
    throw unsupported('The file is not a readable JPEG, PNG or WebP image');
  }
}

/**
 * The same checks, but the image is cut to a centred square first (avatars): the side is the
 * shorter edge, at most the largest of `sizes`, never enlarged.
 */
export async function processAndStoreSquareImage(
  storage: MediaStorage,
  bytes: Buffer,
  sizes: number[],
): Promise<ImageRecord> {
  if (!sniffImageType(bytes)) throw unsupported('Only JPEG, PNG and WebP images are accepted');
  const largest = Math.max(...sizes);
  let side: number;
  try {
    // The header only: the pixel limit is decode's, so a bomb is 422 image_too_large there.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    side = Math.min(largest, meta.width ?? 0, meta.height ?? 0);
  } catch {
    throw unsupported('The file is not a readable JPEG, PNG or WebP image');
  }
  if (side < 1) throw unsupported('The file is not a readable JPEG, PNG or WebP image');
  const decoded = await decode(bytes, side, true);
  return { key: hashOf(bytes), ...(await storeVariants(storage, decoded, sizes)) };
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 24);

/** Checks, decodes and re-encodes an upload, stores every variant, and returns what was stored. */
export async function processAndStoreImage(
  storage: MediaStorage,
  bytes: Buffer,
  widths: number[],
): Promise<ImageRecord> {
  if (!sniffImageType(bytes)) throw unsupported('Only JPEG, PNG and WebP images are accepted');
  const sorted = [...new Set(widths)].sort((a, b) => a - b);
  const decoded = await decode(bytes, sorted.at(-1) ?? 1280);
  return { key: hashOf(bytes), ...(await storeVariants(storage, decoded, sorted)) };
}

/** Encodes a decoded bitmap (ours, e.g. a rendered demo poster) to WebP and JPEG widths and stores them. */
export async function storeVariants(
  storage: MediaStorage,
  decoded: Decoded,
  widths: number[],
): Promise<Omit<ImageRecord, 'key'>> {
  const { width, height, channels } = decoded.info;
  const targets = [...new Set(widths)].sort((a, b) => a - b).filter((w) => w < width);
  targets.push(width);
  const raw = { raw: { width, height, channels } };
  const variants = await Promise.all(
    targets.flatMap((w) =>
      (['webp', 'jpeg'] as const).map(async (format) => {
        const pipeline = sharp(decoded.data, raw).resize({ width: w });
        // Moderate encoder effort: mozjpeg or WebP effort 6 would save a few per cent of bytes
        // for several times the CPU, on a machine that also serves requests.
        const out =
          format === 'webp'
            ? await pipeline.webp({ quality: 80, effort: 3 }).toBuffer()
            : await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, progressive: true }).toBuffer();
        const path = `img/${hashOf(out)}-${w}.${format === 'webp' ? 'webp' : 'jpg'}`;
        await storage.put(path, out);
        return { width: w, format, path };
      }),
    ),
  );
  return { width, height, variants };
}

/** The URL of the variant closest to `width` (preferring WebP), or null without an image. */
export function imageUrl(
  storage: MediaStorage,
  image: ImageRecord | null,
  width: number,
  format: 'webp' | 'jpeg' = 'webp',
): string | null {
  if (!image) return null;
  const candidates = image.variants.filter((v) => v.format === format);
  const best = candidates.find((v) => v.width >= width) ?? candidates.at(-1);
  return best ? storage.urlOf(best.path) : null;
}
