// What a cinema sells (admin): per active product, a price per size in the cinema's currency, the
// tax kind (finance's rates: food, merchandise, default) and on or off sale; saved per product.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Cinema } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { fromMinor, toMinor } from '../schedule/prices.ts';
import { staffQueries } from '../staff-queries.ts';
import { useCinemas } from '../use-cinemas.ts';
import { FOOD_TAX_KINDS, foodApi, foodKeys, foodQueries, type Offer, type Product, type TaxKind } from './food-api.ts';
import './food.css';

export function OffersPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.foodOffers'));
  const { cinemas, current, setCinemaId } = useCinemas();
  const products = useQuery(foodQueries.products());
  const offers = useQuery({ ...foodQueries.offers(current?.id ?? ''), enabled: !!current });
  // A cinema has no currency of its own: its offers', else its ticket price list's.
  const priceList = useQuery({ ...staffQueries.priceList(current?.id ?? ''), enabled: !!current });
  const currency = offers.data?.items[0]?.price.currency ?? priceList.data?.currency ?? 'EUR';
  const active = (products.data?.items ?? []).filter((p) => p.active);
  return (
    <div className="container page">
      <h1>{t('staff.nav.foodOffers')}</h1>
      <p>
        <Link to="/staff/food">{t('staff.food.products.back')}</Link>
      </p>
      <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
      <ErrorNotice error={products.error ?? offers.error} />
      {current &&
        offers.data &&
        active.map((p) => (
          <OfferForm
            key={`${current.id}:${p.id}`}
            cinema={current}
            currency={currency}
            product={p}
            offers={offers.data.items.filter((o) => o.productId === p.id)}
          />
        ))}
      {products.data && active.length === 0 && <p className="empty">{t('staff.food.products.none')}</p>}
    </div>
  );
}

function OfferForm({
  cinema,
  currency,
  product,
  offers,
}: {
  cinema: Cinema;
  currency: string;
  product: Product;
  offers: Offer[];
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const sizes = product.variants.filter((v) => v.active);
  const [prices, setPrices] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      sizes.map((v) => {
        const o = offers.find((x) => x.variantId === v.id);
        return [v.code, o ? fromMinor(o.price.amount, currency) : ''];
      }),
    ),
  );
  const [taxKind, setTaxKind] = useState<TaxKind>(
    offers[0]?.taxKind ?? (product.category === 'merchandise' ? 'merchandise' : 'food'),
  );
  const [onSale, setOnSale] = useState(offers.length > 0 && offers.some((o) => o.onSale));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const minor = Object.fromEntries(
    Object.entries(prices)
      .filter(([, text]) => text.trim())
      .map(([code, text]) => [code, toMinor(text, currency)]),
  );
  const bad = Object.values(minor).some((m) => m === null);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (bad) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await foodApi.setOffer(cinema.id, product.id, {
        currency,
        taxKind,
        onSale,
        prices: minor as Record<string, number>,
      });
      setSaved(true);
      void client.invalidateQueries({ queryKey: foodKeys.offers(cinema.id) });
      void client.invalidateQueries({ queryKey: ['staff', 'food', 'menu', cinema.id] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label={product.name}>
      <h2>{product.name}</h2>
      <div className="food-row">
        {sizes.map((v) => (
          <Field
            key={v.id}
            label={t('staff.food.offers.price', { size: v.name, currency })}
            inputMode="decimal"
            value={prices[v.code] ?? ''}
            onChange={(e) => {
              setSaved(false);
              setPrices((p) => ({ ...p, [v.code]: e.target.value }));
            }}
            error={prices[v.code] && minor[v.code] === null ? t('staff.till.badAmount') : null}
          />
        ))}
        <SelectField
          label={t('staff.food.offers.taxKind')}
          value={taxKind}
          onChange={(e) => setTaxKind(e.target.value as TaxKind)}
        >
          {FOOD_TAX_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`staff.food.tax.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <label>
        <input type="checkbox" checked={onSale} onChange={(e) => setOnSale(e.target.checked)} />{' '}
        {t('staff.food.offers.onSale')}
      </label>
      <ErrorNotice error={error} />
      <div className="staff-actions">
        <Button type="submit" busy={busy} disabled={bad}>
          {t('staff.common.save')}
        </Button>
        {saved && (
          <span role="status" className="muted">
            {t('staff.common.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
