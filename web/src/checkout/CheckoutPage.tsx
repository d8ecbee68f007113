// Paying for a hold: what is being bought, how long the seats stay held, food and drink from the
// cinema's menu (FoodPanel), promo code, gift cards and the provider's payment form (BookingPayment).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { bookings } from '../api/endpoints.ts';
import { type FoodBooking, food } from '../api/food-api.ts';
import { ApiError } from '../api/http.ts';
import { customerMoney } from '../api/money-api.ts';
import { keys, queries } from '../api/queries.ts';
import type { Booking } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { HoldCountdown } from '../seats/HoldCountdown.tsx';
import { ShowtimeHeading } from '../seats/ShowtimeHeading.tsx';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { BookingSeats } from '../bookings/BookingSeats.tsx';
import { PriceBreakdown } from './PriceBreakdown.tsx';
import { BookingPayment } from './BookingPayment.tsx';
import { ExtendHold } from './ExtendHold.tsx';
import { FoodPanel } from './FoodPanel.tsx';
import { returnUrl, stripeReturn } from './stripe.ts';
import '../seats/seats.css';

export function CheckoutPage() {
  const { t, lang } = useI18n();
  const { id } = useParams({ from: '/bookings/$id/checkout' });
  const search = useSearch({ from: '/bookings/$id/checkout' });
  const back = useMemo(() => stripeReturn(search), [search]);
  const api = useMemo(() => customerMoney(id), [id]);
  const client = useQueryClient();
  const navigate = useNavigate();
  const booking = useQuery({ ...queries.booking(id), staleTime: 0 });
  const ctx = useShowtimeContext(booking.data?.showtimeId);
  const [expired, setExpired] = useState(false);
  const [releasing, setReleasing] = useState(false);
  useTitle(t('checkout.title'));
  const b = booking.data;

  // Paid already (in another tab, or by Stripe's webhook before the way back from 3-D Secure).
  const done = b?.status === 'confirmed' || b?.status === 'refunded';
  useEffect(() => {
    if (b && done)
      void navigate({
        to: '/bookings/$id',
        params: { id: b.id },
        search: back && b.status === 'confirmed' ? { confirmed: '1' } : {},
        replace: true,
      });
  }, [b, done, back, navigate]);

  if (booking.error instanceof ApiError && (booking.error.status === 404 || booking.error.status === 422))
    return <NotFoundPage message={t('booking.notFound')} />;
  if (booking.error) {
    return (
      <div className="container page">
        <Notice tone="error">{errorText(booking.error, t, lang)}</Notice>
      </div>
    );
  }
  if (!b || done) return <PageSkeleton />;

  const over = expired || b.status === 'expired' || b.status === 'cancelled';

  function paid(next: Booking) {
    client.setQueryData(keys.booking(next.id), next);
    // A payment's answer without the food order: the booking page reads it again for the pickup code.
    if ((b as FoodBooking | undefined)?.food && !(next as FoodBooking).food)
      void client.invalidateQueries({ queryKey: keys.booking(next.id), exact: true });
    void client.invalidateQueries({ queryKey: keys.bookings() });
    void client.invalidateQueries({ queryKey: keys.seats(next.showtimeId) });
    // "Few seats left" and "sold out" in the programmes count these seats now.
    void client.invalidateQueries({ queryKey: keys.showtimes() });
    void navigate({ to: '/bookings/$id', params: { id: next.id }, search: { confirmed: '1' }, replace: true });
  }

  async function release() {
    setReleasing(true);
    try {
      await bookings.release(b!.id);
    } catch {
      // Released or expired already: either way the seats are free.
    }
    // The seat picker offers a live hold from the booking list: it must not offer this one while
    // the list reloads.
    client.setQueryData(
      queries.bookingList().queryKey,
      (list) => list && { ...list, items: list.items.filter((x) => x.id !== b!.id) },
    );
    void client.invalidateQueries({ queryKey: keys.bookings() });
    void client.invalidateQueries({ queryKey: keys.seats(b!.showtimeId) });
    void client.invalidateQueries({ queryKey: keys.showtimes() });
    await navigate({ to: '/showtimes/$id', params: { id: b!.showtimeId }, replace: true });
    // Gone once this page is: its next visit reads the booking anew.
    client.removeQueries({ queryKey: keys.booking(b!.id), exact: true });
  }

  return (
    <div className="container page checkout-page">
      <p className="eyebrow">{t('checkout.title')}</p>
      <ShowtimeHeading ctx={ctx} />
      <div className="checkout-layout">
        <div className="checkout-main">
          <section className="panel" aria-labelledby="order-title">
            <h2 id="order-title">{t('checkout.order')}</h2>
            <BookingSeats booking={b} />
            <PriceBreakdown breakdown={b.priceBreakdown} />
            {!over && b.status === 'held' && (
              <HoldCountdown expiresAt={b.expiresAt} onExpire={() => setExpired(true)} />
            )}
            {!over && b.status === 'held' && <ExtendHold booking={b} />}
            {!over && b.status === 'held' && (
              <Button variant="ghost" busy={releasing} onClick={release}>
                {t('checkout.release')}
              </Button>
            )}
          </section>
          {!over && b.status === 'held' && (
            <FoodPanel
              booking={b as FoodBooking}
              cinemaId={ctx.showtime?.cinemaId}
              setFood={(items) => food.setForCustomer(b.id, items)}
              onChange={(next) => client.setQueryData(keys.booking(next.id), next)}
              onExpired={() => {
                setExpired(true);
                void booking.refetch();
              }}
              disabled={false}
            />
          )}
        </div>
        <section className="panel">
          {over ? (
            <Notice
              tone="warning"
              title={t('checkout.expiredTitle')}
              action={
                <Link className="btn btn-primary" to="/showtimes/$id" params={{ id: b.showtimeId }}>
                  {t('checkout.pickAgain')}
                </Link>
              }
            >
              {t('checkout.expiredBody')}
            </Notice>
          ) : (
            <BookingPayment
              booking={b}
              api={api}
              disabled={b.status !== 'held'}
              returnUrl={returnUrl(`/bookings/${b.id}/checkout`)}
              back={back}
              onReturnRead={() =>
                void navigate({ to: '/bookings/$id/checkout', params: { id: b.id }, search: {}, replace: true })
              }
              onChange={(next) => client.setQueryData(keys.booking(next.id), next)}
              onPaid={paid}
              onExpired={() => {
                setExpired(true);
                void booking.refetch();
              }}
            />
          )}
        </section>
      </div>
    </div>
  );
}
