// Cropping to a fixed aspect ratio in a canvas before upload: the crop box is the largest box of
// that ratio in the image, scaled down by `zoom` and moved by `pan` (−1…1 on each axis).

export interface CropView {
  zoom: number;
  panX: number;
  panY: number;
}

export function cropRect(
  w: number,
  h: number,
  ratio: number,
  view: CropView,
): { sx: number; sy: number; sw: number; sh: number } {
  let cw = w;
  let ch = w / ratio;
  if (ch > h) {
    ch = h;
    cw = h * ratio;
  }
  cw /= view.zoom;
  ch /= view.zoom;
  const sx = ((w - cw) / 2) * (1 + view.panX);
  const sy = ((h - ch) / 2) * (1 + view.panY);
  return { sx, sy, sw: cw, sh: ch };
}

/** The cropped image as a JPEG blob at most `maxWidth` wide. */
export async function cropToBlob(
  image: HTMLImageElement,
  ratio: number,
  view: CropView,
  maxWidth: number,
): Promise<Blob> {
  const r = cropRect(image.naturalWidth, image.naturalHeight, ratio, view);
  const width = Math.round(Math.min(maxWidth, r.sw));
  const height = Math.round(width / ratio);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, r.sx, r.sy, r.sw, r.sh, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', 0.9),
  );
}
