// Routing and data in the browser: a page whose code fails to load shows a message with "Try
// again" inside the frame, unknown addresses get a not-found page, back and forward restore the
// page and its scroll, a hall saved in the editor is in the Schedule form at once, and signed-out
// visitors see no console errors (no 401 from asking who is signed in).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { launch, newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, pickShowtime, startServer } from './support/server.ts';

/** Polls `check` until it holds (no fixed sleeps: CI may be slow). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never: ${what}`);
}

describe('routing and data in the browser', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('signed-out visitors log no console error on any page; unknown addresses are not found', async () => {
    const page = await (await newContext(browser)).newPage();
    const pageErrors = watchErrors(page);
    const consoleErrors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    const showtime = await pickShowtime(server);
    await page.goto(`${server.baseUrl}/`);
    await page.locator('.movie-card').first().waitFor();
    await page.goto(`${server.baseUrl}/movies/${showtime.movieId}`);
    await page.locator('.showtime-chip').first().waitFor();
    await page.goto(`${server.baseUrl}/search`);
    await page.getByRole('searchbox').first().waitFor();
    // A page for signed-in users sends the visitor to sign in, and back there afterwards.
    await page.goto(`${server.baseUrl}/bookings`);
    await page.waitForURL(/\/login\?next=%2Fbookings$/);
    await page.getByLabel('Password').waitFor();

    await page.goto(`${server.baseUrl}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    assert.ok(await page.getByRole('banner').isVisible(), 'the header stays');
    assert.ok(await page.getByRole('contentinfo').isVisible(), 'the footer stays');
    await page.getByRole('link', { name: "Back to what's on" }).click();
    await page.locator('.movie-card').first().waitFor();

    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  test('a page whose code does not load says so with Try again, inside the frame; Try again works once it loads', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const showtime = await pickShowtime(server);
    const blocked = (url: URL) => /\/assets\/SeatPickerPage-[^/]+\.js$/.test(url.pathname);
    await page.route(blocked, (route) => route.abort());
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
    await alert.waitFor();
    assert.ok(await page.getByRole('banner').isVisible(), 'the header stays');
    assert.ok(await page.getByRole('contentinfo').isVisible(), 'the footer stays');
    await page.unroute(blocked);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-ready] .seat').first().waitFor();
    await ctx.close();
  });

  test('back and forward restore the page and where it was scrolled to', async () => {
    const ctx = await newContext(browser, { width: 800, height: 400 });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/`);
    const card = page.locator('.movie-card a').nth(3);
    await card.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 0, 'the home page scrolls at this size');
    const title = (await card.innerText()).split('\n')[0]!;
    await card.click();
    await page.locator('.movie-page h1').waitFor();
    await eventually(async () => (await page.evaluate(() => window.scrollY)) === 0, 'the new page starts at the top');
    await page.goBack();
    await page.locator('.movie-card').first().waitFor();
    await eventually(
      async () => Math.abs((await page.evaluate(() => window.scrollY)) - scrolled) < 5,
      'back restores the scroll position',
    );
    await page.goForward();
    await page.locator('.movie-page h1').filter({ hasText: title }).waitFor();
    await ctx.close();
  });

  test('a hall saved in the hall editor is in the Schedule form without a reload', async () => {
    const ctx = await newContext(browser);
    await ctx.addCookies([{ name: 'session', value: server.admin.token, url: server.baseUrl }]);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/schedule`);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const newShowtime = page.getByRole('button', { name: 'New showtime' });
    await eventually(() => newShowtime.isEnabled(), 'halls and movies are loaded');

    await page
      .getByRole('navigation', { name: /staff|console/i })
      .getByRole('link', { name: 'Halls' })
      .click();
    await page.getByRole('link', { name: 'New hall' }).click();
    await page.getByLabel('Hall name').fill('Saal Routing');
    await page.getByRole('button', { name: 'Save hall' }).click();
    await page.getByText('The hall is saved.').waitFor();

    await page
      .getByRole('navigation', { name: /staff|console/i })
      .getByRole('link', { name: 'Schedule' })
      .click();
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await newShowtime.click();
    const hall = page.locator('form.showtime-form').getByLabel('Hall', { exact: true });
    await eventually(
      async () => (await hall.locator('option').allInnerTexts()).includes('Saal Routing'),
      'the new hall is offered',
    );
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
