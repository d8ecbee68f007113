// A showtime's price list (admin), from its details in the schedule: a price per ticket type × seat
// type. The server applies new prices to seats not held yet; holds keep the price they were given.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/queries.ts';
import type { SeatType, TicketPrices, TicketType } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice } from '../common.tsx';
import { staff, type StaffShowtime } from '../staff-api.ts';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { PriceGrid } from './PriceGrid.tsx';
import { gridPrices, gridText, type PriceGridText } from './prices.ts';

/** The showtime's list per ticket type; a showtime from before ticket types has its seat prices as the default's. */
export function showtimeTicketPrices(showtime: StaffShowtime, types: readonly TicketType[]): TicketPrices {
  const listed = showtime.ticketPrices;
  if (Object.keys(listed).length > 0) return listed;
  const fallback = types.find((x) => x.isDefault);
  return fallback ? { [fallback.code]: showtime.prices as TicketPrices[string] } : {};
}

/** The details stay open after a save (saying so); the schedule reads anew behind them. */
export function ShowtimePrices({ showtime: given }: { showtime: StaffShowtime }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  // The answer to the last save: a second edit starts from the prices just saved.
  const [showtime, setShowtime] = useState(given);
  const types = useQuery({ ...staffQueries.ticketTypes(showtime.cinemaId), enabled: open });
  return (
    <div className="showtime-prices">
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('staff.showtimePrices.edit')}
        </Button>
      ) : types.data ? (
        <PricesForm
          showtime={showtime}
          types={types.data}
          onSaved={(answer) => {
            setShowtime(answer);
            setOpen(false);
            setSaved(true);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <ErrorNotice error={types.error} />
      )}
      {saved && !open && <Notice tone="success">{t('staff.showtimePrices.saved')}</Notice>}
    </div>
  );
}

function PricesForm({
  showtime,
  types,
  onSaved,
  onCancel,
}: {
  showtime: StaffShowtime;
  types: readonly TicketType[];
  onSaved(answer: StaffShowtime): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const currency = showtime.currency;
  const [text, setText] = useState<PriceGridText>(() => gridText(showtimeTicketPrices(showtime, types), currency));
  const { prices, bad } = gridPrices(text, currency);
  const active = types.filter((x) => x.active).sort((a, b) => a.sortOrder - b.sortOrder);
  const defaultCode = types.find((x) => x.isDefault)?.code;
  const seatTypes = Object.keys(showtime.prices) as SeatType[];
  const save = useMutation({
    // The seat-type map stays the default type's prices, as on create.
    mutationFn: () =>
      staff.setShowtimePrices(showtime.id, {
        ...(defaultCode && prices[defaultCode] && { prices: prices[defaultCode] }),
        ticketPrices: prices,
      }),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: keys.showtime(showtime.id) });
      void queryClient.invalidateQueries({ queryKey: keys.seats(showtime.id) });
      void queryClient.invalidateQueries({ queryKey: staffKeys.schedule(showtime.cinemaId) });
      onSaved(answer);
    },
  });
  return (
    <form
      className="showtime-prices-form"
      aria-labelledby="showtime-prices-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (bad.length === 0) save.mutate();
      }}
    >
      <h3 id="showtime-prices-title">{t('staff.showtimePrices.title')}</h3>
      <p className="muted small">{t('staff.showtimePrices.lead')}</p>
      <PriceGrid
        types={active}
        seatTypes={seatTypes}
        value={text}
        bad={bad}
        caption={t('staff.priceList.caption', { currency })}
        onChange={setText}
      />
      {bad.length > 0 && <p className="field-error">{t('staff.priceList.badPrices')}</p>}
      <ErrorNotice error={save.error} />
      <div className="staff-actions">
        <Button type="submit" busy={save.isPending} disabled={bad.length > 0}>
          {t('staff.showtimePrices.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('staff.common.cancel')}
        </Button>
      </div>
    </form>
  );
}
