// Crowds of customers holding seats at once, through any HTTP client (inject or real sockets).
import type { TestShowtime } from '../support/catalog-factories.ts';

export interface HoldResult {
  status: number;
  body: any;
}

/** Sends one hold as a customer (token); a network failure comes back as status 0. */
export type HoldClient = (token: string, showtimeId: string, seatIds: string[]) => Promise<HoldResult>;

/** A HoldClient over real HTTP to one of several base URLs, chosen round robin by request number. */
export function httpHoldClient(baseUrls: () => string[]): HoldClient {
  let n = 0;
  return async (token, showtimeId, seatIds) => {
    const urls = baseUrls();
    const base = urls[n++ % urls.length];
    try {
      const res = await fetch(`${base}/api/v1/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ showtimeId, seatIds }),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    } catch (err) {
      return { status: 0, body: { error: (err as Error).message } };
    }
  };
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

/** Every customer asks for the same seat at the same moment. */
export async function raceForOneSeat(
  client: HoldClient,
  tokens: string[],
  showtimeId: string,
  seatId: string,
): Promise<HoldResult[]> {
  return Promise.all(tokens.map((token) => client(token, showtimeId, [seatId])));
}

/** A deterministic pseudo-random sequence, so a failing crowd can be replayed. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** `count` holds of 1–4 neighbouring seats in a row, starting in a small hot area so they overlap. */
export function overlappingRequests(showtime: TestShowtime, count: number, seed = 42): string[][] {
  const random = rng(seed);
  const rows = [...new Set(showtime.seats.map((s) => s.row))];
  return Array.from({ length: count }, () => {
    const row = rows[Math.floor(random() * rows.length)] as string;
    const inRow = showtime.seats
      .filter((s) => s.row === row && s.type !== 'blocked')
      .sort((a, b) => a.number - b.number);
    const size = 1 + Math.floor(random() * 4);
    const start = Math.floor(random() * Math.max(1, inRow.length - size + 1));
    return inRow.slice(start, start + size).map((s) => s.id);
  });
}

export function tally(results: HoldResult[]): { ok: number; conflicts: number; other: Record<string, number> } {
  const other: Record<string, number> = {};
  let ok = 0;
  let conflicts = 0;
  for (const r of results) {
    if (r.status === 201) ok++;
    else if (r.status === 409) conflicts++;
    else other[String(r.status)] = (other[String(r.status)] ?? 0) + 1;
  }
  return { ok, conflicts, other };
}
