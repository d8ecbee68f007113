// The catalog module's tables, picked from the types generated from the migrated database, and the
// shapes of its json columns, which the database does not know (scripts/db-types.ts names them).
import type { DB, SeatsType } from '../../platform/db/generated-schema.ts';

/** A stored image: content-hashed variants served under /media. */
export interface StoredImage {
  key: string;
  width: number;
  height: number;
  variants: { width: number; format: 'webp' | 'jpeg'; path: string }[];
}

export interface HallLayout {
  rows: { label: string; y?: number; seats: { number: number; type: SeatType; x: number; y?: number }[] }[];
}

export type SeatType = SeatsType;

/** A showtime's price for each seat type it sells. */
export type ShowtimePrices = Partial<Record<SeatType, number>>;

/** search_words: every word in any movie's search document (filled by a trigger), the typo dictionary. */
export type CatalogTables = Pick<
  DB,
  'movies' | 'search_words' | 'people' | 'movie_people' | 'cinemas' | 'halls' | 'seats' | 'showtimes'
>;
