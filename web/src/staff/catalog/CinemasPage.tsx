// Cinemas (admin): every cinema with its city and time zone.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ButtonLink } from '../../ui/Button.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice, Pager, usePager } from '../common.tsx';
import { staffQueries } from '../staff-queries.ts';
import { useI18n } from '../../i18n/staff.ts';

export function CinemasPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.cinemas'));
  const pager = usePager('');
  const list = useQuery(staffQueries.cinemaPage(pager.cursor));
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.cinemas')}</h1>
        <ButtonLink to="/staff/cinemas/$id" params={{ id: 'new' }}>
          {t('staff.cinemas.new')}
        </ButtonLink>
      </div>
      <ErrorNotice error={list.error} />
      <div className="table-scroll">
        <table className="staff-table">
          <caption className="visually-hidden">{t('staff.nav.cinemas')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.cinemas.name')}</th>
              <th scope="col">{t('staff.cinemas.city')}</th>
              <th scope="col">{t('staff.cinemas.timezone')}</th>
            </tr>
          </thead>
          <tbody>
            {list.isLoading && (
              <tr>
                <td colSpan={3}>
                  <Skeleton width="60%" />
                </td>
              </tr>
            )}
            {(list.data?.items ?? []).map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to="/staff/cinemas/$id" params={{ id: c.id }}>
                    {c.name}
                  </Link>
                </td>
                <td>{c.city}</td>
                <td>{c.timezone}</td>
              </tr>
            ))}
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
