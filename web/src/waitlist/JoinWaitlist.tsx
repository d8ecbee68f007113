// A sold-out showtime's waiting list: how many seats together (and, signed out, an email address),
// then the customer's place in line, kept live while it waits or is offered. A customer already in
// line sees that entry (from their list, or a guest's by the token this browser kept) instead of a
// second join, and can leave. Offers also appear on the bookings page and by email.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../api/http.ts';
import { waitlistApi, type WaitlistEntry } from '../api/waitlist-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { guestEntryOf, liveEntry, rememberGuestEntry, waitlistRefresh } from './waitlist-model.ts';

export function JoinWaitlist({ showtimeId, signedIn }: { showtimeId: string; signedIn: boolean }) {
  const { t, lang, dateTime } = useI18n();
  const zone = useShowtimeContext(showtimeId).cinema?.timezone;
  const queryClient = useQueryClient();
  const [seats, setSeats] = useState(2);
  const [email, setEmail] = useState('');
  const [guestRef, setGuestRef] = useState(() => (signedIn ? null : guestEntryOf(showtimeId)));
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const [busy, setBusy] = useState(false);
  const mine = useQuery({
    queryKey: ['waitlist'],
    queryFn: ({ signal }) => waitlistApi.mine(signal),
    enabled: signedIn,
    refetchInterval: (q) => waitlistRefresh(q.state.data),
  });
  const guest = useQuery({
    queryKey: ['waitlist', 'guest', guestRef?.id],
    queryFn: ({ signal }) =>
      waitlistApi.guestEntry(guestRef!.id, guestRef!.token, signal).catch((err: unknown) => {
        // Not this token's entry any more (or never): forget it and offer the join again.
        if (err instanceof ApiError && (err.status === 404 || err.status === 401)) {
          rememberGuestEntry(showtimeId, null);
          setGuestRef(null);
          return null;
        }
        throw err;
      }),
    enabled: !signedIn && guestRef !== null,
    refetchInterval: (q) => waitlistRefresh(q.state.data ? [q.state.data] : undefined),
  });
  const entry = signedIn
    ? mine.data?.find((e) => e.showtimeId === showtimeId && liveEntry(e))
    : (guest.data ?? undefined);

  async function join(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await waitlistApi.join(showtimeId, signedIn ? { seats } : { seats, email });
      if (joined.guestToken) {
        const ref = { id: joined.id, token: joined.guestToken };
        rememberGuestEntry(showtimeId, ref);
        queryClient.setQueryData(['waitlist', 'guest', ref.id], joined);
        setGuestRef(ref);
      }
      setLeft(false);
      await queryClient.invalidateQueries({ queryKey: ['waitlist'] });
    } catch (err) {
      setError(errorText(err, t, lang));
      // Already in line (another tab): the list now shows that entry.
      if (signedIn) void queryClient.invalidateQueries({ queryKey: ['waitlist'] });
    } finally {
      setBusy(false);
    }
  }

  async function leave(current: WaitlistEntry) {
    setBusy(true);
    setError(null);
    try {
      if (guestRef) await waitlistApi.guestLeave(current.id, guestRef.token);
      else await waitlistApi.leave(current.id);
      rememberGuestEntry(showtimeId, null);
      setGuestRef(null);
      setLeft(true);
      await queryClient.invalidateQueries({ queryKey: ['waitlist'] });
    } catch (err) {
      setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  if (entry && liveEntry(entry))
    return (
      <Notice tone="success">
        <div data-testid="waitlist-place">
          {entry.status === 'offered' && entry.offer ? (
            <p>
              {signedIn ? (
                <>
                  {t('waitlist.offered', { time: dateTime(entry.offer.expiresAt, zone) })}{' '}
                  <Link to="/bookings/$id/checkout" params={{ id: entry.offer.bookingId }}>
                    {t('waitlist.pay')}
                  </Link>
                </>
              ) : (
                t('waitlist.offeredGuest', { time: dateTime(entry.offer.expiresAt, zone) })
              )}
            </p>
          ) : (
            <p>{t('waitlist.joined', { position: entry.position ?? 1 })}</p>
          )}
          <button type="button" className="btn btn-link" disabled={busy} onClick={() => void leave(entry)}>
            {t('waitlist.leave')}
          </button>
        </div>
        {error && <Notice tone="error">{error}</Notice>}
      </Notice>
    );
  return (
    <Notice tone="info" title={t('waitlist.soldOut')}>
      {left && <p role="status">{t('waitlist.left')}</p>}
      <p>{t('waitlist.intro')}</p>
      <form className="waitlist-form" onSubmit={(e) => void join(e)}>
        <label>
          {t('waitlist.seats')}{' '}
          <select className="inline-field" value={seats} onChange={(e) => setSeats(Number(e.target.value))}>
            {Array.from({ length: 10 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        {!signedIn && (
          <label>
            {t('waitlist.email')}{' '}
            <input
              className="inline-field"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
            />
          </label>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || (signedIn && mine.isPending)}>
          {t('waitlist.join')}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
    </Notice>
  );
}
