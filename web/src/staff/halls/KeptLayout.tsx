// After a layout change: the coming showtimes that keep the layout they were sold with (they have
// sold or held seats), each linked to its live sales page; every other showtime takes the new one.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/staff.ts';
import { Notice } from '../../ui/Notice.tsx';
import { staffQueries } from '../staff-queries.ts';

export function KeptLayout({ cinemaId, kept }: { cinemaId: string; kept: { showtimeId: string; startsAt: string }[] }) {
  const { t, day, time } = useI18n();
  const tz = useQuery(staffQueries.cinema(cinemaId)).data?.timezone;
  if (kept.length === 0) return <p className="small muted">{t('staff.halls.keptNone')}</p>;
  return (
    <Notice tone="info" title={t('staff.halls.keptLayout')}>
      <ul className="plain-list" data-testid="kept-layout">
        {kept.map((k) => (
          <li key={k.showtimeId}>
            <Link to="/staff/sales/$id" params={{ id: k.showtimeId }}>
              {day(k.startsAt, tz)}, {time(k.startsAt, tz)}
            </Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
