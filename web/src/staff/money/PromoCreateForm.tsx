// A new promo code (admin): a shared code or a batch of single-use generated codes, a percentage or
// a fixed amount off, what it applies to (movies, cinemas, ticket types, showtime dates), when it is
// valid and how often it may be used. A batch offers its codes as a CSV at once.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { ticketTypeName } from '../../seats/ticket-choice.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SelectField } from '../common.tsx';
import { toMinor } from '../schedule/prices.ts';
import { staffQueries } from '../staff-queries.ts';
import { moneyApi, moneyKeys, moneyQueries, type PromoInput, type PromoKind } from './money-api.ts';
import './money.css';
import { chosenValues, codeOk, instant, limitOf, validityOk } from './money-form.ts';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];

export function PromoCreateForm() {
  const { t, lang } = useI18n();
  useTitle(t('staff.promo.new'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const movies = useQuery(staffQueries.allMovies()).data ?? [];
  const cinemas = useQuery(staffQueries.allCinemas()).data ?? [];
  const typeLists = useQueries({ queries: cinemas.map((c) => staffQueries.ticketTypes(c.id)) });
  const typeNames = new Map<string, string>();
  for (const list of typeLists)
    for (const x of list.data ?? []) if (!typeNames.has(x.code)) typeNames.set(x.code, ticketTypeName(x, lang));

  const [mode, setMode] = useState<'shared' | 'generate'>('shared');
  const [kind, setKind] = useState<PromoKind>('percent');
  const [form, setForm] = useState({
    name: '',
    code: '',
    count: '100',
    prefix: '',
    percent: '10',
    amount: '',
    currency: 'EUR',
    from: '',
    to: '',
    validFrom: '',
    validUntil: '',
    maxUses: '',
    maxUsesPerCustomer: '1',
  });
  const [scope, setScope] = useState({
    movieIds: [] as string[],
    cinemaIds: [] as string[],
    ticketTypes: [] as string[],
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  const count = /^\d+$/.test(form.count) ? Number(form.count) : NaN;
  const countOk = count >= 1 && count <= 10000;
  const percent = /^\d+$/.test(form.percent) ? Number(form.percent) : NaN;
  const percentOk = percent >= 1 && percent <= 100;
  const amount = toMinor(form.amount, form.currency);
  const maxUses = limitOf(form.maxUses);
  const perCustomer = limitOf(form.maxUsesPerCustomer);
  const valid =
    form.name.trim() !== '' &&
    (mode === 'shared' ? codeOk(form.code) : countOk) &&
    (kind === 'percent' ? percentOk : amount !== null && amount > 0) &&
    maxUses !== undefined &&
    perCustomer !== undefined &&
    validityOk(form.validFrom, form.validUntil);

  const create = useMutation({
    mutationFn: () => {
      const s = {
        ...(scope.movieIds.length > 0 && { movieIds: scope.movieIds }),
        ...(scope.cinemaIds.length > 0 && { cinemaIds: scope.cinemaIds }),
        ...(scope.ticketTypes.length > 0 && { ticketTypes: scope.ticketTypes }),
        ...(form.from && { from: form.from }),
        ...(form.to && { to: form.to }),
      };
      const body: PromoInput = {
        name: form.name.trim(),
        kind,
        ...(kind === 'percent' ? { percent } : { amount: { amount: amount ?? 0, currency: form.currency } }),
        ...(mode === 'shared'
          ? { code: form.code.trim().toUpperCase(), maxUses: maxUses ?? null }
          : { generate: { count, ...(form.prefix.trim() && { prefix: form.prefix.trim().toUpperCase() }) } }),
        ...(Object.keys(s).length > 0 && { scope: s }),
        ...(instant(form.validFrom) && { validFrom: instant(form.validFrom) }),
        ...(instant(form.validUntil) && { validUntil: instant(form.validUntil) }),
        maxUsesPerCustomer: perCustomer ?? null,
      };
      return moneyApi.createPromoCode(body);
    },
    onSuccess: (promo) => {
      queryClient.setQueryData(moneyQueries.promoCode(promo.id).queryKey, promo);
      void queryClient.invalidateQueries({ queryKey: [...moneyKeys.promo(), 'page'] });
      void navigate({ to: '/staff/promo-codes/$id', params: { id: promo.id }, replace: true });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (valid) create.mutate();
  }

  return (
    <div className="container page">
      <h1>{t('staff.promo.new')}</h1>
      <form onSubmit={submit} className="edit-form promo-form">
        <Field label={t('staff.promo.name')} value={form.name} onChange={set('name')} required maxLength={200} />
        <fieldset>
          <legend>{t('staff.promo.codes')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'shared'} onChange={() => setMode('shared')} />{' '}
            {t('staff.promo.shared')}
          </label>{' '}
          <label>
            <input type="radio" name="mode" checked={mode === 'generate'} onChange={() => setMode('generate')} />{' '}
            {t('staff.promo.generate')}
          </label>
        </fieldset>
        {mode === 'shared' ? (
          <div className="field-row">
            <Field
              label={t('staff.promo.code')}
              value={form.code}
              onChange={set('code')}
              autoCapitalize="characters"
              hint={t('staff.promo.codeHint')}
              error={form.code && !codeOk(form.code) ? t('staff.promo.badCode') : null}
            />
            <Field
              label={t('staff.promo.maxUses')}
              inputMode="numeric"
              value={form.maxUses}
              onChange={set('maxUses')}
              hint={t('staff.promo.noLimitHint')}
              error={maxUses === undefined ? t('staff.promo.badLimit') : null}
            />
          </div>
        ) : (
          <div className="field-row">
            <Field
              label={t('staff.promo.count')}
              inputMode="numeric"
              value={form.count}
              onChange={set('count')}
              error={countOk ? null : t('staff.promo.badCount')}
            />
            <Field label={t('staff.promo.prefix')} value={form.prefix} onChange={set('prefix')} maxLength={12} />
          </div>
        )}
        <fieldset>
          <legend>{t('staff.promo.discount')}</legend>
          <label>
            <input type="radio" name="kind" checked={kind === 'percent'} onChange={() => setKind('percent')} />{' '}
            {t('staff.promo.kindPercent')}
          </label>{' '}
          <label>
            <input type="radio" name="kind" checked={kind === 'fixed'} onChange={() => setKind('fixed')} />{' '}
            {t('staff.promo.kindFixed')}
          </label>
        </fieldset>
        {kind === 'percent' ? (
          <Field
            label={t('staff.promo.percent')}
            inputMode="numeric"
            value={form.percent}
            onChange={set('percent')}
            error={percentOk ? null : t('staff.promo.badPercent')}
          />
        ) : (
          <div className="field-row">
            <Field
              label={t('staff.promo.amount')}
              inputMode="decimal"
              value={form.amount}
              onChange={set('amount')}
              error={form.amount && amount === null ? t('staff.till.badAmount') : null}
            />
            <SelectField label={t('staff.promo.currency')} value={form.currency} onChange={set('currency')}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </SelectField>
          </div>
        )}
        <fieldset>
          <legend>{t('staff.promo.scope')}</legend>
          <p className="field-hint">{t('staff.promo.scopeHint')}</p>
          <div className="field-row promo-scope">
            <SelectField
              label={t('staff.promo.movies')}
              multiple
              value={scope.movieIds}
              onChange={(e) => setScope((s) => ({ ...s, movieIds: chosenValues(e.target) }))}
            >
              {movies.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('staff.promo.cinemas')}
              multiple
              value={scope.cinemaIds}
              onChange={(e) => setScope((s) => ({ ...s, cinemaIds: chosenValues(e.target) }))}
            >
              {cinemas.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('staff.promo.ticketTypes')}
              multiple
              value={scope.ticketTypes}
              onChange={(e) => setScope((s) => ({ ...s, ticketTypes: chosenValues(e.target) }))}
            >
              {[...typeNames].map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="field-row">
            <Field label={t('staff.promo.showsFrom')} type="date" value={form.from} onChange={set('from')} />
            <Field label={t('staff.promo.showsTo')} type="date" value={form.to} onChange={set('to')} />
          </div>
        </fieldset>
        <PromoValidityFields
          from={form.validFrom}
          until={form.validUntil}
          onFrom={set('validFrom')}
          onUntil={set('validUntil')}
        />
        <Field
          label={t('staff.promo.maxPerCustomer')}
          inputMode="numeric"
          value={form.maxUsesPerCustomer}
          onChange={set('maxUsesPerCustomer')}
          hint={t('staff.promo.noLimitHint')}
          error={perCustomer === undefined ? t('staff.promo.badLimit') : null}
        />
        <ErrorNotice error={create.error} />
        <Button type="submit" busy={create.isPending} disabled={!valid}>
          {t('staff.common.create')}
        </Button>
      </form>
    </div>
  );
}

type OnValue = (e: { target: { value: string } }) => void;

/** A promo code's validity window, flagged when it ends before it starts; shared by create and edit. */
export function PromoValidityFields(p: { from: string; until: string; onFrom: OnValue; onUntil: OnValue }) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      <Field label={t('staff.promo.validFrom')} type="datetime-local" value={p.from} onChange={p.onFrom} />
      <Field
        label={t('staff.promo.validUntil')}
        type="datetime-local"
        value={p.until}
        onChange={p.onUntil}
        error={validityOk(p.from, p.until) ? null : t('staff.promo.badValidity')}
      />
    </div>
  );
}
