// Scheduling one showtime: hall, movie, local start; the end (running time + cleaning) and any
// overlap with the loaded schedule are shown before saving, and an overlap blocks saving (the
// server refuses it too, 409). Prices start from the hall's defaults or the usual ones.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Cinema, Movie } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { TYPE_KEYS } from '../../seats/Legend.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { type Prices, staff, type StaffHall, type StaffShowtime } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';
import { fromWall } from '../zoned.ts';
import { fromMinor, toMinor } from './prices.ts';
import { defaultStart, endOf, hallSeatTypes, overlaps, usualPrices } from './schedule-model.ts';

export interface ShowtimeFormProps {
  cinema: Cinema;
  halls: StaffHall[];
  movies: Movie[];
  schedule: StaffShowtime[];
  date: string;
  onCreated(showtime: StaffShowtime): void;
  onClose(): void;
}

export function ShowtimeForm({ cinema, halls, movies, schedule, date, onCreated, onClose }: ShowtimeFormProps) {
  const { t, time, duration } = useI18n();
  const [hallId, setHallId] = useState(halls[0]?.id ?? '');
  const [movieFilter, setMovieFilter] = useState('');
  const [movieId, setMovieId] = useState(movies[0]?.id ?? '');
  // Never a start in the past: 20:00 when still ahead, else the next quarter hour (cinema's zone).
  const [initial] = useState(() => defaultStart(date, Date.now(), cinema.timezone));
  const [day, setDay] = useState(initial.day);
  const [start, setStart] = useState(initial.start);
  const [format, setFormat] = useState('2D');
  const [language, setLanguage] = useState('');
  const [subtitles, setSubtitles] = useState('');
  const [saveDefaults, setSaveDefaults] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Empty prices are marked once the user tried to schedule without them.
  const [attempted, setAttempted] = useState(false);
  const formId = useId();
  const priceId = (type: string) => `${formId}-price-${type}`;

  const hall = halls.find((h) => h.id === hallId);
  const movie = movies.find((m) => m.id === movieId);
  const types = hallSeatTypes(hall);
  const shown = useMemo(() => {
    const q = movieFilter.trim().toLowerCase();
    return q ? movies.filter((m) => m.title.toLowerCase().includes(q) || m.id === movieId) : movies;
  }, [movies, movieFilter, movieId]);

  // The hall's default prices fill the form whenever the hall changes; a hall without saved
  // defaults (or whose defaults cannot be read) starts from the latest showtime's prices (that
  // hall's, else the cinema's). Prices or a currency typed for this hall win, also over defaults
  // arriving late; choosing another hall offers that hall's.
  const queryClient = useQueryClient();
  const defaults = useQuery({ ...staffQueries.priceDefaults(hallId), enabled: hallId !== '' });
  const offered = useMemo(() => {
    if (defaults.isPending) return null;
    const d = defaults.data;
    const usual = d?.currency ? { prices: d.prices, currency: d.currency } : usualPrices(schedule, hallId);
    if (!usual) return null;
    const cur = usual.currency;
    return {
      currency: cur,
      prices: Object.fromEntries(Object.entries(usual.prices).map(([k, v]) => [k, fromMinor(v, cur)])),
    };
  }, [defaults.isPending, defaults.data, schedule, hallId]);
  const [typed, setTyped] = useState<{ hallId: string; currency: string; prices: Record<string, string> } | null>(null);
  const own = typed?.hallId === hallId ? typed : null;
  const currency = own?.currency ?? offered?.currency ?? 'EUR';
  const prices = own?.prices ?? offered?.prices ?? {};
  const typeIn = (change: { currency?: string; prices?: Record<string, string> }) =>
    setTyped({ hallId, currency, prices, ...change });

  const startsAt = /^\d{2}:\d{2}$/.test(start) && day ? fromWall(day, start, cinema.timezone) : null;
  const endsAt = startsAt && movie && hall ? endOf(startsAt, movie.durationMinutes, hall.cleaningMinutes) : null;
  const clashes = startsAt && endsAt ? overlaps(schedule, hallId, startsAt, endsAt) : [];
  const parsed = Object.fromEntries(types.map((type) => [type, toMinor(prices[type] ?? '', currency)])) as Record<
    string,
    number | null
  >;
  const missing = types.filter((type) => parsed[type] === null);
  const blocked = !movie || !hall || clashes.length > 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (missing.length > 0) {
      setAttempted(true);
      document.getElementById(priceId(missing[0]!))?.focus();
      return;
    }
    if (!startsAt || !movie || !hall || blocked) return;
    setBusy(true);
    setError(null);
    const body: Prices = Object.fromEntries(types.map((type) => [type, parsed[type]!]));
    try {
      const created = await staff.createShowtime({
        movieId,
        hallId,
        startsAt,
        format: format.trim() || '2D',
        language: language.trim() || null,
        subtitles: subtitles.trim() || null,
        prices: body,
        currency,
      });
      if (saveDefaults) {
        await staff.setPriceDefaults(hallId, { prices: body, currency }).catch(() => {});
        void queryClient.invalidateQueries({ queryKey: staffQueries.priceDefaults(hallId).queryKey });
      }
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel showtime-form" onSubmit={submit} aria-labelledby="showtime-form-title">
      <h2 id="showtime-form-title">{t('staff.schedule.newShowtime')}</h2>
      <div className="field-row">
        <SelectField
          label={t('staff.schedule.hall')}
          value={hallId}
          onChange={(e) => setHallId(e.target.value)}
          required
        >
          {halls.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('staff.schedule.movieFilter')}
          value={movieFilter}
          onChange={(e) => setMovieFilter(e.target.value)}
          type="search"
        />
      </div>
      <SelectField
        label={t('staff.schedule.movie')}
        value={movieId}
        onChange={(e) => setMovieId(e.target.value)}
        required
      >
        {shown.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title} ({duration(m.durationMinutes)})
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <Field
          label={t('staff.schedule.date')}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          required
        />
        <Field
          label={t('staff.schedule.start', { zone: cinema.timezone })}
          type="time"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          required
          step={300}
        />
      </div>
      {endsAt && movie && hall && (
        <p className="schedule-end" aria-live="polite">
          {t('staff.schedule.endsAt', {
            end: time(endsAt, cinema.timezone),
            running: duration(movie.durationMinutes),
            cleaning: hall.cleaningMinutes,
          })}
        </p>
      )}
      {clashes.length > 0 && (
        <div id={`${formId}-overlap`}>
          <Notice tone="warning" title={t('staff.schedule.overlapTitle')}>
            <ul className="plain-list">
              {clashes.map((c) => (
                <li key={c.id}>
                  {t('staff.schedule.overlapWith', {
                    title: c.movieTitle ?? '',
                    from: time(c.startsAt, cinema.timezone),
                    to: time(c.endsAt, cinema.timezone),
                  })}
                </li>
              ))}
            </ul>
            <p>{t('staff.schedule.overlapHint')}</p>
          </Notice>
        </div>
      )}
      <div className="field-row">
        <Field
          label={t('staff.schedule.format')}
          value={format}
          onChange={(e) => setFormat(e.target.value)}
          maxLength={20}
        />
        <Field
          label={t('staff.schedule.currency')}
          value={currency}
          onChange={(e) => typeIn({ currency: e.target.value.toUpperCase() })}
          pattern="[A-Z]{3}"
          maxLength={3}
        />
      </div>
      <div className="field-row">
        <Field
          label={t('staff.schedule.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          maxLength={50}
        />
        <Field
          label={t('staff.schedule.subtitles')}
          value={subtitles}
          onChange={(e) => setSubtitles(e.target.value)}
          maxLength={50}
        />
      </div>
      <fieldset className="price-fields">
        <legend>{t('staff.schedule.prices', { currency })}</legend>
        {types.map((type) => (
          <Field
            key={type}
            id={priceId(type)}
            label={t(TYPE_KEYS[type])}
            inputMode="decimal"
            value={prices[type] ?? ''}
            onChange={(e) => {
              typeIn({ prices: { ...prices, [type]: e.target.value } });
            }}
            error={
              (prices[type] ?? '').trim()
                ? parsed[type] === null
                  ? t('staff.schedule.badPrice')
                  : null
                : attempted
                  ? t('staff.schedule.missingPrice')
                  : null
            }
            aria-required
          />
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={saveDefaults} onChange={(e) => setSaveDefaults(e.target.checked)} />
          {t('staff.schedule.saveDefaults')}
        </label>
      </fieldset>
      <ErrorNotice error={error} title={t('staff.schedule.notSaved')} />
      <div className="staff-actions">
        <Button
          type="submit"
          busy={busy}
          disabled={blocked}
          aria-describedby={clashes.length > 0 ? `${formId}-overlap` : missing.length ? `${formId}-why` : undefined}
        >
          {t('staff.schedule.save')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('staff.common.close')}
        </Button>
        {clashes.length === 0 && missing.length > 0 && (
          <p className="muted small" id={`${formId}-why`}>
            {t('staff.schedule.missingPrices', { count: missing.length })}
          </p>
        )}
      </div>
    </form>
  );
}
