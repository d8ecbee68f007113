// The staff console's waiting rooms (issue 18): each live room's line, admissions, holds and sales,
// refreshed every 2 s; staff pause, resume and change the rate; admins guard a showtime from an
// on-sale moment (entered and shown on the cinema's clock) and end a room (after a confirmation).
// Rooms are named by movie, hall and start, looked up once per room.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, data } from '../../api/http.ts';
import type { Answer } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SkeletonRows } from '../common.tsx';
import { looksLikeId, onSaleInstant } from './on-sale.ts';

type Room = Answer<'/api/v1/waiting-rooms/{id}', 'get'>;
const REFRESH_MS = 2000;
const key = ['staff', 'waiting-rooms'];
const path = (id: string) => ({ params: { path: { id } } });

/** A showtime's movie, hall, start and zone (they do not change under a live room). */
function useShowtime(id: string | null | undefined) {
  return useQuery({
    queryKey: ['staff', 'waiting-rooms', 'showtime', id],
    queryFn: () => data(client.GET('/api/v1/showtimes/{id}', path(id as string))),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

function useMovieTitle(id: string | null | undefined) {
  return useQuery({
    queryKey: ['staff', 'waiting-rooms', 'movie', id],
    queryFn: () => data(client.GET('/api/v1/movies/{id}', path(id as string))).then((m) => m.title),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function WaitingRoomsPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.waitingRooms'));
  const rooms = useQuery({
    queryKey: key,
    queryFn: () => data(client.GET('/api/v1/waiting-rooms')),
    refetchInterval: REFRESH_MS,
  });
  const isAdmin = useSession().user?.role === 'admin';
  return (
    <main className="container">
      <h1>{t('staff.nav.waitingRooms')}</h1>
      <p>{t('staff.wr.intro')}</p>
      {rooms.error && <ErrorNotice error={rooms.error} />}
      {rooms.isPending && <SkeletonRows rows={2} columns={6} width="100%" />}
      {rooms.data?.items.length === 0 && <p>{t('staff.wr.none')}</p>}
      {rooms.data?.items.map((r) => (
        <RoomCard key={r.id} room={r} admin={isAdmin} />
      ))}
      {isAdmin && <GuardForm />}
    </main>
  );
}

function RoomCard({ room, admin }: { room: Room; admin: boolean }) {
  const { t, dateTime } = useI18n();
  const client_ = useQueryClient();
  const [rate, setRate] = useState(String(room.admissionsPerMinute));
  const [error, setError] = useState<unknown>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const showtime = useShowtime(room.showtimeId).data;
  const movieTitle = useMovieTitle(room.showtimeId ? null : room.movieId).data;
  // A showtime's room is shown on its cinema's clock; a movie's spans cinemas, so the browser's.
  const zone = showtime?.timezone;
  const act = (run: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await run();
      await client_.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err);
    }
  };
  const end = () =>
    room.showtimeId
      ? data(client.DELETE('/api/v1/showtimes/{id}/waiting-room', path(room.showtimeId)))
      : data(client.DELETE('/api/v1/movies/{id}/waiting-room', path(room.movieId as string)));
  const title =
    room.scope === 'showtime'
      ? showtime &&
        t('staff.wr.showtime', {
          movie: showtime.movieTitle,
          hall: showtime.hallName,
          start: dateTime(showtime.startsAt, showtime.timezone),
        })
      : movieTitle && t('staff.wr.movie', { movie: movieTitle });
  const onSale = zone ? t('staff.wr.zone', { time: dateTime(room.onSaleAt, zone), zone }) : dateTime(room.onSaleAt);
  return (
    <section className="card wr-room" data-testid="wr-room" aria-label={title ?? t('staff.wr.loading')}>
      <h2>{title ?? t('staff.wr.loading')}</h2>
      <p>
        {t('staff.wr.status', { status: t(`staff.wr.status.${room.status}`) })} ·{' '}
        {t('staff.wr.onSale', { time: onSale })}
      </p>
      <dl className="wr-figures">
        <dt>{t('staff.wr.waiting')}</dt>
        <dd data-testid="wr-waiting">{room.waiting}</dd>
        <dt>{t('staff.wr.admitted')}</dt>
        <dd>{room.admitted}</dd>
        <dt>{t('staff.wr.rate')}</dt>
        <dd>{room.admissionsPerMinute}</dd>
        <dt>{t('staff.wr.holds')}</dt>
        <dd>{room.activeHolds ?? '–'}</dd>
        <dt>{t('staff.wr.sold')}</dt>
        <dd>{room.sold ?? '–'}</dd>
        <dt>{t('staff.wr.oldest')}</dt>
        <dd>{t('staff.wr.seconds', { count: room.oldestWaitSeconds })}</dd>
      </dl>
      {error != null && <ErrorNotice error={error} />}
      <div className="wr-actions">
        {room.status === 'open' && (
          <Button
            variant="secondary"
            onClick={act(() => data(client.POST('/api/v1/waiting-rooms/{id}/pause', path(room.id))))}
          >
            {t('staff.wr.pause')}
          </Button>
        )}
        {room.status === 'paused' && (
          <Button onClick={act(() => data(client.POST('/api/v1/waiting-rooms/{id}/resume', path(room.id))))}>
            {t('staff.wr.resume')}
          </Button>
        )}
        <Field
          label={t('staff.wr.rate')}
          type="number"
          min={1}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
        />
        <Button
          variant="secondary"
          onClick={act(() =>
            data(
              client.PATCH('/api/v1/waiting-rooms/{id}', {
                ...path(room.id),
                body: { admissionsPerMinute: Number(rate) },
              }),
            ),
          )}
        >
          {t('staff.wr.setRate')}
        </Button>
        {admin && (
          <Button variant="danger" onClick={() => setConfirmEnd(true)}>
            {t('staff.wr.end')}
          </Button>
        )}
      </div>
      <Dialog
        open={confirmEnd}
        title={t('staff.wr.endTitle')}
        onClose={() => setConfirmEnd(false)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirmEnd(false)}>
              {t('staff.wr.endKeep')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirmEnd(false);
                void act(end)();
              }}
            >
              {t('staff.wr.endConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('staff.wr.endText')}</p>
      </Dialog>
    </section>
  );
}

function GuardForm() {
  const { t, dateTime } = useI18n();
  const client_ = useQueryClient();
  const [showtimeId, setShowtimeId] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [rate, setRate] = useState('60');
  const [error, setError] = useState<unknown>(null);
  const id = looksLikeId(showtimeId) ? showtimeId.trim() : null;
  const showtime = useShowtime(id);
  const zone = showtime.data?.timezone;
  const onSaleAt = zone ? onSaleInstant(date, time, zone) : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!id || !onSaleAt) return;
    setError(null);
    try {
      await data(
        client.PUT('/api/v1/showtimes/{id}/waiting-room', {
          ...path(id),
          body: { onSaleAt, admissionsPerMinute: Number(rate) },
        }),
      );
      await client_.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('staff.wr.guard')}</h2>
      <Field
        label={t('staff.wr.showtimeId')}
        required
        value={showtimeId}
        onChange={(e) => setShowtimeId(e.target.value)}
      />
      {showtime.data && (
        <p aria-live="polite">
          {t('staff.wr.guarding', {
            movie: showtime.data.movieTitle,
            hall: showtime.data.hallName,
            start: dateTime(showtime.data.startsAt, showtime.data.timezone),
          })}
        </p>
      )}
      {showtime.error != null && <p role="alert">{t('staff.wr.unknownShowtime')}</p>}
      <div className="field-row">
        <Field
          label={t('staff.wr.onSaleDate')}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <Field
          label={t('staff.wr.onSaleTime', { zone: zone ?? '…' })}
          type="time"
          required
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
      </div>
      <Field
        label={t('staff.wr.rate')}
        type="number"
        min={1}
        required
        value={rate}
        onChange={(e) => setRate(e.target.value)}
      />
      {error != null && <ErrorNotice error={error} />}
      <Button type="submit" disabled={!onSaleAt}>
        {t('staff.wr.guardSubmit')}
      </Button>
    </form>
  );
}
