// Helpers for crowds spread over several app instances on one database.
import type { Database } from '../../src/platform/db/database.ts';
import type { TestApp } from '../support/test-app.ts';
import type { HoldClient } from './crowd.ts';
import { type Invariants, mapDisagreements, readInvariants } from './invariants.ts';

/** Holds through app.inject, spread round robin over the apps. */
export function injectClients(apps: TestApp[]): HoldClient {
  let n = 0;
  return async (token, showtimeId, seatIds) => {
    const t = apps[n++ % apps.length] as TestApp;
    const res = await t.request({ method: 'POST', url: '/api/v1/bookings', token, payload: { showtimeId, seatIds } });
    return { status: res.status, body: res.body };
  };
}

/**
 * Waits until every seat map (each fetched by `fetchMap`) agrees with the bookings; another
 * process's cached copy may take up to a second to hear of a change. Returns the last disagreements.
 */
export async function mapsAgree(
  database: Database,
  showtimeId: string,
  now: Date,
  fetchMaps: (() => Promise<{ seats: { id: string; status: string }[] }>)[],
  timeoutMs = 3000,
): Promise<{ inv: Invariants; disagreements: string[] }> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const inv = await readInvariants(database, showtimeId, now);
    const disagreements = (await Promise.all(fetchMaps.map((f) => f()))).flatMap((m, i) =>
      mapDisagreements(m, inv).map((d) => `map ${i}: ${d}`),
    );
    if (disagreements.length === 0 || performance.now() > until) return { inv, disagreements };
    await new Promise((r) => setTimeout(r, 100));
  }
}
