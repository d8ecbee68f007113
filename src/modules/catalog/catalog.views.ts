// Rows as the API shows them (API.md "Catalog").
import type { Lang } from '../../platform/i18n.ts';
import type { ImageRecord } from '../../platform/media/image-processing.ts';
import { imageUrl } from '../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import type { MovieView } from './movies.schemas.ts';
import type { LinkRow, MovieRow } from './movies.store.ts';
import type { PersonView } from './people.schemas.ts';
import type { PersonMovieRow, PersonRow } from './people.store.ts';

function imageView(storage: MediaStorage, image: ImageRecord | null) {
  if (!image) return null;
  return {
    width: image.width,
    height: image.height,
    variants: image.variants.map((v) => ({ width: v.width, format: v.format, url: storage.urlOf(v.path) })),
  };
}

/**
 * A movie's title, synopsis and genres in `lang`: its translation where given, else the original
 * (issue 20). Other modules print titles through it (tickets, emails).
 */
export function movieText(
  movie: Pick<MovieRow, 'title' | 'synopsis' | 'genres' | 'translations'>,
  lang: Lang,
): MovieView['localized'] {
  const text = movie.translations?.[lang];
  return {
    language: lang,
    title: text?.title ?? movie.title,
    synopsis: text?.synopsis ?? movie.synopsis,
    genres: text?.genres ?? movie.genres,
  };
}

export function movieView(storage: MediaStorage, row: MovieRow, links: LinkRow[], lang: Lang): MovieView {
  return {
    id: row.id,
    title: row.title,
    originalTitle: row.original_title,
    synopsis: row.synopsis,
    durationMinutes: row.duration_minutes,
    ageRating: row.age_rating,
    genres: row.genres,
    language: row.language,
    countries: row.countries,
    releaseDate: row.release_date,
    posterUrl: imageUrl(storage, row.poster, 400),
    backdropUrl: imageUrl(storage, row.backdrop, 1280),
    poster: imageView(storage, row.poster),
    backdrop: imageView(storage, row.backdrop),
    cast: row.cast_names,
    director: row.director,
    people: links
      .filter((l) => l.movie_id === row.id)
      .map((l) => ({ personId: l.person_id, name: l.name, role: l.role })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    translations: row.translations ?? {},
    localized: movieText(row, lang),
  };
}

export function personView(storage: MediaStorage, row: PersonRow, movies: PersonMovieRow[]): PersonView {
  return {
    id: row.id,
    name: row.name,
    photoUrl: imageUrl(storage, row.photo, 320),
    photo: imageView(storage, row.photo),
    bio: row.bio,
    movies: movies.map((m) => ({ movieId: m.movie_id, title: m.title, role: m.role })),
  };
}
