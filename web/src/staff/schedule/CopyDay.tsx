// Copying a day's schedule to other days: one request per showtime and day, then a report of what
// was created and what the server refused (and why).
import { useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useStaffError } from '../common.tsx';
import { staff, type StaffShowtime } from '../staff-api.ts';
import { addDays, fromWall, toWall } from '../zoned.ts';

interface Failure {
  day: string;
  time: string;
  title: string;
  reason: string;
}

export function CopyDay({
  day,
  timeZone,
  showtimes,
  onDone,
  onClose,
}: {
  day: string;
  timeZone: string;
  showtimes: StaffShowtime[];
  onDone(): void;
  onClose(): void;
}) {
  const { t, day: dayName, date } = useI18n();
  const say = useStaffError();
  const candidates = Array.from({ length: 14 }, (_, i) => addDays(day, i + 1));
  const [targets, setTargets] = useState<Set<string>>(new Set(candidates.slice(0, 6)));
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<{ created: number; failures: Failure[] } | null>(null);
  const source = showtimes.filter((x) => x.status === 'scheduled');
  const total = source.length * targets.size;

  async function run() {
    setBusy(true);
    setResult(null);
    setProgress(0);
    const failures: Failure[] = [];
    let created = 0;
    for (const target of [...targets].sort()) {
      for (const x of source) {
        const wall = toWall(x.startsAt, timeZone);
        // Keep the same local clock time; a late show after midnight stays after midnight.
        const offsetDays = Math.round(
          (Date.parse(`${wall.date}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
        );
        const startsAt = fromWall(addDays(target, offsetDays), wall.time, timeZone);
        try {
          await staff.createShowtime({
            movieId: x.movieId,
            hallId: x.hallId,
            startsAt,
            format: x.format,
            language: x.language,
            subtitles: x.subtitles,
            prices: x.prices,
            currency: x.currency,
          });
          created++;
        } catch (err) {
          failures.push({ day: target, time: wall.time, title: x.movieTitle ?? '', reason: say(err) });
        }
        setProgress((p) => p + 1);
      }
    }
    setResult({ created, failures });
    setBusy(false);
    onDone();
  }

  return (
    <section className="panel copy-day" aria-labelledby="copy-day-title">
      <h2 id="copy-day-title">{t('staff.copy.title', { day: dayName(`${day}T12:00:00Z`, 'UTC') })}</h2>
      <p className="muted">{t('staff.copy.lead', { count: source.length })}</p>
      <fieldset className="copy-targets">
        <legend>{t('staff.copy.targets')}</legend>
        {candidates.map((d) => (
          <label key={d} className="checkbox">
            <input
              type="checkbox"
              checked={targets.has(d)}
              onChange={(e) =>
                setTargets((prev) => {
                  const next = new Set(prev);
                  if (e.target.checked) next.add(d);
                  else next.delete(d);
                  return next;
                })
              }
            />
            {dayName(`${d}T12:00:00Z`, 'UTC')}
          </label>
        ))}
      </fieldset>
      {busy && <p role="status">{t('staff.copy.progress', { done: progress, total })}</p>}
      {result && (
        <Notice
          tone={result.failures.length ? 'warning' : 'success'}
          title={t('staff.copy.result', { created: result.created, failed: result.failures.length })}
        >
          {result.failures.length > 0 && (
            <ul className="plain-list copy-failures">
              {result.failures.map((f, i) => (
                <li key={i}>
                  {t('staff.copy.failure', { day: date(f.day), time: f.time, title: f.title, reason: f.reason })}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <div className="staff-actions">
        <Button onClick={run} busy={busy} disabled={total === 0}>
          {t('staff.copy.run', { count: total })}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('staff.common.close')}
        </Button>
      </div>
    </section>
  );
}
