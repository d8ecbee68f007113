// Cinemas (admin): every cinema with its city and time zone.
import { useQuery } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, usePager } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { useStaffText } from '../staff-text.ts';

export function CinemasPage() {
  const s = useStaffText();
  useTitle(s('nav.cinemas'));
  const pager = usePager('');
  const list = useQuery(
    `staff:cinemas-page:${pager.cursor ?? ''}`,
    (signal) => staff.cinemas({ limit: 25, cursor: pager.cursor }, signal),
    { freshMs: 0 },
  );
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{s('nav.cinemas')}</h1>
        <ButtonLink to="/staff/cinemas/new">{s('cinemas.new')}</ButtonLink>
      </div>
      <ErrorNotice error={list.error} />
      <table className="staff-table">
        <caption className="visually-hidden">{s('nav.cinemas')}</caption>
        <thead>
          <tr>
            <th scope="col">{s('cinemas.name')}</th>
            <th scope="col">{s('cinemas.city')}</th>
            <th scope="col">{s('cinemas.timezone')}</th>
          </tr>
        </thead>
        <tbody>
          {list.loading && (
            <tr>
              <td colSpan={3}>
                <Skeleton width="60%" />
              </td>
            </tr>
          )}
          {(list.data?.items ?? []).map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/staff/cinemas/${c.id}`}>{c.name}</Link>
              </td>
              <td>{c.city}</td>
              <td>{c.timezone}</td>
            </tr>
          ))}
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
