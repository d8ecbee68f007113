// A cinema's stock movements (deliveries, counts with their differences, write-offs), newest
// first, by kind, paged by cursor: who did what and when.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/staff.ts';
import { ErrorNotice, Pager, SelectField, usePager } from '../common.tsx';
import { foodApi, foodKeys } from './food-api.ts';

const KINDS = ['delivery', 'count', 'write_off'] as const;
type Kind = (typeof KINDS)[number];

export function StockMovements({ cinemaId, nameOf }: { cinemaId: string; nameOf(variantId: string): string }) {
  const { t, dateTime } = useI18n();
  const me = useSession().user?.id;
  const [kind, setKind] = useState<Kind | ''>('');
  const pager = usePager(`${cinemaId}:${kind}`);
  const list = useQuery({
    queryKey: [...foodKeys.all(), 'movements', cinemaId, kind, pager.cursor ?? ''],
    queryFn: () => foodApi.movements(cinemaId, { kind: kind || undefined, cursor: pager.cursor }),
    staleTime: 0,
  });
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="stock-moves-title">
      <h2 id="stock-moves-title">{t('staff.food.stock.movements')}</h2>
      <SelectField
        label={t('staff.food.stock.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind | '')}
      >
        <option value="">{t('staff.food.stock.allKinds')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`staff.food.stock.kind_${k}`)}
          </option>
        ))}
      </SelectField>
      <ErrorNotice error={list.error} />
      {items.length > 0 && (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.food.stock.when')}</th>
              <th scope="col">{t('staff.food.stock.kind')}</th>
              <th scope="col">{t('staff.food.stock.product')}</th>
              <th scope="col">{t('staff.food.stock.change')}</th>
              <th scope="col">{t('staff.food.stock.onHand')}</th>
              <th scope="col">{t('staff.food.stock.who')}</th>
              <th scope="col">{t('staff.food.stock.note')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{dateTime(m.createdAt)}</td>
                <td>{t(`staff.food.stock.kind_${m.kind}`)}</td>
                <td>{m.name ? `${m.name} · ${m.variantName}` : nameOf(m.variantId)}</td>
                <td
                  className={
                    m.quantity < 0 ? 'food-diff-minus' : m.kind === 'count' && m.quantity > 0 ? 'food-diff-plus' : ''
                  }
                >
                  {m.quantity > 0 ? `+${m.quantity}` : m.quantity}
                  {m.expected !== null && ` (${t('staff.food.stock.expectedN', { n: m.expected })})`}
                </td>
                <td>{m.onHandAfter}</td>
                <td>{m.userId ? (m.userId === me ? t('staff.food.stock.you') : m.userId.slice(0, 8)) : '—'}</td>
                <td>{m.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && items.length === 0 && <p className="empty">{t('staff.food.stock.noMovements')}</p>}
      <Pager
        page={pager.page}
        hasNext={!!list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      />
    </section>
  );
}
