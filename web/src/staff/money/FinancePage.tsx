// Finance exports (admin): one cinema, a period of days and a kind (sales, refunds, promo
// discounts, gift card liabilities, payment methods) → a CSV file for the accountants.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { ErrorNotice, SelectField } from '../common.tsx';
import { useCinemas } from '../use-cinemas.ts';
import { download, EXPORT_KINDS, type ExportKind, moneyApi } from './money-api.ts';
import { localDay } from './money-form.ts';

export function FinancePage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.finance'));
  const { cinemas, current, setCinemaId } = useCinemas();
  const now = new Date();
  const [from, setFrom] = useState(() => localDay(new Date(now.getFullYear(), now.getMonth(), 1)));
  const [to, setTo] = useState(() => localDay(now));
  const [kind, setKind] = useState<ExportKind>('sales');
  const ordered = from !== '' && to !== '' && from <= to;
  const exporting = useMutation({
    mutationFn: (cinemaId: string) =>
      download(moneyApi.exportUrl({ cinemaId, from, to, kind }), `${kind}-${from}-${to}.csv`),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (current && ordered) exporting.mutate(current.id);
  }
  return (
    <div className="container page">
      <h1>{t('staff.nav.finance')}</h1>
      <p className="lead">{t('staff.finance.lead')}</p>
      <form onSubmit={submit} className="edit-form panel">
        <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
        <div className="field-row">
          <Field label={t('staff.finance.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <Field
            label={t('staff.finance.to')}
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={from && to && !ordered ? t('staff.finance.badPeriod') : null}
          />
        </div>
        <SelectField
          label={t('staff.finance.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ExportKind)}
        >
          {EXPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`staff.finance.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <ErrorNotice error={exporting.error} />
        <Button type="submit" busy={exporting.isPending} disabled={!current || !ordered}>
          {t('staff.finance.download')}
        </Button>
      </form>
    </div>
  );
}
