// SQL about stored images as a whole (each movie's and person's own image columns are in their stores).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CatalogDb } from './catalog.tables.ts';

/** The media keys of every image variant a movie (poster, backdrop) or a person (photo) points at. */
export async function imagePathsInUse(db: Executor<CatalogDb>): Promise<Set<string>> {
  const r = await sql<{ path: string }>`
    select distinct v ->> 'path' as path
    from (
      select poster as image from movies union all
      select backdrop from movies union all
      select photo from people
    ) i, jsonb_array_elements(i.image -> 'variants') v
    where i.image is not null`.execute(db);
  return new Set(r.rows.map((x) => x.path));
}
