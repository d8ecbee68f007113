// Routing and data in the browser: a page whose code fails to load shows a message with "Try
// again" inside the frame, unknown addresses get a not-found page, back and forward restore the
// page and its scroll, a hall saved in the editor is in the Schedule form at once, and signed-out
// visitors see no console errors (no 401 from asking who is signed in). Whoever signs in next on
// the same browser never sees the last person's holds or bookings; a session that ends under a
// page sends it to sign in (and back); a released hold is not offered again; a bad schedule date
// in the address is ignored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { makeUser } from '../support/factories.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { holdSeats, seatButton, signedInContext, signUpAndIn } from './support/pages.ts';
import {
  type E2eServer,
  pickShowtime,
  startServerAndBrowser,
  type ShowtimeInfo,
  twoNeighbours,
} from './support/server.ts';

/** Polls `check` until it holds (no fixed sleeps: CI may be slow). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never: ${what}`);
}

/**
 * From now on, across page changes inside the app, records which of `texts` (or CSS `selectors`)
 * ever showed, even for one frame; `seen()` lists them. Calling it again starts afresh.
 */
async function watchFor(page: Page, texts: string[], selectors: string[] = []): Promise<() => Promise<string[]>> {
  await page.evaluate(
    ([texts, selectors]) => {
      const w = window as unknown as { __watch?: MutationObserver; __seen: string[] };
      w.__watch?.disconnect();
      const seen = new Set<string>();
      const check = () => {
        const body = document.body.innerText;
        for (const t of texts) if (body.includes(t)) seen.add(t);
        for (const sel of selectors) if (document.querySelector(sel)) seen.add(sel);
        w.__seen = [...seen];
      };
      check();
      w.__watch = new MutationObserver(check);
      w.__watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    [texts, selectors] as const,
  );
  return () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

/** The next frame after React has rendered what the last answer changed. */
const nextFrame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

describe('routing and data in the browser', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await startServerAndBrowser();
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
  test('a released hold is not offered again; after sign-out nobody sees the last holds, nor the next person its bookings', async () => {
    const page = await (await newContext(browser)).newPage();
    const errors = watchErrors(page);
    await signUpAndIn(server, page, 'Ada Before');
    // To the seat picker inside the app (the cache under test lives as long as the page does).
    const card = page.locator('.movie-card a').first();
    const title = (await card.innerText()).split('\n')[0]!;
    await card.click();
    // A showtime over an hour away: the test comes back to it later, and a started one is no longer listed.
    await page.locator('a.showtime-chip').first().waitFor();
    let href = '';
    for (const h of await page.locator('a.showtime-chip').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const st = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${h.split('/').pop()}` })).body;
      if (Date.parse(st.startsAt) > Date.now() + 60 * 60_000) {
        href = h;
        break;
      }
    }
    assert.ok(href, 'a showtime of this movie starts over an hour from now');
    await page.locator(`a.showtime-chip[href="${href}"]`).click();
    await page.locator('[data-ready] .seat').first().waitFor();
    const id = href.split('/').pop()!;
    const seats = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${id}/seats` })).body
      .seats as ShowtimeInfo['seats'];
    const [a, b] = twoNeighbours({ id, movieId: '', startsAt: '', seats });
    const holding = 'You are holding';

    // Released at checkout: the seat picker never offers the released seats as a hold to continue.
    await holdSeats(page, [a, b]);
    let seen = await watchFor(page, [holding]);
    const listed = page.waitForResponse((r) => /\/api\/v1\/bookings\?/.test(r.url()));
    await page.getByRole('button', { name: 'Release these seats' }).click();
    await page.waitForURL(`${server.baseUrl}${href}`);
    await page.locator('[data-ready] .seat').first().waitFor();
    await listed;
    await nextFrame(page);
    assert.deepEqual(await seen(), [], 'the released hold is not offered');

    // Held again; back on the seat picker the hold is offered (what the checks below rule out).
    const [c] = twoNeighbours({ id, movieId: '', startsAt: '', seats }, 5);
    await seatButton(page, c).waitFor();
    await holdSeats(page, [c]);
    await page.goBack();
    await page.getByText(holding).waitFor();

    // Signed out: the showtime offers nobody that hold.
    await page.locator('.header-account').click();
    await page.getByRole('button', { name: 'Sign out on this device' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    seen = await watchFor(page, [holding], ['.booking-list li']);
    await page.locator('.movie-card a', { hasText: title }).first().click();
    await page.locator(`a.showtime-chip[href="${href}"]`).click();
    await page.locator('[data-ready] .seat').first().waitFor();
    await nextFrame(page);

    // The next person signs in on the same page: their tickets never show the last person's rows.
    const email = `bo-${Math.random().toString(36).slice(2, 9)}@example.test`;
    const password = 'silver-screen-matinee-77';
    const reg = await server.t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password, name: 'Bo After' },
    });
    assert.equal(reg.status, 201);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.baseUrl}${href}`);
    await page.getByRole('link', { name: 'My tickets' }).click();
    await page.getByText('You have no bookings yet.').waitFor();
    assert.deepEqual(await seen(), [], 'nothing of the last person shows');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('a session that ends under a staff page or the account page goes to sign in and back', async () => {
    const usher = await makeUser(server.t, { role: 'staff', name: 'Ulla Usher' });
    const ctx = await signedInContext(browser, server, usher);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/door`);
    const field = page.getByLabel('Ticket code');
    await field.waitFor();
    const seen = await watchFor(page, ['That page is for cinema staff', 'This page could not be shown']);
    const out = await server.t.request({ method: 'POST', url: '/api/v1/auth/logout', token: usher.token });
    assert.equal(out.status, 204);
    await field.fill('MQ-NOT-A-TICKET');
    await field.press('Enter');
    await page.waitForURL(/\/login\?next=%2Fstaff%2Fdoor$/);
    await page.getByLabel('Password').waitFor();
    assert.deepEqual(await seen(), [], 'no refusal, no error page on the way');

    // The account page: Save after the session ended elsewhere.
    const customer = await makeUser(server.t, { name: 'Cora Customer' });
    await ctx.clearCookies();
    await ctx.addCookies([{ name: 'session', value: customer.token, url: server.baseUrl }]);
    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    const seenAccount = await watchFor(page, ['This page could not be shown']);
    await server.t.request({ method: 'POST', url: '/api/v1/auth/logout', token: customer.token });
    await page.getByLabel('Name').fill('Cora Later');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/login\?next=%2Faccount$/);
    await page.getByLabel('Password').waitFor();
    assert.deepEqual(await seenAccount(), [], 'no error page on the way');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('a schedule address with a bad date or view shows today; the staff guard names refusals', async () => {
    const ctx = await signedInContext(browser, server, server.admin);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    for (const search of ['?date=garbage', '?date=2025-02-30&view=month', '?date=20250101']) {
      await page.goto(`${server.baseUrl}/staff/schedule${search}`);
      await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
      await eventually(
        async () => /^\d{4}-\d{2}-\d{2}$/.test(await page.getByLabel('Date').inputValue()),
        'a real day',
      );
      assert.equal(await page.getByText('This page could not be shown').count(), 0, search);
    }
    // A real day in the address is kept.
    await page.goto(`${server.baseUrl}/staff/schedule?date=2031-03-04&view=week`);
    await eventually(async () => (await page.getByLabel('Date').inputValue()) === '2031-03-04', 'the day kept');
    const view = page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' });
    assert.equal(await view.getAttribute('aria-pressed'), 'true');
    // Staff asking for an admin page are told why, on navigation.
    const usher = await makeUser(server.t, { role: 'staff' });
    await ctx.clearCookies();
    await ctx.addCookies([{ name: 'session', value: usher.token, url: server.baseUrl }]);
    await page.goto(`${server.baseUrl}/staff/movies`);
    await page.waitForURL(`${server.baseUrl}/staff`);
    await page.getByText('That part of the console is for administrators.').waitFor();
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
