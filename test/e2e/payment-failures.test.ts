// What goes wrong at checkout, in the browser: a declined card (explained, the hold kept, a second
// card pays), card numbers refused before they are sent, and holds that run out — both on the
// page's own countdown and when the server has already let the seats go.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { fillCard, holdSeats, seatButton, signUpAndIn } from './support/pages.ts';
import {
  type E2eServer,
  pickShowtime,
  type ShowtimeInfo,
  startServerAndBrowser,
  twoNeighbours,
} from './support/server.ts';

const HOLD_MS = 10 * 60_000;

describe('checkout when things go wrong', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let showtime: ShowtimeInfo;
  let errors: string[];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    showtime = await pickShowtime(server, { hoursAhead: 8 });
    const context = await newContext(browser);
    await context.clock.install();
    page = await context.newPage();
    errors = watchErrors(page);
    await signUpAndIn(server, page, 'Dana Decline');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const bookingStatus = async (id: string) => {
    const res = await page.evaluate(async (bookingId) => (await fetch(`/api/v1/bookings/${bookingId}`)).json(), id);
    return res.status as string;
  };

  test('seats taken while the page was not listening are named when holding fails', async () => {
    const [a, b] = twoNeighbours(showtime, 7);
    const other = await (await newContext(browser)).newPage();
    // This page hears nothing live (as after a network drop): no stream and, once the map is shown, no
    // poll of it either (the fallback would learn of the hold within seconds), so only the server's 409
    // can tell it.
    await other.route('**/seats/events*', (route) => route.abort());
    await signUpAndIn(server, other, 'Sam Slow');
    await other.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await seatButton(other, a).click();
    await seatButton(other, b).click();
    await other.route(`**/api/v1/showtimes/${showtime.id}/seats`, (route) => route.abort());
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await holdSeats(page, [b]);
    await other.getByRole('button', { name: 'Continue to payment' }).click();
    await other
      .getByText(`Row ${b.row}, seat ${b.number} was just taken by someone else. Please choose another seat.`)
      .waitFor();
    assert.equal(await seatButton(other, b).getAttribute('aria-pressed'), 'false');
    assert.equal(await seatButton(other, a).getAttribute('aria-pressed'), 'true');
    assert.match(other.url(), /\/showtimes\//);
    await screenshot(other, 'seat-picker-conflict');
    await page.getByRole('button', { name: 'Release these seats' }).click();
    await page.waitForURL(/\/showtimes\//);
    await other.close();
  });

  test('a declined card is explained, keeps the hold, and another card then pays', async () => {
    const [a] = twoNeighbours(showtime, 1);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const bookingId = await holdSeats(page, [a]);

    // Refused in the form before any request: Luhn, expiry, code.
    await fillCard(page, '4242 4242 4242 4241', '01/20', '12');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByText('This card number is not valid. Check the digits.').waitFor();
    await page.getByText('This card has expired.').waitFor();
    await page.getByText('The security code has 3 or 4 digits.').waitFor();
    assert.equal(await page.getByLabel('Card number').evaluate((el) => el === document.activeElement), true);

    await fillCard(page, '4000 0000 0000 0002');
    await page.getByRole('button', { name: /^Pay / }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Payment not taken' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /declined by the bank\. No money was taken/);
    await screenshot(page, 'checkout-declined');
    assert.equal(await bookingStatus(bookingId), 'held');

    await fillCard(page, '4000 0000 0000 9995');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('alert').filter({ hasText: 'insufficient funds' }).waitFor();

    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: "You're going to the movies!" }).waitFor();
    assert.equal(await bookingStatus(bookingId), 'confirmed');
  });

  test('a payment whose answer is lost is retried with the same Idempotency-Key and charged once', async () => {
    const [a] = twoNeighbours(showtime, 4);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const bookingId = await holdSeats(page, [a]);
    const keys: string[] = [];
    let lose = true;
    await page.route('**/payments', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!lose) return route.continue();
      // The server takes the payment, but its answer never reaches the browser.
      lose = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByText('We could not reach the box office.', { exact: false }).waitFor();
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: "You're going to the movies!" }).waitFor();
    await page.unroute('**/payments');
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    assert.match(keys[0]!, /^[0-9a-f]{32}$/);
    const booking = await page.evaluate(async (id) => (await fetch(`/api/v1/bookings/${id}`)).json(), bookingId);
    assert.equal(booking.status, 'confirmed');
    assert.equal(booking.tickets.length, 1);
  });

  test("the page's countdown follows expiresAt and closes checkout when it runs out", async () => {
    const [, b] = twoNeighbours(showtime, 3);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const bookingId = await holdSeats(page, [b]);
    const shown = await page.getByRole('timer').innerText();
    const [m, s] = shown.split(':').map(Number) as [number, number];
    const booking = await page.evaluate(async (id) => (await fetch(`/api/v1/bookings/${id}`)).json(), bookingId);
    // The page counts in real time (the server's clock in this suite stands still until moved).
    const left = Date.parse(booking.expiresAt) - Date.now();
    assert.ok(Math.abs(m * 60 + s - left / 1000) <= 3, `countdown ${shown} vs ${left / 1000} s left`);

    await page.clock.fastForward(left + 1000);
    await page
      .getByRole('heading', { name: 'Your hold has expired' })
      .or(page.getByText('Your hold has expired'))
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Choose seats again' }).waitFor();
    assert.equal(await page.getByLabel('Card number').count(), 0);
    await screenshot(page, 'checkout-expired');

    // The server lets the seats go at expiresAt too; a fresh map shows the seat free again.
    server.clock.advance(HOLD_MS + 60_000);
    await server.t.app.runJobsOnce();
    assert.equal(await bookingStatus(bookingId), 'expired');
    await page.getByRole('link', { name: 'Choose seats again' }).click();
    await seatButton(page, b).waitFor();
    assert.equal(await seatButton(page, b).getAttribute('data-status'), 'available');
  });

  test('paying after the server released the hold says so instead of charging', async () => {
    const [a, b] = twoNeighbours(showtime, 5);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const bookingId = await holdSeats(page, [a, b]);
    server.clock.advance(HOLD_MS + 60_000);
    await server.t.app.runJobsOnce();
    // The page may learn of the release on its own (a refetch) before the card is in: then its form
    // is gone. Either way it must say so and charge nothing.
    const pay = page.getByRole('button', { name: /^Pay / });
    if (await pay.isVisible()) {
      await fillCard(page, '4242 4242 4242 4242').catch(() => undefined);
      await pay.click({ timeout: 5_000 }).catch(() => undefined);
    }
    await page.getByText('The seats were released for others.', { exact: false }).waitFor();
    assert.equal(await bookingStatus(bookingId), 'expired');
    assert.deepEqual(errors, []);
  });
});
