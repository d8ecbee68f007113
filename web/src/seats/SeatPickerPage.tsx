// Choosing seats on the live map, then holding them for checkout.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bookings as bookingApi, catalog } from '../api/endpoints.ts';
import { ApiError, serverNow } from '../api/http.ts';
import { seatPrice, sumMoney, currencyOf } from '../api/money.ts';
import type { Booking, Money, Seat } from '../api/types.ts';
import { invalidate, prime, useQuery } from '../app/query.ts';
import type { PageProps } from '../app/routes.tsx';
import { navigate } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { seatList } from '../pages/seat-list.ts';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { Legend, TYPE_KEYS } from './Legend.tsx';
import { SeatMap, isSelectable } from './SeatMap.tsx';
import { SeatSummary } from './SeatSummary.tsx';
import { ShowtimeHeading } from './ShowtimeHeading.tsx';
import { useSeatEvents } from './seat-events.ts';
import { loadSelection, MAX_SEATS, saveSelection } from './selection.ts';
import './seats.css';

export function SeatPickerPage({ params }: PageProps) {
  const { t, lang, money } = useI18n();
  const id = params.id!;
  const { user } = useSession();
  const ctx = useShowtimeContext(id);
  // The live feed opens with a snapshot and then sends every change: a few seconds of cache is safe.
  const map = useQuery(`seats:${id}`, (signal) => catalog.seats(id, signal), { freshMs: 5_000 });
  const [selected, setSelected] = useState<string[]>(() => loadSelection(id));
  const [notice, setNotice] = useState<{ tone: 'warning' | 'error' | 'info'; text: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  const [holding, setHolding] = useState(false);
  const [live, setLive] = useState(true);
  const holdingRef = useRef(false);
  const existing = useHeldBooking(id, user != null);
  useTitle(ctx.movie ? t('seats.titleFor', { movie: ctx.movie.title }) : t('seats.title'));

  const seats = map.data?.seats;
  const byId = useMemo(() => new Map((seats ?? []).map((s) => [s.id, s])), [seats]);
  const priceOf = useCallback((s: Seat) => seatPrice(s, ctx.showtime), [ctx.showtime]);
  const currency = currencyOf(ctx.showtime, 'EUR');
  const chosen = selected.map((sid) => byId.get(sid)).filter((s): s is Seat => s !== undefined);
  const total = sumMoney(
    chosen.map((s) => priceOf(s)).filter((m): m is Money => m !== null),
    currency,
  );

  useEffect(() => saveSelection(id, selected), [id, selected]);

  // Marks when the map first becomes usable, so the time to an interactive seat map can be measured.
  const hasSeats = seats !== undefined;
  useEffect(() => {
    if (hasSeats) performance.mark('marquee:seatmap-interactive', { detail: { showtimeId: id } });
  }, [hasSeats, id]);

  const seatName = useCallback((s: Seat) => t('seat.short', { row: s.row, number: s.number }), [t]);

  /** Selected seats someone else has just taken leave the selection, with a sentence why. */
  const dropTaken = useCallback(
    (taken: Seat[]) => {
      if (taken.length === 0 || holdingRef.current) return;
      const ids = new Set(taken.map((s) => s.id));
      setSelected((sel) => sel.filter((sid) => !ids.has(sid)));
      const text = t('seats.takenMeanwhile', { seats: taken.map(seatName).join(', '), count: taken.length });
      setNotice({ tone: 'warning', text });
    },
    [t, seatName],
  );

  useSeatEvents(catalog.seatEventsUrl(id), {
    onChanges(changes) {
      const status = new Map(changes.map((c) => [c.id, c.status]));
      map.set((prev) =>
        prev
          ? { ...prev, seats: prev.seats.map((s) => (status.has(s.id) ? { ...s, status: status.get(s.id)! } : s)) }
          : prev!,
      );
      dropTaken(
        selected
          .map((sid) => byId.get(sid))
          .filter((s): s is Seat => !!s && status.has(s.id) && status.get(s.id) !== 'available'),
      );
    },
    onSnapshot(snapshot) {
      map.set(() => snapshot);
      const fresh = new Map(snapshot.seats.map((s) => [s.id, s]));
      dropTaken(selected.map((sid) => fresh.get(sid)).filter((s): s is Seat => !!s && !isSelectable(s)));
    },
    onReconnect: () => map.reload(),
    onConnection: setLive,
  });

  const toggle = useCallback(
    (seat: Seat) => {
      setNotice(null);
      setSelected((sel) => {
        if (sel.includes(seat.id)) {
          setAnnounce(t('seats.deselected', { seat: seatName(seat) }));
          return sel.filter((x) => x !== seat.id);
        }
        if (sel.length >= MAX_SEATS) {
          setNotice({ tone: 'info', text: t('seats.maxReached', { count: MAX_SEATS }) });
          return sel;
        }
        setAnnounce(t('seats.selectedOne', { seat: seatName(seat), count: sel.length + 1 }));
        return [...sel, seat.id];
      });
    },
    [t, seatName],
  );

  async function hold() {
    if (chosen.length === 0) return;
    if (!user) {
      navigate(`/login?next=${encodeURIComponent(`/showtimes/${id}`)}`);
      return;
    }
    setHolding(true);
    holdingRef.current = true;
    setNotice(null);
    try {
      const booking = await bookingApi.hold(
        id,
        chosen.map((s) => s.id),
      );
      prime(`booking:${booking.id}`, booking);
      invalidate('bookings:');
      saveSelection(id, []);
      navigate(`/bookings/${booking.id}/checkout`);
    } catch (err) {
      holdingRef.current = false;
      setHolding(false);
      if (err instanceof ApiError && err.code === 'seats_unavailable') {
        const taken = (err.problem.seatIds ?? []).map((sid) => byId.get(sid)).filter((s): s is Seat => !!s);
        const ids = new Set(taken.map((s) => s.id));
        map.set((prev) => ({
          ...prev!,
          seats: prev!.seats.map((s) => (ids.has(s.id) && s.status === 'available' ? { ...s, status: 'held' } : s)),
        }));
        setSelected((sel) => sel.filter((sid) => !ids.has(sid)));
        setNotice({
          tone: 'warning',
          text: t('seats.takenMeanwhile', { seats: taken.map(seatName).join(', '), count: taken.length }),
        });
        map.reload();
      } else {
        setNotice({ tone: 'error', text: errorText(err, t, lang) });
      }
    }
  }

  const seatLabel = useCallback(
    (s: Seat, isSelected: boolean) => {
      const price = priceOf(s);
      const state = isSelected
        ? t('seatState.selected')
        : s.type === 'blocked' || s.status === 'blocked'
          ? t('seatState.blocked')
          : t(`seatState.${s.status}` as 'seatState.available');
      return t('seat.label', {
        row: s.row,
        number: s.number,
        type: t(TYPE_KEYS[s.type]),
        price: price ? money(price) : '',
        state,
      });
    },
    [t, money, priceOf],
  );

  if (ctx.error instanceof ApiError && (ctx.error.status === 404 || ctx.error.status === 422))
    return <NotFoundPage message={t('seats.notFound')} />;
  const startsInPast = ctx.showtime ? Date.parse(ctx.showtime.startsAt) <= serverNow() : false;
  const bookable = ctx.showtime ? ctx.showtime.status === 'scheduled' && !startsInPast : true;
  const special = chosen.find((s) => s.type === 'accessible' || s.type === 'companion');

  return (
    <div className="seat-page">
      <div className="container page">
        <ShowtimeHeading ctx={ctx} />
        {existing && (
          <Notice
            tone="info"
            title={t('seats.youHold', { seats: seatList(existing.seats, t) })}
            action={
              <a
                className="btn btn-primary"
                href={`/bookings/${existing.id}/checkout`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/bookings/${existing.id}/checkout`);
                }}
              >
                {t('seats.continueHold')}
              </a>
            }
          />
        )}
        {!bookable && (
          <Notice tone="warning">
            {ctx.showtime?.status === 'cancelled' ? t('seats.cancelled') : t('seats.started')}
          </Notice>
        )}
        {!live && <p className="muted small">{t('seats.reconnecting')}</p>}
        <div className="seat-layout">
          <div className="seat-main">
            {map.error ? (
              <Notice tone="error">{errorText(map.error, t, lang)}</Notice>
            ) : seats ? (
              <div className="seat-map-ready" data-ready="true">
                <SeatMap
                  seats={seats}
                  selected={new Set(selected)}
                  mine={existing ? new Set(existing.seats.map((s) => s.seatId)) : undefined}
                  label={t('seats.mapLabel')}
                  screenLabel={t('seats.screen')}
                  swipeHint={t('seats.swipeHint')}
                  seatLabel={seatLabel}
                  onToggle={bookable ? toggle : () => setNotice({ tone: 'warning', text: t('seats.started') })}
                />
                <p className="muted small keyboard-hint">{t('seats.keyboardHint')}</p>
              </div>
            ) : (
              <div className="hall-skeleton skeleton" aria-hidden="true" />
            )}
            {seats && <Legend seats={seats} priceOf={priceOf} />}
          </div>
          <SeatSummary
            chosen={chosen}
            total={total}
            priceOf={priceOf}
            holding={holding}
            signedIn={user != null}
            onRemove={toggle}
            onContinue={hold}
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
          {announce}
        </div>
      </div>
    </div>
  );
}

/** This customer's live hold on this showtime, if any (they came back from checkout). */
function useHeldBooking(showtimeId: string, signedIn: boolean): Booking | undefined {
  const list = useQuery(signedIn ? 'bookings:list' : null, (signal) => bookingApi.list({ limit: 50 }, signal));
  return list.data?.items.find(
    (b) => b.showtimeId === showtimeId && b.status === 'held' && Date.parse(b.expiresAt) > serverNow(),
  );
}
