// The till's food basket: the cinema's menu as big buttons (one per size on sale), a combo with a
// choice per slot, and the basket's lines with their quantities and total. The basket is the
// caller's state (lines for `PUT /bookings/{id}/food` or a food-only sale); the server prices it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Money } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { type BasketLine, foodQueries, type Menu, type MenuItem } from './food-api.ts';
import './food.css';

/** A basket line with what the till shows of it. */
export interface TillLine extends BasketLine {
  key: string;
  label: string;
  unit: Money;
}

/** The basket's lines as the API takes them. */
export const toItems = (lines: TillLine[]): BasketLine[] =>
  lines.map(({ variantId, quantity, choices }) => ({ variantId, quantity, ...(choices?.length ? { choices } : {}) }));

/** The basket's total as the menu prices it (the server's answer is the one charged). */
export function basketTotal(lines: TillLine[], currency: string): Money {
  return { amount: lines.reduce((sum, l) => sum + l.unit.amount * l.quantity, 0), currency };
}

export function FoodBasket({
  cinemaId,
  lines,
  onChange,
}: {
  cinemaId: string;
  lines: TillLine[];
  onChange(lines: TillLine[]): void;
}) {
  const { t, lang, money } = useI18n();
  const menu = useQuery(foodQueries.menu(cinemaId, lang));
  const [combo, setCombo] = useState<MenuItem | null>(null);

  function add(line: Omit<TillLine, 'quantity'>) {
    const same = lines.find((l) => l.key === line.key);
    onChange(
      same
        ? lines.map((l) => (l === same ? { ...l, quantity: Math.min(20, l.quantity + 1) } : l))
        : [...lines, { ...line, quantity: 1 }],
    );
  }
  function change(key: string, by: number) {
    onChange(
      lines.flatMap((l) =>
        l.key !== key ? [l] : l.quantity + by <= 0 ? [] : [{ ...l, quantity: Math.min(20, l.quantity + by) }],
      ),
    );
  }

  if (menu.error) return <ErrorNotice error={menu.error} />;
  const m = menu.data;
  if (!m) return null;
  if (m.items.length === 0) return <p className="muted">{t('staff.food.till.noMenu')}</p>;
  return (
    <div className="food-till">
      <div className="food-menu" role="group" aria-label={t('staff.food.till.menu')}>
        {m.items.flatMap((item) =>
          item.variants.map((v) => (
            <Button
              key={v.variantId}
              variant="secondary"
              disabled={!v.available}
              onClick={() =>
                item.kind === 'combo'
                  ? setCombo(item)
                  : add({ key: v.variantId, variantId: v.variantId, label: label(item, v.name), unit: v.price })
              }
            >
              {label(item, v.name)} · {money(v.price)}
            </Button>
          )),
        )}
      </div>
      {combo && (
        <ComboChoices
          key={combo.productId}
          item={combo}
          onAdd={(line) => {
            add(line);
            setCombo(null);
          }}
          onCancel={() => setCombo(null)}
        />
      )}
      {lines.length > 0 && (
        <table className="staff-table food-basket">
          <caption>{t('staff.food.till.basket')}</caption>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key}>
                <td>{l.label}</td>
                <td>
                  <Button
                    variant="ghost"
                    aria-label={t('staff.food.till.less', { name: l.label })}
                    onClick={() => change(l.key, -1)}
                  >
                    −
                  </Button>{' '}
                  <span data-testid="food-qty">{l.quantity}</span>{' '}
                  <Button
                    variant="ghost"
                    aria-label={t('staff.food.till.more', { name: l.label })}
                    onClick={() => change(l.key, 1)}
                  >
                    +
                  </Button>
                </td>
                <td>{money({ ...l.unit, amount: l.unit.amount * l.quantity })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('staff.food.till.foodTotal')}
              </th>
              <td data-testid="food-total">
                {money(basketTotal(lines, m.currency ?? lines[0]?.unit.currency ?? 'EUR'))}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}

const label = (item: MenuItem, size: string) => (item.variants.length > 1 ? `${item.name} ${size}` : item.name);

/** A combo's slots, each a choice (surcharges shown), then "Add" with the chosen variants. */
function ComboChoices({
  item,
  onAdd,
  onCancel,
}: {
  item: MenuItem;
  onAdd(line: Omit<TillLine, 'quantity'>): void;
  onCancel(): void;
}) {
  const { t, money } = useI18n();
  const variant = item.variants.find((v) => v.available) ?? item.variants[0]!;
  const [picked, setPicked] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      item.slots.map((s) => [s.slotId, (s.choices.find((c) => c.available) ?? s.choices[0])?.variantId ?? '']),
    ),
  );
  const choices = item.slots.map((s) => ({ slotId: s.slotId, variantId: picked[s.slotId] ?? '' }));
  const surcharge = item.slots.reduce(
    (sum, s) => sum + (s.choices.find((c) => c.variantId === picked[s.slotId])?.surcharge.amount ?? 0),
    0,
  );
  const names = item.slots.map((s) => s.choices.find((c) => c.variantId === picked[s.slotId])?.name ?? '');
  return (
    <div className="food-slot" role="group" aria-label={item.name}>
      <strong>{item.name}</strong>
      {item.slots.map((s) => (
        <SelectField
          key={s.slotId}
          label={s.name}
          value={picked[s.slotId] ?? ''}
          onChange={(e) => setPicked((p) => ({ ...p, [s.slotId]: e.target.value }))}
        >
          {s.choices.map((c) => (
            <option key={c.variantId} value={c.variantId} disabled={!c.available}>
              {c.name}
              {c.surcharge.amount > 0 ? ` (+${money(c.surcharge)})` : ''}
            </option>
          ))}
        </SelectField>
      ))}
      <Button
        onClick={() =>
          onAdd({
            key: `${variant.variantId}:${choices.map((c) => c.variantId).join(',')}`,
            variantId: variant.variantId,
            choices,
            label: `${item.name} (${names.join(', ')})`,
            unit: { ...variant.price, amount: variant.price.amount + surcharge },
          })
        }
      >
        {t('staff.food.till.addCombo')}
      </Button>{' '}
      <Button variant="ghost" onClick={onCancel}>
        {t('staff.common.cancel')}
      </Button>
    </div>
  );
}

export type { Menu };
