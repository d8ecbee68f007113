// The product form's repeated parts: names per language, the allergen and dietary checkboxes,
// the sizes (variants) and a combo's slots with their choices and surcharges.
import { type MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../common.tsx';
import type { Names, Product } from './food-api.ts';

/** The languages an admin types names in; English is required. */
export const LANGS = ['en', 'de', 'fr'] as const;
export type NameText = Record<(typeof LANGS)[number], string>;

export const namesText = (names: Partial<Names> | undefined): NameText => ({
  en: names?.en ?? '',
  de: names?.de ?? '',
  fr: names?.fr ?? '',
});
/** Names as the API takes them: the languages typed, English always. */
export const namesOf = (text: NameText): Names => ({
  en: text.en.trim(),
  ...(text.de.trim() ? { de: text.de.trim() } : {}),
  ...(text.fr.trim() ? { fr: text.fr.trim() } : {}),
});

export function NameFields({
  label,
  value,
  onChange,
}: {
  label: string;
  value: NameText;
  onChange(v: NameText): void;
}) {
  const { t } = useI18n();
  return (
    <div className="food-row">
      {LANGS.map((l) => (
        <Field
          key={l}
          label={`${label} (${t(`staff.food.lang.${l}`)})`}
          value={value[l]}
          required={l === 'en'}
          onChange={(e) => onChange({ ...value, [l]: e.target.value })}
        />
      ))}
    </div>
  );
}

export function Checks<C extends string>({
  legend,
  codes,
  value,
  keyOf,
  onChange,
}: {
  legend: string;
  codes: readonly C[];
  value: string[];
  keyOf(code: C): MessageKey;
  onChange(v: string[]): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="food-checks">
      <legend>{legend}</legend>
      {codes.map((c) => (
        <label key={c}>
          <input
            type="checkbox"
            checked={value.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))}
          />{' '}
          {t(keyOf(c))}
        </label>
      ))}
    </fieldset>
  );
}

export interface VariantText {
  id?: string;
  code: string;
  names: NameText;
  active: boolean;
}

export function VariantRows({ value, onChange }: { value: VariantText[]; onChange(v: VariantText[]): void }) {
  const { t } = useI18n();
  const set = (i: number, v: Partial<VariantText>) => onChange(value.map((x, j) => (j === i ? { ...x, ...v } : x)));
  return (
    <fieldset className="food-rows">
      <legend>{t('staff.food.products.sizes')}</legend>
      {value.map((v, i) => (
        <div
          className="food-row"
          key={v.id ?? `new-${i}`}
          role="group"
          aria-label={t('staff.food.products.sizeN', { n: i + 1 })}
        >
          <Field
            label={t('staff.food.products.sizeCode')}
            value={v.code}
            disabled={!!v.id}
            pattern="[a-z0-9][a-z0-9_\-]{0,29}"
            required
            onChange={(e) => set(i, { code: e.target.value })}
          />
          {LANGS.map((l) => (
            <Field
              key={l}
              label={`${t('staff.food.products.sizeName')} (${t(`staff.food.lang.${l}`)})`}
              value={v.names[l]}
              required={l === 'en'}
              onChange={(e) => set(i, { names: { ...v.names, [l]: e.target.value } })}
            />
          ))}
          {v.id ? (
            <label>
              <input type="checkbox" checked={v.active} onChange={(e) => set(i, { active: e.target.checked })} />{' '}
              {t('staff.food.products.active')}
            </label>
          ) : (
            <Button variant="ghost" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('staff.food.products.remove')}
            </Button>
          )}
        </div>
      ))}
      <Button
        variant="secondary"
        onClick={() => onChange([...value, { code: '', names: namesText({}), active: true }])}
      >
        {t('staff.food.products.addSize')}
      </Button>
    </fieldset>
  );
}

export interface SlotText {
  names: NameText;
  quantity: number;
  choices: { variantId: string; surcharge: string }[];
}

/** A combo's slots: each a name, a quantity and the item sizes it may be filled with. */
export function SlotsEditor({
  value,
  items,
  onChange,
}: {
  value: SlotText[];
  items: Product[];
  onChange(v: SlotText[]): void;
}) {
  const { t } = useI18n();
  const options = items
    .filter((p) => p.kind === 'item' && p.active)
    .flatMap((p) => p.variants.filter((v) => v.active).map((v) => ({ id: v.id, label: `${p.name} · ${v.name}` })));
  const set = (i: number, s: Partial<SlotText>) => onChange(value.map((x, j) => (j === i ? { ...x, ...s } : x)));
  return (
    <fieldset className="food-rows">
      <legend>{t('staff.food.products.slots')}</legend>
      {value.map((s, i) => (
        <div className="food-slot" key={i} role="group" aria-label={t('staff.food.products.slotN', { n: i + 1 })}>
          <NameFields
            label={t('staff.food.products.slotName')}
            value={s.names}
            onChange={(names) => set(i, { names })}
          />
          <Field
            label={t('staff.food.products.quantity')}
            type="number"
            min={1}
            max={10}
            value={s.quantity}
            onChange={(e) => set(i, { quantity: Number(e.target.value) || 1 })}
          />
          {s.choices.map((c, k) => (
            <div className="food-row" key={k}>
              <SelectField
                label={t('staff.food.products.choice')}
                value={c.variantId}
                onChange={(e) =>
                  set(i, { choices: s.choices.map((x, j) => (j === k ? { ...x, variantId: e.target.value } : x)) })
                }
              >
                <option value="">{t('staff.food.products.pick')}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
              <Field
                label={t('staff.food.products.surcharge')}
                inputMode="decimal"
                value={c.surcharge}
                onChange={(e) =>
                  set(i, { choices: s.choices.map((x, j) => (j === k ? { ...x, surcharge: e.target.value } : x)) })
                }
              />
              <Button variant="ghost" onClick={() => set(i, { choices: s.choices.filter((_, j) => j !== k) })}>
                {t('staff.food.products.remove')}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => set(i, { choices: [...s.choices, { variantId: '', surcharge: '' }] })}
          >
            {t('staff.food.products.addChoice')}
          </Button>{' '}
          <Button variant="ghost" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('staff.food.products.removeSlot')}
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          onChange([...value, { names: namesText({}), quantity: 1, choices: [{ variantId: '', surcharge: '' }] }])
        }
      >
        {t('staff.food.products.addSlot')}
      </Button>
    </fieldset>
  );
}
