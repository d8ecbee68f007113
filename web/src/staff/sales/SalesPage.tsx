// Sales over a range of days: totals, per day and per movie with charts, each showtime with a link
// to its live view, and the CSV export.
import { Fragment, useState } from 'react';
import { useQuery } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SelectField } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { useStaffText } from '../staff-text.ts';
import { useCinemas } from '../use-cinemas.ts';
import { addDays, todayIn } from '../zoned.ts';
import { ColumnChart, RowChart } from './BarChart.tsx';

export function SalesPage() {
  const s = useStaffText();
  const { money, date: fmtDate } = useI18n();
  useTitle(s('nav.sales'));
  const { cinemas, current } = useCinemas();
  const today = todayIn(current?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [from, setFrom] = useState(() => addDays(today, -6));
  const [to, setTo] = useState(() => addDays(today, 7));
  const [cinemaId, setCinemaId] = useState('');
  const q = { from, to, ...(cinemaId ? { cinemaId } : {}) };
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const report = useQuery(valid ? `staff:sales:${from}:${to}:${cinemaId}` : null, (signal) => staff.sales(q, signal), {
    freshMs: 0,
  });
  const r = report.data;
  const currency = r?.totals[0]?.net.currency;
  const days = (r?.days ?? []).filter((d) => d.net.currency === currency);
  const movies = (r?.movies ?? []).filter((m) => m.net.currency === currency).slice(0, 12);

  return (
    <div className="container page sales-page">
      <div className="page-head">
        <h1>{s('nav.sales')}</h1>
        <div className="schedule-controls">
          <SelectField label={s('common.cinema')} value={cinemaId} onChange={(e) => setCinemaId(e.target.value)}>
            <option value="">{s('sales.allCinemas')}</option>
            {cinemas.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <Field label={s('sales.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <Field
            label={s('sales.to')}
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={valid ? null : s('sales.badRange')}
          />
        </div>
      </div>
      <ErrorNotice error={report.error} />
      <div className="staff-actions">
        <a
          className="btn btn-secondary"
          href={staff.salesCsvUrl(q)}
          download={`sales-${from}-to-${to}.csv`}
          aria-disabled={!valid || undefined}
        >
          {s('sales.csv')}
        </a>
      </div>
      {!r ? (
        <Skeleton height="16rem" width="100%" />
      ) : (
        <>
          <dl className="kpis">
            {(r.totals.length ? r.totals : [null]).map((tot, i) => (
              <Fragment key={i}>
                <div className="kpi">
                  <dt>{s('sales.net')}</dt>
                  <dd>{tot ? money(tot.net) : '—'}</dd>
                </div>
                <div className="kpi">
                  <dt>{s('sales.tickets')}</dt>
                  <dd>{tot?.tickets ?? 0}</dd>
                </div>
                <div className="kpi">
                  <dt>{s('sales.refunded')}</dt>
                  <dd>{tot ? money(tot.refunded) : '—'}</dd>
                </div>
                <div className="kpi">
                  <dt>{s('sales.showtimes')}</dt>
                  <dd>{tot?.showtimes ?? 0}</dd>
                </div>
              </Fragment>
            ))}
          </dl>
          <div className="sales-charts">
            <section className="panel" aria-labelledby="by-day">
              <h2 id="by-day">{s('sales.byDay')}</h2>
              <ColumnChart
                label={s('sales.byDayChart', { from: fmtDate(from), to: fmtDate(to) })}
                bars={days.map((d) => ({
                  key: d.date,
                  label: d.date.slice(5).replace('-', '/'),
                  value: d.net.amount,
                  display: money(d.net, { short: true }),
                }))}
              />
            </section>
            <section className="panel" aria-labelledby="by-movie">
              <h2 id="by-movie">{s('sales.byMovie')}</h2>
              <RowChart
                label={s('sales.byMovieChart')}
                bars={movies.map((m) => ({
                  key: m.movieId,
                  label: m.title,
                  value: m.net.amount,
                  display: money(m.net),
                }))}
              />
            </section>
          </div>
          <table className="staff-table">
            <caption>{s('sales.showtimesTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{s('sales.when')}</th>
                <th scope="col">{s('schedule.movie')}</th>
                <th scope="col">{s('schedule.hall')}</th>
                <th scope="col">{s('sales.tickets')}</th>
                <th scope="col">{s('sales.checkedIn')}</th>
                <th scope="col">{s('sales.net')}</th>
              </tr>
            </thead>
            <tbody>
              {r.showtimes.map((x) => (
                <tr key={x.showtimeId} className={x.status === 'cancelled' ? 'is-cancelled' : undefined}>
                  <td>
                    {fmtDate(x.date)} {x.localTime}
                  </td>
                  <td>
                    <Link to={`/staff/sales/${x.showtimeId}`}>{x.movieTitle}</Link>
                  </td>
                  <td>
                    {x.hallName} · {x.cinemaName}
                  </td>
                  <td>
                    {x.tickets}/{x.capacity}
                  </td>
                  <td>{x.checkedIn}</td>
                  <td>{money(x.net)}</td>
                </tr>
              ))}
              {r.showtimes.length === 0 && (
                <tr>
                  <td colSpan={6} className="empty">
                    {s('sales.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
