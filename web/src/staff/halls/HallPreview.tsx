// The hall as customers will see it: the customer app's own seat map, fed the layout being edited.
import { useMemo } from 'react';
import type { Seat } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { SeatMap } from '../../seats/SeatMap.tsx';
import { TYPE_KEYS } from '../../seats/Legend.tsx';
import '../../seats/seats.css';
import type { HallLayout } from '../staff-api.ts';

const none = new Set<string>();

export function HallPreview({ layout }: { layout: HallLayout }) {
  const { t } = useI18n();
  const seats = useMemo<Seat[]>(
    () =>
      layout.rows.flatMap((r) =>
        r.seats.map((x) => ({
          id: `${r.label}-${x.number}`,
          row: r.label,
          number: x.number,
          type: x.type,
          x: x.x,
          y: x.y ?? r.y ?? 0,
          status: x.type === 'blocked' ? 'blocked' : 'available',
          price: null,
        })),
      ),
    [layout],
  );
  return (
    <section className="hall-preview" aria-labelledby="hall-preview-title">
      <h2 id="hall-preview-title">{t('staff.hall.previewTitle')}</h2>
      <SeatMap
        seats={seats}
        selected={none}
        label={t('staff.hall.previewLabel')}
        screenLabel={t('seats.screen')}
        seatLabel={(seat) => `${t('seat.short', { row: seat.row, number: seat.number })}, ${t(TYPE_KEYS[seat.type])}`}
        onToggle={() => {}}
      />
    </section>
  );
}
