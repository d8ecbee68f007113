// One day of a cinema: a lane per hall on a 08:00–02:00 time line, each showtime a block (its
// cleaning buffer shaded) that opens its details.
import { useI18n } from '../../i18n/staff.ts';
import type { StaffHall, StaffShowtime } from '../staff-api.ts';
import { DAY_END, DAY_START, place } from './schedule-model.ts';

const HOURS = Array.from({ length: (DAY_END - DAY_START) / 60 / 2 + 1 }, (_, i) => DAY_START / 60 + i * 2);

export interface LanesProps {
  day: string;
  timeZone: string;
  halls: StaffHall[];
  showtimes: StaffShowtime[];
  cleaning: Map<string, number>;
  selectedId: string | null;
  compact?: boolean;
  onOpen(showtime: StaffShowtime): void;
}

export function Lanes({ day, timeZone, halls, showtimes, cleaning, selectedId, compact, onOpen }: LanesProps) {
  const { t, time, day: dayName } = useI18n();
  return (
    <section className={`lanes${compact ? ' is-compact' : ''}`} aria-label={dayName(`${day}T12:00:00Z`, 'UTC')}>
      <div className="lane-axis" aria-hidden="true">
        {HOURS.map((h) => (
          <span key={h} style={{ left: `${((h * 60 - DAY_START) / (DAY_END - DAY_START)) * 100}%` }}>
            {String(h % 24).padStart(2, '0')}:00
          </span>
        ))}
      </div>
      {halls.map((hall) => {
        const list = showtimes.filter((x) => x.hallId === hall.id);
        return (
          <div key={hall.id} className="lane">
            <h3 className="lane-name">{hall.name}</h3>
            <ul
              className="lane-track"
              aria-label={t('staff.schedule.laneLabel', { hall: hall.name, count: list.length })}
            >
              {list.map((x) => {
                const at = place(x, day, timeZone);
                const total = (Date.parse(x.endsAt) - Date.parse(x.startsAt)) / 60_000;
                const clean = Math.min(total, cleaning.get(hall.id) ?? 0);
                return (
                  <li key={x.id} className="lane-slot" style={{ left: `${at.left}%`, width: `${at.width}%` }}>
                    <button
                      type="button"
                      className={`lane-block${x.status === 'cancelled' ? ' is-cancelled' : ''}${selectedId === x.id ? ' is-selected' : ''}`}
                      style={{ ['--clean' as string]: `${(clean / total) * 100}%` }}
                      onClick={() => onOpen(x)}
                    >
                      <span className="lane-time">{time(x.startsAt, timeZone)}</span>{' '}
                      <span className="lane-title">{x.movieTitle}</span>
                      <span className="visually-hidden">
                        {t('staff.schedule.blockRest', {
                          to: time(x.endsAt, timeZone),
                          status: x.status === 'cancelled' ? `, ${t('staff.schedule.cancelled')}` : '',
                        })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
