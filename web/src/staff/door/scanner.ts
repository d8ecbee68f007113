// Reading QR codes from the camera: the browser's BarcodeDetector where it exists, otherwise jsQR
// on frames drawn into a canvas (loaded only then). Returns a function that stops the camera.

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

export type Decoder = 'barcode-detector' | 'jsqr';

export async function startScanner(
  video: HTMLVideoElement,
  onCode: (code: string) => void,
): Promise<{ stop(): void; decoder: Decoder }> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  video.setAttribute('playsinline', '');
  await video.play();
  let stopped = false;
  let frame = 0;
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  let decode: () => Promise<string | null>;
  let decoder: Decoder;
  if (Native) {
    const detector = new Native({ formats: ['qr_code'] });
    decoder = 'barcode-detector';
    decode = async () => (await detector.detect(video))[0]?.rawValue ?? null;
  } else {
    const jsQR = (await import('jsqr')).default;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    decoder = 'jsqr';
    decode = async () => {
      const w = Math.min(640, video.videoWidth);
      if (!w) return null;
      const h = Math.round((video.videoHeight / video.videoWidth) * w);
      canvas.width = w;
      canvas.height = h;
      ctx.drawImage(video, 0, 0, w, h);
      return jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null;
    };
  }
  let busy = false;
  const tick = () => {
    if (stopped) return;
    frame = requestAnimationFrame(tick);
    if (busy || video.readyState < 2) return;
    busy = true;
    decode()
      .then((code) => code && !stopped && onCode(code))
      .catch(() => {})
      .finally(() => (busy = false));
  };
  frame = requestAnimationFrame(tick);
  return {
    decoder,
    stop() {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
