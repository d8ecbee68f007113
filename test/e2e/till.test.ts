// The box office counter in a real browser (issue 15): a staff member opens a till with a float,
// sells two seats from the live map for cash (tendered, change due), and closes the till with the
// counted cash; the close report shows the float plus the sale as expected and no difference.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeUser } from '../support/factories.ts';
import { axeViolations, describeViolations, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { euros, seatButton, signedInContext } from './support/pages.ts';
import { type E2eServer, startServerAndBrowser } from './support/server.ts';

describe('the till in the browser', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a staff member sells two seats for cash and closes the till with the right totals', async () => {
    const cinemas = (await server.t.request({ method: 'GET', url: '/api/v1/cinemas' })).body.items as {
      id: string;
      name: string;
    }[];
    // A euro showtime still to come with two free standard seats (the demo chain has a New York
    // cinema too, and a lounge hall with no standard seats).
    type Seat = { row: string; number: number; status: string; type: string; price: { amount: number } | null };
    let cinemaId = '';
    let showtimeId = '';
    let free: Seat[] = [];
    search: for (const c of cinemas) {
      const list = await server.t.request({ method: 'GET', url: `/api/v1/showtimes?cinemaId=${c.id}&limit=50` });
      for (const s of list.body.items as { id: string; currency: string }[]) {
        if (s.currency !== 'EUR') continue;
        const seats = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${s.id}/seats` })).body
          .seats as Seat[];
        free = seats.filter((x) => x.status === 'available' && x.type === 'standard' && x.price);
        if (free.length < 2) continue;
        [cinemaId, showtimeId] = [c.id, s.id];
        break search;
      }
    }
    assert.ok(showtimeId, 'a euro showtime to sell');
    const till = await server.t.request({
      method: 'POST',
      url: `/api/v1/cinemas/${cinemaId}/tills`,
      token: server.admin.token,
      payload: { name: 'Front counter' },
    });
    assert.equal(till.status, 201, till.text);
    const [a, b] = [free[0]!, free[1]!];
    const total = a.price!.amount + b.price!.amount;

    const cashier = await makeUser(server.t, { role: 'staff', name: 'Tilly Till' });
    const ctx = await signedInContext(browser, server, cashier);
    page = await ctx.newPage();
    errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/till`);
    await page.getByRole('heading', { name: 'Open a till' }).waitFor();
    await page.getByLabel('Cinema').selectOption(cinemaId);
    await page.getByLabel('Till', { exact: true }).selectOption(till.body.id);
    await page.getByLabel('Float').fill('100.00');
    await page.getByRole('button', { name: 'Open till' }).click();
    await page.getByText('Till Front counter is open.').waitFor();

    await page.getByLabel('Showtime').selectOption(showtimeId);
    await seatButton(page, a).click();
    await seatButton(page, b).click();
    // Each chosen seat offers the ticket types it may be sold as, the default chosen.
    const typeA = page.getByLabel(`Ticket for Row ${a.row}, seat ${a.number}`);
    assert.equal(await typeA.inputValue(), 'adult');
    const audit = await axeViolations(page);
    assert.deepEqual(audit, [], describeViolations(audit));
    await page.getByRole('button', { name: 'Hold 2 seats' }).click();
    await page
      .getByTestId('till-total')
      .filter({ hasText: euros(total) })
      .waitFor();
    await page.getByLabel('Cash tendered').fill(String(Math.ceil(total / 100) + 10));
    const change = (Math.ceil(total / 100) + 10) * 100 - total;
    await page
      .getByText(`Change due: ${euros(change)}`)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Take payment' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Sold for ${euros(total)}.` })
      .waitFor();
    await page.getByRole('link', { name: 'Print receipt' }).first().waitFor();
    await page
      .getByTestId('till-expected')
      .filter({ hasText: euros(10000 + total) })
      .waitFor();

    await page.getByLabel('Counted cash').fill(((10000 + total) / 100).toFixed(2));
    await page.getByRole('button', { name: 'Close till' }).click();
    await page.getByRole('table', { name: 'Close report: Front counter' }).waitFor();
    // The session's running table may still be on the page for a moment beside the close report.
    const closeReport = page.getByRole('table', { name: /^Close report/ });
    assert.equal(await closeReport.getByTestId('till-expected').textContent(), euros(10000 + total));
    assert.equal(await closeReport.getByTestId('till-counted').textContent(), euros(10000 + total));
    assert.equal(await closeReport.getByTestId('till-difference').textContent(), euros(0));
    // The till is free for the next shift.
    await page.getByRole('heading', { name: 'Open a till' }).waitFor();
    await screenshot(page, 'till-closed');
    assert.deepEqual(errors, []);
  });
});
