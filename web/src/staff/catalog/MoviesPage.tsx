// Movies (admin): search as you type, paged, each opening its editor.
import { useState } from 'react';
import { useQuery } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Poster } from '../../ui/Poster.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, useDebounced, usePager } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { useStaffText } from '../staff-text.ts';

export function MoviesPage() {
  const s = useStaffText();
  const { duration, date } = useI18n();
  useTitle(s('nav.movies'));
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const pager = usePager(query);
  const list = useQuery(
    `staff:movies:${query}:${pager.cursor ?? ''}`,
    (signal) => staff.movies({ q: query || undefined, limit: 20, cursor: pager.cursor }, signal),
    { freshMs: 0 },
  );
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{s('nav.movies')}</h1>
        <ButtonLink to="/staff/movies/new">{s('movies.new')}</ButtonLink>
      </div>
      <Field
        label={s('movies.search')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="staff-search"
      />
      <ErrorNotice error={list.error} />
      <table className="staff-table">
        <caption className="visually-hidden">{s('nav.movies')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{s('movies.poster')}</span>
            </th>
            <th scope="col">{s('movies.title')}</th>
            <th scope="col">{s('movies.duration')}</th>
            <th scope="col">{s('movies.genres')}</th>
            <th scope="col">{s('movies.release')}</th>
          </tr>
        </thead>
        <tbody>
          {list.loading &&
            [0, 1, 2, 3].map((i) => (
              <tr key={i}>
                <td colSpan={5}>
                  <Skeleton width="70%" />
                </td>
              </tr>
            ))}
          {(list.data?.items ?? []).map((m) => (
            <tr key={m.id}>
              <td className="cell-poster">
                <Poster url={m.posterUrl} title={m.title} size="sm" />
              </td>
              <td>
                <Link to={`/staff/movies/${m.id}`}>{m.title}</Link>
              </td>
              <td>{duration(m.durationMinutes)}</td>
              <td>{m.genres.join(', ')}</td>
              <td>{m.releaseDate ? date(m.releaseDate) : '—'}</td>
            </tr>
          ))}
          {list.data?.items.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                {s('movies.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager
        page={pager.page}
        hasNext={!!list.data?.nextCursor}
        onPrev={pager.prev}
        onNext={() => list.data?.nextCursor && pager.next(list.data.nextCursor)}
      />
    </div>
  );
}
