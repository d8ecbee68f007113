// Reads a QR code from an image as a phone camera would: rasterise with sharp, decode with jsqr.
import jsqrModule from 'jsqr';
import sharp from 'sharp';

// jsqr is CommonJS: depending on the loader its function is the module or its `default`.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;

/** The text in a QR code image (SVG or PNG), or null when none is found. */
export async function decodeQr(image: Buffer | string): Promise<string | null> {
  const input = typeof image === 'string' ? Buffer.from(image) : image;
  const { data, info } = await sharp(input, { density: 300 })
    .resize(400, 400, { kernel: 'nearest' })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}
