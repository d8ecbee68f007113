// Ticket types in a real browser (issue 15): a customer picks a child ticket for one seat and an
// adult one for the next, pays, and the booking page names both types with the right total; the
// usher at the door sees the child ticket and the proof to check; an admin changes a showtime's
// child price in the console and the showtime answers with it, adds and deactivates a ticket type
// and sets the cinema's default price list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Seat, Showtime, TicketPrices, TicketType } from '../../web/src/api/types.ts';
import { minimumAge, ticketPrice, typesFor } from '../../web/src/seats/ticket-choice.ts';
import { makeUser } from '../support/factories.ts';
import { newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, type ShowtimeInfo, startServerAndBrowser } from './support/server.ts';
import { euros, fillCard, localParts, seatButton, signedInContext, signUpAndIn } from './support/pages.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Two neighbouring free standard seats (the demo prices children on standard seats). */
function standardPair(info: ShowtimeInfo): [Seat, Seat] {
  const free = (info.seats as Seat[]).filter((s) => s.status === 'available' && s.type === 'standard');
  for (const a of free) {
    const b = free.find((s) => s.row === a.row && s.number === a.number + 1);
    if (b) return [a, b];
  }
  throw new Error('no two neighbouring standard seats free');
}

describe('ticket types in the browser', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let info: ShowtimeInfo;
  let showtime: Showtime & { timezone: string; hallName: string; movieTitle: string; ticketPrices: TicketPrices };
  let adult: TicketType;
  let child: TicketType;
  let bookingId = '';

  const api = async (method: string, url: string, payload?: object) => {
    const res = await server.t.request({ method, url, payload, token: server.admin.token });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
    return res.body;
  };

  /**
   * A EUR showtime whose film children may see, its cinema selling a child type (the demo's, or one
   * made here) with a child price on standard seats.
   */
  async function childFriendlyShowtime(): Promise<void> {
    const from = new Date(server.clock.now().getTime() + 4 * 3_600_000).toISOString();
    const list = await api('GET', `/api/v1/showtimes?from=${encodeURIComponent(from)}&limit=100`);
    for (const item of list.items as { id: string; status: string }[]) {
      if (item.status !== 'scheduled') continue;
      let detail = await api('GET', `/api/v1/showtimes/${item.id}`);
      const movie = await api('GET', `/api/v1/movies/${detail.movieId}`);
      if (detail.currency !== 'EUR' || (minimumAge(movie.ageRating) ?? 0) > 10) continue;
      const types = (await api('GET', `/api/v1/cinemas/${detail.cinemaId}/ticket-types`)).items as TicketType[];
      if (!types.some((x) => x.code === 'child'))
        types.push(
          await api('POST', `/api/v1/cinemas/${detail.cinemaId}/ticket-types`, {
            code: 'child',
            names: { en: 'Child', de: 'Kind' },
            rule: { en: 'Proof of age at the door', de: 'Altersnachweis am Einlass' },
            maxAge: 11,
            sortOrder: 1,
          }),
        );
      if (detail.ticketPrices?.child?.standard === undefined) {
        const standard = detail.prices.standard as number;
        await api('PUT', `/api/v1/showtimes/${item.id}/prices`, {
          prices: detail.prices,
          ticketPrices: { ...detail.ticketPrices, child: { standard: Math.round(standard * 0.6) } },
        });
        detail = await api('GET', `/api/v1/showtimes/${item.id}`);
      }
      const offered = typesFor({ type: 'standard', price: null }, types, detail, movie.ageRating);
      const kid = offered.find((x) => x.code === 'child');
      const grown = offered.find((x) => x.isDefault);
      if (!kid || !grown) continue;
      const seats = (await api('GET', `/api/v1/showtimes/${item.id}/seats`)).seats;
      info = { id: item.id, movieId: detail.movieId, startsAt: detail.startsAt, seats };
      [showtime, adult, child] = [detail, grown, kid];
      return;
    }
    throw new Error('the demo chain has no showtime in EUR that children may see');
  }

  before(async () => {
    [server, browser] = await startServerAndBrowser({ CHECKIN_OPENS_MINUTES: String(24 * 60) });
    await childFriendlyShowtime();
    const ctx = await newContext(browser);
    page = await ctx.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a customer buys a child and an adult ticket; the booking names both and the total', async () => {
    const [a, b] = standardPair(info);
    await signUpAndIn(server, page, 'Petra Parent');
    await page.goto(`${server.baseUrl}/showtimes/${info.id}`);
    await seatButton(page, a).click();
    await seatButton(page, b).click();

    const adultPrice = ticketPrice(a, adult, showtime)!.amount;
    const childPrice = ticketPrice(b, child, showtime)!.amount;
    assert.notEqual(childPrice, adultPrice, 'the demo prices a child ticket differently');
    const picker = page.getByLabel(`Ticket for Row ${b.row}, seat ${b.number}`);
    assert.equal(await picker.inputValue(), adult.code, 'the default type is preselected');
    await page
      .getByText(euros(adultPrice * 2), { exact: true })
      .first()
      .waitFor();
    await picker.selectOption(child.code);
    await page
      .getByText(euros(adultPrice + childPrice), { exact: true })
      .first()
      .waitFor();
    if (child.rule) await page.getByText(`${child.names.en}: ${child.rule.en}`).waitFor();
    await screenshot(page, 'ticket-types-picker');

    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+\/checkout$/);
    bookingId = /\/bookings\/([0-9a-f-]+)\/checkout$/.exec(page.url())![1]!;
    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: "You're going to the movies!" }).waitFor();

    const order = page.locator('.order-table');
    const rowOf = (s: { row: string; number: number }) =>
      order.getByRole('row', { name: new RegExp(`^Row ${s.row}, seat ${s.number} `) });
    await rowOf(a).getByText(adult.names.en, { exact: false }).waitFor();
    await rowOf(b).getByText(child.names.en, { exact: false }).waitFor();
    await rowOf(b).getByText(euros(childPrice)).waitFor();
    await order
      .locator('tfoot')
      .getByText(euros(adultPrice + childPrice))
      .waitFor();
    await screenshot(page, 'ticket-types-booking');
    assert.deepEqual(errors, []);
  });

  test('the door shows the child ticket and the proof to check', async () => {
    assert.ok(bookingId, 'the purchase above went through');
    const usher = await makeUser(server.t, { role: 'staff', name: 'Uli Usher' });
    const door = await (await signedInContext(browser, server, usher, { width: 390, height: 844 })).newPage();
    watchErrors(door, errors);
    const tickets = (
      await server.t.request({ method: 'GET', url: `/api/v1/bookings/${bookingId}/tickets`, token: usher.token })
    ).body as { code: string; seat: { ticketType?: string }; ticketType?: string }[];
    const kid = tickets.find((x) => (x.ticketType ?? x.seat.ticketType) === child.code) ?? tickets[1]!;
    await door.goto(`${server.baseUrl}/staff/door`);
    await door.getByLabel('Ticket code').fill(kid.code);
    await door.getByLabel('Ticket code').press('Enter');
    const verdict = door.locator('[data-verdict="ok"]');
    await verdict.getByText(`${child.names.en} ticket`).waitFor();
    if (child.rule) await verdict.getByText(`Check: ${child.rule.en}`).waitFor();
    await screenshot(door, 'ticket-types-door');
    await door.context().close();
  });

  test("an admin changes the showtime's child price in the console", async () => {
    const admin = await (await signedInContext(browser, server, server.admin)).newPage();
    watchErrors(admin, errors);
    const at = localParts(Date.parse(showtime.startsAt), showtime.timezone);
    await admin.goto(`${server.baseUrl}/staff/schedule?date=${at.date}`);
    await admin.getByLabel('Cinema').selectOption(showtime.cinemaId);
    await admin
      .getByRole('list', { name: new RegExp(`^${escape(showtime.hallName)}:`) })
      .getByRole('button', { name: new RegExp(`^${at.time} ${escape(showtime.movieTitle)}`) })
      .first()
      .click();
    await admin.getByRole('button', { name: 'Change prices' }).click();
    const cell = admin.getByLabel(`${child.names.en}, Standard`);
    await cell.fill('6.40');
    await admin.getByRole('button', { name: 'Save prices' }).click();
    await admin.getByText('Prices saved.').waitFor();
    const after = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtime.id}` })).body;
    assert.equal(after.ticketPrices[child.code].standard, 640);
    assert.equal(after.ticketPrices[adult.code].standard, showtime.ticketPrices[adult.code]!.standard);
    await screenshot(admin, 'ticket-types-showtime-prices');
    assert.deepEqual(errors, []);
  });

  test("an admin adds a ticket type, deactivates it, and sets the cinema's default child price", async () => {
    const admin = await (await signedInContext(browser, server, server.admin)).newPage();
    watchErrors(admin, errors);
    await admin.goto(`${server.baseUrl}/staff/cinemas/${showtime.cinemaId}`);
    await admin.getByRole('button', { name: 'Add a ticket type' }).click();
    const form = admin.getByRole('form', { name: 'New ticket type' });
    // A code the demo chain does not have (it seeds student, child, senior…): a clash would be refused.
    await form.getByLabel('Code').fill('trainee');
    await form.getByLabel('Name (English)').fill('Trainee');
    await form.getByLabel('Name (German)').fill('Auszubildende');
    await form.getByLabel('Rule at the door (English)').fill('Trainee card at the door');
    await form.getByLabel('Minimum age').fill('16');
    await form.getByRole('button', { name: 'Create' }).click();
    const row = admin.locator('tr[data-code="trainee"]');
    await row.getByText('Trainee card at the door').waitFor();
    await row.getByRole('button', { name: 'Deactivate Trainee' }).click();
    await row.getByText('inactive').waitFor();
    const types = await api('GET', `/api/v1/cinemas/${showtime.cinemaId}/ticket-types?includeInactive=true`);
    const trainee = (types.items as TicketType[]).find((x) => x.code === 'trainee')!;
    assert.deepEqual([trainee.active, trainee.minAge, trainee.names.de], [false, 16, 'Auszubildende']);

    const cell = admin.locator('.price-list').getByLabel(`${child.names.en}, Standard`);
    await cell.fill('5,00');
    await admin.getByRole('button', { name: 'Save price list' }).click();
    await admin.locator('.price-list').getByText('Saved.').waitFor();
    const list = await api('GET', `/api/v1/cinemas/${showtime.cinemaId}/price-list`);
    assert.equal(list.prices[child.code].standard, 500);
    await screenshot(admin, 'ticket-types-cinema');
    assert.deepEqual(errors, []);
  });
});
