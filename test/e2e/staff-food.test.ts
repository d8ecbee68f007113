// Food and drink in the staff console, in a real browser (issue 17): the counter types the pickup
// code of a paid booking with food, sees what to hand over and hands it over exactly once (a second
// scan says it is already collected); a till sells a drink on its own, without a ticket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeUser, type TestUser } from '../support/factories.ts';
import { axeViolations, describeViolations, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { euros, signedInContext } from './support/pages.ts';
import { type E2eServer, pickShowtime, startServerAndBrowser } from './support/server.ts';

const PRICE = 350;

describe('food and drink in the staff console', { skip: skipWithoutChromium, timeout: 240_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let cinemaId = '';
  let showtimeId = '';
  let seatId = '';
  let variantId = '';

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user: TestUser, payload?: object) =>
    server.t.request({ method, url, token: user.token, ...(payload === undefined ? {} : { payload }) });

  /** A till at the cinema with a session open for `user`, with a float. */
  async function openTill(user: TestUser, name: string, float: number): Promise<string> {
    const till = await call('POST', `/api/v1/cinemas/${cinemaId}/tills`, server.admin, { name });
    assert.equal(till.status, 201, till.text);
    const session = await call('POST', '/api/v1/till-sessions', user, { tillId: till.body.id, float });
    assert.equal(session.status, 201, session.text);
    return session.body.id as string;
  }

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    // A euro showtime hours ahead (a sale at the till needs it not to have started) with a free standard seat.
    const show = await pickShowtime(server, { hoursAhead: 4 });
    const detail = await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${show.id}` });
    assert.equal(detail.status, 200, detail.text);
    [cinemaId, showtimeId, seatId] = [
      detail.body.cinemaId as string,
      show.id,
      show.seats.find((x) => x.status === 'available' && x.type === 'standard' && x.price)!.id,
    ];
    // A drink of our own, on sale at that cinema: the test does not depend on the demo menu's words.
    const product = await call('POST', '/api/v1/concession-products', server.admin, {
      kind: 'item',
      category: 'drinks',
      names: { en: 'Test Cola', de: 'Test-Cola' },
      allergens: [],
      dietary: ['vegan'],
      variants: [{ code: 'regular', names: { en: 'Regular', de: 'Normal' } }],
    });
    assert.equal(product.status, 201, product.text);
    variantId = product.body.variants[0].id;
    const offer = await call('PUT', `/api/v1/cinemas/${cinemaId}/concession-offers/${product.body.id}`, server.admin, {
      currency: 'EUR',
      taxKind: 'food',
      onSale: true,
      prices: { regular: PRICE },
    });
    assert.equal(offer.status, 200, offer.text);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the counter hands over the food of a paid booking exactly once', async () => {
    // A booking with two drinks, paid at a till: its food order is paid and has a pickup code.
    const clerk = await makeUser(server.t, { role: 'staff', name: 'Carl Clerk' });
    const sessionId = await openTill(clerk, 'Box office', 0);
    const hold = await call('POST', '/api/v1/bookings', clerk, { showtimeId, seats: [{ seatId }] });
    assert.equal(hold.status, 201, hold.text);
    const food = await call('PUT', `/api/v1/bookings/${hold.body.id}/food`, clerk, {
      items: [{ variantId, quantity: 2 }],
    });
    assert.equal(food.status, 200, food.text);
    const sold = await call('POST', `/api/v1/till-sessions/${sessionId}/sales`, clerk, {
      bookingId: hold.body.id,
      method: 'card_terminal',
    });
    assert.equal(sold.status, 201, sold.text);
    const booking = await call('GET', `/api/v1/bookings/${hold.body.id}`, clerk);
    const code = booking.body.food?.pickupCode as string;
    assert.ok(code, `a pickup code: ${booking.text}`);

    const counter = await makeUser(server.t, { role: 'staff', name: 'Connie Counter' });
    const ctx = await signedInContext(browser, server, counter, { width: 412, height: 915 });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/counter`);
    await page.getByText('Ready: scan a pickup code or type it').waitFor();
    await page.getByLabel('Cinema').selectOption(cinemaId);
    const answer = page.locator('[role="status"][data-verdict]');

    await page.getByLabel('Pickup code').fill(code);
    await page.getByRole('button', { name: 'Look up' }).click();
    await answer
      .filter({ hasText: 'To hand over' })
      .filter({ hasText: /2 ×\s*Test Cola/ })
      .waitFor();
    const audit = await axeViolations(page);
    assert.deepEqual(audit, [], describeViolations(audit));
    await page.getByRole('button', { name: 'Hand over' }).click();
    await answer
      .filter({ hasText: 'Handed over' })
      .filter({ hasText: /2 ×\s*Test Cola/ })
      .waitFor();
    await screenshot(page, 'staff-food-counter');

    // Exactly once: the server refuses another collection, and the screen says so on a second scan.
    const again = await call('POST', '/api/v1/concession-pickups', counter, { code, cinemaId });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.code, 'already_collected');
    await page.getByLabel('Pickup code').fill(code);
    await page.getByRole('button', { name: 'Look up' }).click();
    await answer.filter({ hasText: 'Already collected' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Hand over' }).count(), 0);
    const later = await call('GET', `/api/v1/bookings/${hold.body.id}`, clerk);
    assert.equal(later.body.food.items[0].collected, 2, later.text);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('a till sells a drink without a ticket', async () => {
    const cashier = await makeUser(server.t, { role: 'staff', name: 'Tilly Till' });
    const sessionId = await openTill(cashier, 'Snack bar', 5000);
    const ctx = await signedInContext(browser, server, cashier);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/till`);
    await page.getByText('Till Snack bar is open.').waitFor();
    const food = page.getByRole('region', { name: 'Sell food and drink' });
    await food.getByRole('button', { name: `Test Cola · ${euros(PRICE)}` }).click();
    await food
      .getByTestId('food-total')
      .filter({ hasText: euros(PRICE) })
      .waitFor();
    await food.getByLabel('Cash tendered for food').fill('5');
    await food
      .getByText(`Change due: ${euros(500 - PRICE)}`)
      .first()
      .waitFor();
    await food.getByRole('button', { name: `Take payment of ${euros(PRICE)}` }).click();
    await food
      .getByRole('status')
      .filter({ hasText: `Sold for ${euros(PRICE)}.` })
      .waitFor();
    await food.getByRole('link', { name: 'Print receipt' }).waitFor();
    // The till's cash counts the drink: float plus the sale.
    await page
      .getByTestId('till-expected')
      .first()
      .filter({ hasText: euros(5000 + PRICE) })
      .waitFor();
    await screenshot(page, 'staff-food-till');

    const session = await call('GET', `/api/v1/till-sessions/${sessionId}`, cashier);
    const moves = session.body.movements as { kind: string; amount: { amount: number }; bookingId: string | null }[];
    assert.deepEqual(
      moves.map((m) => [m.kind, m.amount.amount, m.bookingId ?? null]),
      [['food_sale', PRICE, null]],
    );

    // The food refund names its order, asks first, then pays the drink back (one key per refund).
    await page.getByRole('button', { name: /^Refund in cash: food order \S+, / }).click();
    await page.getByText(`Refund ${euros(PRICE)} for food order`).waitFor();
    await page.getByRole('button', { name: 'Yes, refund' }).click();
    await page.getByRole('cell', { name: 'Food refund' }).waitFor();
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
