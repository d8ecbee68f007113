// Browsing in the browser: what's on where the customer goes (remembered), a movie's showtimes by
// day in the cinema's own time, people, search as you type, and the same in German.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, startServerAndBrowser } from './support/server.ts';

describe('browsing the programme', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    page = await (await newContext(browser)).newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the city and cinema picked are remembered and filter what is on', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.locator('.movie-card').first().waitFor();
    await screenshot(page, 'home');
    await page.getByLabel('City').selectOption('Berlin');
    await page.getByRole('heading', { name: "What's on in Berlin" }).waitFor();
    const cinema = await page.getByLabel('Cinema').locator('option').nth(1).innerText();
    await page.getByLabel('Cinema').selectOption({ label: cinema });
    await page.getByRole('heading', { name: `What's on in ${cinema}` }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: `What's on in ${cinema}` }).waitFor();
    assert.equal(await page.getByLabel('City').inputValue(), 'Berlin');
    await page.getByLabel('City').selectOption({ label: 'All cities' });
    await page.getByRole('heading', { name: "What's on", exact: true }).waitFor();
  });

  test("a movie's showtimes are grouped by day and cinema, in the cinema's local time", async () => {
    await page.locator('.movie-card a').first().click();
    await page.locator('.showtime-chip').first().waitFor();
    await page.locator('.movie-page h1').waitFor();
    await screenshot(page, 'movie');
    const chips = page.locator('.showtime-chip');
    const count = Math.min(await chips.count(), 4);
    for (let i = 0; i < count; i++) {
      const href = (await chips.nth(i).getAttribute('href'))!;
      const id = href.split('/').pop()!;
      const s = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${id}` })).body;
      const c = (await server.t.request({ method: 'GET', url: `/api/v1/cinemas/${s.cinemaId}` })).body;
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: c.timezone,
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(s.startsAt));
      assert.equal(await chips.nth(i).locator('.showtime-chip-time').innerText(), local);
      const section = chips.nth(i).locator('xpath=ancestor::div[contains(@class,"showtime-cinema")]');
      assert.match(await section.locator('.showtime-cinema-name').innerText(), new RegExp(c.name));
    }
    const days = page.locator('.day-button');
    assert.ok((await days.count()) >= 2, 'a strip of days to choose from');
    await days.nth(1).click();
    assert.equal(await days.nth(1).getAttribute('aria-pressed'), 'true');
    await page.locator('.showtime-day h3').waitFor();
  });

  test('people are linked from the movie and have their own page', async () => {
    const director = page.locator('.credits a').first();
    const name = await director.innerText();
    await director.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.locator('.plain-list a').first().waitFor();
    await screenshot(page, 'person');
  });

  test('search shows results as you type', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    const box = page.getByRole('searchbox');
    await box.pressSequentially('the light', { delay: 40 });
    // No Enter: the address and the results follow the typing.
    await page.waitForURL(/\/search\?q=the(\+|%20)light$/);
    await page.getByText(/^\d+ movies? found$/).waitFor();
    await page.locator('.movie-card-title', { hasText: /light/i }).first().waitFor();
    await box.fill('');
    await box.pressSequentially('zzzzqq', { delay: 20 });
    await page.getByText('Nothing found for “zzzzqq”.').waitFor();
    await box.fill('lind');
    await page.locator('.person-chip, .movie-card').first().waitFor();
    await screenshot(page, 'search');
  });

  test('in German, dates, times and prices follow the language', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: /Deutsch/ }).click();
    await page.getByRole('heading', { name: 'Jetzt im Kino' }).waitFor();
    await page.locator('.movie-card a').first().click();
    await page.getByRole('heading', { name: 'Vorstellungen' }).waitFor();
    const heading = await page.locator('.showtime-day h3').innerText();
    assert.match(heading, /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d+\. /);
    await page.locator('.showtime-chip').first().click();
    await page.locator('[data-ready] .seat').first().waitFor();
    const legend = await page.locator('.legend-price').first().innerText();
    // The first chip may be any cinema's, so the currency is either the chain's euro or dollar.
    assert.match(legend, /^\d+,\d{2}\u00a0(€|\$)$/);
    assert.match((await page.locator('.seat').first().getAttribute('aria-label'))!, /^Reihe \w+, Platz \d+, /);
    await screenshot(page, 'seat-picker-de');
    await page.reload();
    await page.getByText('Leinwand').waitFor();
    assert.deepEqual(errors, []);
  });
});
