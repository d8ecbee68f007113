// The waiting room in the browser: a customer opening a guarded showtime's seat picker lands on its
// waiting page, takes a place before sales open, watches it come up live when the on-sale moment
// passes, and reaches the seat map with an admission its holds carry through to checkout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeUser } from '../support/factories.ts';
import { skipWithoutChromium, watchErrors } from './support/browser.ts';
import { holdSeats, signedInContext } from './support/pages.ts';
import { type E2eServer, pickShowtime, startServerAndBrowser, twoNeighbours } from './support/server.ts';

describe('the waiting room', { skip: skipWithoutChromium, timeout: 240_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a customer waits, is admitted live and reaches the seat map to hold seats', async () => {
    const showtime = await pickShowtime(server);
    const onSaleAt = new Date(server.clock.now().getTime() + 5 * 60_000);
    const guard = await server.t.request({
      method: 'PUT',
      url: `/api/v1/showtimes/${showtime.id}/waiting-room`,
      token: server.admin.token,
      payload: { onSaleAt: onSaleAt.toISOString(), admissionsPerMinute: 60 },
    });
    assert.equal(guard.status, 200, guard.text);
    const customer = await makeUser(server.t);
    const page = await (await signedInContext(browser, server, customer)).newPage();
    const errors = watchErrors(page);

    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await page.waitForURL(/\/waiting-room$/);
    await page.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await page.getByRole('button', { name: 'Take my place' }).click();
    await page.getByText('Your place is drawn when sales open.').waitFor();

    // Sales open: the scheduled job draws the places and admits at the rate; the page hears it live.
    // The due jobs run here rather than on the background runner's next poll, which a loaded machine delays.
    server.clock.set(new Date(onSaleAt.getTime() + 3000));
    await server.t.app.runJobsOnce();
    await page.getByTestId('waiting-admitted').waitFor();
    await page.getByRole('button', { name: 'Choose seats' }).click();
    await page.waitForURL(new RegExp(`/showtimes/${showtime.id}$`));
    const bookingId = await holdSeats(page, twoNeighbours(showtime));
    assert.match(bookingId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(errors, []);
  });
});
