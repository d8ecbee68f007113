// The one translation catalog in the browser: counted words take their plural form (the hall
// editor's delete button, the door's counter), and a German reader gets the staff console in German.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, startServer } from './support/server.ts';

describe('translations in the browser', { skip: skipWithoutChromium }, () => {
  let server: E2eServer;
  let browser: Browser;
  let english: BrowserContext;
  let german: BrowserContext;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
    english = await newContext(browser);
    german = await newContext(browser, { width: 390, height: 844, locale: 'de-DE' });
    for (const ctx of [english, german])
      await ctx.addCookies([{ name: 'session', value: server.admin.token, url: server.baseUrl }]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the hall editor counts the seats it would delete: "Delete 1 seat", "Delete 3 seats"', async () => {
    const page = await english.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/halls`);
    await page.getByRole('link', { name: 'New hall' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="96"]').waitFor();
    await page.getByText('8 rows · 96 seats · 96 for sale').waitFor();
    await page.locator('[data-name="A1"]').click();
    const one = page.getByRole('button', { name: 'Delete 1 seat', exact: true });
    await one.waitFor();
    assert.ok(await one.isEnabled());
    await page.locator('[data-name="A3"]').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Delete 3 seats', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByRole('button', { name: 'Delete 96 seats', exact: true }).waitFor();
    assert.equal(await page.getByText(/\{\w+\}/).count(), 0, 'no placeholder is shown as such');
    assert.deepEqual(errors, []);
  });

  test('the door counts "1 scan", then "2 scans"', async () => {
    const page = await english.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/door`);
    const field = page.getByLabel('Ticket code');
    for (const [n, text] of [
      [1, '1 scan, 0 admitted'],
      [2, '2 scans, 0 admitted'],
    ] as const) {
      await field.fill(`NOT-A-TICKET-${n}`);
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.locator('[data-verdict="bad"] .door-big').getByText('Unknown ticket').waitFor();
      await page.locator(`.door-count[data-scans="${n}"]`).waitFor();
      assert.equal((await page.locator('.door-count').innerText()).split(' · ')[0], text);
    }
    assert.deepEqual(errors, []);
  });

  test('a German reader gets the staff console in German, plurals included', async () => {
    const page = await german.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/door`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByRole('heading', { name: 'Einlass', level: 1 }).waitFor();
    const field = page.getByLabel('Ticketcode');
    await field.fill('KEIN-TICKET');
    await page.getByRole('button', { name: 'Einlassen' }).click();
    await page.locator('[data-verdict="bad"] .door-big').getByText('Unbekanntes Ticket').waitFor();
    await page.locator('.door-count[data-scans="1"]').getByText('1 Scan, 0 eingelassen').waitFor();

    await page.goto(`${server.baseUrl}/staff/halls`);
    await page.getByRole('link', { name: 'Neuer Saal' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="96"]').waitFor();
    await page.getByText('8 Reihen · 96 Plätze · 96 verkaufbar').waitFor();
    await page.getByRole('button', { name: 'Alle auswählen' }).click();
    await page.getByRole('button', { name: '96 Plätze löschen', exact: true }).waitFor();
    const text = await page.locator('main').innerText();
    for (const english of ['Select all', 'Save hall', 'Rows and seats', 'Delete'])
      assert.ok(!text.includes(english), `"${english}" is not German`);
    assert.deepEqual(errors, []);
  });
});
