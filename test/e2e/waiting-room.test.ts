// The waiting room in the browser: a customer opening a guarded showtime's seat picker lands on its
// waiting page, takes a place before sales open, watches it come up live when the on-sale moment
// passes, and reaches the seat map with an admission its holds carry through to checkout. Staff see a
// room by its movie, hall and start, its on-sale moment on the cinema's clock, and end it after confirming.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeUser } from '../support/factories.ts';
import { skipWithoutChromium, watchErrors } from './support/browser.ts';
import { holdSeats, localParts, signedInContext } from './support/pages.ts';
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

  test('staff see a room by its movie on the cinema’s clock and end it after confirming', async () => {
    const showtime = await pickShowtime(server, { skip: 1 });
    const info = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtime.id}` })).body;
    const onSaleAt = new Date(Math.ceil(server.clock.now().getTime() / 60_000) * 60_000 + 3 * 3_600_000);
    const url = `/api/v1/showtimes/${showtime.id}/waiting-room`;
    const guard = await server.t.request({
      method: 'PUT',
      url,
      token: server.admin.token,
      payload: { onSaleAt: onSaleAt.toISOString(), admissionsPerMinute: 30 },
    });
    assert.equal(guard.status, 200, guard.text);
    const page = await (await signedInContext(browser, server, server.admin)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/waiting-rooms`);
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const room = page.getByRole('region', {
      name: new RegExp(`^${literal(info.movieTitle)} · ${literal(info.hallName)}, `),
    });
    await room.waitFor();
    const text = await room.innerText();
    assert.ok(text.includes(`${localParts(onSaleAt, info.timezone).time} (${info.timezone})`), text);
    await room.getByRole('button', { name: 'End waiting room' }).click();
    const dialog = page.getByRole('dialog', { name: 'End this waiting room?' });
    await dialog.getByRole('button', { name: 'End it now' }).click();
    await room.waitFor({ state: 'detached' });
    assert.equal((await server.t.request({ method: 'GET', url })).body.active, false);
    assert.deepEqual(errors, []);
  });
});
