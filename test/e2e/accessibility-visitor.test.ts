// Accessibility rules on every page a visitor sees (at 1280 and 390 px, and in German), a French first
// page drawn in French from its first words, and the figures the issue asks for: JavaScript sent for
// the first page (English's words only) and the time to an interactive seat map.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { de } from '../../web/src/i18n/messages-de.ts';
import { en } from '../../web/src/i18n/messages-en.ts';
import { fr } from '../../web/src/i18n/messages-fr.ts';
import { Auditor, DESKTOP, type Ready, root, writeFigures } from './support/a11y.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, pickShowtime, type ShowtimeInfo, startServerAndBrowser } from './support/server.ts';

describe('accessibility: visitor pages and figures', { skip: skipWithoutChromium, timeout: 480_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let showtime: ShowtimeInfo;
  const a = new Auditor();
  const errors: string[] = [];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    showtime = await pickShowtime(server, { hoursAhead: 5, skip: 1 });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no serious or critical axe violations on any visitor page, at 1280 and 390 px', async () => {
    const movie = showtime.movieId;
    const movieBody = (await server.t.request({ method: 'GET', url: `/api/v1/movies/${movie}` })).body;
    const person = movieBody.people?.[0]?.personId as string | undefined;
    const show = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtime.id}` })).body;
    const cinemaId = show.cinemaId as string;
    const go = (p: Page, url: string) => p.goto(`${server.baseUrl}${url}`);
    const cinemaName = (await server.t.request({ method: 'GET', url: `/api/v1/cinemas/${cinemaId}` })).body
      .name as string;
    // [name, address, what shows once the page is ready]
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
    const anon = await (await newContext(browser, DESKTOP)).newPage();
    watchErrors(anon, errors);
    for (const [name, url, ready] of visitor) {
      await go(anon, url);
      await a.bothWidths(anon, name, ready, async (p) => {
        if (name !== 'movie') return;
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the movie page scrolls sideways by ${overflow}px at 390px`);
      });
    }
    await go(anon, '/register');
    await anon.getByRole('button', { name: 'Create account' }).click();
    await a.bothWidths(anon, 'register-errors', '.field-error:not(:empty)');
    await go(anon, '/');
    await anon.getByRole('button', { name: /Deutsch/ }).click();
    await anon.getByRole('heading', { name: 'Jetzt im Kino' }).waitFor();
    await a.bothWidths(anon, 'home-de', '.movie-card');
    assert.equal(await anon.evaluate(() => document.documentElement.lang), 'de');
    await anon.context().close();
    a.assertClean('visitor');
    assert.deepEqual(errors, []);
  });

  test('a French first page shows French from its first paint and fetches no German', async () => {
    const ctx = await newContext(browser, { locale: 'fr-FR' });
    // The page's first words, as soon as anything is drawn: never English while French loads.
    await ctx.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const shown = document.getElementById('root')?.textContent;
        if (!shown) return;
        (window as unknown as { firstText: string }).firstText = shown;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const page = await ctx.newPage();
    watchErrors(page, errors);
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: fr['home.nowShowing'] }).waitFor();
    await page.locator('.movie-card').first().waitFor();
    const first = await page.evaluate(() => (window as unknown as { firstText?: string }).firstText ?? '');
    assert.ok(first.includes(fr['nav.skip']), `the first words drawn are French: ${first.slice(0, 80)}`);
    assert.ok(!first.includes(en['nav.skip']), 'no English before the French words are in');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    const chunks = scripts.map((p) => readFileSync(path.join(root, 'web', 'dist', p), 'utf8'));
    assert.ok(
      chunks.every((body) => !body.includes(de['home.nowShowing'])),
      'German words are not fetched for a French page',
    );
    await ctx.close();
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
    const code = unique.map((p) => readFileSync(path.join(root, 'web', 'dist', p)));
    // What a gzip-only client downloads (the server sends Brotli when it may: smaller still).
    const gzip = code.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    await fresh.close();
    // An English first page carries English words only: German and French load when a reader needs them.
    const text = code.map((body) => body.toString()).join('\n');
    for (const words of [de['home.nowShowing'], fr['home.nowShowing'], fr['nav.skip']])
      assert.ok(!text.includes(words), `the English first page carries "${words}"`);
    assert.ok(text.includes(en['home.nowShowing']));

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
    // English's words only: German and French are chunks fetched when the reader needs them (i18n/load.ts).
    assert.ok(gzip <= 150 * 1024, `first page sends ${figures.firstPageJsGzipKB} KB of gzipped JavaScript`);
    for (const [name, value] of Object.entries(cls))
      assert.ok(value < 0.1, `${name} shifts its layout by ${value} while loading`);
  });
});
