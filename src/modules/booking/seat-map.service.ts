// The seat map, served to thousands of refreshing customers from a serialised copy kept in process.
// A copy is dropped at once when this process changes a claim or hears of a change on the pubsub
// channel, is never served past the earliest hold it shows expiring (so a lapsed hold reads
// `available` before the sweeper runs), and lives at most MAX_AGE_MS even if a message was lost.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { etagOf } from '../../platform/http/etag.ts';
import type { CatalogCache, ShowtimeSeats } from './booking-catalog.cache.ts';
import { priceOf } from './booking-catalog.store.ts';
import type { SeatStatus } from './seat-changes.ts';
import { type LiveClaim, listLiveClaims } from './seat-state.store.ts';
import type { BookingDb } from './booking.tables.ts';

const MAX_AGE_MS = 1000;
const MAX_ENTRIES = 2000;

/** The serialised map, encoded once (every reader gets the same bytes), with its strong ETag. */
export interface SeatMapCopy {
  json: Buffer;
  /** Made from the bytes once per copy, not per request: equal maps have equal tags on every process. */
  etag: string;
}

interface Entry {
  copy: SeatMapCopy;
  /** Clock time (ms) at which the earliest hold shown lapses. */
  validUntil: number;
  builtAt: number;
}

export interface SeatMapService {
  /** The seat map as UTF-8 JSON exactly as API.md shows it, or null for an unknown showtime. */
  getJson(showtimeId: string): Promise<Buffer | null>;
  /** The same map with its ETag. */
  get(showtimeId: string): Promise<SeatMapCopy | null>;
  /** The cached map when it may be served as is (no promise, no database): the hot path. */
  peek(showtimeId: string): SeatMapCopy | null;
  /** Forgets the cached copy (a claim changed). */
  invalidate(showtimeId: string): void;
}

export function seatStatus(type: string, claim: LiveClaim | undefined): SeatStatus {
  if (type === 'blocked') return 'blocked';
  if (!claim) return 'available';
  return claim.state;
}

function render(info: ShowtimeSeats, claims: LiveClaim[]): { copy: SeatMapCopy; validUntil: number } {
  const byId = new Map(claims.map((c) => [c.seatId, c]));
  let validUntil = Number.POSITIVE_INFINITY;
  for (const c of claims) if (c.expiresAt && c.expiresAt.getTime() < validUntil) validUntil = c.expiresAt.getTime();
  const { showtime } = info;
  const seats = info.seats.map((s) => ({
    id: s.id,
    row: s.row,
    number: s.number,
    type: s.type,
    x: s.x,
    y: s.y,
    status: seatStatus(s.type, byId.get(s.id)),
    price: s.type === 'blocked' ? null : { amount: priceOf(showtime, s.type), currency: showtime.currency },
  }));
  const json = Buffer.from(JSON.stringify({ showtimeId: showtime.id, hallId: showtime.hallId, seats }));
  return { copy: { json, etag: etagOf(json) }, validUntil };
}

export function createSeatMapService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  catalog: CatalogCache;
  maxAgeMs?: number;
}): SeatMapService {
  const { database, clock, catalog } = deps;
  const maxAgeMs = deps.maxAgeMs ?? MAX_AGE_MS;
  const entries = new Map<string, Entry>();
  const building = new Map<string, Promise<SeatMapCopy | null>>();
  // Bumped by every invalidation, so a build that raced a change is served once but not kept.
  const generation = new Map<string, number>();

  async function build(showtimeId: string): Promise<SeatMapCopy | null> {
    const gen = generation.get(showtimeId) ?? 0;
    const info = await catalog.get(showtimeId);
    if (!info) return null;
    const now = clock.now();
    const claims = await listLiveClaims(moduleDb<BookingDb>(database), showtimeId, now);
    const { copy, validUntil } = render(info, claims);
    if ((generation.get(showtimeId) ?? 0) === gen) {
      if (entries.size >= MAX_ENTRIES && !entries.has(showtimeId))
        entries.delete(entries.keys().next().value as string);
      entries.set(showtimeId, { copy, validUntil, builtAt: performance.now() });
    }
    return copy;
  }

  function peek(showtimeId: string): SeatMapCopy | null {
    const e = entries.get(showtimeId);
    return e && e.validUntil > clock.now().getTime() && performance.now() - e.builtAt < maxAgeMs ? e.copy : null;
  }

  function get(showtimeId: string): Promise<SeatMapCopy | null> {
    const hit = peek(showtimeId);
    if (hit) return Promise.resolve(hit);
    const inFlight = building.get(showtimeId);
    if (inFlight) return inFlight;
    const pending: Promise<SeatMapCopy | null> = build(showtimeId).finally(() => {
      if (building.get(showtimeId) === pending) building.delete(showtimeId);
    });
    building.set(showtimeId, pending);
    return pending;
  }

  return {
    peek,
    get,
    getJson: async (showtimeId) => (await get(showtimeId))?.json ?? null,
    invalidate(showtimeId) {
      entries.delete(showtimeId);
      building.delete(showtimeId);
      if (generation.size > 50_000) generation.clear();
      generation.set(showtimeId, (generation.get(showtimeId) ?? 0) + 1);
    },
  };
}
