// The demo chain's films and people: invented, but written to feel like a real programme.
import type { PersonRole } from '../people.store.ts';

export interface DemoPerson {
  key: string;
  name: string;
  bio: string;
}

export interface DemoMovie {
  key: string;
  title: string;
  originalTitle?: string;
  synopsis: string;
  durationMinutes: number;
  ageRating: string;
  genres: string[];
  language: string;
  countries: string[];
  /** Days from today; negative is already released. */
  releaseInDays: number;
  director: string;
  cast: string[];
  people: { key: string; role: PersonRole }[];
  poster: { from: string; to: string; accent: string; tagline: string };
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'lindqvist',
    name: 'Mara Lindqvist',
    bio: 'Swedish director known for slow, luminous dramas set on the edges of the map.',
  },
  {
    key: 'ferreira',
    name: 'Tomás Ferreira',
    bio: 'Lisbon-born filmmaker who began in music videos and never quite stopped dancing.',
  },
  {
    key: 'okonkwo',
    name: 'Adaeze Okonkwo',
    bio: 'Director and former physicist whose science fiction is praised for getting the orbits right.',
  },
  {
    key: 'marchetti',
    name: 'Julien Marchetti',
    bio: 'Animator and storyteller; his hand-painted films take years and look it.',
  },
  { key: 'sato', name: 'Hana Sato', bio: 'Writer-director of tight, nocturnal thrillers.' },
  { key: 'calloway', name: 'Rhys Calloway', bio: 'Welsh director of westerns that are really about weather.' },
  {
    key: 'brandt',
    name: 'Ingrid Brandt',
    bio: 'Stage actor turned screen lead, twice nominated for her work in Nordic dramas.',
  },
  { key: 'osei', name: 'Kwame Osei', bio: 'Versatile lead, equally at home in space suits and period costume.' },
  { key: 'duarte', name: 'Leonor Duarte', bio: 'Portuguese actor and singer; her fado recordings outsell her films.' },
  { key: 'whitlock', name: 'Sam Whitlock', bio: 'Character actor with a gift for quiet menace and louder comedy.' },
  { key: 'moreau', name: 'Élodie Moreau', bio: 'Young French actor who debuted at eleven and has not slowed down.' },
  { key: 'nakamura', name: 'Kenji Nakamura', bio: 'Veteran of crime cinema, now choosing smaller, stranger roles.' },
  { key: 'reyes', name: 'Paloma Reyes', bio: 'Comic actor and writer; co-wrote most of her best lines.' },
  { key: 'harlan', name: 'Owen Harlan', bio: 'Rugged lead of westerns and, lately, of family comedies.' },
];

const palette = (from: string, to: string, accent: string, tagline: string) => ({ from, to, accent, tagline });

export const DEMO_MOVIES: DemoMovie[] = [
  {
    key: 'lighthouse',
    title: "The Lighthouse Keeper's Daughter",
    durationMinutes: 118,
    ageRating: '12',
    genres: ['Drama'],
    language: 'en',
    countries: ['SE', 'GB'],
    releaseInDays: -24,
    director: 'Mara Lindqvist',
    cast: ['Ingrid Brandt', 'Sam Whitlock', 'Freya Holm'],
    people: [
      { key: 'lindqvist', role: 'director' },
      { key: 'brandt', role: 'actor' },
      { key: 'whitlock', role: 'actor' },
    ],
    synopsis:
      "On a storm-bound island off the Swedish coast, a young woman keeps her late father's light burning while a stranger washed ashore claims to have known him better than she did.",
    poster: palette('#0b2545', '#8da9c4', '#f4d35e', 'Some lights are kept for someone'),
  },
  {
    key: 'atlas',
    title: 'Midnight at the Atlas Hotel',
    durationMinutes: 124,
    ageRating: '16',
    genres: ['Mystery', 'Thriller'],
    language: 'en',
    countries: ['US'],
    releaseInDays: -10,
    director: 'Hana Sato',
    cast: ['Kenji Nakamura', 'Paloma Reyes', 'Victor Lang'],
    people: [
      { key: 'sato', role: 'director' },
      { key: 'nakamura', role: 'actor' },
      { key: 'reyes', role: 'actor' },
    ],
    synopsis:
      "A night porter with a perfect memory has until dawn to work out which of the hotel's eleven guests rang for room service from a room that has been locked for forty years.",
    poster: palette('#1b1b1e', '#7b2d26', '#e0c879', "Check in. Don't check the clock."),
  },
  {
    key: 'orbit',
    title: 'Orbit of Ashes',
    durationMinutes: 142,
    ageRating: '12',
    genres: ['Science Fiction', 'Adventure'],
    language: 'en',
    countries: ['US', 'NG'],
    releaseInDays: -3,
    director: 'Adaeze Okonkwo',
    cast: ['Kwame Osei', 'Ingrid Brandt', 'Dev Malhotra'],
    people: [
      { key: 'okonkwo', role: 'director' },
      { key: 'osei', role: 'actor' },
      { key: 'brandt', role: 'actor' },
    ],
    synopsis:
      'When a mining station above a dying moon loses contact, its last pilot must fly the long way home, one gravity assist at a time, with a passenger who should not be alive.',
    poster: palette('#03071e', '#dc2f02', '#ffba08', 'The long way home is the only way'),
  },
  {
    key: 'lanterns',
    title: 'Paper Lanterns',
    durationMinutes: 96,
    ageRating: '0',
    genres: ['Animation', 'Family'],
    language: 'en',
    countries: ['FR', 'JP'],
    releaseInDays: -31,
    director: 'Julien Marchetti',
    cast: ['Élodie Moreau', 'Kenji Nakamura', 'Aiko Tanabe'],
    people: [
      { key: 'marchetti', role: 'director' },
      { key: 'moreau', role: 'actor' },
      { key: 'nakamura', role: 'actor' },
    ],
    synopsis:
      'A paper lantern blown loose on festival night drifts across a sleeping city, lighting up the small wishes of everyone it passes, until it reaches the one who folded it.',
    poster: palette('#ff9f1c', '#2ec4b6', '#fff8e7', 'Every wish needs a little light'),
  },
  {
    key: 'tram',
    title: 'The Last Tram to Alfama',
    originalTitle: 'O Último Elétrico para Alfama',
    durationMinutes: 107,
    ageRating: '12',
    genres: ['Romance', 'Drama'],
    language: 'pt',
    countries: ['PT'],
    releaseInDays: -17,
    director: 'Tomás Ferreira',
    cast: ['Leonor Duarte', 'Kwame Osei', 'Rui Paixão'],
    people: [
      { key: 'ferreira', role: 'director' },
      { key: 'duarte', role: 'actor' },
      { key: 'osei', role: 'actor' },
    ],
    synopsis:
      "A fado singer and a visiting engineer meet on the last tram of the night, every night, for one summer, and never once ask each other's name.",
    poster: palette('#f2cc8f', '#e07a5f', '#3d405b', 'One summer. One tram. No names.'),
  },
  {
    key: 'ironwood',
    title: 'Ironwood',
    durationMinutes: 131,
    ageRating: '16',
    genres: ['Western', 'Action'],
    language: 'en',
    countries: ['US', 'GB'],
    releaseInDays: -38,
    director: 'Rhys Calloway',
    cast: ['Owen Harlan', 'Sam Whitlock', 'Nora Beck'],
    people: [
      { key: 'calloway', role: 'director' },
      { key: 'harlan', role: 'actor' },
      { key: 'whitlock', role: 'actor' },
    ],
    synopsis:
      'A retired surveyor is hired to settle a boundary between two ranches, and finds that the line everybody is ready to die for runs straight through a drought.',
    poster: palette('#3d2b1f', '#c97c5d', '#f0e2d0', 'Every line has two sides'),
  },
  {
    key: 'small-hours',
    title: 'Small Hours',
    durationMinutes: 101,
    ageRating: '6',
    genres: ['Comedy'],
    language: 'en',
    countries: ['GB'],
    releaseInDays: -45,
    director: 'Paloma Reyes',
    cast: ['Paloma Reyes', 'Owen Harlan', 'Greta Winslow'],
    people: [
      { key: 'reyes', role: 'director' },
      { key: 'reyes', role: 'actor' },
      { key: 'harlan', role: 'actor' },
    ],
    synopsis:
      'Three night-shift workers at a 24-hour launderette try to return a lost wedding ring before its owner wakes up and notices.',
    poster: palette('#ffcad4', '#9d8189', '#2b2d42', 'Nothing good happens after 2 a.m. Mostly.'),
  },
  {
    key: 'salt',
    title: 'Beneath the Salt Flats',
    durationMinutes: 99,
    ageRating: '18',
    genres: ['Horror'],
    language: 'en',
    countries: ['US'],
    releaseInDays: -6,
    director: 'Hana Sato',
    cast: ['Nora Beck', 'Dev Malhotra', 'Kenji Nakamura'],
    people: [
      { key: 'sato', role: 'director' },
      { key: 'nakamura', role: 'actor' },
    ],
    synopsis:
      'A speed-record team camps on a salt flat that was a lake a thousand years ago, and some of the lake would like it back.',
    poster: palette('#e5e5e5', '#14213d', '#fca311', 'The ground remembers'),
  },
  {
    key: 'elodie',
    title: 'Élodie and the Clockmaker',
    originalTitle: "Élodie et l'Horloger",
    durationMinutes: 112,
    ageRating: '6',
    genres: ['Fantasy', 'Family'],
    language: 'fr',
    countries: ['FR', 'BE'],
    releaseInDays: -12,
    director: 'Julien Marchetti',
    cast: ['Élodie Moreau', 'Sam Whitlock', 'Amélie Durand'],
    people: [
      { key: 'marchetti', role: 'director' },
      { key: 'moreau', role: 'actor' },
      { key: 'whitlock', role: 'actor' },
    ],
    synopsis:
      'A girl apprenticed to a grumpy clockmaker discovers that every clock in the workshop keeps the time of a different, quieter world.',
    poster: palette('#264653', '#e9c46a', '#f4a261', 'Time runs differently here'),
  },
  {
    key: 'frequencies',
    title: 'Northern Frequencies',
    durationMinutes: 92,
    ageRating: '0',
    genres: ['Documentary', 'Music'],
    language: 'en',
    countries: ['NO', 'IS'],
    releaseInDays: -52,
    director: 'Mara Lindqvist',
    cast: ['Ingrid Brandt'],
    people: [
      { key: 'lindqvist', role: 'director' },
      { key: 'brandt', role: 'actor' },
    ],
    synopsis:
      'A year with the radio amateurs, choirs and one very patient lighthouse of the far north, listening for signals in the long dark.',
    poster: palette('#001219', '#0a9396', '#94d2bd', 'Listen to the long dark'),
  },
  {
    key: 'cartographer',
    title: 'The Cartographer',
    durationMinutes: 137,
    ageRating: '12',
    genres: ['History', 'Drama'],
    language: 'en',
    countries: ['GB', 'PT'],
    releaseInDays: 10,
    director: 'Tomás Ferreira',
    cast: ['Kwame Osei', 'Leonor Duarte', 'Owen Harlan'],
    people: [
      { key: 'ferreira', role: 'director' },
      { key: 'osei', role: 'actor' },
      { key: 'duarte', role: 'actor' },
    ],
    synopsis:
      'In 1502 a mapmaker in Lisbon is ordered to draw a coastline nobody has seen, and decides to go and look at it first.',
    poster: palette('#5f0f40', '#9a031e', '#fb8b24', 'Draw what you have seen'),
  },
  {
    key: 'glass-harbor',
    title: 'Glass Harbor',
    durationMinutes: 115,
    ageRating: '16',
    genres: ['Crime', 'Thriller'],
    language: 'en',
    countries: ['US', 'CA'],
    releaseInDays: 21,
    director: 'Rhys Calloway',
    cast: ['Sam Whitlock', 'Paloma Reyes', 'Kwame Osei'],
    people: [
      { key: 'calloway', role: 'director' },
      { key: 'whitlock', role: 'actor' },
      { key: 'reyes', role: 'actor' },
    ],
    synopsis:
      'A harbour pilot who has never lost a ship is asked to lose one, just once, by people who know where his daughter goes to school.',
    poster: palette('#023047', '#219ebc', '#ffb703', 'Every harbour has a price'),
  },
];
