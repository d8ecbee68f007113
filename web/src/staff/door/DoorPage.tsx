// The door: a phone-sized check-in screen. Scan a ticket's QR code with the camera or type its code;
// a big green or red answer with seat, ticket type (and the proof to check) and movie; the field is empty and focused again at once so the
// next person in the queue can be scanned while the answer is still on screen.
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useI18n } from '../../i18n/staff.ts';
import { useTitle } from '../../ui/use-title.ts';
import { useStaffError } from '../common.tsx';
import { type CheckinAnswer, staff } from '../staff-api.ts';
import { CameraScan } from './CameraScan.tsx';
import { DoorTicketType } from './DoorTicketType.tsx';

type Verdict = { ok: true; n: number; answer: CheckinAnswer } | { ok: false; n: number; title: string; detail: string };

export function DoorPage() {
  const { t, time, lang } = useI18n();
  const say = useStaffError();
  useTitle(t('staff.nav.door'));
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [count, setCount] = useState({ scans: 0, admitted: 0, first: 0 });
  const seq = useRef(0);

  async function check(raw: string) {
    const value = raw.trim();
    if (!value) return;
    const n = ++seq.current;
    setCount((c) => ({ scans: c.scans + 1, admitted: c.admitted, first: c.first || Date.now() }));
    try {
      const answer = await staff.checkin(value);
      setCount((c) => ({ ...c, admitted: c.admitted + 1 }));
      if (n === seq.current) setVerdict({ ok: true, n, answer });
      navigator.vibrate?.(60);
    } catch (err) {
      let title = t('staff.door.refused');
      let detail = say(err);
      if (err instanceof ApiError && err.code === 'already_checked_in' && typeof err.problem.checkedInAt === 'string') {
        title = t('staff.door.already');
        detail = t('staff.door.alreadyAt', { time: time(err.problem.checkedInAt) });
      } else if (err instanceof ApiError && err.code === 'ticket_not_found') title = t('staff.door.unknown');
      else if (err instanceof ApiError && err.code === 'ticket_void') title = t('staff.door.void');
      if (n === seq.current) setVerdict({ ok: false, n, title, detail });
      navigator.vibrate?.([80, 60, 80]);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = code;
    // Ready for the next one at once: the answer for this one arrives while the field is empty.
    setCode('');
    input.current?.focus();
    void check(value);
  }

  const minutes = count.first ? Math.max(1 / 60, (Date.now() - count.first) / 60_000) : 0;
  const perMinute = count.scans > 1 && minutes ? Math.round(count.scans / minutes) : null;
  const a = verdict?.ok ? verdict.answer : null;

  return (
    <div className="door">
      <h1 className="visually-hidden">{t('staff.nav.door')}</h1>
      <div
        className={`door-verdict${verdict ? (verdict.ok ? ' is-ok' : ' is-bad') : ''}`}
        role="status"
        aria-live="assertive"
        aria-atomic="true"
        data-verdict={verdict ? (verdict.ok ? 'ok' : 'bad') : 'none'}
        key={verdict?.n ?? 0}
      >
        {!verdict && <p className="door-idle">{t('staff.door.ready')}</p>}
        {a && (
          <>
            <p className="door-big">✓ {t('staff.door.welcome')}</p>
            {/* The booking account's picture, for the usher to compare with who is at the door. */}
            {a.avatarUrl && (
              <img className="avatar" src={a.avatarUrl} alt={t('staff.door.avatar')} width={96} height={96} />
            )}
            <p className="door-seat">{t('staff.door.seat', { row: a.seat.row, number: a.seat.number })}</p>
            <DoorTicketType answer={a} />
            <p className="door-movie">
              {a.movie.title} · {time(a.showtime.startsAt, a.showtime.cinema?.timezone)} · {a.showtime.hall?.name}
            </p>
          </>
        )}
        {verdict && !verdict.ok && (
          <>
            <p className="door-big">✕ {verdict.title}</p>
            <p className="door-detail">{verdict.detail}</p>
          </>
        )}
      </div>
      <form className="door-form" onSubmit={submit}>
        <label htmlFor="door-code">{t('staff.door.codeLabel')}</label>
        <div className="door-input">
          <input
            id="door-code"
            ref={input}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            lang={lang}
          />
          <button type="submit" className="btn btn-primary btn-lg">
            {t('staff.door.check')}
          </button>
        </div>
      </form>
      <CameraScan onCode={(value) => void check(value)} />
      <p className="door-count small muted" aria-live="off" data-scans={count.scans} data-admitted={count.admitted}>
        {t('staff.door.counter', { count: count.scans, admitted: count.admitted })}
        {perMinute !== null && ` · ${t('staff.door.perMinute', { n: perMinute })}`}
      </p>
    </div>
  );
}
