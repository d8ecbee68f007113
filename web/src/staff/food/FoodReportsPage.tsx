// Concession reports (staff): takings by day, product or staff member for a cinema (or all) over a
// date range, with refunds beside them, and the attach rate per movie (food items per ticket).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Field } from '../../ui/Field.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorNotice, SelectField, SkeletonRows } from '../common.tsx';
import { download } from '../money/money-api.ts';
import { useCinemas } from '../use-cinemas.ts';
import { foodApi, foodKeys, type ReportGroup, type ReportRow } from './food-api.ts';
import './food.css';

const GROUPS: readonly ReportGroup[] = ['day', 'product', 'staff'];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function FoodReportsPage() {
  const { t, money, date } = useI18n();
  useTitle(t('staff.nav.foodReports'));
  const { cinemas } = useCinemas();
  const [cinemaId, setCinemaId] = useState('');
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [groupBy, setGroupBy] = useState<ReportGroup>('day');
  const range = { cinemaId: cinemaId || undefined, from, to };
  const ok = !!from && !!to && from <= to;
  const report = useQuery({
    queryKey: [...foodKeys.all(), 'report', groupBy, cinemaId, from, to],
    queryFn: () => foodApi.report({ ...range, groupBy }),
    enabled: ok,
    staleTime: 0,
  });
  const attach = useQuery({
    queryKey: [...foodKeys.all(), 'attach', cinemaId, from, to],
    queryFn: () => foodApi.attachRate(range),
    enabled: ok,
    staleTime: 0,
  });
  const [csvError, setCsvError] = useState<unknown>(null);
  /** The same report as a CSV file, from the server. */
  function csv(kind: 'takings' | 'attach') {
    const query = new URLSearchParams({
      from,
      to,
      ...(cinemaId ? { cinemaId } : {}),
      ...(kind === 'takings' ? { groupBy } : {}),
    });
    const path = kind === 'takings' ? 'concessions.csv' : 'concessions/attach-rate.csv';
    setCsvError(null);
    download(
      `/api/v1/reports/${path}?${query}`,
      `${kind === 'takings' ? 'concessions' : 'attach-rate'}-${from}-${to}.csv`,
    ).catch(setCsvError);
  }
  const cinemaName = (id: string) => cinemas.find((c) => c.id === id)?.name ?? '';
  const label = (r: ReportRow) =>
    groupBy === 'day'
      ? r.day
        ? date(r.day)
        : ''
      : groupBy === 'product'
        ? (r.productName ?? '')
        : r.staffUserId
          ? (r.staffName ?? r.staffUserId)
          : t('staff.food.reports.online');

  return (
    <div className="container page">
      <h1>{t('staff.nav.foodReports')}</h1>
      <div className="food-row">
        <SelectField label={t('staff.common.cinema')} value={cinemaId} onChange={(e) => setCinemaId(e.target.value)}>
          <option value="">{t('staff.food.reports.allCinemas')}</option>
          {cinemas.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('staff.food.reports.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Field
          label={t('staff.food.reports.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={ok ? null : t('staff.food.reports.badRange')}
        />
        <SelectField
          label={t('staff.food.reports.groupBy')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as ReportGroup)}
        >
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`staff.food.reports.by_${g}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorNotice error={report.error ?? attach.error ?? csvError} />
      <div className="staff-actions">
        <Button variant="secondary" disabled={!ok} onClick={() => csv('takings')}>
          {t('staff.food.reports.csvTakings')}
        </Button>
        <Button variant="secondary" disabled={!ok} onClick={() => csv('attach')}>
          {t('staff.food.reports.csvAttach')}
        </Button>
      </div>
      <table className="staff-table">
        <caption>{t('staff.food.reports.takings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`staff.food.reports.by_${groupBy}`)}</th>
            {!cinemaId && <th scope="col">{t('staff.common.cinema')}</th>}
            <th scope="col">{t('staff.food.reports.quantity')}</th>
            <th scope="col">{t('staff.food.reports.gross')}</th>
            <th scope="col">{t('staff.food.reports.refunded')}</th>
          </tr>
        </thead>
        <tbody>
          {report.isLoading && <SkeletonRows rows={3} columns={cinemaId ? 4 : 5} width="50%" />}
          {(report.data?.items ?? []).map((r, i) => (
            <tr key={i}>
              <td>{label(r)}</td>
              {!cinemaId && <td>{cinemaName(r.cinemaId)}</td>}
              <td>{r.quantity}</td>
              <td>{money(r.gross)}</td>
              <td>{money(r.refunded)}</td>
            </tr>
          ))}
        </tbody>
        {report.data && report.data.totals.length > 0 && (
          <tfoot>
            {report.data.totals.map((x) => (
              <tr key={x.gross.currency}>
                <th scope="row" colSpan={cinemaId ? 1 : 2}>
                  {t('staff.food.reports.total')}
                </th>
                <td>{x.quantity}</td>
                <td data-testid="food-report-gross">{money(x.gross)}</td>
                <td>{money(x.refunded)}</td>
              </tr>
            ))}
          </tfoot>
        )}
      </table>
      {report.data && report.data.items.length === 0 && <p className="empty">{t('staff.food.reports.none')}</p>}
      <table className="staff-table">
        <caption>{t('staff.food.reports.attach')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.food.reports.movie')}</th>
            <th scope="col">{t('staff.food.reports.tickets')}</th>
            <th scope="col">{t('staff.food.reports.items')}</th>
            <th scope="col">{t('staff.food.reports.attachRate')}</th>
          </tr>
        </thead>
        <tbody>
          {(attach.data?.items ?? []).map((r) => (
            <tr key={r.movieId}>
              <td>{r.title}</td>
              <td>{r.tickets}</td>
              <td>{r.items}</td>
              <td>{r.attachRate.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
