// The food counter: a phone or tablet screen. Scan the pickup QR (camera) or type the code; the
// screen shows what is left to hand over, and "Hand over" marks it collected on the server, which
// allows it exactly once however many screens scan the same code. Already collected, not paid,
// refunded and unknown codes get a big red answer that says so.
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { useStaffError } from '../common.tsx';
import { CameraScan } from '../door/CameraScan.tsx';
import { useCinemas } from '../use-cinemas.ts';
import { foodApi, type HandLine, type Pickup, type PickupPreview } from './food-api.ts';
import './food.css';

type Verdict =
  | { kind: 'preview'; n: number; code: string; preview: PickupPreview }
  | { kind: 'done'; n: number; pickup: Pickup }
  | { kind: 'bad'; n: number; title: string; detail: string };

export function CounterPage() {
  const { t, time, lang } = useI18n();
  const say = useStaffError();
  useTitle(t('staff.nav.counter'));
  const { cinemas, current, setCinemaId } = useCinemas();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  /** Our sentence for a refusal: the codes the counter meets get a title of their own. */
  function refusal(err: unknown, n: number): Verdict {
    const title = (() => {
      if (!(err instanceof ApiError)) return t('staff.counter.refused');
      switch (err.code) {
        case 'already_collected':
          return t('staff.counter.already');
        case 'order_not_paid':
          return t('staff.counter.notPaid');
        case 'order_refunded':
          return t('staff.counter.refunded');
        case 'pickup_wrong_cinema':
          return t('staff.counter.wrongCinema');
        case 'pickup_not_found':
          return t('staff.counter.unknown');
        default:
          return t('staff.counter.refused');
      }
    })();
    const at = err instanceof ApiError ? err.problem.collectedAt : undefined;
    const detail =
      err instanceof ApiError && err.code === 'already_collected' && typeof at === 'string'
        ? t('staff.counter.alreadyAt', { time: time(at) })
        : say(err);
    return { kind: 'bad', n, title, detail };
  }

  /** A refusal read from the order itself, before anyone presses "Hand over". */
  function stateOf({ order, toHandOver }: PickupPreview, n: number): Verdict | null {
    if (order.status === 'refunded' || order.status === 'cancelled')
      return { kind: 'bad', n, title: t('staff.counter.refunded'), detail: t('staff.counter.refundedDetail') };
    if (order.status === 'held')
      return { kind: 'bad', n, title: t('staff.counter.notPaid'), detail: t('staff.counter.notPaidDetail') };
    if (toHandOver.length === 0)
      return {
        kind: 'bad',
        n,
        title: t('staff.counter.already'),
        detail: order.collectedAt ? t('staff.counter.alreadyAt', { time: time(order.collectedAt) }) : '',
      };
    if (current && order.cinemaId !== current.id)
      return { kind: 'bad', n, title: t('staff.counter.wrongCinema'), detail: t('staff.counter.wrongCinemaDetail') };
    return null;
  }

  async function look(raw: string) {
    const value = raw.trim();
    if (!value) return;
    const n = ++seq.current;
    try {
      const preview = await foodApi.previewPickup(value);
      if (n === seq.current) setVerdict(stateOf(preview, n) ?? { kind: 'preview', n, code: value, preview });
    } catch (err) {
      if (n === seq.current) setVerdict(refusal(err, n));
      navigator.vibrate?.([80, 60, 80]);
    }
  }

  async function handOver(value: string, cinemaId: string) {
    const n = ++seq.current;
    setBusy(true);
    try {
      const pickup = await foodApi.collect(value, cinemaId);
      if (n === seq.current) setVerdict({ kind: 'done', n, pickup });
      navigator.vibrate?.(60);
    } catch (err) {
      if (n === seq.current) setVerdict(refusal(err, n));
      navigator.vibrate?.([80, 60, 80]);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = code;
    setCode('');
    input.current?.focus();
    void look(value);
  }

  const tone = !verdict ? '' : verdict.kind === 'bad' ? ' is-bad' : verdict.kind === 'done' ? ' is-ok' : ' is-pending';
  return (
    <div className="door counter">
      <h1 className="visually-hidden">{t('staff.nav.counter')}</h1>
      <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
      <div
        className={`door-verdict${tone}`}
        role="status"
        aria-live="assertive"
        aria-atomic="true"
        data-verdict={verdict?.kind ?? 'none'}
        key={verdict?.n ?? 0}
      >
        {!verdict && <p className="door-idle">{t('staff.counter.ready')}</p>}
        {verdict?.kind === 'preview' && (
          <>
            <p className="door-big">{t('staff.counter.toHand')}</p>
            <HandList lines={verdict.preview.toHandOver} />
          </>
        )}
        {verdict?.kind === 'done' && (
          <>
            <p className="door-big">✓ {t('staff.counter.handedOver')}</p>
            <HandList lines={verdict.pickup.handedOver} />
          </>
        )}
        {verdict?.kind === 'bad' && (
          <>
            <p className="door-big">✕ {verdict.title}</p>
            <p className="door-detail">{verdict.detail}</p>
          </>
        )}
      </div>
      {/* Handed over only at a chosen cinema: the server checks the order is this counter's. */}
      {verdict?.kind === 'preview' && current && (
        <Button
          size="lg"
          className="counter-collect"
          busy={busy}
          onClick={() => void handOver(verdict.code, current.id)}
        >
          {t('staff.counter.collect')}
        </Button>
      )}
      <form className="door-form" onSubmit={submit}>
        <label htmlFor="counter-code">{t('staff.counter.codeLabel')}</label>
        <div className="door-input">
          <input
            id="counter-code"
            ref={input}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            lang={lang}
          />
          <button type="submit" className="btn btn-secondary btn-lg">
            {t('staff.counter.look')}
          </button>
        </div>
      </form>
      <CameraScan onCode={(value) => void look(value)} />
    </div>
  );
}

function HandList({ lines }: { lines: HandLine[] }) {
  return (
    <ul className="counter-lines">
      {lines.map((l) => (
        <li key={l.lineId}>
          <strong>{l.quantity} ×</strong> {l.name}
          {l.choices.length > 0 && (
            <span className="counter-choices"> ({l.choices.map((c) => c.name).join(', ')})</span>
          )}
        </li>
      ))}
    </ul>
  );
}
