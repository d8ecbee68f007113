// Promo codes (admin): the list with search, each code's discount, validity, uses and whether it is
// active; a new one opens the form (PromoEditPage.tsx).
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, SkeletonRows, useDebounced, usePager } from '../common.tsx';
import { moneyQueries, type PromoCode } from './money-api.ts';

/** "10 %" or "€5.00": what the code takes off. */
export function useDiscountText(): (p: Pick<PromoCode, 'kind' | 'percent' | 'amount'>) => string {
  const { t, money } = useI18n();
  return (p) =>
    p.kind === 'percent' ? t('staff.promo.percentOff', { percent: p.percent ?? 0 }) : p.amount ? money(p.amount) : '—';
}

export function PromoCodesPage() {
  const { t, date } = useI18n();
  useTitle(t('staff.nav.promo'));
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const pager = usePager(query);
  const list = useQuery(moneyQueries.promoPage(query, pager.cursor));
  const discount = useDiscountText();
  const limit = (n: number | null) => (n === null ? '∞' : String(n));

  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.promo')}</h1>
        <div className="schedule-controls">
          <Field label={t('staff.promo.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          <ButtonLink to="/staff/promo-codes/$id" params={{ id: 'new' }}>
            {t('staff.promo.new')}
          </ButtonLink>
        </div>
      </div>
      <ErrorNotice error={list.error} />
      <div className="table-scroll">
        <table className="staff-table">
          <caption className="visually-hidden">{t('staff.nav.promo')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.promo.name')}</th>
              <th scope="col">{t('staff.promo.code')}</th>
              <th scope="col">{t('staff.promo.discount')}</th>
              <th scope="col">{t('staff.promo.validity')}</th>
              <th scope="col">{t('staff.promo.uses')}</th>
              <th scope="col">{t('staff.promo.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.isLoading && <SkeletonRows rows={4} columns={6} width="70%" />}
            {(list.data?.items ?? []).map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to="/staff/promo-codes/$id" params={{ id: p.id }}>
                    {p.name}
                  </Link>
                </td>
                <td>{p.code ?? t('staff.promo.generatedCount', { count: p.generatedCount })}</td>
                <td>{discount(p)}</td>
                <td>
                  {p.validFrom ? date(p.validFrom) : '…'} – {p.validUntil ? date(p.validUntil) : '…'}
                </td>
                <td>
                  {p.uses} / {limit(p.maxUses)}
                </td>
                <td>{t(p.active ? 'staff.promo.active' : 'staff.promo.inactive')}</td>
              </tr>
            ))}
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={6} className="empty">
                  {t('staff.promo.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        page={pager.page}
        hasNext={!!list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      />
    </div>
  );
}
