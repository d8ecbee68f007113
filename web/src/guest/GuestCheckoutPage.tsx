// Checkout without an account: the seats chosen on the seat map, an email address and a name, then
// food and drink, promo code, gift cards and payment. Signing in stays one link away. The management
// token the hold answers with is kept for this tab only (api/guest.ts); the booking page after paying
// reads it from there. Once held, the address names the booking (`?booking=`), so a reload or the way back from
// 3-D Secure finds it again.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch, Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { guest, guestToken } from '../api/guest.ts';
import { type FoodBooking, food } from '../api/food-api.ts';
import { guestMoney, type MoneyBooking } from '../api/money-api.ts';
import { queries } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { BookingSeats } from '../bookings/BookingSeats.tsx';
import { BookingPayment } from '../checkout/BookingPayment.tsx';
import { FoodPanel } from '../checkout/FoodPanel.tsx';
import { PriceBreakdown } from '../checkout/PriceBreakdown.tsx';
import { returnUrl, stripeReturn } from '../checkout/stripe.ts';
import { decodeGuestSeats } from '../seats/selection.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
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
  const [held, setHeld] = useState<MoneyBooking | null>(null);
  const [expired, setExpired] = useState(false);
  useTitle(t('guest.title'));
  const known = search.booking && guestToken(search.booking) !== null ? search.booking : null;
  const loaded = useQuery({
    queryKey: ['guest-booking', known ?? ''],
    queryFn: () => guestMoney(known!).get(),
    enabled: known !== null && held?.id !== known,
  });
  const booking = held ?? (loaded.data?.id === known ? loaded.data : null) ?? null;
  const api = useMemo(() => (booking ? guestMoney(booking.id) : null), [booking?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const returned = useMemo(() => stripeReturn(search), [search]);
  const showtime = useQuery({ ...queries.showtime(booking?.showtimeId ?? ''), enabled: !!booking });

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
      const made = await guest.hold(search.showtime, wanted, email.trim(), name.trim());
      setHeld(made);
      void navigate({ to: '/guest/checkout', search: { showtime: search.showtime, booking: made.id }, replace: true });
    } catch (err) {
      setFailure(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  function paid(next: MoneyBooking) {
    void navigate({ to: '/guest/bookings/$id', params: { id: next.id }, search: { paid: '1' }, replace: true });
  }
  // Paid already (Stripe's webhook before the way back from 3-D Secure): on to the booking.
  const settled = booking?.status === 'confirmed';
  useEffect(() => {
    if (settled && booking) paid(booking);
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  if ((known && !booking && !loaded.error) || settled) return <PageSkeleton />;
  if (!booking && (!search.showtime || seatCount === 0)) {
    return (
      <div className="container page">
        <Notice tone="info">{t('guest.noSeats')}</Notice>
      </div>
    );
  }

  return (
    <div className="container page narrow">
      <h1>{t('guest.title')}</h1>
      {booking && api ? (
        <>
          <section className="panel" aria-labelledby="order-title">
            <h2 id="order-title">{t('checkout.order')}</h2>
            <BookingSeats booking={booking} />
            <PriceBreakdown breakdown={booking.priceBreakdown} />
          </section>
          {!expired && booking.status === 'held' && (
            <FoodPanel
              booking={booking as FoodBooking}
              cinemaId={showtime.data?.cinemaId}
              setFood={(items) => food.setForGuest(booking.id, items)}
              onChange={setHeld}
              onExpired={() => setExpired(true)}
              disabled={false}
            />
          )}
          <section className="panel">
            {expired || booking.status !== 'held' ? (
              <Notice tone="warning">{t('checkout.expiredBody')}</Notice>
            ) : (
              <BookingPayment
                booking={booking}
                api={api}
                disabled={false}
                returnUrl={returnUrl('/guest/checkout', { booking: booking.id })}
                back={returned}
                onReturnRead={() =>
                  void navigate({ to: '/guest/checkout', search: { booking: booking.id }, replace: true })
                }
                onChange={setHeld}
                onPaid={paid}
                onExpired={() => setExpired(true)}
              />
            )}
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
