// People: actors, directors and the rest, each with a page listing their movies.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { imageUrl } from '../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import type { CachedBody, CatalogCache } from './catalog.cache.ts';
import { personNotFound } from './catalog.errors.ts';
import { personView } from './catalog.views.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import type { PersonInput, PersonView } from './people.schemas.ts';
import { useSearchThreshold } from './movie-search.store.ts';
import * as store from './people.store.ts';
import type { Gate } from '../../platform/http/concurrency-limit.ts';
import type { CatalogDb } from './catalog.tables.ts';

export interface PeopleService {
  /** One person with their movies, as cached JSON; 404 when unknown. */
  get(id: string): Promise<CachedBody>;
  /** People by name, alphabetically, as cached JSON. */
  /** `gate` bounds the database work of a cache miss (the search slots); a hit never waits. */
  list(
    query: { q?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
    gate?: Gate,
  ): Promise<CachedBody>;
  load(ex: Executor<CatalogDb>, id: string): Promise<PersonView | null>;
  create(input: { name: string; bio?: string | undefined }): Promise<PersonView>;
  update(id: string, input: PersonInput): Promise<PersonView>;
  /** Deletes a person; their links to movies go too (the movies keep their plain names). */
  remove(id: string): Promise<void>;
}

export function createPeopleService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
  storage: MediaStorage;
}): PeopleService {
  const { clock, cache, storage } = deps;
  const db = moduleDb<CatalogDb>(deps.database);

  async function load(ex: Executor<CatalogDb>, id: string): Promise<PersonView | null> {
    const row = await store.findPerson(ex, id);
    return row ? personView(storage, row, await store.moviesOfPerson(ex, id)) : null;
  }

  async function write<T>(fn: (trx: Executor<CatalogDb>) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(fn);
    await cache.contentChanged();
    return result;
  }

  return {
    get(id) {
      return cache.read(`person:${id}`, async () => {
        const person = await load(db, id);
        if (!person) throw personNotFound();
        return person;
      });
    },

    list(query, gate = (work) => work()) {
      const limit = query.limit ?? 20;
      const q = query.q?.trim() || undefined;
      return cache.read(`people:${JSON.stringify([q, limit, query.cursor])}`, () =>
        gate(async () => {
          const after = decodeCursor(query.cursor || undefined, 'people', ['text', 'uuid']);
          const rows = await db.transaction().execute(async (trx) => {
            if (q) await useSearchThreshold(trx);
            return store.listPeople(trx, q, limit, after);
          });
          const page = pageOf(rows, limit, 'people', (r) => [r.sort_key, r.id]);
          return {
            items: page.items.map((r) => ({ id: r.id, name: r.name, photoUrl: imageUrl(storage, r.photo, 320) })),
            nextCursor: page.nextCursor,
          };
        }),
      );
    },

    load,

    async create(input) {
      const id = await write((trx) =>
        store.insertPerson(trx, { name: input.name.trim(), bio: input.bio ?? '' }, clock.now()),
      );
      return (await load(db, id)) as PersonView;
    },

    async update(id, input) {
      await write(async (trx) => {
        const values = {
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.bio !== undefined ? { bio: input.bio } : {}),
        };
        if (!(await store.updatePerson(trx, id, values, clock.now()))) throw personNotFound();
      });
      return (await load(db, id)) as PersonView;
    },

    async remove(id) {
      await write(async (trx) => {
        if (!(await store.deletePerson(trx, id))) throw personNotFound();
      });
    },
  };
}
