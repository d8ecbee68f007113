// A cinema's default price list (admin): a price per ticket type × seat type that new showtimes copy.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SeatType, TicketType } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice } from '../common.tsx';
import { PriceGrid } from '../schedule/PriceGrid.tsx';
import { gridPrices, gridText, type PriceGridText } from '../schedule/prices.ts';
import { type PriceList, staff } from '../staff-api.ts';
import { staffKeys, staffQueries } from '../staff-queries.ts';

/** Seat types that are sold (a `blocked` seat has no price). */
export const PRICED_SEAT_TYPES: readonly SeatType[] = ['standard', 'vip', 'accessible', 'companion'];

export function PriceListPanel({ cinemaId }: { cinemaId: string }) {
  const { t } = useI18n();
  const list = useQuery(staffQueries.priceList(cinemaId));
  const types = useQuery(staffQueries.ticketTypes(cinemaId));
  return (
    <section className="panel price-list" aria-labelledby="price-list-title">
      <h2 id="price-list-title">{t('staff.priceList.title')}</h2>
      <p className="muted small">{t('staff.priceList.lead')}</p>
      {list.data && types.data ? (
        <PriceListForm cinemaId={cinemaId} initial={list.data} types={types.data} />
      ) : (
        <ErrorNotice error={list.error ?? types.error} />
      )}
    </section>
  );
}

function PriceListForm({
  cinemaId,
  initial,
  types,
}: {
  cinemaId: string;
  initial: PriceList;
  types: readonly TicketType[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // A cinema without a saved list has no currency yet: its showtimes' usual one is a fair start.
  const [currency, setCurrency] = useState(initial.currency ?? 'EUR');
  const [text, setText] = useState<PriceGridText>(() => gridText(initial.prices, initial.currency ?? 'EUR'));
  const [saved, setSaved] = useState(false);
  const { prices, bad } = gridPrices(text, currency);
  const save = useMutation({
    mutationFn: () => staff.setPriceList(cinemaId, { currency, prices }),
    onSuccess: (answer) => {
      queryClient.setQueryData(staffKeys.priceList(cinemaId), answer);
      setSaved(true);
    },
  });
  const active = types.filter((x) => x.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        if (bad.length === 0) save.mutate();
      }}
    >
      <Field
        label={t('staff.priceList.currency')}
        value={currency}
        onChange={(e) => setCurrency(e.target.value.toUpperCase())}
        pattern="[A-Z]{3}"
        maxLength={3}
        required
      />
      <PriceGrid
        types={active}
        seatTypes={PRICED_SEAT_TYPES}
        value={text}
        bad={bad}
        caption={t('staff.priceList.caption', { currency })}
        onChange={(next) => {
          setSaved(false);
          setText(next);
        }}
      />
      {bad.length > 0 && <p className="field-error">{t('staff.priceList.badPrices')}</p>}
      <ErrorNotice error={save.error} />
      {saved && <Notice tone="success">{t('staff.common.saved')}</Notice>}
      <Button type="submit" busy={save.isPending} disabled={bad.length > 0}>
        {t('staff.priceList.save')}
      </Button>
    </form>
  );
}
