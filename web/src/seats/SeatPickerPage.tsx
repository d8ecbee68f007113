// Choosing seats on the live map, then holding them for checkout. The map, the selection and the
// hold each live in their own hook; this page puts them together.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useCallback, useMemo, useState, useEffect } from 'react';
import { ApiError, serverNow } from '../api/http.ts';
import { seatPrice, sumMoney, currencyOf } from '../api/money.ts';
import { queries } from '../api/queries.ts';
import type { Booking, Money, Seat } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { seatList } from '../pages/seat-list.ts';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { Legend, TYPE_KEYS } from './Legend.tsx';
import { SeatMap } from './SeatMap.tsx';
import { loadTicketTypes, MAX_SEATS } from './selection.ts';
import { type ChosenSeat, SeatSummary } from './SeatSummary.tsx';
import { ShowtimeHeading } from './ShowtimeHeading.tsx';
import { chosenType, ticketPrice, typesFor } from './ticket-choice.ts';
import { useHold } from './use-hold.ts';
import { useSeatMap } from './use-seat-map.ts';
import { useWaitingRoomGate } from '../waiting-room/use-waiting-room-gate.ts';
import { JoinWaitlist } from '../waitlist/JoinWaitlist.tsx';
import { BestAvailable } from './BestAvailable.tsx';
import { type SeatNotice, type SelectionText, useSelection } from './use-selection.ts';
import './seats.css';

export function SeatPickerPage() {
  const { t, lang, money } = useI18n();
  const { id } = useParams({ from: '/showtimes/$id' });
  const { user } = useSession();
  const ctx = useShowtimeContext(id);
  const seatMap = useSeatMap(id);
  const [notice, setNotice] = useState<SeatNotice | null>(null);
  const existing = useHeldBooking(id, user != null);
  useWaitingRoomGate(id, user?.role);
  useTitle(ctx.movie ? t('seats.titleFor', { movie: ctx.movie.title }) : t('seats.title'));

  const seats = seatMap.map?.seats;
  const byId = useMemo(() => new Map((seats ?? []).map((s) => [s.id, s])), [seats]);
  const priceOf = useCallback((s: Seat) => seatPrice(s, ctx.showtime), [ctx.showtime]);
  const currency = currencyOf(ctx.showtime, 'EUR');

  const text = useMemo<SelectionText>(() => {
    const seatName = (s: Seat) => t('seat.short', { row: s.row, number: s.number });
    return {
      seatName,
      takenMeanwhile: (taken) =>
        t('seats.takenMeanwhile', { seats: taken.map(seatName).join(', '), count: taken.length }),
      maxReached: () => t('seats.maxReached', { count: MAX_SEATS }),
      deselected: (seat) => t('seats.deselected', { seat: seatName(seat) }),
      selected: (seat, count) => t('seats.selectedOne', { seat: seatName(seat), count }),
    };
  }, [t]);
  const hold = useHold(id, {
    signedIn: user != null,
    markTaken: seatMap.markTaken,
    reload: seatMap.reload,
    onNotice: setNotice,
    errorText: (err) => errorText(err, t, lang),
  });
  const selection = useSelection(id, byId, { text, onNotice: setNotice, keep: hold.holding });
  const chosenSeats = selection.selected.map((sid) => byId.get(sid)).filter((s): s is Seat => s !== undefined);
  // A ticket type per chosen seat: the customer's pick while the seat offers it, else the default.
  // A server without ticket types (or not answering) leaves every seat at its own price.
  const ticketTypes = useQuery({ ...queries.ticketTypes(ctx.showtime?.cinemaId ?? ''), enabled: !!ctx.showtime });
  const [ticketChoice, setTicketChoice] = useState<Record<string, string>>(() => loadTicketTypes(id));
  const chosen = chosenSeats.map((seat): ChosenSeat => {
    const offered = typesFor(seat, ticketTypes.data ?? [], ctx.showtime, ctx.movie?.ageRating);
    const ticket = chosenType(ticketChoice[seat.id], offered);
    return {
      seat,
      ticket,
      price: ticket ? ticketPrice(seat, ticket, ctx.showtime) : priceOf(seat),
      offered: offered.map((type) => ({ type, price: ticketPrice(seat, type, ctx.showtime) })),
    };
  });
  const total = sumMoney(
    chosen.map((c) => c.price).filter((m): m is Money => m !== null),
    currency,
  );

  // Marks when the map first becomes usable, so the time to an interactive seat map can be measured.
  const hasSeats = seats !== undefined;
  useEffect(() => {
    if (hasSeats) performance.mark('marquee:seatmap-interactive', { detail: { showtimeId: id } });
  }, [hasSeats, id]);

  const seatLabel = useCallback(
    (s: Seat, isSelected: boolean) => {
      // A blocked seat has no type or price worth saying: "Row C, seat 5, not for sale".
      if (s.type === 'blocked' || s.status === 'blocked')
        return t('seat.labelBlocked', { row: s.row, number: s.number });
      const price = priceOf(s);
      const state = isSelected ? t('seatState.selected') : t(`seatState.${s.status}` as 'seatState.available');
      const fields = { row: s.row, number: s.number, type: t(TYPE_KEYS[s.type]), state };
      return price ? t('seat.label', { ...fields, price: money(price) }) : t('seat.labelNoPrice', fields);
    },
    [t, money, priceOf],
  );

  if (ctx.error instanceof ApiError && (ctx.error.status === 404 || ctx.error.status === 422))
    return <NotFoundPage message={t('seats.notFound')} />;
  const startsInPast = ctx.showtime ? Date.parse(ctx.showtime.startsAt) <= serverNow() : false;
  const bookable = ctx.showtime ? ctx.showtime.status === 'scheduled' && !startsInPast : true;
  const special = chosenSeats.find((s) => s.type === 'accessible' || s.type === 'companion');

  return (
    <div className="seat-page">
      <div className="container page">
        <ShowtimeHeading ctx={ctx} />
        {existing && (
          <Notice
            tone="info"
            title={t('seats.youHold', { seats: seatList(existing.seats, t) })}
            action={
              <Link className="btn btn-primary" to="/bookings/$id/checkout" params={{ id: existing.id }}>
                {t('seats.continueHold')}
              </Link>
            }
          />
        )}
        {!bookable && (
          <Notice tone="warning">
            {ctx.showtime?.status === 'cancelled' ? t('seats.cancelled') : t('seats.started')}
          </Notice>
        )}
        {bookable && seats && !seats.some((s) => s.status === 'available') && !existing && (
          <JoinWaitlist showtimeId={id} signedIn={user != null} />
        )}
        {(seatMap.polling || !seatMap.live) && (
          <p className="muted small">{t(seatMap.polling ? 'seats.polling' : 'seats.reconnecting')}</p>
        )}
        <div className="seat-layout">
          <div className="seat-main">
            {seatMap.error ? (
              <Notice tone="error">{errorText(seatMap.error, t, lang)}</Notice>
            ) : seats ? (
              <div className="seat-map-ready" data-ready="true">
                <SeatMap
                  seats={seats}
                  selected={new Set(selection.selected)}
                  mine={existing ? new Set(existing.seats.map((s) => s.seatId)) : undefined}
                  label={t('seats.mapLabel')}
                  screenLabel={t('seats.screen')}
                  swipeHint={t('seats.swipeHint')}
                  zoomLabels={{ zoomIn: t('seats.zoomIn'), zoomOut: t('seats.zoomOut') }}
                  seatLabel={seatLabel}
                  onToggle={
                    bookable ? selection.toggle : () => setNotice({ tone: 'warning', text: t('seats.started') })
                  }
                />
                <p className="muted small keyboard-hint">{t('seats.keyboardHint')}</p>
              </div>
            ) : (
              <div className="hall-skeleton skeleton" aria-hidden="true" />
            )}
            {seats && bookable && <BestAvailable showtimeId={id} onPick={selection.replace} onNotice={setNotice} />}
            {seats && <Legend seats={seats} priceOf={priceOf} />}
          </div>
          <SeatSummary
            chosen={chosen}
            total={total}
            holding={hold.holding}
            signedIn={user != null}
            onRemove={selection.toggle}
            onTicketType={(seat, code) => setTicketChoice((c) => ({ ...c, [seat.id]: code }))}
            onContinue={() =>
              void hold.hold(chosenSeats, chosen.every((c) => c.ticket) ? chosen.map((c) => c.ticket!.code) : undefined)
            }
            notice={
              <>
                {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
                {special && (
                  <Notice tone="info">
                    {t(special.type === 'accessible' ? 'seats.accessibleExplained' : 'seats.companionExplained')}
                  </Notice>
                )}
              </>
            }
          />
        </div>
        <div className="visually-hidden" aria-live="polite">
          {selection.announce}
        </div>
      </div>
    </div>
  );
}

/** This customer's live hold on this showtime, if any (they came back from checkout). */
function useHeldBooking(showtimeId: string, signedIn: boolean): Booking | undefined {
  const list = useQuery({ ...queries.bookingList(), enabled: signedIn });
  return list.data?.items.find(
    (b) => b.showtimeId === showtimeId && b.status === 'held' && Date.parse(b.expiresAt) > serverNow(),
  );
}
