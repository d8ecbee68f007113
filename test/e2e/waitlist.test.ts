// The waiting list and best available seats in the browser (issue 18): a customer asks for the best
// two seats together and holds them; on a sold-out showtime another joins the waiting list, and when
// a seat comes back the offer shows on the bookings page with a pay link to its checkout; a guest's
// place is shown again after a reload (not a second join form) and they can leave.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { makeUser } from '../support/factories.ts';
import { axeViolations, describeViolations, newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { signedInContext } from './support/pages.ts';
import { type E2eServer, pickShowtime, startServerAndBrowser } from './support/server.ts';

describe('the waiting list and best seats', { skip: skipWithoutChromium, timeout: 240_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('best available picks two seats together, which the customer holds', async () => {
    const showtime = await pickShowtime(server);
    const customer = await makeUser(server.t);
    const page = await (await signedInContext(browser, server, customer)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await page.getByTestId('best-count').selectOption('2');
    await page.getByRole('button', { name: 'Best available' }).click();
    await page.getByText('We picked the best 2 seats together for you.').waitFor();
    const audit = await axeViolations(page);
    assert.equal(audit.length, 0, describeViolations(audit));
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+\/checkout$/);
    const bookingId = /\/bookings\/([0-9a-f-]+)\/checkout$/.exec(page.url())![1]!;
    const booking = await server.t.request({
      method: 'GET',
      url: `/api/v1/bookings/${bookingId}`,
      token: customer.token,
    });
    const seats = booking.body.seats as { row: string; number: number }[];
    assert.equal(seats.length, 2);
    assert.equal(seats[0]!.row, seats[1]!.row);
    assert.equal(Math.abs(seats[0]!.number - seats[1]!.number), 1);
    assert.deepEqual(errors, []);
  });

  test('a sold-out showtime takes a waiting list place; a seat coming back is offered with a pay link', async () => {
    const s = await makeShowtime(server.t, { seats: gridLayout(1, 2) });
    const staff = await makeUser(server.t, { role: 'staff' });
    const held = await server.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: staff.token,
      payload: { showtimeId: s.showtimeId, seatIds: s.seats.map((x) => x.id) },
    });
    assert.equal(held.status, 201, held.text);
    const customer = await makeUser(server.t);
    const page = await (await signedInContext(browser, server, customer)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/showtimes/${s.showtimeId}`);
    await page.getByText('This showtime is sold out.').waitFor();
    await page.getByRole('button', { name: 'Join the waiting list' }).waitFor();
    const audit = await axeViolations(page);
    assert.equal(audit.length, 0, describeViolations(audit));
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    await page.getByText('You are on the waiting list, number 1 in line.').waitFor();

    const released = await server.t.request({
      method: 'DELETE',
      url: `/api/v1/bookings/${held.body.id}`,
      token: staff.token,
    });
    assert.equal(released.status, 204);
    // The offer is made by the job queue in the background: wait for it through the API, then the
    // bookings page shows it on its first load.
    for (;;) {
      const mine = await server.t.request({ method: 'GET', url: '/api/v1/waitlist', token: customer.token });
      if ((mine.body.items as { status: string }[]).some((e) => e.status === 'offered')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.goto(`${server.baseUrl}/bookings`);
    const pay = page.getByRole('link', { name: 'Pay for your seats' });
    await pay.click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+\/checkout$/);
    assert.deepEqual(errors, []);
  });

  test('a guest in line sees their place again after a reload, not a second join, and leaves', async () => {
    const s = await makeShowtime(server.t, { seats: gridLayout(1, 1) });
    const staff = await makeUser(server.t, { role: 'staff' });
    const held = await server.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: staff.token,
      payload: { showtimeId: s.showtimeId, seatIds: s.seats.map((x) => x.id) },
    });
    assert.equal(held.status, 201, held.text);
    const page = await (await newContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/showtimes/${s.showtimeId}`);
    await page.getByLabel('Your email address').fill('guest.in.line@example.test');
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    await page.getByText('You are on the waiting list, number 1 in line.').waitFor();
    await page.reload();
    await page.getByText('You are on the waiting list, number 1 in line.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Join the waiting list' }).count(), 0);
    await page.getByRole('button', { name: 'Leave the waiting list' }).click();
    await page.getByText('You left the waiting list.').waitFor();
    const entry = await server.t.app.platform.database.db
      .selectFrom('waitlist_entries')
      .select('status')
      .where('showtime_id', '=', s.showtimeId)
      .executeTakeFirstOrThrow();
    assert.equal(entry.status, 'cancelled');
    assert.deepEqual(errors, []);
  });
});
