// Sales over a range of days: per currency its totals and charts per day and movie (amounts in
// different currencies are never put side by side unlabelled), the showtimes a page at a time with
// a link to each one's live view, and the CSV export of them all.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, SelectField } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';
import { useCinemas } from '../use-cinemas.ts';
import { addDays, todayIn } from '../zoned.ts';
import { ColumnChart, RowChart } from './BarChart.tsx';

/** Showtimes listed per page; the totals and charts cover the whole range. */
const PAGE = 20;

export function SalesPage() {
  const { t, money, date: fmtDate } = useI18n();
  useTitle(t('staff.nav.sales'));
  const { cinemas, current } = useCinemas();
  const today = todayIn(current?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [from, setFrom] = useState(() => addDays(today, -6));
  const [to, setTo] = useState(() => addDays(today, 7));
  const [cinemaId, setCinemaId] = useState('');
  const q = { from, to, ...(cinemaId ? { cinemaId } : {}) };
  const filter = `${from}:${to}:${cinemaId}`;
  // A new range or cinema starts again at the first page.
  const [paging, setPaging] = useState({ filter, offset: 0 });
  const offset = paging.filter === filter ? paging.offset : 0;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const report = useQuery({ ...staffQueries.sales({ ...q, limit: PAGE, offset }), enabled: valid });
  // While the next page loads the one shown stays (placeholder data), pager and all: the button
  // just pressed keeps the focus and the page keeps its height.
  const r = report.data;
  const total = r?.showtimeCount ?? 0;
  const atStart = offset === 0;
  const atEnd = offset + PAGE >= total;
  const pager = useRef<HTMLElement>(null);
  // The pager button to focus once the one pressed is disabled (the first or the last page).
  const refocus = useRef<'first' | 'last' | null>(null);
  const turn = (by: number) => {
    const next = Math.max(0, offset + by);
    if (by < 0 && next === 0) refocus.current = 'last';
    if (by > 0 && next + PAGE >= total) refocus.current = 'first';
    setPaging({ filter, offset: next });
  };
  useEffect(() => {
    const which = refocus.current;
    refocus.current = null;
    const buttons = pager.current?.querySelectorAll('button');
    if (which && buttons?.length) buttons[which === 'first' ? 0 : buttons.length - 1]!.focus();
  }, [offset]);

  return (
    <div className="container page sales-page">
      <div className="page-head">
        <h1>{t('staff.nav.sales')}</h1>
        <div className="schedule-controls">
          <SelectField label={t('staff.common.cinema')} value={cinemaId} onChange={(e) => setCinemaId(e.target.value)}>
            <option value="">{t('staff.sales.allCinemas')}</option>
            {cinemas.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <Field label={t('staff.sales.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <Field
            label={t('staff.sales.to')}
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={valid ? null : t('staff.sales.badRange')}
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
          {t('staff.sales.csv')}
        </a>
      </div>
      {!r ? (
        <Skeleton height="16rem" width="100%" />
      ) : (
        <div aria-busy={report.isPlaceholderData || undefined}>
          {r.totals.length === 0 && <p className="empty">{t('staff.sales.none')}</p>}
          {r.totals.map((tot) => {
            const currency = tot.net.currency;
            const id = `sales-${currency}`;
            const days = r.days.filter((d) => d.net.currency === currency);
            const movies = r.movies.filter((m) => m.net.currency === currency).slice(0, 12);
            return (
              <section key={currency} className="sales-currency" aria-labelledby={id}>
                <h2 id={id}>{t('staff.sales.inCurrency', { currency })}</h2>
                <dl className="kpis">
                  <div className="kpi">
                    <dt>{t('staff.sales.net')}</dt>
                    <dd>{money(tot.net, { mixed: true })}</dd>
                  </div>
                  <div className="kpi">
                    <dt>{t('staff.sales.tickets')}</dt>
                    <dd>{tot.tickets}</dd>
                  </div>
                  <div className="kpi">
                    <dt>{t('staff.sales.refunded')}</dt>
                    <dd>{money(tot.refunded, { mixed: true })}</dd>
                  </div>
                  <div className="kpi">
                    <dt>{t('staff.sales.showtimes')}</dt>
                    <dd>{tot.showtimes}</dd>
                  </div>
                </dl>
                <div className="sales-charts">
                  <section className="panel" aria-labelledby={`${id}-by-day`}>
                    <h3 id={`${id}-by-day`}>{t('staff.sales.byDay')}</h3>
                    <ColumnChart
                      label={t('staff.sales.byDayChart', { from: fmtDate(from), to: fmtDate(to) })}
                      bars={days.map((d) => ({
                        key: d.date,
                        label: d.date.slice(5).replace('-', '/'),
                        value: d.net.amount,
                        display: money(d.net, { short: true, mixed: true }),
                      }))}
                    />
                  </section>
                  <section className="panel" aria-labelledby={`${id}-by-movie`}>
                    <h3 id={`${id}-by-movie`}>{t('staff.sales.byMovie')}</h3>
                    <RowChart
                      label={t('staff.sales.byMovieChart')}
                      bars={movies.map((m) => ({
                        key: m.movieId,
                        label: m.title,
                        value: m.net.amount,
                        display: money(m.net, { mixed: true }),
                      }))}
                    />
                  </section>
                </div>
              </section>
            );
          })}
          <h2 className="sales-list-title">{t('staff.sales.showtimesTable')}</h2>
          <div className="table-scroll">
            <table className="staff-table sales-table">
              <caption className="visually-hidden">{t('staff.sales.showtimesTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.sales.when')}</th>
                  <th scope="col">{t('staff.schedule.movie')}</th>
                  <th scope="col">{t('staff.schedule.hall')}</th>
                  <th scope="col">{t('staff.sales.tickets')}</th>
                  <th scope="col">{t('staff.sales.checkedIn')}</th>
                  <th scope="col">{t('staff.sales.net')}</th>
                </tr>
              </thead>
              <tbody>
                {r.showtimes.map((x) => (
                  <tr key={x.showtimeId} className={x.status === 'cancelled' ? 'is-cancelled' : undefined}>
                    <td>
                      {fmtDate(x.date)} {x.localTime}
                    </td>
                    <td>
                      <Link to="/staff/sales/$id" params={{ id: x.showtimeId }}>
                        {x.movieTitle}
                      </Link>
                    </td>
                    <td>
                      {x.hallName} · {x.cinemaName}
                    </td>
                    <td>
                      {x.tickets}/{x.capacity}
                    </td>
                    <td>{x.checkedIn}</td>
                    <td>{money(x.net, { mixed: true })}</td>
                  </tr>
                ))}
                {r.showtimes.length === 0 && (
                  <tr>
                    <td colSpan={6} className="empty">
                      {t('staff.sales.none')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {total > 0 && (
            <nav className="pager" aria-label={t('staff.sales.pages')} ref={pager}>
              <Button variant="ghost" onClick={() => turn(-PAGE)} disabled={atStart}>
                ← {t('staff.sales.prevPage')}
              </Button>
              <p aria-live="polite">
                {t('staff.sales.range', { first: r.offset + 1, last: r.offset + r.showtimes.length, total })}
              </p>
              <Button variant="ghost" onClick={() => turn(PAGE)} disabled={atEnd}>
                {t('staff.sales.nextPage')} →
              </Button>
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
