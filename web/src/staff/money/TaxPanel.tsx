// A cinema's tax settings (admin), on the cinema's page: the seller's country, legal name and
// address and tax id that receipts print, and the tax rate per kind of product (prices include it;
// gift cards are not taxed when sold). A cinema without settings yet starts from an empty form.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice } from '../common.tsx';
import { rateOf } from './money-form.ts';
import { moneyApi, moneyQueries, TAX_KINDS, type TaxKind, type TaxSettings } from './money-api.ts';
import './money.css';

/** The kinds every cinema has a rate for; the others take the default when left empty. */
const REQUIRED: readonly TaxKind[] = ['tickets', 'default'];

export function TaxPanel({ cinemaId }: { cinemaId: string }) {
  const tax = useQuery(moneyQueries.tax(cinemaId));
  const missing = tax.error instanceof ApiError && tax.error.status === 404;
  if (tax.isPending) return null;
  if (tax.error && !missing) return <ErrorNotice error={tax.error} />;
  return <TaxForm cinemaId={cinemaId} initial={tax.data ?? null} />;
}

function TaxForm({ cinemaId, initial }: { cinemaId: string; initial: TaxSettings | null }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    country: initial?.country ?? '',
    legalName: initial?.legalName ?? '',
    legalAddress: initial?.legalAddress ?? '',
    taxId: initial?.taxId ?? '',
  });
  const [rates, setRates] = useState<Record<TaxKind, string>>(
    () =>
      Object.fromEntries(
        TAX_KINDS.map((k) => [k, initial?.taxRates[k] === undefined ? '' : String(initial.taxRates[k])]),
      ) as Record<TaxKind, string>,
  );
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };
  const parsed = Object.fromEntries(TAX_KINDS.map((k) => [k, rateOf(rates[k])])) as Record<
    TaxKind,
    number | null | undefined
  >;
  const countryOk = /^[A-Z]{2}$/.test(form.country.trim().toUpperCase());
  const valid =
    countryOk &&
    form.legalName.trim() !== '' &&
    form.legalAddress.trim() !== '' &&
    TAX_KINDS.every((k) => parsed[k] !== undefined) &&
    REQUIRED.every((k) => parsed[k] != null);

  const save = useMutation({
    mutationFn: () =>
      moneyApi.setTax(cinemaId, {
        country: form.country.trim().toUpperCase(),
        legalName: form.legalName.trim(),
        legalAddress: form.legalAddress.trim(),
        taxId: form.taxId.trim() || null,
        taxRates: {
          tickets: parsed.tickets ?? 0,
          default: parsed.default ?? 0,
          ...(parsed.food != null && { food: parsed.food }),
          ...(parsed.merchandise != null && { merchandise: parsed.merchandise }),
        },
      }),
    onSuccess: (result) => {
      setSaved(true);
      queryClient.setQueryData(moneyQueries.tax(cinemaId).queryKey, result);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (valid) save.mutate();
  }

  return (
    <section className="panel tax-panel" aria-labelledby="tax-title">
      <h2 id="tax-title">{t('staff.tax.title')}</h2>
      {!initial && <Notice tone="info">{t('staff.tax.none')}</Notice>}
      <form onSubmit={submit} className="edit-form">
        <div className="field-row">
          <Field
            label={t('staff.tax.country')}
            value={form.country}
            onChange={set('country')}
            maxLength={2}
            autoCapitalize="characters"
            hint={t('staff.tax.countryHint')}
            error={form.country && !countryOk ? t('staff.tax.badCountry') : null}
          />
          <Field label={t('staff.tax.taxId')} value={form.taxId} onChange={set('taxId')} maxLength={50} />
        </div>
        <Field label={t('staff.tax.legalName')} value={form.legalName} onChange={set('legalName')} maxLength={200} />
        <Field
          label={t('staff.tax.legalAddress')}
          value={form.legalAddress}
          onChange={set('legalAddress')}
          maxLength={500}
        />
        <fieldset>
          <legend>{t('staff.tax.rates')}</legend>
          <p className="field-hint">{t('staff.tax.ratesHint')}</p>
          <div className="field-row tax-rates">
            {TAX_KINDS.map((k) => (
              <Field
                key={k}
                label={t(`staff.tax.kind.${k}`)}
                inputMode="decimal"
                value={rates[k]}
                onChange={(e) => {
                  setSaved(false);
                  setRates((r) => ({ ...r, [k]: e.target.value }));
                }}
                error={
                  parsed[k] === undefined
                    ? t('staff.tax.badRate')
                    : REQUIRED.includes(k) && parsed[k] === null
                      ? t('staff.tax.rateNeeded')
                      : null
                }
              />
            ))}
          </div>
        </fieldset>
        <ErrorNotice error={save.error} />
        {saved && <Notice tone="success">{t('staff.common.saved')}</Notice>}
        <Button type="submit" busy={save.isPending} disabled={!valid}>
          {t('staff.tax.save')}
        </Button>
      </form>
    </section>
  );
}
