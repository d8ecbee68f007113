// The waiting page of a guarded showtime (issue 18): take a place (signed in, or with an email as a
// guest), then watch it live (SSE, polling every 5 s when the stream drops); once admitted the token
// is kept for this tab and the seat map opens.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { rememberAdmission, type Visit, waitingRoom } from './admission.ts';

const POLL_MS = 5000;

/** The visit, live: the stream's events, else a poll. */
function useLiveVisit(showtimeId: string, visit: Visit | null, set: (v: Visit) => void) {
  const joined = visit !== null;
  useEffect(() => {
    if (!joined) return;
    const source = new EventSource(waitingRoom.eventsUrl(showtimeId));
    source.addEventListener('visit', (e) => set(JSON.parse((e as MessageEvent<string>).data) as Visit));
    const timer = setInterval(() => {
      if (source.readyState !== EventSource.OPEN) waitingRoom.current(showtimeId).then(set, () => undefined);
    }, POLL_MS);
    return () => {
      source.close();
      clearInterval(timer);
    };
  }, [showtimeId, joined, set]);
}

export function WaitingRoomPage() {
  const { t, lang, dateTime } = useI18n();
  const { id } = useParams({ from: '/showtimes/$id/waiting-room' });
  const { user } = useSession();
  const ctx = useShowtimeContext(id);
  const navigate = useNavigate();
  useTitle(t('waiting.title'));
  const room = useQuery({ queryKey: ['waiting-room', id], queryFn: () => waitingRoom.status(id) });
  const mine = useQuery({
    queryKey: ['waiting-room', id, 'visit', user?.id ?? null],
    queryFn: () =>
      waitingRoom
        .current(id)
        .catch((err: unknown) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))),
  });
  const [visit, setVisit] = useState<Visit | null>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const current = visit ?? mine.data ?? null;
  useLiveVisit(id, current, setVisit);

  useEffect(() => {
    if (current?.status === 'admitted') rememberAdmission(current);
    if (room.data && !room.data.active) void navigate({ to: '/showtimes/$id', params: { id }, replace: true });
  }, [current, room.data, id, navigate]);

  async function join(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setVisit(await waitingRoom.join(id, user ? undefined : email.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const zone = ctx.cinema?.timezone;
  return (
    <main className="container waiting-room">
      <h1>{t('waiting.title')}</h1>
      {ctx.movie && <p className="waiting-movie">{ctx.movie.title}</p>}
      <p>{t('waiting.intro')}</p>
      {room.data?.onSaleAt && <p>{t('waiting.opensAt', { time: dateTime(room.data.onSaleAt, zone) })}</p>}
      {error != null && <Notice tone="error">{errorText(error, t, lang)}</Notice>}
      {!current && !mine.isPending && (
        <form onSubmit={join} className="waiting-join">
          {!user && (
            <label>
              {t('waiting.email')}
              <input
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoComplete="email"
              />
              <small>{t('waiting.emailHint')}</small>
            </label>
          )}
          <Button type="submit" busy={busy} size="lg">
            {t('waiting.join')}
          </Button>
        </form>
      )}
      {/* Only the place and the wait are announced as they change, not the whole page. */}
      <div aria-live="polite" data-testid="waiting-live">
        {current && (
          <VisitStatus
            visit={current}
            zone={zone}
            onSeats={() => void navigate({ to: '/showtimes/$id', params: { id } })}
          />
        )}
      </div>
    </main>
  );
}

function VisitStatus({ visit, zone, onSeats }: { visit: Visit; zone: string | undefined; onSeats: () => void }) {
  const { t, dateTime } = useI18n();
  if (visit.status === 'expired') return <Notice tone="error">{t('waiting.expired')}</Notice>;
  if (visit.status === 'admitted' && visit.admission)
    return (
      <div className="waiting-admitted" data-testid="waiting-admitted">
        <p>{t('waiting.admitted', { time: dateTime(visit.admission.expiresAt, zone) })}</p>
        <Button size="lg" onClick={onSeats}>
          {t('waiting.toSeats')}
        </Button>
      </div>
    );
  const minutes = Math.ceil((visit.estimatedWaitSeconds ?? 0) / 60);
  return (
    <div className="waiting-status" data-testid="waiting-status">
      {visit.position === null ? (
        <p>{t('waiting.beforeDraw')}</p>
      ) : (
        <>
          <p className="waiting-position">{t('waiting.position', { position: visit.position })}</p>
          <p>{t('waiting.ahead', { count: visit.ahead ?? 0 })}</p>
          <p>{minutes <= 1 ? t('waiting.estimateSoon') : t('waiting.estimate', { minutes })}</p>
        </>
      )}
      {visit.roomStatus === 'paused' && <Notice tone="info">{t('waiting.paused')}</Notice>}
      <small>{t('waiting.live')}</small>
    </div>
  );
}
