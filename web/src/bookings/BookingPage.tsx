// One booking: the confirmation after paying, the tickets with their QR codes and the PDF, its food
// and drink with the pickup code, and cancellation with the refund shown before confirming.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { bookings } from '../api/endpoints.ts';
import type { FoodBooking } from '../api/food-api.ts';
import { ApiError, serverNow } from '../api/http.ts';
import { keys, queries } from '../api/queries.ts';
import type { Ticket } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { ShowtimeHeading } from '../seats/ShowtimeHeading.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { PriceBreakdown } from '../checkout/PriceBreakdown.tsx';
import { BookingSeats } from './BookingSeats.tsx';
import { Receipts } from './Receipts.tsx';
import { CancelBooking } from './CancelBooking.tsx';
import { TicketCards } from './TicketCards.tsx';
import { FoodOrderView } from './FoodOrderView.tsx';
import { paidButFoodHeld } from '../checkout/basket.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function BookingPage() {
  const { t, lang, money } = useI18n();
  const { id } = useParams({ from: '/bookings/$id' });
  const confirmed = useSearch({ from: '/bookings/$id', select: (s) => s.confirmed });
  const { user } = useSession();
  const client = useQueryClient();
  const booking = useQuery({
    ...queries.booking(id),
    // The food order turns paid with the booking (an event consumer): read again until it has.
    refetchInterval: (q) => (paidButFoodHeld(q.state.data as FoodBooking | undefined) ? 1000 : false),
  });
  const b = booking.data as FoodBooking | undefined;
  const paid = b?.status === 'confirmed' || b?.status === 'refunded';
  const tickets = useQuery({ ...queries.tickets(id), enabled: paid });
  const ctx = useShowtimeContext(b?.showtimeId);
  const justPaid = confirmed === '1' && b?.status === 'confirmed';
  useTitle(justPaid ? t('booking.confirmedTitle') : t('booking.title'));

  if (booking.error instanceof ApiError && (booking.error.status === 404 || booking.error.status === 422))
    return <NotFoundPage message={t('booking.notFound')} />;
  if (booking.error) {
    return (
      <div className="container page">
        <Notice tone="error">{errorText(booking.error, t, lang)}</Notice>
      </div>
    );
  }
  if (!b) return <PageSkeleton />;
  const list = tickets.data ?? (b.tickets as Ticket[] | undefined);
  const upcoming = ctx.showtime ? Date.parse(ctx.showtime.startsAt) > serverNow() : false;
  const refunded = (b.refunds ?? []).reduce((sum, r) => sum + r.amount.amount, 0);
  const giftRefunded = (b.refunds ?? []).reduce((sum, r) => sum + (r.giftCardAmount?.amount ?? 0), 0);

  return (
    <div className="container page booking-page">
      {justPaid ? (
        <div className="confirmation">
          <p className="eyebrow">{t('booking.confirmedEyebrow')}</p>
          <h1>{t('booking.confirmedTitle')}</h1>
          <p className="lead">{t('booking.confirmedBody', { email: user?.email ?? '' })}</p>
        </div>
      ) : (
        <p className="eyebrow">
          {t('booking.title')} <StatusBadge status={b.status} />
        </p>
      )}
      <ShowtimeHeading ctx={ctx} level={justPaid ? 2 : 1} />
      {refunded > 0 && (
        <Notice tone="success">
          {t('booking.refunded', { amount: money({ amount: refunded, currency: b.total.currency }) })}
        </Notice>
      )}
      {giftRefunded > 0 && (
        <Notice tone="success">
          {t('booking.refundedGiftCard', { amount: money({ amount: giftRefunded, currency: b.total.currency }) })}
        </Notice>
      )}
      <div className="checkout-layout">
        <section className="panel" aria-labelledby="tickets-title">
          <h2 id="tickets-title">{t('booking.tickets')}</h2>
          {b.status === 'held' ? (
            <p>
              <Link to="/bookings/$id/checkout" params={{ id: b.id }} className="btn btn-primary">
                {t('booking.payNow')}
              </Link>
            </p>
          ) : !paid ? (
            <p className="muted">{t(b.status === 'expired' ? 'booking.expiredNote' : 'booking.cancelledNote')}</p>
          ) : list ? (
            <>
              <TicketCards tickets={list} booking={b} />
              {/* The PDF holds the tickets still good; a refunded booking has none to print. */}
              {list.some((tk) => tk.status !== 'void') && (
                <p className="mt-2">
                  <a
                    className="btn btn-secondary"
                    href={bookings.pdfUrl(b.id)}
                    download={`tickets-${b.id.slice(0, 8)}.pdf`}
                  >
                    {t('booking.downloadPdf')}
                  </a>
                </p>
              )}
            </>
          ) : tickets.error ? (
            <Notice tone="error">{errorText(tickets.error, t, lang)}</Notice>
          ) : (
            <div className="ticket-grid" aria-hidden="true">
              <span className="ticket-card skeleton" />
            </div>
          )}
        </section>
        <div className="checkout-main">
          {b.food && <FoodOrderView order={b.food} />}
          <section className="panel" aria-labelledby="order-title">
            <h2 id="order-title">{t('checkout.order')}</h2>
            <BookingSeats booking={b} />
            <PriceBreakdown breakdown={b.priceBreakdown} paid={paid} />
            <Receipts booking={b} />
            {b.status === 'confirmed' && upcoming && b.refundPolicy?.reason === 'at_till' && (
              <p className="muted">{t('booking.refundAtTill')}</p>
            )}
            {b.status === 'confirmed' && upcoming && ctx.showtime && b.refundPolicy?.reason !== 'at_till' && (
              <CancelBooking
                booking={b}
                tickets={list}
                startsAt={ctx.showtime.startsAt}
                // The booking and its tickets (now void) load again.
                onCancelled={() => void client.invalidateQueries({ queryKey: keys.booking(id) })}
              />
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
