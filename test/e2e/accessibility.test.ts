// Keyboard and screen reader use, accessibility rules on every page, and the figures the issue
// asks for: JavaScript sent for the first page and the time to an interactive seat map.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type AxeViolation,
  axeViolations,
  describeViolations,
  newContext,
  screenshot,
  skipWithoutChromium,
  watchErrors,
} from './support/browser.ts';
import { holdSeats, seatButton, signedInContext, signUpAndIn } from './support/pages.ts';
import {
  type E2eServer,
  pickShowtime,
  type ShowtimeInfo,
  startServerAndBrowser,
  twoNeighbours,
} from './support/server.ts';

const root = path.resolve(import.meta.dirname, '../..');

type Ready = string | ((p: Page) => Promise<unknown>);

/** An editor showing its record: `selector` there and the first required field (the name) filled in. */
const filledForm =
  (selector = 'main form') =>
  async (p: Page) => {
    await p.locator(selector).first().waitFor();
    await p.waitForFunction(
      () => (document.querySelector<HTMLInputElement>('main input[required]')?.value ?? '') !== '',
    );
  };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** After a resize: two frames for layout and the resize listeners, and the seat map agreeing with its width. */
async function settled(p: Page): Promise<void> {
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.waitForFunction(() => {
    const el = document.querySelector('.hall-scroll');
    return !el || el.scrollWidth > el.clientWidth + 1 === el.classList.contains('is-wide');
  });
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
const focusedIs = (page: Page, selector: string) =>
  page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await focusedIs(page, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('accessibility and figures', { skip: skipWithoutChromium, timeout: 480_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let customer: BrowserContext;
  let page: Page;
  let showtime: ShowtimeInfo;
  let bookingId = '';
  /** The booking page as checkout leaves it: the "You're going" confirmation. */
  let confirmedPath = '';
  const found = new Map<string, AxeViolation[]>();
  const errors: string[] = [];

  const took = new Map<string, number>();
  /** Audits once the page shows its data: `ready` is a selector that needs it, or a wait of its own. */
  async function audit(p: Page, name: string, ready: Ready, shot = true): Promise<void> {
    const started = performance.now();
    await (typeof ready === 'string' ? p.locator(ready).first().waitFor() : ready(p));
    await p
      .waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, undefined, { timeout: 10_000 })
      .catch(() => undefined);
    found.set(name, await axeViolations(p));
    if (shot) await screenshot(p, name);
    took.set(name, Math.round(performance.now() - started));
  }

  /**
   * Audits a page at 1280 px, then narrows the same page to 390 px and audits it again as `name-phone`:
   * the markup is the same at both widths (CSS media queries change the layout, and the seat map's
   * resize listener marks a hall wider than the screen), so one load serves both and only the
   * layout-dependent results (contrast, target size, scrolling regions) can differ.
   */
  async function auditBothWidths(p: Page, name: string, ready: Ready, atPhone?: (p: Page) => Promise<void>) {
    await audit(p, name, ready);
    await p.setViewportSize(PHONE);
    await settled(p);
    await audit(p, `${name}-phone`, ready, false);
    await atPhone?.(p);
    await p.setViewportSize(DESKTOP);
    await settled(p);
  }

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    showtime = await pickShowtime(server, { hoursAhead: 5, skip: 1 });
    customer = await newContext(browser);
    page = await customer.newPage();
    watchErrors(page, errors);
    await signUpAndIn(server, page, 'Kim Keyboard');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('seats are chosen and bought with the keyboard alone', async () => {
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await page.locator('[data-ready] .seat').first().waitFor();
    await tabTo(page, '.seat');
    const first = await focusedLabel(page);
    assert.match(first, /^Row \w+, seat \d+, [\w ]+, €[\d.]+, (available|reserved by someone|sold|not for sale)$/);

    // Arrow keys move by position: right is the next seat of the row, down the row behind.
    const [, row, num] = /^Row (\w+), seat (\d+)/.exec(first)!;
    await page.keyboard.press('ArrowRight');
    assert.match(await focusedLabel(page), new RegExp(`^Row ${row}, seat ${Number(num) + 1},`));
    await page.keyboard.press('ArrowDown');
    const below = await focusedLabel(page);
    assert.doesNotMatch(below, new RegExp(`^Row ${row},`));
    await page.keyboard.press('ArrowUp');
    assert.match(await focusedLabel(page), new RegExp(`^Row ${row}, seat ${Number(num) + 1},`));
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    assert.match(await focusedLabel(page), new RegExp(`^Row ${row}, seat 1,`));

    // Walk to two free neighbours in the middle of row C and take them with Space.
    const [a, b] = twoNeighbours(showtime, 2);
    for (let i = 0; i < 30 && !(await focusedLabel(page)).startsWith(`Row ${a.row},`); i++)
      await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 40 && !(await focusedLabel(page)).startsWith(`Row ${a.row}, seat ${a.number},`); i++)
      await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    assert.equal(await seatButton(page, a).getAttribute('aria-pressed'), 'true');
    assert.equal(await seatButton(page, b).getAttribute('aria-pressed'), 'true');
    assert.match(await focusedLabel(page), /, selected$/);
    await page.getByText(`Row ${b.row}, seat ${b.number} selected. 2 seats chosen.`).waitFor({ state: 'attached' });

    // Tab leaves the map in one step and reaches the way on.
    await tabTo(page, 'button.btn-primary', 20);
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Continue to payment/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/checkout$/);
    bookingId = /\/bookings\/([0-9a-f-]+)\/checkout$/.exec(page.url())![1]!;
    await page.getByRole('timer').waitFor();
    found.set('checkout', await axeViolations(page));
    await screenshot(page, 'checkout-keyboard');

    await tabTo(page, '#card-number');
    await page.keyboard.type('4242424242424242');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1234');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: "You're going to the movies!" }).waitFor();
    const paid = new URL(page.url());
    confirmedPath = paid.pathname + paid.search;
  });

  test('no serious or critical axe violations on any customer or staff page, at 1280 and 390 px', async () => {
    const movie = showtime.movieId;
    const movieBody = (await server.t.request({ method: 'GET', url: `/api/v1/movies/${movie}` })).body;
    const person = movieBody.people?.[0]?.personId as string | undefined;
    const show = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtime.id}` })).body;
    const cinemaId = show.cinemaId as string;
    const go = (p: Page, url: string) => p.goto(`${server.baseUrl}${url}`);
    // [name, address, what shows once the page is ready]
    const cinemaName = (await server.t.request({ method: 'GET', url: `/api/v1/cinemas/${cinemaId}` })).body
      .name as string;
    const visitor: [string, string, Ready][] = [
      ['home', '/', '.movie-card'],
      [
        'home-today',
        '/',
        async (p) => {
          await p.getByLabel('Cinema', { exact: true }).selectOption({ label: cinemaName });
          await p.locator('.today .showtime-chip, .today .empty').first().waitFor();
        },
      ],
      ['search', '/search?q=the', '.movie-card'],
      ['movie', `/movies/${movie}`, '.showtime-chip'],
      ...(person ? [['person', `/people/${person}`, '.person-page h1'] as [string, string, string]] : []),
      ['cinema', `/cinemas/${cinemaId}`, '.showtime-chip'],
      ['seat-picker', `/showtimes/${showtime.id}`, '[data-ready] .seat'],
      ['login', '/login', 'form'],
      ['gift-cards', '/gift-cards', '.gift-cards-page form'],
      ['forgot-password', '/forgot-password', 'form'],
      ['reset-password', '/reset-password?token=abc', 'form'],
      ['verify-email-failed', '/verify-email?token=not-a-real-token', '.notice-error'],
      ['not-found', '/no/such/page', 'h1'],
    ];
    const signedIn: [string, string, Ready][] = [
      ['booking', `/bookings/${bookingId}`, '.ticket-qr img'],
      [
        'booking-confirmed',
        confirmedPath,
        async (p) => {
          await p.getByRole('heading', { level: 1, name: "You're going to the movies!" }).waitFor();
          await p.locator('.ticket-qr img').first().waitFor();
        },
      ],
      ['bookings', '/bookings', '.booking-row-link'],
      ['account', '/account', 'form'],
      ['sessions', '/account/sessions', '.session-list li'],
      ['delete-account', '/account/delete', 'form'],
    ];
    const staff: [string, string, Ready?][] = [
      ['staff-home', '/staff'],
      ['staff-sales', '/staff/sales'],
      ['staff-showtime-sales', `/staff/sales/${showtime.id}`],
      ['staff-door', '/staff/door'],
      ['staff-schedule', '/staff/schedule'],
      ['staff-schedule-week', '/staff/schedule?view=week'],
      ['staff-halls', '/staff/halls'],
      ['staff-hall-editor', `/staff/halls/${show.hallId as string}`, filledForm('.editor-canvas .ed-seat')],
      ['staff-hall-new', `/staff/halls/new?cinemaId=${cinemaId}`],
      ['staff-movies', '/staff/movies'],
      ['staff-movie', `/staff/movies/${movie}`, filledForm()],
      ['staff-movie-new', '/staff/movies/new'],
      ['staff-people', '/staff/people'],
      ...(person ? [['staff-person', `/staff/people/${person}`, filledForm()] as [string, string, Ready]] : []),
      ['staff-cinemas', '/staff/cinemas'],
      ['staff-cinema', `/staff/cinemas/${cinemaId}`, filledForm()],
      ['staff-users', '/staff/users'],
    ];
    const cookies = await customer.cookies();

    const anon = await (await newContext(browser, DESKTOP)).newPage();
    watchErrors(anon, errors);
    for (const [name, url, ready] of visitor) {
      await go(anon, url);
      await auditBothWidths(anon, name, ready, async (p) => {
        if (name !== 'movie') return;
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the movie page scrolls sideways by ${overflow}px at 390px`);
      });
    }
    await go(anon, '/register');
    await anon.getByRole('button', { name: 'Create account' }).click();
    await auditBothWidths(anon, 'register-errors', '.field-error:not(:empty)');
    await go(anon, '/');
    await anon.getByRole('button', { name: /Deutsch/ }).click();
    await anon.getByRole('heading', { name: 'Jetzt im Kino' }).waitFor();
    await auditBothWidths(anon, 'home-de', '.movie-card');
    assert.equal(await anon.evaluate(() => document.documentElement.lang), 'de');
    await anon.context().close();

    const mine = await (await newContext(browser, DESKTOP)).newPage();
    await mine.context().addCookies(cookies);
    watchErrors(mine, errors);
    for (const [name, url, ready] of signedIn) {
      await go(mine, url);
      await auditBothWidths(mine, name, ready);
      if (name === 'booking') {
        await mine.getByRole('button', { name: 'Cancel booking' }).click();
        await mine.getByRole('dialog').waitFor();
        found.set('cancel-dialog', await axeViolations(mine));
        await mine.setViewportSize(PHONE);
        await settled(mine);
        found.set('cancel-dialog-phone', await axeViolations(mine));
        await mine.setViewportSize(DESKTOP);
        await mine.keyboard.press('Escape');
      }
    }
    // Checkout loaded on a phone (the keyboard test above audits it at 1280 px).
    await mine.setViewportSize(PHONE);
    await go(mine, `/showtimes/${showtime.id}`);
    await mine.locator('[data-ready] .seat').first().waitFor();
    await holdSeats(mine, twoNeighbours(showtime, 4).slice(0, 1));
    await audit(mine, 'checkout-phone', '#card-number', false);
    await mine.context().close();

    const admin = await (await signedInContext(browser, server, server.admin, DESKTOP)).newPage();
    watchErrors(admin, errors);
    for (const [name, url, ready] of staff) {
      await go(admin, url);
      await auditBothWidths(admin, name, ready ?? 'main h1, main h2');
    }
    await admin.context().close();

    const report = [...found.entries()].map(
      ([name, v]) => `${name}: ${v.length === 0 ? 'ok' : `\n  ${describeViolations(v)}`}`,
    );
    writeFigures({
      axe: Object.fromEntries([...found.entries()].map(([k, v]) => [k, v.map((x) => `${x.id} (${x.impact})`)])),
      axeAuditMs: Object.fromEntries(took),
    });
    const bad = [...found.entries()].filter(([, v]) => v.length > 0);
    assert.equal(bad.length, 0, report.filter((line) => !line.endsWith(': ok')).join('\n'));
    assert.deepEqual(errors, []);
  });

  test('figures: first-page JavaScript and time to an interactive seat map', async (t) => {
    const fresh = await newContext(browser);
    const home = await fresh.newPage();
    await home.goto(`${server.baseUrl}/`);
    await home.locator('.movie-card').first().waitFor();
    const scripts = await home.evaluate(() =>
      [
        new URL(document.querySelector('script[type=module]')!.getAttribute('src')!, location.href).pathname,
        ...performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      ].filter((p) => p.endsWith('.js')),
    );
    const unique = [...new Set(scripts)];
    // What a gzip-only client downloads (the server sends Brotli when it may: smaller still).
    const gzip = unique.reduce(
      (sum, p) => sum + gzipSync(readFileSync(path.join(root, 'web', 'dist', p)), { level: 9 }).length,
      0,
    );
    await fresh.close();

    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await newContext(browser);
      const p = await ctx.newPage();
      await p.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
      await p.locator('[data-ready] .seat').first().waitFor();
      cold.push(await p.evaluate(() => performance.getEntriesByName('marquee:seatmap-interactive')[0]!.startTime));
      await ctx.close();
    }
    // In the app: from a click on a showtime on the movie page.
    const ctx = await newContext(browser);
    const p = await ctx.newPage();
    await p.goto(`${server.baseUrl}/movies/${showtime.movieId}`);
    await p.locator('.showtime-chip').first().waitFor();
    const clickedAt = await p.evaluate(() => performance.now());
    await p.locator('.showtime-chip').first().click();
    await p.locator('[data-ready] .seat').first().waitFor();
    const warm =
      (await p.evaluate(() => performance.getEntriesByName('marquee:seatmap-interactive').at(-1)!.startTime)) -
      clickedAt;
    await ctx.close();

    // Layout shift while data arrives (skeletons hold the space): the browser's own CLS measure.
    const cls: Record<string, number> = {};
    for (const [name, url, ready] of [
      ['home', '/', '.movie-card a'],
      ['movie', `/movies/${showtime.movieId}`, '.showtime-chip'],
      ['seat-picker', `/showtimes/${showtime.id}`, '[data-ready] .seat'],
    ] as const) {
      const c = await newContext(browser);
      await c.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
            if (!e.hadRecentInput) w.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const p2 = await c.newPage();
      await p2.goto(`${server.baseUrl}${url}`);
      await p2.locator(ready).first().waitFor();
      await p2.waitForTimeout(800);
      cls[name] = Math.round((await p2.evaluate(() => (window as unknown as { __cls: number }).__cls)) * 1000) / 1000;
      await c.close();
    }

    const median = [...cold].sort((x, y) => x - y)[1]!;
    const figures = {
      firstPageJsGzipKB: Math.round((gzip / 1024) * 10) / 10,
      firstPageScripts: unique,
      seatMapInteractiveColdMs: cold.map(Math.round),
      seatMapInteractiveColdMedianMs: Math.round(median),
      seatMapInteractiveInAppMs: Math.round(warm),
      cumulativeLayoutShift: cls,
    };
    writeFigures(figures);
    t.diagnostic(`first page JavaScript: ${figures.firstPageJsGzipKB} KB gzipped (${unique.length} files)`);
    t.diagnostic(
      `interactive seat map: ${figures.seatMapInteractiveColdMedianMs} ms from a cold load (median of 3), ${figures.seatMapInteractiveInAppMs} ms from a click in the app`,
    );
    t.diagnostic(
      `cumulative layout shift while loading: ${Object.entries(cls)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    assert.ok(gzip <= 150 * 1024, `first page sends ${figures.firstPageJsGzipKB} KB of gzipped JavaScript`);
    for (const [name, value] of Object.entries(cls))
      assert.ok(value < 0.1, `${name} shifts its layout by ${value} while loading`);
  });
});

function writeFigures(add: Record<string, unknown>): void {
  const dir = path.join(root, 'test-output');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'web-figures.json');
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  writeFileSync(file, `${JSON.stringify({ ...current, ...add }, null, 2)}\n`);
}
