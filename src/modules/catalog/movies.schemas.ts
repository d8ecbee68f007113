import { type Static, Type } from 'typebox';
import { languageSchema } from '../../platform/http/language.ts';
import { Cursor, Image, Limit, Nullable, Page, Uuid } from './catalog.schemas.ts';
import { PERSON_ROLES } from './people.store.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const PersonLink = Type.Object({ personId: Uuid, role: Type.Enum([...PERSON_ROLES]) }, { additionalProperties: false });

const movieFields = {
  title: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
  originalTitle: Nullable(Text(300)),
  synopsis: Type.String({ maxLength: 5000 }),
  durationMinutes: Type.Integer({ minimum: 1, maximum: 1000 }),
  ageRating: Nullable(Text(20)),
  genres: Type.Array(Text(50), { maxItems: 20 }),
  language: Nullable(Text(50)),
  countries: Type.Array(Text(60), { maxItems: 30 }),
  releaseDate: Nullable(Type.String({ format: 'date' })),
  cast: Type.Array(Text(200), { maxItems: 100 }),
  director: Nullable(Text(200)),
  people: Type.Array(PersonLink, { maxItems: 200, description: 'Links to people records, in billing order' }),
};

// Issue 20: a movie's texts per language beside the original, the shape concession products use.
const MovieText = Type.Object(
  {
    title: Type.Optional(movieFields.title),
    synopsis: Type.Optional(movieFields.synopsis),
    genres: Type.Optional(movieFields.genres),
  },
  { additionalProperties: false },
);
const MovieTranslations = Type.Object(
  { en: Type.Optional(MovieText), de: Type.Optional(MovieText), fr: Type.Optional(MovieText) },
  {
    additionalProperties: false,
    description:
      'The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all',
  },
);
const translations = Type.Optional(MovieTranslations);

/** `?lang=`: the language a read's `localized` texts are in; without it, the best match of Accept-Language. */
const Lang = Type.Optional(
  languageSchema("The language of `localized`; without it, the best match of Accept-Language, else 'en'"),
);
export const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });

export const CreateMovieBody = Type.Object(
  {
    title: movieFields.title,
    durationMinutes: movieFields.durationMinutes,
    originalTitle: Type.Optional(movieFields.originalTitle),
    synopsis: Type.Optional(movieFields.synopsis),
    ageRating: Type.Optional(movieFields.ageRating),
    genres: Type.Optional(movieFields.genres),
    language: Type.Optional(movieFields.language),
    countries: Type.Optional(movieFields.countries),
    releaseDate: Type.Optional(movieFields.releaseDate),
    cast: Type.Optional(movieFields.cast),
    director: Type.Optional(movieFields.director),
    people: Type.Optional(movieFields.people),
    translations,
  },
  { additionalProperties: false },
);
export type CreateMovieInput = Static<typeof CreateMovieBody>;

export const UpdateMovieBody = Type.Object(
  {
    title: Type.Optional(movieFields.title),
    durationMinutes: Type.Optional(movieFields.durationMinutes),
    originalTitle: Type.Optional(movieFields.originalTitle),
    synopsis: Type.Optional(movieFields.synopsis),
    ageRating: Type.Optional(movieFields.ageRating),
    genres: Type.Optional(movieFields.genres),
    language: Type.Optional(movieFields.language),
    countries: Type.Optional(movieFields.countries),
    releaseDate: Type.Optional(movieFields.releaseDate),
    cast: Type.Optional(movieFields.cast),
    director: Type.Optional(movieFields.director),
    people: Type.Optional(movieFields.people),
    translations,
  },
  { additionalProperties: false },
);
export type UpdateMovieInput = Static<typeof UpdateMovieBody>;

export const MovieQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Title, cast or director; case, accents and small typos ignored',
    }),
  ),
  genre: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  status: Type.Optional(
    Type.Enum(['now_showing', 'coming_soon'], {
      description:
        'now_showing: a showtime within the next 7 days at the chosen place (cinemaId and/or city; anywhere without one), previews too; coming_soon: released later or first shown there after those 7 days. A movie is in one of them at most',
    }),
  ),
  cinemaId: Type.Optional(Uuid),
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
  lang: Lang,
});
export type MovieQueryInput = Static<typeof MovieQuery>;

export const Movie = Type.Object({
  id: Uuid,
  title: Type.String(),
  originalTitle: Nullable(Type.String()),
  synopsis: Type.String(),
  durationMinutes: Type.Integer(),
  ageRating: Nullable(Type.String()),
  genres: Type.Array(Type.String()),
  language: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  releaseDate: Nullable(Type.String({ format: 'date' })),
  posterUrl: Nullable(Type.String()),
  backdropUrl: Nullable(Type.String()),
  poster: Nullable(Image),
  backdrop: Nullable(Image),
  cast: Type.Array(Type.String()),
  director: Nullable(Type.String()),
  people: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), role: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  translations: MovieTranslations,
  localized: Type.Object(
    {
      language: languageSchema('The language these texts are for'),
      title: Type.String(),
      synopsis: Type.String(),
      genres: Type.Array(Type.String()),
    },
    {
      description:
        "The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original",
    },
  ),
});
export type MovieView = Static<typeof Movie>;
export const MoviePage = Page(Movie);
