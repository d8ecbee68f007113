// Every process's view of the live rooms: read by each hold (is this showtime guarded?) and each
// visitor's poll, so it is kept in memory and reloaded (one query) at most once per TTL, at once when
// any process announces a change on the pub/sub channel. A missed announcement costs at most the TTL.
import type { Logger } from 'pino';
import type { PubSub, Unsubscribe } from '../../platform/events/pubsub.ts';
import type { RoomRow } from './waitingroom.store.ts';

export const ROOM_CHANNEL = 'waitingroom.changed';
const TTL_MS = 1000;

export interface RoomCache {
  /** The live room guarding a showtime (its own or its movie's), or null. */
  roomOf(showtimeId: string): Promise<RoomRow | null>;
  /** Announces a room change to every process (guards reload, live streams re-send). */
  changed(roomId: string): Promise<void>;
  /** Calls `listener` with the room id on every change announced (any process). */
  listen(listener: (roomId: string) => void): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createRoomCache(deps: {
  pubsub: PubSub;
  logger: Logger;
  load: () => Promise<RoomRow[]>;
  movieOf: (showtimeId: string) => Promise<string | null>;
}): RoomCache {
  interface Loaded {
    at: number;
    byShowtime: Map<string, RoomRow>;
    byMovie: Map<string, RoomRow>;
  }
  let loaded: Loaded | null = null;
  let loading: Promise<Loaded> | null = null;
  const listeners = new Set<(roomId: string) => void>();
  let unsubscribe: Unsubscribe | null = null;

  const rooms = (): Promise<Loaded> => {
    if (loaded && performance.now() - loaded.at < TTL_MS) return Promise.resolve(loaded);
    loading ??= deps
      .load()
      .then((rows) => {
        const fresh: Loaded = {
          at: performance.now(),
          byShowtime: new Map(rows.filter((r) => r.showtime_id).map((r) => [r.showtime_id as string, r])),
          byMovie: new Map(rows.filter((r) => r.movie_id).map((r) => [r.movie_id as string, r])),
        };
        loaded = fresh;
        return fresh;
      })
      .finally(() => (loading = null));
    return loading;
  };

  return {
    async roomOf(showtimeId) {
      const r = await rooms();
      const own = r.byShowtime.get(showtimeId);
      if (own) return own;
      if (r.byMovie.size === 0) return null;
      const movieId = await deps.movieOf(showtimeId);
      return (movieId && r.byMovie.get(movieId)) || null;
    },
    async changed(roomId) {
      loaded = null;
      await deps.pubsub.publish(ROOM_CHANNEL, roomId).catch((err: unknown) => {
        deps.logger.warn({ err }, 'waiting room change not announced; other processes learn it within a second');
      });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      unsubscribe = await deps.pubsub.subscribe(ROOM_CHANNEL, (roomId) => {
        loaded = null;
        for (const l of listeners) l(roomId);
      });
    },
    async close() {
      await unsubscribe?.();
      listeners.clear();
    },
  };
}
