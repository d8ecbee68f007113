// The images every pass carries (Wallet refuses a pass without icon.png): drawn once per process with
// sharp, a plain square in the pass's colours, rather than binary files kept in the repository.
import sharp from 'sharp';

const BACKGROUND = { r: 20, g: 20, b: 28, alpha: 1 };
const ACCENT = { r: 245, g: 197, b: 66, alpha: 1 };

/** Apple's sizes in points: icons 29×29, logos up to 160×50; @2x files twice as many pixels. */
const SIZES = {
  'icon.png': [29, 29, ACCENT],
  'icon@2x.png': [58, 58, ACCENT],
  'logo.png': [50, 50, ACCENT],
  'logo@2x.png': [100, 100, ACCENT],
} as const;

let drawn: Promise<Record<string, Buffer>> | undefined;

async function square(width: number, height: number, colour: typeof ACCENT): Promise<Buffer> {
  // An accent square with a dark inset: recognisable at 29 points, no text to localise.
  const inset = Math.round(width / 4);
  const inner = await sharp({
    create: { width: width - 2 * inset, height: height - 2 * inset, channels: 4, background: BACKGROUND },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 4, background: colour } })
    .composite([{ input: inner, top: inset, left: inset }])
    .png()
    .toBuffer();
}

/** The pass images by file name. */
export function passIcons(): Promise<Record<string, Buffer>> {
  drawn ??= (async () => {
    const out: Record<string, Buffer> = {};
    for (const [name, [w, h, colour]] of Object.entries(SIZES)) out[name] = await square(w, h, colour);
    return out;
  })();
  drawn.catch(() => (drawn = undefined));
  return drawn;
}
