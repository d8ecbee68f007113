// How the customer pays at the till: cash into the drawer or the card terminal (one radio group per
// form; `name` keeps the groups of the till's several forms apart).
import { useI18n } from '../../i18n/staff.ts';

export type TillMethod = 'cash' | 'card_terminal';

export function PayMethod({
  name,
  value,
  onChange,
}: {
  name: string;
  value: TillMethod;
  onChange(m: TillMethod): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('staff.till.method')}</legend>
      <label>
        <input type="radio" name={name} checked={value === 'cash'} onChange={() => onChange('cash')} />{' '}
        {t('staff.till.cash')}
      </label>{' '}
      <label>
        <input
          type="radio"
          name={name}
          checked={value === 'card_terminal'}
          onChange={() => onChange('card_terminal')}
        />{' '}
        {t('staff.till.cardTerminal')}
      </label>
    </fieldset>
  );
}
