// Movies (admin): search as you type, paged, each opening its editor.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Poster } from '../../ui/Poster.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, SkeletonRows, useDebounced, usePager } from '../common.tsx';
import { staffQueries } from '../staff-queries.ts';

export function MoviesPage() {
  const { t, duration, date } = useI18n();
  useTitle(t('staff.nav.movies'));
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const pager = usePager(query);
  const list = useQuery(staffQueries.moviePage({ q: query, cursor: pager.cursor }));
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.movies')}</h1>
        <ButtonLink to="/staff/movies/$id" params={{ id: 'new' }}>
          {t('staff.movies.new')}
        </ButtonLink>
      </div>
      <Field
        label={t('staff.movies.search')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="staff-search"
      />
      <ErrorNotice error={list.error} />
      <div className="table-scroll">
        <table className="staff-table">
          <caption className="visually-hidden">{t('staff.nav.movies')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('staff.movies.poster')}</span>
              </th>
              <th scope="col">{t('staff.movies.title')}</th>
              <th scope="col">{t('staff.movies.duration')}</th>
              <th scope="col">{t('staff.movies.genres')}</th>
              <th scope="col">{t('staff.movies.release')}</th>
            </tr>
          </thead>
          <tbody>
            {list.isLoading && <SkeletonRows rows={4} columns={5} width="70%" />}
            {(list.data?.items ?? []).map((m) => (
              <tr key={m.id}>
                <td className="cell-poster">
                  <Poster url={m.posterUrl} title={m.title} size="sm" />
                </td>
                <td>
                  <Link to="/staff/movies/$id" params={{ id: m.id }}>
                    {m.title}
                  </Link>
                </td>
                <td>{duration(m.durationMinutes)}</td>
                <td>{m.genres.join(', ')}</td>
                <td>{m.releaseDate ? date(m.releaseDate) : '—'}</td>
              </tr>
            ))}
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">
                  {t('staff.movies.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        page={pager.page}
        hasNext={!!list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      />
    </div>
  );
}
