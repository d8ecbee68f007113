// Scheduling per cinema: a day or a week, one lane per hall; new showtimes, copying a day, cancelling.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { keys } from '../../api/queries.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { ErrorNotice } from '../common.tsx';
import type { StaffShowtime } from '../staff-api.ts';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { useCinemas } from '../use-cinemas.ts';
import { addDays, fromWall, todayIn, weekStart } from '../zoned.ts';
import { CopyDay } from './CopyDay.tsx';
import { Lanes } from './Lanes.tsx';
import { businessDay } from './schedule-model.ts';
import { ShowtimeDetails } from './ShowtimeDetails.tsx';
import { ShowtimeForm } from './ShowtimeForm.tsx';

export function SchedulePage() {
  const { t, day: dayName } = useI18n();
  useTitle(t('staff.nav.schedule'));
  const search = useSearch({ from: '/staff/schedule' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { cinemas, current, setCinemaId, error: cinemaError } = useCinemas();
  const tz = current?.timezone ?? 'UTC';
  const date = search.date ?? todayIn(tz);
  const view = search.view === 'week' ? 'week' : 'day';
  const first = view === 'week' ? weekStart(date) : date;
  const days = view === 'week' ? Array.from({ length: 7 }, (_, i) => addDays(first, i)) : [date];
  const [panel, setPanel] = useState<'new' | 'copy' | null>(null);
  const [open, setOpen] = useState<StaffShowtime | null>(null);
  const [created, setCreated] = useState<StaffShowtime | null>(null);

  const setParams = (p: { date?: string; view?: 'day' | 'week' }) =>
    void navigate({ to: '/staff/schedule', search: (prev) => ({ ...prev, ...p }), replace: true, resetScroll: false });

  const halls = useQuery({ ...staffQueries.halls(current?.id ?? ''), enabled: !!current });
  const movies = useQuery(staffQueries.allMovies());
  const schedule = useQuery({
    ...staffQueries.schedule({
      cinemaId: current?.id ?? '',
      first,
      days: days.length,
      from: fromWall(first, '05:00', tz),
      to: fromWall(addDays(first, days.length), '05:00', tz),
    }),
    enabled: !!current,
  });
  /**
   * A showtime made, copied or cancelled: every range of this cinema's schedule reads again (the one
   * on screen at once), and so do the customer's programmes and movie lists (now showing).
   */
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: staffKeys.schedule(current?.id ?? '') });
    void queryClient.invalidateQueries({ queryKey: keys.showtimes() });
    void queryClient.invalidateQueries({ queryKey: keys.movies() });
  };
  const cleaning = useMemo(() => new Map((halls.data ?? []).map((h) => [h.id, h.cleaningMinutes])), [halls.data]);
  const byDay = useCallback(
    (d: string) => (schedule.data ?? []).filter((x) => businessDay(x.startsAt, tz) === d),
    [schedule.data, tz],
  );

  return (
    <div className="container page schedule-page">
      <div className="page-head">
        <h1>{t('staff.nav.schedule')}</h1>
        <div className="schedule-controls">
          <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
          <Field
            label={t('staff.schedule.date')}
            type="date"
            value={date}
            onChange={(e) => e.target.value && setParams({ date: e.target.value })}
          />
          <div className="lang-switch view-switch" role="group" aria-label={t('staff.schedule.view')}>
            <button type="button" aria-pressed={view === 'day'} onClick={() => setParams({ view: 'day' })}>
              {t('staff.schedule.day')}
            </button>
            <button type="button" aria-pressed={view === 'week'} onClick={() => setParams({ view: 'week' })}>
              {t('staff.schedule.week')}
            </button>
          </div>
        </div>
      </div>
      <ErrorNotice error={cinemaError ?? halls.error ?? schedule.error ?? movies.error} />
      <div className="staff-actions">
        <Button variant="ghost" onClick={() => setParams({ date: addDays(date, view === 'week' ? -7 : -1) })}>
          ← {view === 'week' ? t('staff.schedule.prevWeek') : t('staff.schedule.prevDay')}
        </Button>
        <Button variant="ghost" onClick={() => setParams({ date: addDays(date, view === 'week' ? 7 : 1) })}>
          {view === 'week' ? t('staff.schedule.nextWeek') : t('staff.schedule.nextDay')} →
        </Button>
        <Button onClick={() => setPanel('new')} disabled={!halls.data?.length || !movies.data?.length}>
          {t('staff.schedule.newShowtime')}
        </Button>
        {view === 'day' && (
          <Button variant="secondary" onClick={() => setPanel('copy')} disabled={!byDay(date).length}>
            {t('staff.copy.open')}
          </Button>
        )}
      </div>
      {halls.data?.length === 0 && <Notice tone="info">{t('staff.schedule.noHalls')}</Notice>}
      {created && <Notice tone="success">{t('staff.schedule.created', { title: created.movieTitle ?? '' })}</Notice>}
      {panel === 'new' && current && halls.data && movies.data && (
        <ShowtimeForm
          cinema={current}
          halls={halls.data}
          movies={movies.data}
          schedule={schedule.data ?? []}
          date={date}
          onCreated={(x) => {
            setCreated(x);
            setPanel(null);
            reload();
          }}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === 'copy' && (
        <CopyDay day={date} timeZone={tz} showtimes={byDay(date)} onDone={reload} onClose={() => setPanel(null)} />
      )}
      {open && (
        <ShowtimeDetails
          key={open.id}
          showtime={open}
          timeZone={tz}
          onChanged={() => {
            setOpen(null);
            reload();
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {schedule.isLoading || halls.isLoading ? (
        <Skeleton height="12rem" width="100%" />
      ) : (
        days.map((d) => (
          <div key={d} className="schedule-day">
            {view === 'week' && <h2 className="schedule-day-name">{dayName(`${d}T12:00:00Z`, 'UTC')}</h2>}
            <Lanes
              day={d}
              timeZone={tz}
              halls={halls.data ?? []}
              showtimes={byDay(d)}
              cleaning={cleaning}
              selectedId={open?.id ?? null}
              compact={view === 'week'}
              onOpen={setOpen}
            />
          </div>
        ))
      )}
    </div>
  );
}
