// The QR camera of the scanning screens (the door, the food counter) under their code field: a
// button that turns the camera on and off, the live picture, and each code read once (the same code
// seen again within a few seconds is the same person still holding up the phone).
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { type Decoder, startScanner } from './scanner.ts';

const SAME_CODE_MS = 3000;

export function CameraScan({ onCode }: { onCode(code: string): void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<{ stop(): void } | null>(null);
  const recent = useRef(new Map<string, number>());
  const latest = useRef(onCode);
  latest.current = onCode;
  const [camera, setCamera] = useState<{ on: boolean; decoder?: Decoder; error?: string }>({ on: false });

  useEffect(() => () => scanner.current?.stop(), []);

  async function toggle() {
    if (scanner.current) {
      scanner.current.stop();
      scanner.current = null;
      setCamera({ on: false });
      return;
    }
    try {
      const started = await startScanner(video.current!, (value) => {
        const now = Date.now();
        const last = recent.current.get(value);
        recent.current.set(value, now);
        if (last && now - last < SAME_CODE_MS) return;
        latest.current(value);
      });
      scanner.current = started;
      setCamera({ on: true, decoder: started.decoder });
    } catch {
      setCamera({ on: false, error: t('staff.door.noCamera') });
    }
  }

  return (
    <div className="door-camera">
      <button type="button" className="btn btn-secondary" onClick={() => void toggle()} aria-pressed={camera.on}>
        {camera.on ? t('staff.door.cameraOff') : t('staff.door.cameraOn')}
      </button>
      {camera.error && <p className="field-error">{camera.error}</p>}
      <video ref={video} className={camera.on ? 'is-on' : ''} muted aria-label={t('staff.door.cameraLabel')} />
      {camera.on && (
        <p className="small muted">
          {camera.decoder === 'jsqr' ? t('staff.door.decoderJs') : t('staff.door.decoderNative')}
        </p>
      )}
    </div>
  );
}
