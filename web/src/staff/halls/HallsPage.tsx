// A cinema's halls, each with its capacity, opening in the editor; a new hall starts from a grid.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ButtonLink } from '../../ui/Button.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { CinemaPicker } from '../CinemaPicker.tsx';
import { ErrorNotice, SkeletonRows } from '../common.tsx';
import { staffQueries } from '../staff-queries.ts';
import { useI18n } from '../../i18n/staff.ts';
import { useCinemas } from '../use-cinemas.ts';

export function HallsPage() {
  const { t } = useI18n();
  useTitle(t('staff.nav.halls'));
  const { cinemas, current, setCinemaId, error } = useCinemas();
  const halls = useQuery({ ...staffQueries.halls(current?.id ?? '', { fresh: true }), enabled: !!current });
  return (
    <div className="container page">
      <div className="page-head">
        <h1>{t('staff.nav.halls')}</h1>
        <CinemaPicker cinemas={cinemas} value={current?.id} onChange={setCinemaId} />
      </div>
      <ErrorNotice error={error ?? halls.error} />
      {current && (
        <ButtonLink to="/staff/halls/$id" params={{ id: 'new' }} search={{ cinemaId: current.id }} className="mb-2">
          {t('staff.halls.new')}
        </ButtonLink>
      )}
      <table className="staff-table">
        <caption className="visually-hidden">{t('staff.nav.halls')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.hall.name')}</th>
            <th scope="col">{t('staff.halls.capacity')}</th>
            <th scope="col">{t('staff.halls.rows')}</th>
            <th scope="col">{t('staff.hall.cleaning')}</th>
          </tr>
        </thead>
        <tbody>
          {halls.isLoading && <SkeletonRows rows={3} columns={4} width="60%" />}
          {(halls.data ?? []).map((h) => (
            <tr key={h.id}>
              <td>
                <Link to="/staff/halls/$id" params={{ id: h.id }}>
                  {h.name}
                </Link>
              </td>
              <td>{h.capacity}</td>
              <td>{h.layout.rows.length}</td>
              <td>{t('staff.common.minutes', { n: h.cleaningMinutes })}</td>
            </tr>
          ))}
          {halls.data?.length === 0 && (
            <tr>
              <td colSpan={4} className="empty">
                {t('staff.halls.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
