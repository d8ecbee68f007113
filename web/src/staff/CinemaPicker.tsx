import type { Cinema } from '../api/types.ts';
import { SelectField } from './common.tsx';
import { useI18n } from '../i18n/staff.ts';

export function CinemaPicker({
  cinemas,
  value,
  onChange,
}: {
  cinemas: Cinema[];
  value: string | undefined;
  onChange(id: string): void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t('staff.common.cinema')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={cinemas.length === 0}
    >
      {cinemas.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} · {c.city}
        </option>
      ))}
    </SelectField>
  );
}
