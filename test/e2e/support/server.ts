// A real box office for browser tests: the whole app built in-process on a fresh database (PGlite,
// or PostgreSQL when DATABASE_URL is set) with the demo chain, listening on a free port so the
// browser talks real HTTP and SSE.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { backends } from '../../support/backends.ts';
import { makeUser, type TestUser } from '../../support/factories.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import type { ManualClock } from '../../../src/platform/clock.ts';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Builds web/dist if a source changed since the last build (a no-op otherwise). `npm test` without
 * arguments checks once before its files start and says so in WEB_BUILD_CHECKED.
 */
export function ensureWebBuild(): void {
  if (process.env.WEB_BUILD_CHECKED === '1') return;
  const r = spawnSync(process.execPath, [path.join(root, 'web', 'build-if-stale.ts')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}

export interface E2eServer {
  t: TestApp;
  clock: ManualClock;
  baseUrl: string;
  admin: TestUser;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, port = 0): Promise<E2eServer> {
  ensureWebBuild();
  // The last backend: PostgreSQL when DATABASE_URL is set (CI), PGlite otherwise. A browser test is
  // about the web app, and the integration suites test every rule on both; on PostgreSQL the demo
  // chain is ready several times sooner and the page's parallel requests do not queue for PGlite's
  // single session.
  const t = await startTestApp(backends().at(-1)!, {
    env: { CINEMA_DEMO: 'true', WEB_DIST: path.join(root, 'web', 'dist'), RATE_LIMIT_PER_MINUTE: '1000', ...env },
    runJobs: true,
  });
  try {
    const address = await t.app.http.listen({ port, host: '127.0.0.1' });
    const admin = await makeUser(t, { role: 'admin' });
    return { t, clock: t.clock, baseUrl: address.replace('localhost', '127.0.0.1'), admin, close: () => t.close() };
  } catch (e) {
    await t.close().catch(() => {});
    throw e;
  }
}

/**
 * The server and the browser, started side by side. When either fails the other is closed before the
 * error is thrown: left open, it kept the test process alive after its suite had failed, for ever.
 */
export async function startServerAndBrowser(env: Record<string, string> = {}, port = 0): Promise<[E2eServer, Browser]> {
  const [server, browser] = await Promise.allSettled([startServer(env, port), launch()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') return [server.value, browser.value];
  if (server.status === 'fulfilled') await server.value.close().catch(() => {});
  if (browser.status === 'fulfilled') await browser.value.close().catch(() => {});
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

export interface ShowtimeInfo {
  id: string;
  movieId: string;
  startsAt: string;
  seats: {
    id: string;
    row: string;
    number: number;
    type: string;
    status: string;
    price: { amount: number; currency: string } | null;
  }[];
}

/**
 * A showtime starting at least `hoursAhead` hours after the server's now, with its seat map, priced in
 * `currency` (EUR by default: the browser tests read euro prices, and which cinema's showtime comes first
 * depends on the hour the suite runs, since the demo chain has a New York cinema too).
 */
export async function pickShowtime(
  server: E2eServer,
  options: { hoursAhead?: number; skip?: number; currency?: string } = {},
): Promise<ShowtimeInfo> {
  const from = new Date(server.clock.now().getTime() + (options.hoursAhead ?? 4) * 3_600_000).toISOString();
  const res = await server.t.request({
    method: 'GET',
    url: `/api/v1/showtimes?from=${encodeURIComponent(from)}&limit=100`,
  });
  if (res.status !== 200) throw new Error(`showtimes: ${res.status} ${res.text}`);
  const candidates = (res.body.items as { id: string; movieId: string; startsAt: string; status: string }[]).filter(
    (s) => s.status === 'scheduled',
  );
  const currency = options.currency ?? 'EUR';
  let skip = options.skip ?? 0;
  for (const s of candidates) {
    const seats = await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${s.id}/seats` });
    if (seats.status !== 200) throw new Error(`seats: ${seats.status} ${seats.text}`);
    const info: ShowtimeInfo = { id: s.id, movieId: s.movieId, startsAt: s.startsAt, seats: seats.body.seats };
    if (info.seats.find((seat) => seat.price)?.price?.currency !== currency) continue;
    // The demo's lounge hall has no standard seats; the tests sell standard ones.
    if (info.seats.filter((seat) => seat.type === 'standard' && seat.status === 'available').length < 2) continue;
    if (skip-- === 0) return info;
  }
  throw new Error(`the demo chain has no showtime in ${currency} to test with`);
}

/** Two neighbouring standard (or VIP) available seats in the middle of a row. */
export function twoNeighbours(
  info: ShowtimeInfo,
  rowIndex = 2,
): [ShowtimeInfo['seats'][number], ShowtimeInfo['seats'][number]] {
  const rows = [...new Set(info.seats.map((s) => s.row))];
  for (let r = rowIndex; r < rows.length + rowIndex; r++) {
    const row = info.seats.filter(
      (s) => s.row === rows[r % rows.length] && s.status === 'available' && (s.type === 'standard' || s.type === 'vip'),
    );
    row.sort((a, b) => a.number - b.number);
    const mid = Math.floor(row.length / 2);
    const a = row[mid - 1];
    const b = row[mid];
    if (a && b && b.number === a.number + 1) return [a, b];
  }
  throw new Error('no two neighbouring seats free');
}

export interface DevMail {
  subject: string;
  links: string[];
  text: string;
}

/** The newest message of the dev mailbox for `to` that `match`es (the admin-only dev API), waiting for delivery. */
export async function waitForMail(
  server: E2eServer,
  to: string,
  match: (m: DevMail) => boolean,
  timeoutMs = 15_000,
): Promise<DevMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.t.request({
      method: 'GET',
      url: `/api/v1/dev/mailbox?to=${encodeURIComponent(to)}&limit=20`,
      token: server.admin.token,
    });
    if (res.status !== 200) throw new Error(`dev mailbox: ${res.status} ${res.text}`);
    const found = (res.body.items as DevMail[]).find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching mail to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A link from a mail, moved onto the test server (mails carry PUBLIC_URL). */
export function onServer(server: E2eServer, link: string): string {
  const url = new URL(link);
  return `${server.baseUrl}${url.pathname}${url.search}`;
}
