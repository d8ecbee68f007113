// One promo code (admin): a new one (PromoCreateForm.tsx), or an existing one: its uses, its name,
// validity and limits to edit, deactivating or activating it, and the CSV of its generated codes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import { RecordPending } from '../edit-record.tsx';
import { staffQueries } from '../staff-queries.ts';
import { download, moneyApi, moneyKeys, moneyQueries, type PromoCode, type PromoScope } from './money-api.ts';
import './money.css';
import { useDiscountText } from './PromoCodesPage.tsx';
import { PromoCreateForm, PromoValidityFields } from './PromoCreateForm.tsx';
import { csvName, instant, limitOf, localInput, validityOk } from './money-form.ts';

export function PromoEditPage() {
  const { id } = useParams({ from: '/staff/promo-codes/$id' });
  const promo = useQuery({ ...moneyQueries.promoCode(id), enabled: id !== 'new' });
  if (id === 'new') return <PromoCreateForm />;
  if (!promo.data) return <RecordPending query={promo} />;
  return <PromoDetail key={promo.data.id} promo={promo.data} />;
}

/** What a code applies to, in a line: "Adult · 2 movies · Kino Mitte · 2026-12-01 – 2026-12-24". */
function useScopeText(): (scope: PromoScope | null) => string {
  const { t, date } = useI18n();
  const cinemas = useQuery(staffQueries.allCinemas()).data ?? [];
  return (scope) => {
    const parts: string[] = [];
    if (scope?.ticketTypes?.length) parts.push(scope.ticketTypes.join(', '));
    if (scope?.movieIds?.length) parts.push(t('staff.promo.movieCount', { count: scope.movieIds.length }));
    if (scope?.cinemaIds?.length)
      parts.push(scope.cinemaIds.map((id) => cinemas.find((c) => c.id === id)?.name ?? '…').join(', '));
    if (scope?.showtimeIds?.length) parts.push(t('staff.promo.showtimeCount', { count: scope.showtimeIds.length }));
    if (scope?.from || scope?.to)
      parts.push(`${scope.from ? date(scope.from) : '…'} – ${scope.to ? date(scope.to) : '…'}`);
    return parts.length > 0 ? parts.join(' · ') : t('staff.promo.everything');
  };
}

function PromoDetail({ promo }: { promo: PromoCode }) {
  const { t, dateTime } = useI18n();
  useTitle(promo.name);
  const queryClient = useQueryClient();
  const discount = useDiscountText();
  const scopeText = useScopeText();
  const [form, setForm] = useState({
    name: promo.name,
    validFrom: localInput(promo.validFrom),
    validUntil: localInput(promo.validUntil),
    maxUses: promo.maxUses === null ? '' : String(promo.maxUses),
    maxUsesPerCustomer: promo.maxUsesPerCustomer === null ? '' : String(promo.maxUsesPerCustomer),
  });
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };
  const maxUses = limitOf(form.maxUses);
  const perCustomer = limitOf(form.maxUsesPerCustomer);
  const refresh = (updated: PromoCode) => {
    queryClient.setQueryData(moneyQueries.promoCode(promo.id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: [...moneyKeys.promo(), 'page'] });
  };
  const save = useMutation({
    mutationFn: () =>
      moneyApi.updatePromoCode(promo.id, {
        name: form.name.trim(),
        validFrom: instant(form.validFrom) ?? null,
        validUntil: instant(form.validUntil) ?? null,
        ...(promo.generatedCount === 0 && { maxUses: maxUses ?? null }),
        maxUsesPerCustomer: perCustomer ?? null,
      }),
    onSuccess: (updated) => {
      setSaved(true);
      refresh(updated);
    },
  });
  const toggle = useMutation({
    mutationFn: async () => {
      if (promo.active) await moneyApi.deactivatePromoCode(promo.id);
      else await moneyApi.updatePromoCode(promo.id, { active: true });
      return moneyApi.promoCode(promo.id);
    },
    onSuccess: refresh,
  });
  const csv = useMutation({
    mutationFn: () => download(moneyApi.promoCodesCsvUrl(promo.id), csvName(promo.name)),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (maxUses === undefined || perCustomer === undefined || !validityOk(form.validFrom, form.validUntil)) return;
    save.mutate();
  }

  return (
    <div className="container page">
      <p>
        <Link to="/staff/promo-codes">{t('staff.promo.back')}</Link>
      </p>
      <h1>{promo.name}</h1>
      <dl className="money-facts">
        <dt>{t('staff.promo.code')}</dt>
        <dd data-testid="promo-code">
          {promo.code ?? t('staff.promo.generatedCount', { count: promo.generatedCount })}
        </dd>
        <dt>{t('staff.promo.discount')}</dt>
        <dd>{discount(promo)}</dd>
        <dt>{t('staff.promo.uses')}</dt>
        <dd data-testid="promo-uses">
          {promo.generatedCount > 0
            ? t('staff.promo.codesUsed', { uses: promo.uses, count: promo.generatedCount })
            : promo.maxUses === null
              ? t('staff.promo.usesUnlimited', { uses: promo.uses })
              : t('staff.promo.usesOf', { uses: promo.uses, max: promo.maxUses })}
        </dd>
        <dt>{t('staff.promo.scope')}</dt>
        <dd>{scopeText(promo.scope)}</dd>
        <dt>{t('staff.promo.status')}</dt>
        <dd>{t(promo.active ? 'staff.promo.active' : 'staff.promo.inactive')}</dd>
        <dt>{t('staff.promo.created')}</dt>
        <dd>{dateTime(promo.createdAt)}</dd>
      </dl>
      {promo.generatedCount > 0 && (
        <p>
          <Button variant="secondary" busy={csv.isPending} onClick={() => csv.mutate()}>
            {t('staff.promo.downloadCsv', { count: promo.generatedCount })}
          </Button>
        </p>
      )}
      <ErrorNotice error={csv.error ?? toggle.error} />
      <form onSubmit={submit} className="edit-form panel promo-form">
        <h2>{t('staff.promo.edit')}</h2>
        <Field label={t('staff.promo.name')} value={form.name} onChange={set('name')} required maxLength={200} />
        <PromoValidityFields
          from={form.validFrom}
          until={form.validUntil}
          onFrom={set('validFrom')}
          onUntil={set('validUntil')}
        />
        <div className="field-row">
          {promo.generatedCount === 0 && (
            <Field
              label={t('staff.promo.maxUses')}
              inputMode="numeric"
              value={form.maxUses}
              onChange={set('maxUses')}
              hint={t('staff.promo.noLimitHint')}
              error={maxUses === undefined ? t('staff.promo.badLimit') : null}
            />
          )}
          <Field
            label={t('staff.promo.maxPerCustomer')}
            inputMode="numeric"
            value={form.maxUsesPerCustomer}
            onChange={set('maxUsesPerCustomer')}
            error={perCustomer === undefined ? t('staff.promo.badLimit') : null}
          />
        </div>
        <ErrorNotice error={save.error} />
        {saved && <Notice tone="success">{t('staff.common.saved')}</Notice>}
        <div className="staff-actions">
          <Button type="submit" busy={save.isPending}>
            {t('staff.common.save')}
          </Button>
          <Button
            variant={promo.active ? 'danger' : 'secondary'}
            busy={toggle.isPending}
            onClick={() => toggle.mutate()}
          >
            {t(promo.active ? 'staff.promo.deactivate' : 'staff.promo.activate')}
          </Button>
        </div>
      </form>
    </div>
  );
}
