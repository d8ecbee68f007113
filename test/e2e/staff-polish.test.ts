// The staff console's rough edges, as a person meets them: the hall editor's grid boxes follow the
// plan and it counts the seats it would delete, the showtime form starts in the future and says why
// it cannot schedule, the door counts its scans and the back-office pages fit a phone, sales are
// grouped by currency a page at a time (the pager keeps the focus), who holds what stays inside its
// card, a showtime moves (or says what it would overlap), and a German reader gets all of it in
// German, plurals and the server's refusals included.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, fromWall } from '../../web/src/staff/zoned.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser } from '../support/factories.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, pickShowtime, startServerAndBrowser } from './support/server.ts';
import { localParts } from './support/pages.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** The page is no wider than the window: nothing to scroll sideways. */
async function assertFits(page: Page, what: string): Promise<void> {
  const { scroll, inner, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => {
        if (e.getBoundingClientRect().right <= window.innerWidth + 0.5) return false;
        // Inside a box that scrolls sideways on its own is fine.
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
          if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
        return true;
      })
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`,
      ),
  }));
  assert.ok(scroll <= inner, `${what}: ${scroll} px wide in a ${inner} px window (${wide.join(', ')})`);
}

/** Fully inside the window horizontally and shown. */
async function assertInView(page: Page, locator: ReturnType<Page['locator']>, what: string): Promise<void> {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, `${what} sticks out: ${JSON.stringify(box)}`);
}

describe('staff console polish in the browser', { skip: skipWithoutChromium }, () => {
  let server: E2eServer;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let german: BrowserContext;
  let errors: string[] = [];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    desk = await newContext(browser, DESKTOP);
    phone = await newContext(browser, PHONE);
    german = await newContext(browser, { ...PHONE, locale: 'de-DE' });
    for (const ctx of [desk, phone, german])
      await ctx.addCookies([{ name: 'session', value: server.admin.token, url: server.baseUrl }]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the hall editor counts what it would delete; its Rows and per-row boxes follow the plan', async () => {
    const page = await desk.newPage();
    errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/staff/halls`);
    await page.getByRole('link', { name: 'New hall' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="96"]').waitFor();
    // "Delete 1 seat", "Delete 3 seats": the plural form by count.
    await page.getByText('8 rows · 96 seats · 96 for sale').waitFor();
    await page.locator('[data-name="A1"]').click();
    const one = page.getByRole('button', { name: 'Delete 1 seat', exact: true });
    await one.waitFor();
    assert.ok(await one.isEnabled());
    await page.locator('[data-name="A3"]').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Delete 3 seats', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByRole('button', { name: 'Delete 96 seats', exact: true }).waitFor();
    assert.equal(await page.getByText(/\{\w+\}/).count(), 0, 'no placeholder is shown as such');
    const rows = page.getByLabel('Rows', { exact: true });
    const perRow = page.getByLabel('per row');
    assert.deepEqual([await rows.inputValue(), await perRow.inputValue()], ['8', '12'], 'the new hall is 8 × 12');
    await rows.fill('5');
    await perRow.fill('9');
    await page.getByRole('button', { name: 'Start over with a grid' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="45"]').waitFor();
    assert.deepEqual([await rows.inputValue(), await perRow.inputValue()], ['5', '9']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="96"]').waitFor();
    assert.deepEqual([await rows.inputValue(), await perRow.inputValue()], ['8', '12'], 'undo brings the boxes back');
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="45"]').waitFor();
    assert.deepEqual([await rows.inputValue(), await perRow.inputValue()], ['5', '9'], 'so does redo');

    // A demo hall as loaded: its rows and its longest row.
    const cinemas = (await server.t.request({ method: 'GET', url: '/api/v1/cinemas?limit=100' })).body.items;
    const halls = await server.t.request({ method: 'GET', url: `/api/v1/cinemas/${cinemas[0].id}/halls` });
    const hall = (halls.body.items ?? halls.body)[0];
    const full = (await server.t.request({ method: 'GET', url: `/api/v1/halls/${hall.id}` })).body;
    const longest = Math.max(...full.layout.rows.map((r: { seats: unknown[] }) => r.seats.length));
    const seats = full.layout.rows.reduce((n: number, r: { seats: unknown[] }) => n + r.seats.length, 0);
    await page.goto(`${server.baseUrl}/staff/halls/${hall.id}`);
    await page.locator(`svg.editor-canvas[data-seat-count="${seats}"]`).waitFor();
    assert.deepEqual(
      [await rows.inputValue(), await perRow.inputValue()],
      [String(full.layout.rows.length), String(longest)],
      `${hall.name} as loaded`,
    );
    await page.close();
  });

  test('the showtime form starts after now, names the showtime it overlaps and says which prices are missing', async () => {
    const cinema = (await server.t.request({ method: 'GET', url: '/api/v1/cinemas?limit=100' })).body.items[0];
    // The browser's clock at 21:37 in the cinema: 20:00 has passed today.
    const today = localParts(server.clock.now().getTime(), cinema.timezone).date;
    const late = Date.parse(fromWall(today, '21:37', cinema.timezone));
    const page = await desk.newPage();
    watchErrors(page, errors);
    await page.clock.setFixedTime(late);
    await page.goto(`${server.baseUrl}/staff/schedule`);
    await page.getByRole('button', { name: 'New showtime' }).click();
    const form = page.locator('form.showtime-form');
    assert.equal(await form.getByLabel('Date').inputValue(), today);
    assert.equal(
      await form.getByLabel(/^Start/).inputValue(),
      '22:00',
      'the first quarter hour 15 minutes ahead, not 20:00 today',
    );
    // Far ahead, where the demo schedule has nothing to overlap.
    await form.getByLabel('Date').fill(addDays(today, 200));

    // A price left empty: the button still works and says which field is missing. The other prices
    // start from the usual ones, which (by the hour the suite runs) may come from a hall without this
    // hall's seat types: those are filled, so Standard is the only one missing.
    const prices = form.locator('fieldset.price-fields input[inputmode="decimal"]');
    for (let i = 0; i < (await prices.count()); i++)
      if ((await prices.nth(i).inputValue()).trim() === '') await prices.nth(i).fill('12.00');
    await form.getByLabel('Standard').fill('');
    const save = form.getByRole('button', { name: 'Schedule showtime' });
    assert.ok(await save.isEnabled(), 'the button is enabled');
    await form.getByText(/^Enter the prices? of/).waitFor();
    await save.click();
    await form.getByText('Enter a price for this seat type.').waitFor();
    assert.equal(await form.getByLabel('Standard').getAttribute('aria-invalid'), 'true');
    await form.getByLabel('Standard').fill('9.50');
    assert.equal(await form.getByText('Enter a price for this seat type.').count(), 0);

    // The start of a scheduled showtime in its hall: the overlap names it; no "Schedule anyway".
    const shown = await pickShowtime(server, { hoursAhead: 30 });
    const detail = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${shown.id}` })).body;
    const at = localParts(Date.parse(detail.startsAt), detail.timezone);
    await page.goto(`${server.baseUrl}/staff/schedule?date=${at.date}`);
    await page.getByLabel('Cinema').selectOption(detail.cinemaId);
    await page.getByRole('button', { name: 'New showtime' }).click();
    await form.getByLabel('Hall', { exact: true }).selectOption({ label: detail.hallName });
    await form.getByLabel('Date').fill(at.date);
    await form.getByLabel(/^Start/).fill(at.time);
    const overlap = form.getByRole('alert').filter({ hasText: 'This overlaps the schedule' });
    await overlap
      .getByText(new RegExp(`^“${detail.movieTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” ${at.time}–`))
      .waitFor();
    await overlap.getByText('change the start time or the hall', { exact: false }).waitFor();
    assert.equal(await form.getByRole('button', { name: 'Schedule anyway' }).count(), 0);
    assert.ok(await save.isDisabled(), 'an overlap cannot be scheduled');
    assert.match((await save.getAttribute('aria-describedby')) ?? '', /overlap/);

    // The day and the view live in the address: Week keeps the day, Next week moves it on by seven.
    const week = page.getByRole('button', { name: 'Week', exact: true });
    await week.click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'week' && u.searchParams.get('date') === at.date);
    await page.getByRole('button', { name: /^Next week/ }).click();
    await page.waitForURL((u) => u.searchParams.get('date') === addDays(at.date, 7));
    assert.equal(await week.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByLabel('Date', { exact: true }).first().inputValue(), addDays(at.date, 7));
    await page.close();
  });

  test('a showtime moves to a free time; onto another showtime of its hall the overlap is said', async () => {
    const tz = 'Europe/Berlin';
    const day = addDays(localParts(server.clock.now().getTime(), tz).date, 150);
    const first = await makeShowtime(server.t, { startsAt: new Date(fromWall(day, '10:00', tz)) });
    const second = await server.t.request({
      method: 'POST',
      url: '/api/v1/showtimes',
      token: server.admin.token,
      payload: {
        movieId: first.movieId,
        hallId: first.hallId,
        startsAt: fromWall(day, '13:00', tz),
        prices: { standard: 1000 },
        currency: 'EUR',
      },
    });
    assert.equal(second.status, 201, second.text);
    const page = await desk.newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}/staff/schedule?date=${day}`);
    await page.getByLabel('Cinema').selectOption(first.cinemaId);
    await page.locator('.lane-block', { hasText: '10:00' }).click();
    await page.getByRole('button', { name: 'Move…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move this showtime' });
    await dialog.getByLabel(/^Start/).fill('13:30');
    await dialog.getByRole('button', { name: 'Move showtime' }).click();
    await dialog.getByText('The hall is already in use at that time (cleaning included).', { exact: false }).waitFor();
    await dialog.getByLabel(/^Start/).fill('11:00');
    await dialog.getByRole('button', { name: 'Move showtime' }).click();
    await page.locator('.lane-block', { hasText: '11:00' }).waitFor();
    const moved = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${first.showtimeId}` })).body;
    assert.equal(Date.parse(moved.startsAt), Date.parse(fromWall(day, '11:00', tz)));
    await page.close();
  });

  test('at 390 × 844 the door (counting "1 scan", "2 scans"), sales, movies and users fit the phone', async () => {
    const page = await phone.newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}/staff/door`);
    const field = page.getByLabel('Ticket code');
    await field.fill('NOT-A-REAL-TICKET-CODE');
    await field.press('Enter');
    await page.locator('[data-verdict="bad"]').getByText('✕ Unknown ticket').waitFor();
    await page.locator('.door-count[data-scans="1"]').waitFor();
    assert.equal((await page.locator('.door-count').innerText()).split(' · ')[0], '1 scan, 0 admitted');
    await assertFits(page, 'door');
    await assertInView(page, page.locator('[data-verdict="bad"]'), 'the answer');
    await assertInView(page, page.getByRole('button', { name: 'Check in' }), 'the Check in button');
    await assertInView(page, field, 'the code field');
    await field.fill('NOT-A-TICKET-2');
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.locator('.door-count[data-scans="2"]').waitFor();
    assert.equal((await page.locator('.door-count').innerText()).split(' · ')[0], '2 scans, 0 admitted');

    await page.goto(`${server.baseUrl}/staff/sales`);
    await page.getByRole('heading', { name: 'Sales', level: 1 }).waitFor();
    await page.locator('.sales-page table tbody tr').first().waitFor();
    await assertFits(page, 'sales');
    await assertInView(page, page.getByRole('link', { name: 'Download CSV' }), 'Download CSV');

    await page.goto(`${server.baseUrl}/staff/movies`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('main table tbody tr, main li').first().waitFor();
    await assertFits(page, 'movies');

    await page.goto(`${server.baseUrl}/staff/users`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Search by name or email').waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    await assertFits(page, 'users');
    await assertInView(page, page.getByLabel('Search by name or email'), 'the search box');
    await page.close();
  });

  test('sales are grouped by currency under headings and listed a page at a time', async () => {
    const page = await desk.newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}/staff/sales`);
    const eur = page.getByRole('region', { name: /EUR/ });
    const usd = page.getByRole('region', { name: /USD/ });
    await eur.getByRole('heading', { level: 2 }).first().waitFor();
    await usd.getByRole('heading', { level: 2 }).first().waitFor();
    await eur.getByText('Revenue (net of refunds)').waitFor();
    await usd.getByText('Revenue (net of refunds)').waitFor();

    const table = page.getByRole('table', { name: /Showtimes in this period/ });
    await table.locator('tbody tr').first().waitFor();
    const firstPage = await table.locator('tbody tr').count();
    assert.ok(firstPage > 0 && firstPage <= 25, `${firstPage} showtimes on the first page`);
    const status = page.getByText(/^Showtimes 1–\d+ of \d+$/);
    const [, shownTo, total] = /1–(\d+) of (\d+)/.exec((await status.textContent())!)!.map(Number) as number[];
    assert.ok(total! > firstPage, `more than one page: ${total}`);
    assert.equal(shownTo, firstPage);
    const firstRow = await table.locator('tbody tr').first().textContent();
    // Turned by keyboard, the page keeps its place: Next keeps the focus, the list its heading, and
    // the window does not jump (the shown page stays until the next one is there).
    const next = page.getByRole('button', { name: 'Next page' });
    await next.focus();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Enter');
    assert.ok(await page.getByRole('heading', { name: 'Showtimes in this period', level: 2 }).isVisible());
    await page.getByText(new RegExp(`^Showtimes ${firstPage + 1}–\\d+ of ${total}$`)).waitFor();
    assert.notEqual(await table.locator('tbody tr').first().textContent(), firstRow);
    assert.ok(await next.evaluate((b) => b === document.activeElement), 'Next still has the focus');
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page did not jump');
    await page.getByRole('heading', { name: 'Showtimes in this period', level: 2 }).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 4000, `the sales page is ${height} px tall`);

    // One cinema: only its currency is left.
    const cinemas = (await server.t.request({ method: 'GET', url: '/api/v1/cinemas?limit=100' })).body.items as {
      id: string;
      name: string;
    }[];
    // A demo cinema: it has showtimes in the range, unlike cinemas other cases add.
    const demo = cinemas.find((c) => c.name.startsWith('Marquee '))!;
    await page.getByLabel('Cinema').selectOption(demo.id);
    await page.getByText(/^Showtimes 1–\d+ of \d+$/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('section.sales-currency').length === 1);
    await page.close();
  });

  test('a German reader gets the door, the hall editor and the server’s refusals in German', async (t) => {
    // The signed-in admin's stored language is what every page shows (issue 20): German for this test.
    const language = (value: string) =>
      server.t.request({ method: 'PATCH', url: '/api/v1/me', token: server.admin.token, payload: { language: value } });
    assert.equal((await language('de')).status, 200);
    t.after(() => language('en'));
    const page = await german.newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}/staff/door`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByRole('heading', { name: 'Einlass', level: 1 }).waitFor();
    await page.getByLabel('Ticketcode').fill('KEIN-TICKET');
    await page.getByRole('button', { name: 'Einlassen' }).click();
    await page.locator('[data-verdict="bad"] .door-big').getByText('Unbekanntes Ticket').waitFor();
    await page.locator('.door-count[data-scans="1"]').getByText('1 Scan, 0 eingelassen').waitFor();

    await page.goto(`${server.baseUrl}/staff/halls`);
    await page.getByRole('link', { name: 'Neuer Saal' }).click();
    await page.locator('svg.editor-canvas[data-seat-count="96"]').waitFor();
    await page.getByText('8 Reihen · 96 Plätze · 96 verkaufbar').waitFor();
    await page.getByRole('button', { name: 'Alle auswählen' }).click();
    await page.getByRole('button', { name: '96 Plätze löschen', exact: true }).waitFor();
    const text = await page.locator('main').innerText();
    for (const english of ['Select all', 'Save hall', 'Rows and seats', 'Delete'])
      assert.ok(!text.includes(english), `"${english}" is not German`);

    // A start the server refuses as past (a day long gone): said in German, not in its English.
    await page.goto(`${server.baseUrl}/staff/schedule`);
    await page.getByRole('button', { name: 'Neue Vorstellung' }).click();
    const form = page.locator('form.showtime-form');
    const today = localParts(server.clock.now().getTime(), 'UTC').date;
    await form.getByLabel('Datum').fill(addDays(today, -200));
    for (const price of await form.locator('fieldset.price-fields input[inputmode="decimal"]').all())
      await price.fill('10');
    await form.getByRole('button', { name: 'Vorstellung einplanen' }).click();
    await form.getByText('Dieser Beginn ist schon vorbei: bitte eine spätere Zeit wählen.').waitFor();
    assert.equal(await form.getByText('must be in the future').count(), 0);
    await page.close();
  });

  test('who holds what stays inside its card at desktop and phone width', async () => {
    const shown = await pickShowtime(server, { hoursAhead: 6 });
    const buyer = await makeUser(server.t, {
      name: 'Maximiliane Wilhelmina von Hohenzollern-Sigmaringen',
      email: 'maximiliane.wilhelmina.von.hohenzollern-sigmaringen@example-long-domain.test',
    });
    const free = shown.seats.filter((x) => x.status === 'available' && x.price).slice(0, 6);
    const hold = await server.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: buyer.token,
      payload: { showtimeId: shown.id, seatIds: free.map((x) => x.id) },
    });
    assert.equal(hold.status, 201, hold.text);
    for (const ctx of [desk, phone]) {
      const page = await ctx.newPage();
      watchErrors(page, errors);
      await page.goto(`${server.baseUrl}/staff/sales/${shown.id}`);
      const card = page.locator('section.holders');
      await card.getByRole('cell', { name: /maximiliane\.wilhelmina/ }).waitFor();
      const [cardBox, tableBox] = await Promise.all([card.boundingBox(), card.locator('table').boundingBox()]);
      const scroller = await card.locator('table').evaluate((t) => {
        const p = t.parentElement!;
        return { scrolls: p.scrollWidth > p.clientWidth, overflow: getComputedStyle(p).overflowX };
      });
      const inside = tableBox!.x + tableBox!.width <= cardBox!.x + cardBox!.width + 0.5;
      assert.ok(
        inside || (scroller.scrolls && scroller.overflow === 'auto'),
        `the table (${tableBox!.width} px) spills out of its card (${cardBox!.width} px)`,
      );
      if (ctx === phone) await assertFits(page, 'a showtime’s sales');
      await page.close();
    }
    assert.deepEqual(errors, []);
  });
});
