// Selling at the counter: pick a showtime, pick seats on the live map (the same seat claims as the
// web: the hold goes through the normal hold path), hold them, then take cash (tendered, change
// due) or the card terminal, a gift card first if the customer has one (TillGiftCardTender.tsx),
// and print the receipt and the thermal tickets.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useState } from 'react';
import { bookings, catalog } from '../../api/endpoints.ts';
import { queries } from '../../api/queries.ts';
import type { Money, Seat } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { SeatMap } from '../../seats/SeatMap.tsx';
import { chosenType, ticketTypeName, typesFor } from '../../seats/ticket-choice.ts';
import { useSeatMap } from '../../seats/use-seat-map.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { toMinor } from '../schedule/prices.ts';
import { TillBookingFood } from '../food/TillFood.tsx';
import { tillApi, tillKeys, type TillSale, type TillSession } from './till-api.ts';
import { giftCardTaken, type GiftTender, TillGiftCardTender } from './TillGiftCardTender.tsx';
import { PayMethod } from './PayMethod.tsx';
import '../../seats/seats.css';

type Held = Awaited<ReturnType<typeof bookings.hold>>;

export function TillSell({ session }: { session: TillSession }) {
  const { t, dateTime } = useI18n();
  const [showtimeId, setShowtimeId] = useState('');
  const showtimes = useQuery({
    queryKey: [...tillKeys.all(), 'showtimes', session.cinemaId],
    queryFn: ({ signal }) => catalog.showtimes({ cinemaId: session.cinemaId, limit: 50 }, signal),
  });
  return (
    <section className="panel till-sell" aria-labelledby="till-sell-title">
      <h2 id="till-sell-title">{t('staff.till.sell')}</h2>
      <SelectField label={t('staff.till.showtime')} value={showtimeId} onChange={(e) => setShowtimeId(e.target.value)}>
        <option value="">{t('staff.till.pickShowtime')}</option>
        {(showtimes.data?.items ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.movieTitle} · {s.hallName} · {dateTime(s.startsAt, s.timezone)}
          </option>
        ))}
      </SelectField>
      {showtimeId && <SellShowtime key={showtimeId} session={session} showtimeId={showtimeId} />}
    </section>
  );
}

function SellShowtime({ session, showtimeId }: { session: TillSession; showtimeId: string }) {
  const { t, money, lang } = useI18n();
  const client = useQueryClient();
  const seatMap = useSeatMap(showtimeId);
  const showtime = useQuery(queries.showtime(showtimeId)).data;
  const movie = useQuery({ ...queries.movie(showtime?.movieId ?? ''), enabled: !!showtime }).data;
  const types = useQuery(queries.ticketTypes(session.cinemaId)).data;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [held, setHeld] = useState<Held | null>(null);
  const [method, setMethod] = useState<'cash' | 'card_terminal'>('cash');
  const [tendered, setTendered] = useState('');
  const [email, setEmail] = useState('');
  const [sale, setSale] = useState<(TillSale & { giftCardTaken: Money | null }) | null>(null);
  const [gift, setGift] = useState<GiftTender | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Food in the basket counts only once it is on the booking: the payment waits for it.
  const [foodUnsaved, setFoodUnsaved] = useState(false);

  const toggle = useCallback((s: Seat) => {
    if (s.status !== 'available') return;
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(s.id)) next.delete(s.id);
      else next.add(s.id);
      return next;
    });
  }, []);
  const seatLabel = (s: Seat, isSelected: boolean) =>
    `${t('seat.short', { row: s.row, number: s.number })}${isSelected ? ` (${t('seatState.selected')})` : ''}, ${t(`seatState.${s.status}` as 'seatState.available')}`;

  async function hold() {
    setBusy(true);
    setError(null);
    try {
      const seats = [...selected];
      setHeld(
        await bookings.hold(
          showtimeId,
          // A seat without a chosen type goes without one: the server sells it as the default type.
          types
            ? seats.map((seatId) => {
                const code = typeOf(seatId)?.code;
                return code ? { seatId, ticketType: code } : { seatId };
              })
            : seats,
        ),
      );
    } catch (err) {
      setError(err);
      seatMap.reload();
    } finally {
      setBusy(false);
    }
  }

  const chosen = (seatMap.map?.seats ?? []).filter((s) => selected.has(s.id));
  const offeredFor = (seat: Seat) => (types ? typesFor(seat, types, showtime, movie?.ageRating) : []);
  function typeOf(seatId: string) {
    const seat = chosen.find((s) => s.id === seatId);
    return seat ? chosenType(choices[seatId], offeredFor(seat)) : undefined;
  }

  const total = held && gift ? { ...held.total, amount: held.total.amount - gift.taken.amount } : held?.total;
  const tenderedMinor = total && tendered ? toMinor(tendered, total.currency) : null;
  const change = total && tenderedMinor !== null ? tenderedMinor - total.amount : null;

  async function pay(e: FormEvent) {
    e.preventDefault();
    if (!held || foodUnsaved) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        bookingId: held.id,
        method,
        ...(method === 'cash' && tenderedMinor !== null ? { tendered: tenderedMinor } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(gift ? { giftCard: { code: gift.code } } : {}),
      };
      const done = await tillApi.sell(session.id, body);
      setSale({ ...done, giftCardTaken: giftCardTaken(done) ?? gift?.taken ?? null });
      setHeld(null);
      setGift(null);
      setSelected(new Set());
      setTendered('');
      setEmail('');
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="till-sale">
      {seatMap.map ? (
        <SeatMap
          seats={seatMap.map.seats}
          selected={selected}
          mine={held ? new Set(held.seats.map((s) => s.seatId)) : undefined}
          label={t('seats.mapLabel')}
          screenLabel={t('seats.screen')}
          seatLabel={seatLabel}
          onToggle={held ? () => {} : toggle}
        />
      ) : (
        <div className="hall-skeleton skeleton" aria-hidden="true" />
      )}
      {error != null && <ErrorNotice error={error} />}
      {!held &&
        types &&
        chosen.map((seat) => (
          <SelectField
            key={seat.id}
            label={t('staff.till.ticketFor', { seat: t('seat.short', { row: seat.row, number: seat.number }) })}
            value={typeOf(seat.id)?.code ?? ''}
            onChange={(e) => setChoices((c) => ({ ...c, [seat.id]: e.target.value }))}
          >
            {offeredFor(seat).map((type) => (
              <option key={type.code} value={type.code}>
                {ticketTypeName(type, lang)}
              </option>
            ))}
          </SelectField>
        ))}
      {!held && (
        <Button onClick={() => void hold()} disabled={selected.size === 0} busy={busy}>
          {t('staff.till.hold', { count: selected.size })}
        </Button>
      )}
      {held && (
        <form onSubmit={(e) => void pay(e)} className="till-pay">
          <p>
            {t('staff.till.total')}: <strong data-testid="till-total">{money(held.total)}</strong>
          </p>
          <TillBookingFood
            bookingId={held.id}
            cinemaId={session.cinemaId}
            onTotal={(next) => setHeld((h) => h && { ...h, total: next })}
            onUnsaved={setFoodUnsaved}
          />
          <TillGiftCardTender total={held.total} value={gift} onChange={setGift} />
          <PayMethod name="method" value={method} onChange={setMethod} />
          {method === 'cash' && (
            <Field
              label={t('staff.till.tendered')}
              inputMode="decimal"
              value={tendered}
              onChange={(e) => setTendered(e.target.value)}
              hint={
                change !== null && change >= 0
                  ? t('staff.till.changeDue', { amount: money({ amount: change, currency: held.total.currency }) })
                  : undefined
              }
              error={change !== null && change < 0 ? t('staff.till.tooLittle') : null}
            />
          )}
          <Field label={t('staff.till.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          {foodUnsaved && (
            <p className="field-hint" id="till-food-unsaved" role="status">
              {t('staff.food.till.saveFoodFirst')}
            </p>
          )}
          <Button
            type="submit"
            busy={busy}
            disabled={(change !== null && change < 0) || foodUnsaved}
            aria-describedby={foodUnsaved ? 'till-food-unsaved' : undefined}
          >
            {t('staff.till.takePayment')}
          </Button>
        </form>
      )}
      {sale && (
        <div className="notice notice-success" role="status">
          <p>
            {t('staff.till.sold', { amount: money(sale.amount) })}
            {sale.giftCardTaken && <> {t('staff.till.giftTaken', { amount: money(sale.giftCardTaken) })}</>}
            {sale.change && <> {t('staff.till.changeDue', { amount: money(sale.change) })}</>}
          </p>
          <p>
            <a href={tillApi.receiptUrl(sale.id)} target="_blank" rel="noreferrer">
              {t('staff.till.printReceipt')}
            </a>{' '}
            {sale.bookingId && (
              <>
                ·{' '}
                <a href={tillApi.thermalTicketsUrl(sale.bookingId)} target="_blank" rel="noreferrer">
                  {t('staff.till.printTickets')}
                </a>
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
