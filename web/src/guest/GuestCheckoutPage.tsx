// Checkout without an account: the seats chosen on the seat map, an email address and a name, then
// the card. Signing in stays one link away. The management token the hold answers with is kept for
// this tab only (api/guest.ts); the booking page after paying reads it from there.
import { useNavigate, useSearch, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { guest } from '../api/guest.ts';
import type { Booking } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { BookingSeats } from '../bookings/BookingSeats.tsx';
import { CardForm } from '../checkout/CardForm.tsx';
import { decodeGuestSeats } from '../seats/selection.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function GuestCheckoutPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const search = useSearch({ from: '/guest/checkout' });
  // "seatId:ticketType" each (bare ids from an older link: the default type).
  const wanted = decodeGuestSeats(search.seats);
  const seatCount = 'seats' in wanted ? wanted.seats.length : wanted.seatIds.length;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [booking, setBooking] = useState<Booking | null>(null);
  useTitle(t('guest.title'));

  const emailError = touched && !EMAIL.test(email.trim()) ? t('guest.emailInvalid') : null;
  const nameError = touched && name.trim() === '' ? t('guest.nameRequired') : null;
  const back = search.showtime ? `/showtimes/${search.showtime}` : '/';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!EMAIL.test(email.trim()) || name.trim() === '' || !search.showtime || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setBooking(await guest.hold(search.showtime, wanted, email.trim(), name.trim()));
    } catch (err) {
      setFailure(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  if (!search.showtime || seatCount === 0) {
    return (
      <div className="container page">
        <Notice tone="info">{t('guest.noSeats')}</Notice>
      </div>
    );
  }

  return (
    <div className="container page narrow">
      <h1>{t('guest.title')}</h1>
      {booking ? (
        <>
          <section className="panel" aria-labelledby="order-title">
            <h2 id="order-title">{t('checkout.order')}</h2>
            <BookingSeats booking={booking} />
          </section>
          <section className="panel" aria-labelledby="pay-title">
            <h2 id="pay-title">{t('checkout.payTitle')}</h2>
            <CardForm
              bookingId={booking.id}
              total={booking.total}
              disabled={false}
              pay={(card) => guest.pay(booking.id, card)}
              onPaid={(paid) =>
                void navigate({
                  to: '/guest/bookings/$id',
                  params: { id: paid.id },
                  search: { paid: '1' },
                  replace: true,
                })
              }
              onExpired={() => setFailure(t('checkout.expiredBody'))}
            />
          </section>
        </>
      ) : (
        <form className="panel" onSubmit={submit} noValidate aria-labelledby="guest-form-title">
          <h2 id="guest-form-title">{t('guest.continue')}</h2>
          <p className="muted">{t('guest.intro')}</p>
          <Field
            label={t('guest.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={emailError}
            required
          />
          <Field
            label={t('guest.name')}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameError}
            required
          />
          <Button type="submit" busy={busy}>
            {t('guest.continue')}
          </Button>
          <p className="mt-2">
            <Link to="/login" search={{ next: back }}>
              {t('guest.signIn')}
            </Link>
          </p>
        </form>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
    </div>
  );
}
