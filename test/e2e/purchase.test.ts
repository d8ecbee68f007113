// The whole purchase in a real browser: a new customer registers, confirms the address through the
// link in the dev mailbox, picks two seats on the live map, pays, sees the QR codes and downloads the
// PDF, while a second browser watching the same showtime sees the seats go without reloading. Then
// the customer cancels and gets the refund that was shown before confirming.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import {
  type E2eServer,
  onServer,
  pickShowtime,
  type ShowtimeInfo,
  startServerAndBrowser,
  twoNeighbours,
  waitForMail,
} from './support/server.ts';
import { seatButton, fillCard, euros } from './support/pages.ts';

describe('buying tickets in the browser', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let customer: BrowserContext;
  let watcher: BrowserContext;
  let page: Page;
  let watch: Page;
  let showtime: ShowtimeInfo;
  let seats: ReturnType<typeof twoNeighbours>;
  let bookingUrl = '';
  let errors: string[] = [];
  const email = `newcomer-${Date.now()}@example.test`;

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    showtime = await pickShowtime(server, { hoursAhead: 6 });
    seats = twoNeighbours(showtime);
    customer = await newContext(browser);
    watcher = await newContext(browser);
    page = await customer.newPage();
    watch = await watcher.newPage();
    errors = watchErrors(watch, watchErrors(page));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a new customer registers and confirms the address through the emailed link', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Nora Newcomer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('velvet-curtain-popcorn-42');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Welcome to Marquee' }).waitFor();

    const mail = await waitForMail(server, email, (m) => m.links.some((l) => l.includes('/verify-email?token=')));
    const link = mail.links.find((l) => l.includes('/verify-email?token='))!;
    await page.goto(onServer(server, link));
    await page.getByText('Thank you, your email address is confirmed.').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.emailVerified, true);
    await screenshot(page, 'verify-email');
  });

  test('two seats are held on the live map; a second browser sees them taken at once', async () => {
    const [a, b] = seats;
    await watch.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await seatButton(watch, a).waitFor();
    assert.equal(await seatButton(watch, a).getAttribute('data-status'), 'available');
    // The watcher has its eye on one of the same seats.
    await seatButton(watch, b).click();
    assert.equal(await seatButton(watch, b).getAttribute('aria-pressed'), 'true');

    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await seatButton(page, a).click();
    await seatButton(page, b).click();
    assert.equal(await seatButton(page, a).getAttribute('aria-pressed'), 'true');
    const total = (a.price?.amount ?? 0) + (b.price?.amount ?? 0);
    await page.getByText(euros(total), { exact: true }).first().waitFor();
    await screenshot(page, 'seat-picker-selected');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+\/checkout$/);
    bookingUrl = page.url().replace(/\/checkout$/, '');
    await page.getByRole('timer').waitFor();

    // No reload on the watcher: the change arrives over SSE.
    await watch.waitForFunction(
      ([x, y]) =>
        [x, y].every((id) => document.querySelector(`[data-seat-id="${id}"]`)?.getAttribute('data-status') === 'held'),
      [a.id, b.id],
      { timeout: 10_000 },
    );
    assert.match((await seatButton(watch, a).getAttribute('aria-label')) ?? '', /reserved by someone/);
    // …and is told, in a sentence, that it went to someone else.
    await watch
      .getByText(`Row ${b.row}, seat ${b.number} was just taken by someone else. Please choose another seat.`)
      .waitFor();
    assert.equal(await seatButton(watch, b).getAttribute('aria-pressed'), 'false');
    await screenshot(watch, 'seat-picker-live-held');
  });

  test('paying with the approved test card confirms the booking with QR codes and a PDF', async () => {
    const [a, b] = seats;
    await screenshot(page, 'checkout');
    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: "You're going to the movies!" }).waitFor();
    assert.match(page.url(), /\/bookings\/[0-9a-f-]+\?confirmed=1$/);

    const qrs = page.getByRole('img', { name: /QR code of the ticket for Row/ });
    await qrs.nth(1).waitFor();
    assert.equal(await qrs.count(), 2);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ticket-qr img')].every((img) => (img as HTMLImageElement).naturalWidth > 0),
    );
    await screenshot(page, 'confirmation');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download tickets (PDF)' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');

    await watch.waitForFunction(
      ([x, y]) =>
        [x, y].every((id) => document.querySelector(`[data-seat-id="${id}"]`)?.getAttribute('data-status') === 'sold'),
      [a.id, b.id],
      { timeout: 10_000 },
    );
  });

  test('cancelling shows the refund before confirming, then refunds it and frees the seats', async () => {
    const [a, b] = seats;
    const total = (a.price?.amount ?? 0) + (b.price?.amount ?? 0);
    await page.getByRole('link', { name: 'My tickets' }).click();
    await page.getByRole('heading', { name: 'Upcoming' }).waitFor();
    await screenshot(page, 'my-bookings');
    await page.locator('.booking-row-link').first().click();
    await page.waitForURL(bookingUrl);
    await page.getByText(`Cancelling now refunds the full ${euros(total)}.`).waitFor();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await dialog.waitFor();
    await screenshot(page, 'cancel-dialog');
    await dialog.getByRole('button', { name: `Cancel and refund ${euros(total)}` }).click();
    await page.getByText(`${euros(total)} has been refunded to your card.`).waitFor();
    await page.getByText('Refunded', { exact: true }).first().waitFor();
    await watch.waitForFunction(
      ([x, y]) =>
        [x, y].every(
          (id) => document.querySelector(`[data-seat-id="${id}"]`)?.getAttribute('data-status') === 'available',
        ),
      [a.id, b.id],
      { timeout: 10_000 },
    );
    assert.deepEqual(errors, []);
  });
});
