// Guest checkout in the browser: a signed-out customer picks seats, continues as a guest from the
// sign-in page, pays, and later opens the booking from the emailed link (read from the dev mailbox)
// in another browser, where the token leaves the address bar at once, and cancels it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { fillCard, seatButton } from './support/pages.ts';
import { type E2eServer, onServer, pickShowtime, startServer, twoNeighbours, waitForMail } from './support/server.ts';

describe('guest checkout', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let shop: BrowserContext;
  let later: BrowserContext;
  let page: Page;
  let errors: string[];
  const email = `guest-${Date.now()}@example.test`;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
    shop = await newContext(browser);
    later = await newContext(browser);
    page = await shop.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a guest buys two seats, then cancels from the emailed link', async () => {
    const showtime = await pickShowtime(server, { hoursAhead: 30 });
    const [a, b] = twoNeighbours(showtime);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await seatButton(page, a).click();
    await seatButton(page, b).click();
    await page.getByRole('button', { name: 'Sign in to continue' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('link', { name: 'Continue as guest' }).click();
    await page.waitForURL(/\/guest\/checkout\?/);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Your name').fill('Grace Guest');
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await fillCard(page, '4242424242424242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/guest\/bookings\/[0-9a-f-]+\?paid=1$/);
    await page.getByText('Paid. We have emailed your tickets').waitFor();
    await page
      .getByRole('img', { name: /^QR code of the ticket for / })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Download tickets (PDF)' }).waitFor();

    const mail = await waitForMail(server, email, (m) => m.links.some((l) => l.includes('/guest/bookings/')));
    const link = mail.links.find((l) => l.includes('/guest/bookings/'))!;
    assert.match(link, /\?token=[A-Za-z0-9_-]{43}$/);
    const other = await later.newPage();
    const otherErrors = watchErrors(other);
    await other.goto(onServer(server, link));
    await other.waitForURL((url) => url.pathname.startsWith('/guest/bookings/') && !url.search.includes('token'));
    assert.equal(await other.locator('meta[name="referrer"]').getAttribute('content'), 'no-referrer');
    await other.getByRole('button', { name: 'Cancel and refund' }).click();
    await other.getByText('has been refunded to your card').waitFor();
    await other.getByText('Refunded').first().waitFor();
    assert.deepEqual([...errors, ...otherErrors], []);
  });
});
