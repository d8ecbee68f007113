// One ticket type's fields (admin): its code (fixed once created), names and rule in English and
// German, the ages it is for, its place in lists, and whether it is the cinema's default.
import { type FormEvent, useState } from 'react';
import type { TicketType } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorNotice } from '../common.tsx';
import type { TicketTypeInput } from '../staff-api.ts';

const CODE = /^[a-z][a-z0-9_]{1,31}$/;

/** "12" → 12, "" → null, anything else (not a whole age) → undefined. */
function age(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 130 ? n : undefined;
}

export function TicketTypeForm({
  initial,
  busy,
  error,
  onSave,
  onCancel,
}: {
  initial: TicketType | null;
  busy: boolean;
  error: unknown;
  onSave(body: TicketTypeInput): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState(() => ({
    code: initial?.code ?? '',
    nameEn: initial?.names.en ?? '',
    nameDe: initial?.names.de ?? '',
    nameFr: initial?.names.fr ?? '',
    ruleEn: initial?.rule?.en ?? '',
    ruleDe: initial?.rule?.de ?? '',
    ruleFr: initial?.rule?.fr ?? '',
    minAge: initial?.minAge?.toString() ?? '',
    maxAge: initial?.maxAge?.toString() ?? '',
    sortOrder: initial?.sortOrder.toString() ?? '0',
    isDefault: initial?.isDefault ?? false,
  }));
  const [tried, setTried] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const badCode = initial === null && !CODE.test(f.code);
  const minAge = age(f.minAge);
  const maxAge = age(f.maxAge);
  const sortOrder = Number.isInteger(Number(f.sortOrder)) ? Number(f.sortOrder) : undefined;
  const invalid =
    badCode || !f.nameEn.trim() || minAge === undefined || maxAge === undefined || sortOrder === undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (invalid) return;
    const rule = f.ruleEn.trim()
      ? {
          en: f.ruleEn.trim(),
          ...(f.ruleDe.trim() && { de: f.ruleDe.trim() }),
          ...(f.ruleFr.trim() && { fr: f.ruleFr.trim() }),
        }
      : null;
    onSave({
      ...(initial === null && { code: f.code }),
      names: {
        en: f.nameEn.trim(),
        ...(f.nameDe.trim() && { de: f.nameDe.trim() }),
        ...(f.nameFr.trim() && { fr: f.nameFr.trim() }),
      },
      rule,
      minAge: minAge ?? null,
      maxAge: maxAge ?? null,
      sortOrder,
      // Only ever turned on here: a cinema always has one default, so it moves, never vanishes.
      ...(f.isDefault && !initial?.isDefault && { isDefault: true }),
    });
  }

  const ageError = t('staff.ticketTypes.badAge');
  return (
    <form
      className="edit-form ticket-type-form"
      onSubmit={submit}
      aria-label={initial ? t('staff.ticketTypes.editTitle') : t('staff.ticketTypes.new')}
    >
      <h3>{initial ? t('staff.ticketTypes.editTitle') : t('staff.ticketTypes.new')}</h3>
      {initial === null && (
        <Field
          label={t('staff.ticketTypes.code')}
          value={f.code}
          onChange={set('code')}
          required
          maxLength={32}
          hint={t('staff.ticketTypes.codeHint')}
          error={tried && badCode ? t('staff.ticketTypes.badCode') : null}
        />
      )}
      <div className="field-row">
        <Field
          label={t('staff.ticketTypes.nameEn')}
          value={f.nameEn}
          onChange={set('nameEn')}
          required
          maxLength={60}
        />
        <Field label={t('staff.ticketTypes.nameDe')} value={f.nameDe} onChange={set('nameDe')} maxLength={60} />
        <Field label={t('staff.ticketTypes.nameFr')} value={f.nameFr} onChange={set('nameFr')} maxLength={60} />
      </div>
      <div className="field-row">
        <Field label={t('staff.ticketTypes.ruleEn')} value={f.ruleEn} onChange={set('ruleEn')} maxLength={200} />
        <Field label={t('staff.ticketTypes.ruleDe')} value={f.ruleDe} onChange={set('ruleDe')} maxLength={200} />
        <Field label={t('staff.ticketTypes.ruleFr')} value={f.ruleFr} onChange={set('ruleFr')} maxLength={200} />
      </div>
      <div className="field-row">
        <Field
          label={t('staff.ticketTypes.minAge')}
          inputMode="numeric"
          value={f.minAge}
          onChange={set('minAge')}
          error={minAge === undefined ? ageError : null}
        />
        <Field
          label={t('staff.ticketTypes.maxAge')}
          inputMode="numeric"
          value={f.maxAge}
          onChange={set('maxAge')}
          error={maxAge === undefined ? ageError : null}
        />
        <Field
          label={t('staff.ticketTypes.sortOrder')}
          inputMode="numeric"
          value={f.sortOrder}
          onChange={set('sortOrder')}
          error={sortOrder === undefined ? t('staff.ticketTypes.badOrder') : null}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={f.isDefault}
          disabled={initial?.isDefault}
          onChange={(e) => setF((x) => ({ ...x, isDefault: e.target.checked }))}
        />
        {t('staff.ticketTypes.isDefault')}
      </label>
      <ErrorNotice error={error} />
      <div className="staff-actions">
        <Button type="submit" busy={busy}>
          {initial ? t('staff.common.save') : t('staff.common.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('staff.common.cancel')}
        </Button>
      </div>
    </form>
  );
}
