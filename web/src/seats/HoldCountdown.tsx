// Time left on a hold, counted to the server's `expiresAt` (corrected for this device's clock).
// Screen readers hear it at a few milestones, not every second.
import { useEffect, useRef, useState } from 'react';
import { serverNow } from '../api/http.ts';
import { formatCountdown } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const MILESTONES_S = [300, 120, 60, 30];

export function useRemaining(expiresAt: string): number {
  const end = Date.parse(expiresAt);
  const [left, setLeft] = useState(() => end - serverNow());
  useEffect(() => {
    const tick = () => setLeft(end - serverNow());
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [end]);
  return left;
}

export function HoldCountdown({ expiresAt, onExpire }: { expiresAt: string; onExpire?: () => void }) {
  const { t } = useI18n();
  const left = useRemaining(expiresAt);
  const [spoken, setSpoken] = useState('');
  const said = useRef(new Set<number>());
  const expired = left <= 0;
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;

  useEffect(() => {
    const seconds = Math.ceil(left / 1000);
    for (const m of MILESTONES_S) {
      if (seconds <= m && seconds > m - 5 && !said.current.has(m)) {
        said.current.add(m);
        setSpoken(t('hold.remaining', { time: formatCountdown(left) }));
      }
    }
  }, [left, t]);

  useEffect(() => {
    if (expired) expireRef.current?.();
  }, [expired]);

  return (
    <div className={`countdown${left < 60_000 ? ' is-urgent' : ''}${expired ? ' is-expired' : ''}`}>
      <span className="countdown-label">{expired ? t('hold.expiredShort') : t('hold.label')}</span>
      <span
        className="countdown-time"
        role="timer"
        aria-live="off"
        aria-label={t('hold.remaining', { time: formatCountdown(left) })}
      >
        {formatCountdown(left)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {spoken}
      </span>
    </div>
  );
}
