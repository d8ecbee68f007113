// A sold-out showtime's waiting list: how many seats together (and, signed out, an email address),
// then the customer's place in line. Offers appear on the bookings page and by email.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { waitlistApi, type WaitlistEntry } from '../api/waitlist-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';

export function JoinWaitlist({ showtimeId, signedIn }: { showtimeId: string; signedIn: boolean }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [seats, setSeats] = useState(2);
  const [email, setEmail] = useState('');
  const [entry, setEntry] = useState<WaitlistEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setEntry(await waitlistApi.join(showtimeId, signedIn ? { seats } : { seats, email }));
      void queryClient.invalidateQueries({ queryKey: ['waitlist'] });
    } catch (err) {
      setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  if (entry) return <Notice tone="success">{t('waitlist.joined', { position: entry.position ?? 1 })}</Notice>;
  return (
    <Notice tone="info" title={t('waitlist.soldOut')}>
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
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('waitlist.join')}
        </button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
    </Notice>
  );
}
