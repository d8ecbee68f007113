// Bulk data for the catalog benchmark, made in a few generate_series statements: 10,000 movies
// with believable words in their titles and people in their casts, 5 cinemas with 50 halls of
// 100 seats, and 200,000 non-overlapping showtimes (every 3 hours in each hall).
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';

const ADJECTIVES = [
  'Midnight',
  'Silent',
  'Golden',
  'Broken',
  'Hidden',
  'Crimson',
  'Northern',
  'Last',
  'Electric',
  'Quiet',
  'Burning',
  'Frozen',
  'Wild',
  'Secret',
  'Distant',
  'Paper',
  'Iron',
  'Velvet',
  'Hollow',
  'Bright',
  'Lonely',
  'Savage',
  'Gentle',
  'Restless',
  'Forgotten',
  'Endless',
  'Painted',
  'Silver',
  'Falling',
  'Sleeping',
];
const NOUNS = [
  'Harbour',
  'Garden',
  'Empire',
  'River',
  'Station',
  'Kingdom',
  'Lantern',
  'Horizon',
  'Mirror',
  'Orchard',
  'Frontier',
  'Canyon',
  'Symphony',
  'Carnival',
  'Voyage',
  'Island',
  'Tower',
  'Engine',
  'Shadow',
  'Meadow',
  'Citadel',
  'Compass',
  'Harvest',
  'Lighthouse',
  'Circus',
  'Desert',
  'Ocean',
  'Valley',
  'Bridge',
  'Winter',
  'Summer',
  'Machine',
  'Promise',
  'Letters',
  'Ghosts',
  'Thunder',
  'Festival',
  'Labyrinth',
  'Cathedral',
  'Railway',
];
const FIRST = [
  'Anna',
  'Björn',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Greta',
  'Hiroshi',
  'Ines',
  'Jonas',
  'Kemal',
  'Lucía',
  'Mateo',
  'Noor',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Søren',
  'Tomás',
  'Ulla',
  'Vikram',
  'Wanda',
  'Xavier',
  'Yara',
  'Zoë',
];
const LAST = [
  'Andersson',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'López',
  'Müller',
  'Novak',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schneider',
  'Tanaka',
  'Ueda',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhang',
];
const GENRES = [
  'Drama',
  'Comedy',
  'Thriller',
  'Science Fiction',
  'Romance',
  'Horror',
  'Documentary',
  'Animation',
  'Western',
  'Crime',
];

export interface BenchCatalog {
  cinemaId: string;
  /** Tomorrow in the cinema's zone: a day full of showtimes. */
  busyDate: string;
  words: string[];
  people: string[];
  genres: string[];
}

export async function seedBenchCatalog(database: Database): Promise<BenchCatalog> {
  const db = database.db;
  const now = new Date();
  await sql`
    insert into movies (title, synopsis, duration_minutes, genres, language, cast_names, director, release_date, created_at, updated_at)
    select a[1 + g % 30] || ' ' || n[1 + (g / 30) % 40] || case when g >= 1200 then ' ' || (g / 1200 + 1)::text else '' end,
      'A story about ' || lower(n[1 + (g / 7) % 40]) || ' and ' || lower(n[1 + (g / 11) % 40]) || ', number ' || g,
      80 + g % 70, array[ge[1 + g % 10]], 'en',
      array[f[1 + g % 26] || ' ' || l[1 + (g / 7) % 25], f[1 + (g / 3) % 26] || ' ' || l[1 + (g / 13) % 25], f[1 + (g / 17) % 26] || ' ' || l[1 + g % 25]],
      f[1 + (g / 5) % 26] || ' ' || l[1 + (g / 19) % 25],
      date '2019-01-01' + (g % 3000),
      ${now}::timestamptz - make_interval(secs => g), ${now}
    from generate_series(0, 9999) g,
      (select ${ADJECTIVES}::text[] as a, ${NOUNS}::text[] as n, ${FIRST}::text[] as f, ${LAST}::text[] as l, ${GENRES}::text[] as ge) w`.execute(
    db,
  );
  await sql`
    insert into cinemas (name, city, timezone)
    select 'Bench Cinema ' || g, case when g = 1 then 'Benchburg' else 'City ' || g end, 'Europe/Berlin' from generate_series(1, 5) g`.execute(
    db,
  );
  await sql`
    insert into halls (cinema_id, name, layout, capacity)
    select c.id, 'Hall ' || h, '{"rows":[]}'::jsonb, 100 from cinemas c, generate_series(1, 10) h`.execute(db);
  await sql`
    insert into seats (hall_id, row_label, number, type, x, y, row_index)
    select h.id, chr(65 + s / 10), s % 10 + 1, case when s >= 90 then 'vip' else 'standard' end, s % 10, s / 10, s / 10
    from halls h, generate_series(0, 99) s`.execute(db);
  // 50 halls × 4,000 slots three hours apart: 500 days of programme, never overlapping.
  await sql`
    with m as (select array_agg(id order by id) as ids from movies),
         h as (select array_agg(id order by cinema_id, name) as ids, array_agg(cinema_id order by cinema_id, name) as cinemas from halls)
    insert into showtimes (movie_id, hall_id, cinema_id, starts_at, ends_at, format, prices, currency)
    select m.ids[1 + (g * 7919) % 10000], h.ids[1 + g % 50], h.cinemas[1 + g % 50],
      date_trunc('hour', ${now}::timestamptz) + make_interval(hours => 3 * (g / 50) + 1),
      date_trunc('hour', ${now}::timestamptz) + make_interval(hours => 3 * (g / 50) + 1, mins => 165),
      '2D', '{"standard": 1000, "vip": 1500}'::jsonb, 'EUR'
    from generate_series(0, 199999) g, m, h`.execute(db);
  await sql`analyze`.execute(db);
  const cinema = await db.selectFrom('cinemas').select('id').where('city', '=', 'Benchburg').executeTakeFirstOrThrow();
  const busyDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(now.getTime() + 86_400_000),
  );
  const people = FIRST.slice(0, 20).map((f, i) => `${f} ${LAST[i % LAST.length]}`);
  return {
    cinemaId: cinema.id,
    busyDate,
    words: [...ADJECTIVES, ...NOUNS].map((w) => w.toLowerCase()),
    people,
    genres: GENRES,
  };
}
