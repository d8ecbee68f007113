// Poster, backdrop and photo uploads: checked by content, re-encoded, stored, then attached.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { processAndStoreImage } from '../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import type { CatalogCache } from './catalog.cache.ts';
import { movieNotFound, personNotFound } from './catalog.errors.ts';
import type { MovieView } from './movies.schemas.ts';
import type { MoviesService } from './movies.service.ts';
import { setMovieImage } from './movies.store.ts';
import type { PersonView } from './people.schemas.ts';
import type { PeopleService } from './people.service.ts';
import { setPersonPhoto } from './people.store.ts';
import type { CatalogDb } from './catalog.tables.ts';

export interface ImagesService {
  /** Stores an uploaded poster or backdrop and attaches it to the movie. */
  uploadMovieImage(movieId: string, kind: 'poster' | 'backdrop', bytes: Buffer): Promise<MovieView>;
  /** Stores an uploaded photo and attaches it to the person. */
  uploadPersonPhoto(personId: string, bytes: Buffer): Promise<PersonView>;
}

/** Widths served for each kind of image (never wider than the upload). */
const IMAGE_WIDTHS = { poster: [200, 400, 800], backdrop: [640, 1280, 1920], photo: [160, 320, 640] } as const;

export function createImagesService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
  storage: MediaStorage;
  movies: MoviesService;
  people: PeopleService;
}): ImagesService {
  const { clock, cache, storage, movies, people } = deps;
  const db = moduleDb<CatalogDb>(deps.database);

  return {
    async uploadMovieImage(movieId, kind, bytes) {
      // Refuse unknown movies before spending time on the image.
      if (!(await movies.load(db, movieId))) throw movieNotFound();
      const image = await processAndStoreImage(storage, bytes, [...IMAGE_WIDTHS[kind]]);
      if (!(await setMovieImage(db, movieId, kind, image, clock.now()))) throw movieNotFound();
      await cache.contentChanged();
      return (await movies.load(db, movieId)) as MovieView;
    },

    async uploadPersonPhoto(personId, bytes) {
      if (!(await people.load(db, personId))) throw personNotFound();
      const image = await processAndStoreImage(storage, bytes, [...IMAGE_WIDTHS.photo]);
      if (!(await setPersonPhoto(db, personId, image, clock.now()))) throw personNotFound();
      await cache.contentChanged();
      return (await people.load(db, personId)) as PersonView;
    },
  };
}
