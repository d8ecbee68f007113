// Food and drink products (admin): the chain's items and combos by category, active or not, each
// opening its editor; links to the cinemas' offers.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SkeletonRows } from '../common.tsx';
import { foodQueries } from './food-api.ts';
import './food.css';

export function ProductsPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.food'));
  const list = useQuery(foodQueries.products());
  const [showInactive, setShowInactive] = useState(false);
  const items = (list.data?.items ?? []).filter((p) => showInactive || p.active);
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.food')}</h1>
        <ButtonLink to="/staff/food/$id" params={{ id: 'new' }}>
          {t('staff.food.products.new')}
        </ButtonLink>
      </div>
      <p>
        <Link to="/staff/food-offers">{t('staff.food.products.toOffers')}</Link>
      </p>
      <label>
        <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />{' '}
        {t('staff.food.products.showInactive')}
      </label>
      <ErrorNotice error={list.error} />
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.food.products.name')}</th>
            <th scope="col">{t('staff.food.products.category')}</th>
            <th scope="col">{t('staff.food.products.kind')}</th>
            <th scope="col">{t('staff.food.products.sizes')}</th>
            <th scope="col">{t('staff.food.products.state')}</th>
          </tr>
        </thead>
        <tbody>
          {list.isLoading && <SkeletonRows rows={4} columns={5} width="60%" />}
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to="/staff/food/$id" params={{ id: p.id }}>
                  {p.name}
                </Link>
              </td>
              <td>{p.category}</td>
              <td>{t(p.kind === 'combo' ? 'staff.food.products.combo' : 'staff.food.products.item')}</td>
              <td>
                {p.variants
                  .filter((v) => v.active)
                  .map((v) => v.name)
                  .join(', ')}
              </td>
              <td>{t(p.active ? 'staff.food.products.active' : 'staff.food.products.inactive')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && items.length === 0 && <p className="empty">{t('staff.food.products.none')}</p>}
    </div>
  );
}
