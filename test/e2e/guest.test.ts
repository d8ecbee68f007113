// Guest checkout in the browser: a signed-out customer picks seats, continues as a guest from the
// sign-in page, pays, and later opens the booking from the emailed link (read from the dev mailbox)
// in another browser, where the token leaves the address bar at once, and cancels it (after the
// confirm dialog names the refund); a guest who picks a child ticket pays the child price.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import type { Seat, TicketType } from '../../web/src/api/types.ts';
import { minimumAge, ticketPrice, typesFor } from '../../web/src/seats/ticket-choice.ts';
import { euros, fillCard, seatButton } from './support/pages.ts';
import {
  type E2eServer,
  onServer,
  pickShowtime,
  startServerAndBrowser,
  twoNeighbours,
  waitForMail,
} from './support/server.ts';

describe('guest checkout', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let shop: BrowserContext;
  let later: BrowserContext;
  let page: Page;
  let errors: string[];
  const email = `guest-${Date.now()}@example.test`;

  before(async () => {
    [server, browser] = await startServerAndBrowser();
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
    // The refund is named before anything happens, and again on the confirm button.
    await other.getByText(/^Cancelling now refunds/).waitFor();
    await other.getByRole('button', { name: 'Cancel booking' }).click();
    await other
      .getByRole('dialog')
      .getByRole('button', { name: /^Cancel and refund €/ })
      .click();
    await other.getByText('has been refunded to your card').waitFor();
    await other.getByText('Refunded').first().waitFor();
    assert.deepEqual([...errors, ...otherErrors], []);
  });

  test('a guest who picks a child ticket pays the child price', async () => {
    const api = async (url: string) => (await server.t.request({ method: 'GET', url })).body;
    const from = new Date(server.clock.now().getTime() + 4 * 3_600_000).toISOString();
    const list = await api(`/api/v1/showtimes?from=${encodeURIComponent(from)}&limit=100`);
    let found: { id: string; seat: Seat; child: TicketType; price: number } | undefined;
    for (const item of list.items as { id: string; status: string }[]) {
      if (item.status !== 'scheduled') continue;
      const detail = await api(`/api/v1/showtimes/${item.id}`);
      const movie = await api(`/api/v1/movies/${detail.movieId}`);
      if (detail.currency !== 'EUR' || (minimumAge(movie.ageRating) ?? 0) > 10) continue;
      const types = (await api(`/api/v1/cinemas/${detail.cinemaId}/ticket-types`)).items as TicketType[];
      const seats = (await api(`/api/v1/showtimes/${item.id}/seats`)).seats as Seat[];
      const seat = seats.find((x) => x.status === 'available' && x.type === 'standard');
      const child = seat && typesFor(seat, types, detail, movie.ageRating).find((x) => x.code === 'child');
      const price = seat && child && ticketPrice(seat, child, detail)?.amount;
      if (seat && child && price && price !== seat.price?.amount) {
        found = { id: item.id, seat, child, price };
        break;
      }
    }
    assert.ok(found, 'the demo has a showtime with a child price');
    const guestPage = await (await newContext(browser)).newPage();
    const guestErrors = watchErrors(guestPage);
    await guestPage.goto(`${server.baseUrl}/showtimes/${found.id}`);
    await seatButton(guestPage, found.seat).click();
    await guestPage
      .getByLabel(`Ticket for Row ${found.seat.row}, seat ${found.seat.number}`)
      .selectOption(found.child.code);
    await guestPage.getByRole('button', { name: 'Sign in to continue' }).click();
    await guestPage.getByRole('link', { name: 'Continue as guest' }).click();
    await guestPage.waitForURL(/\/guest\/checkout\?/);
    await guestPage.getByLabel('Email address').fill(`child-${email}`);
    await guestPage.getByLabel('Your name').fill('Kim Kid');
    await guestPage.getByRole('button', { name: 'Continue as guest' }).click();
    await fillCard(guestPage, '4242424242424242');
    await guestPage.getByRole('button', { name: `Pay ${euros(found.price)}` }).click();
    await guestPage.waitForURL(/\/guest\/bookings\/[0-9a-f-]+\?paid=1$/);
    const bookingId = /\/guest\/bookings\/([0-9a-f-]+)/.exec(guestPage.url())![1]!;
    const sold = await server.t.app.platform.database.db
      .selectFrom('booking_seats')
      .select('ticket_type')
      .where('booking_id', '=', bookingId)
      .execute();
    assert.deepEqual(
      sold.map((x) => x.ticket_type),
      ['child'],
    );
    assert.deepEqual(guestErrors, []);
  });
});
