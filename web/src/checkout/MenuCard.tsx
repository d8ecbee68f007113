// One product of the cinema's menu at checkout: picture, allergens and dietary badges, its sizes,
// a combo's choice per slot (with surcharges), a quantity and one button that adds it as chosen.
// Sold-out sizes and choices stay visible but cannot be picked.
import { type FormEvent, useId, useState } from 'react';
import type { FoodLineInput, MenuItem } from '../api/food-api.ts';
import type { CustomerKey } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import {
  type Choices,
  MAX_QUANTITY,
  clampQuantity,
  defaultChoices,
  defaultVariant,
  lineFor,
  soldOut,
  unitPrice,
  whyNotAddable,
} from './basket.ts';

export interface MenuCardProps {
  item: MenuItem;
  disabled: boolean;
  /** Adds the line; resolves true when the basket took it (the card then starts over). */
  onAdd(line: FoodLineInput, name: string): Promise<boolean>;
}

export function MenuCard({ item, disabled, onAdd }: MenuCardProps) {
  const { t, money } = useI18n();
  const id = useId();
  const [variantId, setVariantId] = useState(() => defaultVariant(item) ?? '');
  const [choices, setChoices] = useState<Choices>(() => defaultChoices(item));
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const gone = soldOut(item);
  const unit = unitPrice(item, variantId, choices);
  const why = whyNotAddable(item, variantId, choices);
  const sized = item.variants.length > 1;
  const variant = item.variants.find((v) => v.variantId === variantId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || why) return;
    setBusy(true);
    const name = sized && variant ? `${item.name} (${variant.name})` : item.name;
    const added = await onAdd(lineFor(item, variantId, quantity, choices), name).finally(() => setBusy(false));
    if (added) setQuantity(1);
  }

  return (
    <article className={`menu-card${gone ? ' is-sold-out' : ''}`} aria-labelledby={`${id}-name`}>
      {/* The name says what it is: the picture adds nothing for a screen reader. */}
      {item.imageUrl && (
        <img className="menu-image" src={item.imageUrl} alt="" loading="lazy" width={320} height={200} />
      )}
      <div className="menu-body">
        <h4 id={`${id}-name`} className="menu-name">
          {item.name}
          {gone && <span className="badge menu-sold-out">{t('food.soldOut')}</span>}
        </h4>
        {item.description && <p className="menu-description muted small">{item.description}</p>}
        {item.dietary.length > 0 && (
          <ul className="menu-diet" aria-label={t('food.dietary')}>
            {item.dietary.map((d) => (
              <li key={d} className="badge">
                {t(`diet.${d}` as CustomerKey)}
              </li>
            ))}
          </ul>
        )}
        {item.allergens.length > 0 && (
          <p className="menu-allergens small">
            {t('food.contains', { list: item.allergens.map((a) => t(`allergen.${a}` as CustomerKey)).join(', ') })}
          </p>
        )}
        <form className="menu-form" onSubmit={submit}>
          {sized ? (
            <fieldset className="menu-options">
              <legend>{t('food.size')}</legend>
              {item.variants.map((v) => (
                <label key={v.variantId} className={`menu-option${v.available ? '' : ' is-off'}`}>
                  <input
                    type="radio"
                    name={`${id}-size`}
                    value={v.variantId}
                    checked={variantId === v.variantId}
                    disabled={!v.available || disabled}
                    onChange={() => setVariantId(v.variantId)}
                  />
                  <span>
                    {v.name} · {money(v.price)}
                    {!v.available && <span className="muted"> ({t('food.unavailable')})</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : (
            variant && <p className="menu-price">{money(variant.price)}</p>
          )}
          {item.slots.map((slot) => (
            <fieldset key={slot.slotId} className="menu-options">
              <legend>{slot.quantity > 1 ? `${slot.quantity} × ${slot.name}` : slot.name}</legend>
              {slot.choices.map((c) => (
                <label key={c.variantId} className={`menu-option${c.available ? '' : ' is-off'}`}>
                  <input
                    type="radio"
                    name={`${id}-slot-${slot.slotId}`}
                    value={c.variantId}
                    checked={choices[slot.slotId] === c.variantId}
                    disabled={!c.available || disabled}
                    onChange={() => setChoices((old) => ({ ...old, [slot.slotId]: c.variantId }))}
                  />
                  <span>
                    {c.name}
                    {c.surcharge.amount > 0 && (
                      <span className="muted"> {t('food.surcharge', { amount: money(c.surcharge) })}</span>
                    )}
                    {!c.available && <span className="muted"> ({t('food.unavailable')})</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          <div className="menu-actions">
            <label className="menu-quantity">
              <span>{t('food.quantity')}</span>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QUANTITY}
                value={quantity}
                disabled={disabled || gone}
                onChange={(e) => setQuantity(clampQuantity(Number(e.target.value)))}
              />
            </label>
            <Button
              type="submit"
              variant="secondary"
              busy={busy}
              disabled={disabled || why !== null}
              aria-describedby={why === 'choose' ? `${id}-why` : undefined}
            >
              {t('food.add', { amount: unit ? money({ ...unit, amount: unit.amount * quantity }) : '' })}
              <span className="visually-hidden"> {t('food.addLabel', { name: item.name })}</span>
            </Button>
          </div>
          {why === 'choose' && (
            <p id={`${id}-why`} className="field-hint">
              {t('food.choose')}
            </p>
          )}
        </form>
      </div>
    </article>
  );
}
