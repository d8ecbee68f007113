// A guest's booking, opened from the emailed link (or right after paying): its tickets with QR codes,
// the PDF, its food and drink with the pickup code, and cancelling by the refund policy. The link's
// token moves to this tab's storage and out of the address at once, and the page sends no Referer,
// so the token reaches no log or other site.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { type FoodBooking, food } from '../api/food-api.ts';
import { guest, guestToken, rememberGuestToken } from '../api/guest.ts';
import { ApiError } from '../api/http.ts';
import { queries } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { BookingSeats } from '../bookings/BookingSeats.tsx';
import { paidButFoodHeld } from '../checkout/basket.ts';
import { FoodOrderView } from '../bookings/FoodOrderView.tsx';
import { CancelBooking } from '../bookings/CancelBooking.tsx';
import { StatusBadge } from '../bookings/StatusBadge.tsx';
import { TicketCards } from '../bookings/TicketCards.tsx';
import { Receipts } from '../bookings/Receipts.tsx';
import { PriceBreakdown } from '../checkout/PriceBreakdown.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import '../seats/seats.css';

/** While the page is shown, no request it makes names it as the referrer. */
function useNoReferrer() {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
    return () => meta.remove();
  }, []);
}

export function GuestBookingPage() {
  const { t, lang, money, dateTime } = useI18n();
  const { id } = useParams({ from: '/guest/bookings/$id' });
  const search = useSearch({ from: '/guest/bookings/$id' });
  const navigate = useNavigate();
  const client = useQueryClient();
  useNoReferrer();
  useTitle(t('guest.bookingTitle'));
  const [ready, setReady] = useState(!search.token);
  const [files, setFiles] = useState<{ pdf?: string; qr: Record<string, string> }>({ qr: {} });

  useEffect(() => {
    if (!search.token) return;
    rememberGuestToken(id, search.token);
    void navigate({ to: '/guest/bookings/$id', params: { id }, search: { paid: search.paid }, replace: true }).then(
      () => setReady(true),
    );
  }, [id, search.token, search.paid, navigate]);

  const booking = useQuery({
    queryKey: ['guest-booking', id],
    queryFn: ({ signal }) => guest.get(id, signal) as Promise<FoodBooking>,
    enabled: ready && guestToken(id) !== null,
    // The food order turns paid with the booking (an event consumer): read again until it has.
    refetchInterval: (q) => (paidButFoodHeld(q.state.data) ? 1000 : false),
  });
  const b = booking.data;
  const pickupQr = usePickupQr(id, !!b?.food?.pickupCode);
  // The start, for the refund preview when the answer carries none (the server's figure wins).
  const showtime = useQuery({ ...queries.showtime(b?.showtimeId ?? ''), enabled: !!b && !b.refundPreview });
  const live = (b?.tickets ?? []).filter((tk) => tk.status !== 'void');

  useEffect(() => {
    if (!b || live.length === 0) return;
    let gone = false;
    const made: string[] = [];
    void (async () => {
      const qr: Record<string, string> = {};
      for (const tk of live) qr[tk.id] = await guest.fileUrl(id, `tickets/${tk.id}/qr.svg`);
      const pdf = await guest.fileUrl(id, 'tickets.pdf');
      made.push(pdf, ...Object.values(qr));
      if (!gone) setFiles({ pdf, qr });
    })().catch(() => undefined);
    return () => {
      gone = true;
      for (const url of made) URL.revokeObjectURL(url);
    };
    // The files follow the set of live tickets.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [b?.id, live.map((tk) => tk.id).join()]);

  if (!ready) return <PageSkeleton />;
  // No token, or one that opens nothing: the emailed link is the way in. Other refusals (429 and
  // the like) say what they are.
  const shut = booking.error instanceof ApiError && (booking.error.status === 401 || booking.error.status === 404);
  if (guestToken(id) === null || shut) {
    return (
      <div className="container page">
        <Notice tone="info">{t('guest.linkMissing')}</Notice>
      </div>
    );
  }
  if (booking.error) {
    return (
      <div className="container page">
        <Notice tone="error">{errorText(booking.error, t, lang)}</Notice>
      </div>
    );
  }
  if (!b) return <PageSkeleton />;

  const refunded = (b.refunds ?? []).reduce((sum, r) => sum + r.amount.amount, 0);
  const giftRefunded = (b.refunds ?? []).reduce((sum, r) => sum + (r.giftCardAmount?.amount ?? 0), 0);
  return (
    <div className="container page">
      <h1>
        {t('guest.bookingTitle')} <StatusBadge status={b.status} />
      </h1>
      {search.paid && b.status === 'confirmed' && <Notice tone="success">{t('guest.linkEmailed')}</Notice>}
      {b.status === 'held' && (
        // A waiting-list offer (issue 18) mails this page: its held seats are paid at the guest checkout.
        <Notice
          tone="info"
          action={
            <Link className="btn btn-primary" to="/guest/checkout" search={{ showtime: b.showtimeId, booking: b.id }}>
              {t('waitlist.pay')}
            </Link>
          }
        >
          {t('waitlist.offered', { time: dateTime(b.expiresAt) })}
        </Notice>
      )}
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
          {b.tickets && b.tickets.length > 0 ? (
            <TicketCards
              tickets={b.tickets}
              booking={b}
              qrSrc={(ticketId) => files.qr[ticketId]}
              guestBookingId={b.id}
            />
          ) : (
            <p className="muted">{t(b.status === 'expired' ? 'booking.expiredNote' : 'booking.cancelledNote')}</p>
          )}
          {live.length > 0 && files.pdf && (
            <p className="mt-2">
              <a className="btn btn-secondary" href={files.pdf} download={`tickets-${b.id.slice(0, 8)}.pdf`}>
                {t('booking.downloadPdf')}
              </a>
            </p>
          )}
        </section>
        <div className="checkout-main">
          {b.food && <FoodOrderView order={b.food} qrSrc={pickupQr ?? ''} />}
          <section className="panel" aria-labelledby="order-title">
            <h2 id="order-title">{t('checkout.order')}</h2>
            <BookingSeats booking={b} />
            <PriceBreakdown breakdown={b.priceBreakdown} paid={b.status === 'confirmed' || b.status === 'refunded'} />
            <Receipts booking={b} asGuest />
            {/* Paid at a till: refunded there, not online (the server answers 409 refund_at_till). */}
            {b.status === 'confirmed' && live.length > 0 && b.refundPolicy?.reason === 'at_till' && (
              <p className="muted">{t('booking.refundAtTill')}</p>
            )}
            {b.status === 'confirmed' &&
              live.length > 0 &&
              b.refundPolicy?.reason !== 'at_till' &&
              (b.refundPreview || showtime.data) && (
                <CancelBooking
                  booking={b}
                  tickets={b.tickets}
                  startsAt={showtime.data?.startsAt ?? ''}
                  cancel={guest.cancel}
                  onCancelled={(next) => client.setQueryData(['guest-booking', id], next)}
                />
              )}
          </section>
        </div>
      </div>
    </div>
  );
}

/**
 * The paid food's pickup QR fetched with the guest's token (a data URL); a refusal (the order
 * turning paid a moment after the booking) is asked again a few times.
 */
function usePickupQr(bookingId: string, paid: boolean): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!paid) return;
    let gone = false;
    void (async () => {
      for (let attempt = 0; attempt < QR_TRIES && !gone; attempt++) {
        const url = await food.guestPickupQr(bookingId).catch(() => null);
        if (url) return gone || setSrc(url);
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    return () => {
      gone = true;
    };
  }, [bookingId, paid]);
  return paid ? src : null;
}

const QR_TRIES = 10;
