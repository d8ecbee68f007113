// A food or drink product (admin): kind and category, names and descriptions per language,
// allergens and dietary flags, counted stock, sizes, a combo's slots with choices, the image, and
// deactivation. Prices are per cinema (OffersPage).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ImageDrop } from '../catalog/ImageDrop.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { RecordPending, useCreated } from '../edit-record.tsx';
import { toMinor, fromMinor } from '../schedule/prices.ts';
import {
  ALLERGENS,
  DIETARY,
  foodApi,
  foodKeys,
  foodQueries,
  imageUrl,
  type Product,
  type ProductCreate,
  type ProductPatch,
} from './food-api.ts';
import {
  Checks,
  NameFields,
  namesOf,
  namesText,
  type SlotText,
  SlotsEditor,
  type VariantText,
  VariantRows,
} from './ProductParts.tsx';
import './food.css';

export function ProductEditPage() {
  const { id } = useParams({ from: '/staff/food/$id' });
  const isNew = id === 'new';
  const product = useQuery({ ...foodQueries.product(id), enabled: !isNew });
  const { justCreated, created } = useCreated<Product>((x) => foodKeys.product(x));
  if (!isNew && !product.data) return <RecordPending query={product} />;
  return <ProductForm key={id} initial={product.data ?? null} saved={justCreated(id)} onCreated={created} />;
}

/** Surcharges are typed in the chain's usual two decimals. */
const SURCHARGE_CURRENCY = 'EUR';

function ProductForm(props: { initial: Product | null; saved: boolean; onCreated(p: Product): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const all = useQuery(foodQueries.products());
  const [product, setProduct] = useState(props.initial);
  const p0 = props.initial;
  const [kind, setKind] = useState<'item' | 'combo'>(p0?.kind ?? 'item');
  const [category, setCategory] = useState(p0?.category ?? '');
  const [names, setNames] = useState(namesText(p0?.names));
  const [descriptions, setDescriptions] = useState(namesText(p0?.descriptions));
  const [allergens, setAllergens] = useState<string[]>(p0?.allergens ?? []);
  const [dietary, setDietary] = useState<string[]>(p0?.dietary ?? []);
  const [trackStock, setTrackStock] = useState(p0?.trackStock ?? false);
  const [sortOrder, setSortOrder] = useState(String(p0?.sortOrder ?? 0));
  const [variants, setVariants] = useState<VariantText[]>(
    p0?.variants.map((v) => ({ id: v.id, code: v.code, names: namesText(v.names), active: v.active })) ?? [
      { code: 'regular', names: { en: 'Regular', de: 'Normal', fr: 'Normal' }, active: true },
    ],
  );
  const [slots, setSlots] = useState<SlotText[]>(
    p0?.slots.map((s) => ({
      names: namesText(s.names),
      quantity: s.quantity,
      choices: s.choices.map((c) => ({
        variantId: c.variantId,
        surcharge: c.surcharge ? fromMinor(c.surcharge, SURCHARGE_CURRENCY) : '',
      })),
    })) ?? [],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(props.saved);
  const isNew = product === null;
  useTitle(isNew ? t('staff.food.products.new') : product.name);

  /** What both a create and a change send: everything but the kind and the sizes. */
  function common() {
    return {
      category: category.trim(),
      names: namesOf(names),
      descriptions: Object.fromEntries(
        Object.entries(descriptions)
          .map(([l, text]) => [l, text.trim()])
          .filter(([, text]) => text),
      ),
      allergens: allergens as NonNullable<ProductCreate['allergens']>,
      dietary: dietary as NonNullable<ProductCreate['dietary']>,
      trackStock: kind === 'item' && trackStock,
      sortOrder: Number(sortOrder) || 0,
      ...(kind === 'combo'
        ? {
            slots: slots.map((s) => ({
              names: namesOf(s.names),
              quantity: s.quantity,
              choices: s.choices
                .filter((c) => c.variantId)
                .map((c) => ({
                  variantId: c.variantId,
                  surcharge: toMinor(c.surcharge || '0', SURCHARGE_CURRENCY) ?? 0,
                })),
            })),
          }
        : {}),
    };
  }
  const sizes = () => variants.map((v, i) => ({ code: v.code.trim(), names: namesOf(v.names), sortOrder: i }));
  const create = (): ProductCreate => ({ kind, ...common(), variants: sizes() });
  /** A change names its sizes by code: a new code adds one, a known one is renamed or (de)activated. */
  const change = (): ProductPatch => ({
    ...common(),
    variants: sizes().map((v, i) => (variants[i]?.id ? { ...v, active: variants[i].active } : v)),
  });

  function forget() {
    void client.invalidateQueries({ queryKey: foodKeys.all() });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = isNew ? await foodApi.createProduct(create()) : await foodApi.updateProduct(product.id, change());
      setProduct(result);
      setSaved(true);
      forget();
      if (isNew) {
        props.onCreated(result);
        void navigate({ to: '/staff/food/$id', params: { id: result.id }, replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function deactivate() {
    if (!product) return;
    setError(null);
    try {
      setProduct(await foodApi.deactivateProduct(product.id));
      forget();
      void navigate({ to: '/staff/food' });
    } catch (err) {
      setError(err);
    }
  }

  async function reactivate() {
    if (!product) return;
    setError(null);
    try {
      setProduct(await foodApi.updateProduct(product.id, { active: true }));
      forget();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="container page">
      <p>
        <Link to="/staff/food">{t('staff.food.products.back')}</Link>
      </p>
      <h1>{isNew ? t('staff.food.products.new') : product.name}</h1>
      {product && !product.active && <Notice tone="info">{t('staff.food.products.isInactive')}</Notice>}
      <form className="panel" onSubmit={(e) => void save(e)}>
        <div className="food-row">
          <SelectField
            label={t('staff.food.products.kind')}
            value={kind}
            disabled={!isNew}
            onChange={(e) => setKind(e.target.value === 'combo' ? 'combo' : 'item')}
          >
            <option value="item">{t('staff.food.products.item')}</option>
            <option value="combo">{t('staff.food.products.combo')}</option>
          </SelectField>
          <Field
            label={t('staff.food.products.category')}
            value={category}
            required
            pattern="[a-z][a-z0-9_\-]{0,39}"
            hint={t('staff.food.products.categoryHint')}
            onChange={(e) => setCategory(e.target.value)}
          />
          <Field
            label={t('staff.food.products.sortOrder')}
            type="number"
            value={sortOrder}
            onChange={(e) => setSortOrder(e.target.value)}
          />
        </div>
        <NameFields label={t('staff.food.products.name')} value={names} onChange={setNames} />
        <NameFields label={t('staff.food.products.description')} value={descriptions} onChange={setDescriptions} />
        <Checks
          legend={t('staff.food.products.allergens')}
          codes={ALLERGENS}
          value={allergens}
          keyOf={(c) => `staff.food.allergen.${c}`}
          onChange={setAllergens}
        />
        <Checks
          legend={t('staff.food.products.dietary')}
          codes={DIETARY}
          value={dietary}
          keyOf={(c) => `staff.food.dietary.${c}`}
          onChange={setDietary}
        />
        {kind === 'item' && (
          <label>
            <input type="checkbox" checked={trackStock} onChange={(e) => setTrackStock(e.target.checked)} />{' '}
            {t('staff.food.products.trackStock')}
          </label>
        )}
        <VariantRows value={variants} onChange={setVariants} />
        {kind === 'combo' && <SlotsEditor value={slots} items={all.data?.items ?? []} onChange={setSlots} />}
        <ErrorNotice error={error} />
        {saved && (
          <p className="notice notice-success" role="status">
            {t('staff.common.saved')}
          </p>
        )}
        <div className="staff-actions">
          <Button type="submit" busy={busy}>
            {isNew ? t('staff.common.create') : t('staff.common.save')}
          </Button>
          {product?.active && (
            <Button variant="danger" onClick={() => void deactivate()}>
              {t('staff.food.products.deactivate')}
            </Button>
          )}
          {product && !product.active && (
            <Button variant="secondary" onClick={() => void reactivate()}>
              {t('staff.food.products.reactivate')}
            </Button>
          )}
        </div>
      </form>
      <section className="panel">
        <ImageDrop
          label={t('staff.food.products.image')}
          ratio={1}
          ratioLabel="1:1"
          currentUrl={imageUrl(product?.image ?? null)}
          disabled={!product}
          upload={async (blob) => {
            const result = await foodApi.uploadImage(product!.id, blob);
            setProduct(result);
            forget();
          }}
        />
      </section>
    </div>
  );
}
