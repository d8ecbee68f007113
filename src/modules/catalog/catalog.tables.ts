import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../../platform/db/platform.tables.ts';

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

export type SeatType = 'standard' | 'vip' | 'accessible' | 'companion' | 'blocked';

export interface CatalogTables {
  movies: {
    id: Generated<string>;
    title: string;
    original_title: string | null;
    synopsis: Generated<string>;
    duration_minutes: number;
    age_rating: string | null;
    genres: Generated<string[]>;
    language: string | null;
    countries: Generated<string[]>;
    release_date: ColumnType<string | null, string | null | undefined, string | null>;
    poster: JSONColumnType<StoredImage> | null;
    backdrop: JSONColumnType<StoredImage> | null;
    cast_names: Generated<string[]>;
    director: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    search_text: ColumnType<string, never, never>;
    search_tsv: ColumnType<string, never, never>;
    title_search: ColumnType<string, never, never>;
  };
  /** Every word in any movie's search document (filled by a trigger): the typo dictionary. */
  search_words: {
    word: string;
  };
  people: {
    id: Generated<string>;
    name: string;
    bio: Generated<string>;
    photo: JSONColumnType<StoredImage> | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
  movie_people: {
    movie_id: string;
    person_id: string;
    role: string;
    position: Generated<number>;
  };
  cinemas: {
    id: Generated<string>;
    name: string;
    city: string;
    address: Generated<string>;
    timezone: string;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
  halls: {
    id: Generated<string>;
    cinema_id: string;
    name: string;
    cleaning_minutes: Generated<number>;
    layout: JSONColumnType<HallLayout>;
    capacity: number;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
  seats: {
    id: Generated<string>;
    hall_id: string;
    row_label: string;
    number: number;
    type: SeatType;
    // numeric comes back as a string from PostgreSQL
    x: ColumnType<string, number | string, number | string>;
    y: ColumnType<string, number | string, number | string>;
    row_index: number;
    active: Generated<boolean>;
  };
  showtimes: {
    id: Generated<string>;
    movie_id: string;
    hall_id: string;
    cinema_id: string;
    starts_at: Timestamp;
    ends_at: Timestamp;
    format: Generated<string>;
    language: string | null;
    subtitles: string | null;
    prices: JSONColumnType<Partial<Record<SeatType, number>>>;
    currency: string;
    status: Generated<'scheduled' | 'cancelled'>;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
}
