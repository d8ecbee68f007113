// An image upload: drop a file (or pick one), see it with the crop box for the target ratio (2:3
// for posters and photos, 16:9 for backdrops), zoom and move the crop, then upload the cropped JPEG.
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { ErrorNotice } from '../common.tsx';
import { useI18n } from '../../i18n/staff.ts';
import { type CropView, cropRect, cropToBlob } from './crop.ts';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 10 * 1024 * 1024;

export interface ImageDropProps {
  label: string;
  ratio: number;
  ratioLabel: string;
  currentUrl: string | null;
  disabled?: boolean;
  upload(blob: Blob): Promise<unknown>;
}

export function ImageDrop({ label, ratio, ratioLabel, currentUrl, disabled, upload }: ImageDropProps) {
  const { t } = useI18n();
  const inputId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [view, setView] = useState<CropView>({ zoom: 1, panX: 0, panY: 0 });
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const drag = useRef<{ x: number; y: number; view: CropView } | null>(null);

  function take(file: File | undefined) {
    setProblem(null);
    setDone(false);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem(t('staff.image.badType'));
    if (file.size > MAX_BYTES) return setProblem(t('staff.image.tooBig'));
    // A data: URL, not a blob: one: the server's Content-Security-Policy allows images from self and data: only.
    const reader = new FileReader();
    reader.onerror = () => setProblem(t('staff.image.unreadable'));
    reader.onload = () => {
      const img = new Image();
      img.onload = () => {
        setImage(img);
        setView({ zoom: 1, panX: 0, panY: 0 });
      };
      img.onerror = () => setProblem(t('staff.image.unreadable'));
      img.src = String(reader.result);
    };
    reader.readAsDataURL(file);
  }

  // The preview: the whole image dimmed, the crop bright, drawn whenever the crop changes.
  useEffect(() => {
    const c = canvas.current;
    if (!c || !image) return;
    const W = 360;
    const scale = W / image.naturalWidth;
    c.width = W;
    c.height = Math.round(image.naturalHeight * scale);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(image, 0, 0, c.width, c.height);
    ctx.fillStyle = 'rgb(0 0 0 / 0.6)';
    ctx.fillRect(0, 0, c.width, c.height);
    const r = cropRect(image.naturalWidth, image.naturalHeight, ratio, view);
    ctx.drawImage(image, r.sx, r.sy, r.sw, r.sh, r.sx * scale, r.sy * scale, r.sw * scale, r.sh * scale);
    ctx.strokeStyle = '#f3b64a';
    ctx.lineWidth = 2;
    ctx.strokeRect(r.sx * scale + 1, r.sy * scale + 1, r.sw * scale - 2, r.sh * scale - 2);
  }, [image, view, ratio]);

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files[0]);
  }

  async function send() {
    if (!image) return;
    setBusy(true);
    setError(null);
    try {
      await upload(await cropToBlob(image, ratio, view, ratio < 1 ? 1000 : 1920));
      setDone(true);
      setImage(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const clamp = (n: number) => Math.max(-1, Math.min(1, n));
  return (
    <div className="image-drop">
      <p className="image-drop-label">
        <strong>{label}</strong> <span className="muted small">({ratioLabel})</span>
      </p>
      {!image && (
        <div
          className={`drop-zone${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          {currentUrl ? (
            <img src={currentUrl} alt="" className="drop-current" style={{ aspectRatio: String(ratio) }} />
          ) : null}
          <p>{disabled ? t('staff.image.saveFirst') : t('staff.image.drop')}</p>
          <label htmlFor={inputId} className={`btn btn-secondary btn-sm${disabled ? ' is-disabled' : ''}`}>
            {t('staff.image.choose')}
          </label>
          <input
            id={inputId}
            type="file"
            accept={TYPES.join(',')}
            className="visually-hidden"
            disabled={disabled}
            onChange={(e) => take(e.target.files?.[0])}
          />
        </div>
      )}
      {image && (
        <div className="crop">
          <canvas
            ref={canvas}
            className="crop-canvas"
            aria-label={t('staff.image.cropLabel', { ratio: ratioLabel })}
            role="img"
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              drag.current = { x: e.clientX, y: e.clientY, view };
            }}
            onPointerMove={(e) => {
              const d = drag.current;
              if (!d) return;
              const rect = e.currentTarget.getBoundingClientRect();
              setView({
                ...d.view,
                panX: clamp(d.view.panX + ((e.clientX - d.x) / rect.width) * 2),
                panY: clamp(d.view.panY + ((e.clientY - d.y) / rect.height) * 2),
              });
            }}
            onPointerUp={() => (drag.current = null)}
          />
          <label className="tool-inline">
            {t('staff.image.zoom')}
            <input
              type="range"
              min={1}
              max={3}
              step={0.05}
              value={view.zoom}
              onChange={(e) => setView((v) => ({ ...v, zoom: Number(e.target.value) }))}
            />
          </label>
          <div className="staff-actions">
            <Button onClick={send} busy={busy}>
              {t('staff.image.upload')}
            </Button>
            <Button variant="ghost" onClick={() => setImage(null)}>
              {t('staff.common.cancel')}
            </Button>
          </div>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={error} />
      {done && (
        <p className="small" role="status">
          {t('staff.image.uploaded')}
        </p>
      )}
    </div>
  );
}
