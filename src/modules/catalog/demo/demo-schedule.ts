// The demo programme: for each hall and local day, showtimes from about 13:00 until the last one
// that starts by 22:30 (cinema time, DST-safe), films in rotation, prices per seat type with an
// evening surcharge. Pure: the seeder inserts what this returns.
import { addDays, zonedTimeToInstant } from '../zoned-time.ts';
import type { DemoCinema, DemoHall } from './demo-cinemas.ts';

export interface DemoFilm {
  id: string;
  key: string;
  durationMinutes: number;
  language: string;
  /** Days from the seeding day before which it is not shown. */
  releaseInDays: number;
}

export interface PlannedShowtime {
  movie_id: string;
  hall_id: string;
  cinema_id: string;
  starts_at: string;
  ends_at: string;
  format: string;
  language: string;
  subtitles: string | null;
  prices: Record<string, number>;
  currency: string;
}

const FIRST_START = 13 * 60;
const LAST_START = 22 * 60 + 30;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Showtimes of one hall on one local day (`dayIndex` days after the seeding day), starting after `now`. */
export function planDay(
  cinema: DemoCinema & { id: string },
  hall: DemoHall & { id: string; index: number },
  films: Map<string, DemoFilm>,
  firstDay: string,
  dayIndex: number,
  now: Date,
): PlannedShowtime[] {
  const date = addDays(firstDay, dayIndex);
  const out: PlannedShowtime[] = [];
  let minutes = FIRST_START + (hall.index % 3) * 15;
  let turn = dayIndex + hall.index;
  while (minutes <= LAST_START) {
    let film: DemoFilm | undefined;
    for (let tries = 0; tries < hall.programme.length && !film; tries++, turn++) {
      const candidate = films.get(hall.programme[turn % hall.programme.length] ?? '');
      if (candidate && candidate.releaseInDays <= dayIndex) film = candidate;
    }
    if (!film) break;
    const startsAt = zonedTimeToInstant(date, hhmm(minutes), cinema.timezone);
    const run = film.durationMinutes + hall.cleaningMinutes;
    const evening = minutes >= 18 * 60 ? hall.eveningSurcharge : 0;
    if (startsAt.getTime() > now.getTime()) {
      const native = film.language === cinema.subtitles;
      out.push({
        movie_id: film.id,
        hall_id: hall.id,
        cinema_id: cinema.id,
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + run * 60_000).toISOString(),
        format: hall.format,
        language: film.language,
        subtitles: native ? null : cinema.subtitles,
        prices: Object.fromEntries(Object.entries(hall.prices).map(([type, p]) => [type, (p ?? 0) + evening])),
        currency: cinema.currency,
      });
    }
    // The next film starts on the next quarter hour after this one's end and cleaning.
    minutes = Math.ceil((minutes + run) / 15) * 15;
  }
  return out;
}
