// The staff console's waiting rooms (issue 18): each live room's line, admissions, holds and sales,
// refreshed every 2 s; staff pause, resume and change the rate; admins guard a showtime from an
// on-sale moment and end a room.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, data } from '../../api/http.ts';
import type { Answer } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SkeletonRows } from '../common.tsx';

type Room = Answer<'/api/v1/waiting-rooms/{id}', 'get'>;
const REFRESH_MS = 2000;
const key = ['staff', 'waiting-rooms'];
const path = (id: string) => ({ params: { path: { id } } });

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
  const act = (run: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await run();
      await client_.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err);
    }
  };
  const target = room.showtimeId
    ? `/api/v1/showtimes/${room.showtimeId}/waiting-room`
    : `/api/v1/movies/${room.movieId}/waiting-room`;
  return (
    <section className="card wr-room" data-testid="wr-room" aria-label={room.showtimeId ?? room.movieId ?? room.id}>
      <h2>
        {t(room.scope === 'showtime' ? 'staff.wr.showtime' : 'staff.wr.movie', {
          id: room.showtimeId ?? room.movieId ?? '',
        })}
      </h2>
      <p>
        {t('staff.wr.status', { status: t(`staff.wr.status.${room.status}`) })} ·{' '}
        {t('staff.wr.onSale', { time: dateTime(room.onSaleAt) })}
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
          <Button variant="danger" onClick={act(() => fetch(target, { method: 'DELETE' }))}>
            {t('staff.wr.end')}
          </Button>
        )}
      </div>
    </section>
  );
}

function GuardForm() {
  const { t } = useI18n();
  const client_ = useQueryClient();
  const [showtimeId, setShowtimeId] = useState('');
  const [onSaleAt, setOnSaleAt] = useState('');
  const [rate, setRate] = useState('60');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await data(
        client.PUT('/api/v1/showtimes/{id}/waiting-room', {
          ...path(showtimeId.trim()),
          body: { onSaleAt: new Date(onSaleAt).toISOString(), admissionsPerMinute: Number(rate) },
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
      <Field
        label={t('staff.wr.onSaleAt')}
        type="datetime-local"
        required
        value={onSaleAt}
        onChange={(e) => setOnSaleAt(e.target.value)}
      />
      <Field
        label={t('staff.wr.rate')}
        type="number"
        min={1}
        required
        value={rate}
        onChange={(e) => setRate(e.target.value)}
      />
      {error != null && <ErrorNotice error={error} />}
      <Button type="submit">{t('staff.wr.guardSubmit')}</Button>
    </form>
  );
}
