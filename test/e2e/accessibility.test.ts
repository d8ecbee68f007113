// Keyboard and screen reader use, and accessibility rules on the signed-in customer's pages. The visitor
// pages (and the figures) are in accessibility-visitor.test.ts, the staff pages in
// accessibility-staff.test.ts: each suite has its own server so each fits its time budget.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Auditor, DESKTOP, PHONE, type Ready, settled } from './support/a11y.ts';
import { axeViolations, newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { holdSeats, seatButton, signUpAndIn } from './support/pages.ts';
import {
  type E2eServer,
  pickShowtime,
  type ShowtimeInfo,
  startServerAndBrowser,
  twoNeighbours,
} from './support/server.ts';

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

describe(
  'accessibility: keyboard purchase and signed-in pages',
  { skip: skipWithoutChromium, timeout: 480_000 },
  () => {
    let server: E2eServer;
    let browser: Browser;
    let customer: BrowserContext;
    let page: Page;
    let showtime: ShowtimeInfo;
    let bookingId = '';
    /** The booking page as checkout leaves it: the "You're going" confirmation. */
    let confirmedPath = '';
    const a = new Auditor();
    const found = a.found;
    const errors: string[] = [];

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

    test('no serious or critical axe violations on the signed-in pages, at 1280 and 390 px', async () => {
      assert.ok(bookingId, 'the keyboard purchase made the booking');
      const go = (p: Page, url: string) => p.goto(`${server.baseUrl}${url}`);
      // [name, address, what shows once the page is ready]
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
      const mine = await (await newContext(browser, DESKTOP)).newPage();
      await mine.context().addCookies(await customer.cookies());
      watchErrors(mine, errors);
      for (const [name, url, ready] of signedIn) {
        await go(mine, url);
        await a.bothWidths(mine, name, ready);
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
      await a.audit(mine, 'checkout-phone', '#card-number', false);
      await mine.context().close();
      a.assertClean('signed-in');
      assert.deepEqual(errors, []);
    });
  },
);
