// The customer pages' rough edges, as a person meets them: a movie listed once (now showing or
// coming soon), ratings and day tabs that read naturally, showtime buttons with the price from and
// how full they are, dollars shown as locals read them, a calm focus mark after navigation, the
// phone header's account link named, no tickets PDF for a refunded booking, and a home page that
// leads with what is on today at the customer's cinema; a hold kept longer once at checkout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buy, cancel, hold } from '../payments/payment-helpers.ts';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { fewSeatsLeft, priceFrom } from '../../web/src/pages/showtimes.ts';
import { formatMoney } from '../../web/src/i18n/format.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { signedInContext } from './support/pages.ts';
import { type E2eServer, startServerAndBrowser } from './support/server.ts';

const PHONE = { width: 390, height: 844 };

/** A zone for every hour of the day, so one of them is always in its morning or afternoon. */
const ZONES = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Halifax',
  'America/Sao_Paulo',
  'Atlantic/South_Georgia',
  'Atlantic/Cape_Verde',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Brisbane',
  'Pacific/Noumea',
  'Pacific/Auckland',
  'Pacific/Tongatapu',
];

describe('customer pages polish', { skip: skipWithoutChromium, timeout: 240_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let customer: TestUser;
  const errors: string[] = [];
  const get = async (url: string) => {
    const res = await server.t.request({ method: 'GET', url });
    assert.equal(res.status, 200, `${url}: ${res.text}`);
    return res.body;
  };
  const patch = async (url: string, payload: object) => {
    const res = await server.t.request({ method: 'PATCH', url, token: server.admin.token, payload });
    assert.equal(res.status, 200, `${url}: ${res.text}`);
  };
  const open = async (path: string, size?: { width: number; height: number }): Promise<Page> => {
    const page = await (await newContext(browser, size)).newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  };

  before(async () => {
    [server, browser] = await startServerAndBrowser({ MAX_SEATS_PER_CUSTOMER: '40' });
    customer = await makeUser(server.t, { name: 'Pat Phone' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    assert.deepEqual(errors, []);
  });

  test('home: a movie is under Now showing or Coming soon, never both; today in my city and at my cinema comes first', async () => {
    // Two cinemas of one city with a showtime three hours on, in a zone where that is still today; a
    // busy cinema elsewhere starts 1,200 showtimes before them (more than ten pages of 100 of a
    // chain-wide list hold), and this browser's clock is a day and a half behind the server's.
    const zone = ZONES.find((z) => {
      const hour = new Intl.DateTimeFormat('en-GB', { timeZone: z, hour: '2-digit', hourCycle: 'h23' }).format(
        Date.now(),
      );
      return Number(hour) >= 4 && Number(hour) <= 16;
    })!;
    const city = `Tonightville ${Date.now().toString(36)}`;
    const names = [`Alpha ${city}`, `Beta ${city}`];
    const soon = new Date(Date.now() + 3 * 3_600_000);
    const shows = [await makeShowtime(server.t, { startsAt: soon }), await makeShowtime(server.t, { startsAt: soon })];
    const busy = await makeShowtime(server.t, { startsAt: new Date(Date.now() + 10 * 60_000) });
    const db = server.t.app.platform.database.db;
    await db
      .updateTable('showtimes')
      .set({ ends_at: new Date(busy.startsAt.getTime() + 5_000) })
      .where('id', '=', busy.showtimeId)
      .execute();
    await db
      .insertInto('showtimes')
      .values(
        Array.from({ length: 1200 }, (_, i) => {
          const startsAt = new Date(busy.startsAt.getTime() + (i + 1) * 5_000);
          return {
            movie_id: busy.movieId,
            hall_id: busy.hallId,
            cinema_id: busy.cinemaId,
            starts_at: startsAt,
            ends_at: new Date(startsAt.getTime() + 5_000),
            prices: JSON.stringify({ standard: 800 }) as never,
            currency: 'EUR',
          };
        }),
      )
      .execute();
    // Through the API, so the catalog's caches learn of the factory rows too.
    for (const [id, body] of [
      [shows[0]!.cinemaId, { city, timezone: zone, name: names[0] }],
      [shows[1]!.cinemaId, { city, timezone: zone, name: names[1] }],
      [busy.cinemaId, { city: `Elsewhere ${city}`, timezone: zone }],
    ] as const)
      await patch(`/api/v1/cinemas/${id}`, body);
    const titles = await Promise.all(
      shows.map(async (s) => (await get(`/api/v1/movies/${s.movieId}`)).title as string),
    );

    const page = await (await newContext(browser)).newPage();
    watchErrors(page, errors);
    await page.clock.setSystemTime(Date.now() - 36 * 3_600_000);
    await page.goto(`${server.baseUrl}/`);
    const now = page.getByRole('region', { name: 'Now showing' });
    const later = page.getByRole('region', { name: 'Coming soon' });
    await now.getByRole('listitem').first().waitFor();
    await later.getByText('The Cartographer').waitFor();
    assert.equal(await now.getByText('The Cartographer').count(), 0, 'The Cartographer is also under Now showing');
    const shown = await now.locator('.movie-card-title').allTextContents();
    for (const title of await later.locator('.movie-card-title').allTextContents())
      assert.ok(!shown.includes(title), `${title} is under both Now showing and Coming soon`);

    // Nothing chosen yet: the page asks where the customer goes to the movies.
    const today = page.getByRole('region', { name: 'On today' });
    await today.getByText('Choose your city or cinema').waitFor();

    await page.getByLabel('City', { exact: true }).selectOption({ label: city });
    const inCity = page.getByRole('region', { name: `On today in ${city}` });
    for (const [i, title] of titles.entries()) {
      await inCity.getByRole('link', { name: title, exact: true }).waitFor();
      // Two cinemas: each button says where.
      await inCity.getByRole('link', { name: new RegExp(`^${names[i]}`) }).waitFor();
    }
    await page.getByLabel('Cinema', { exact: true }).selectOption({ label: names[0]! });
    const near = page.getByRole('region', { name: `On today in ${names[0]}` });
    await near.getByRole('link', { name: titles[0], exact: true }).waitFor();
    assert.ok((await near.getByRole('link', { name: /from / }).count()) > 0, 'showtime buttons today');
    assert.equal(await near.getByRole('link', { name: titles[1], exact: true }).count(), 0, 'the other cinema');
    // It leads: above Now showing, and remembered on the next visit.
    const [a, b] = [await near.boundingBox(), await now.boundingBox()];
    assert.ok(a && b && a.y < b.y, 'today comes before the poster grid');
    await page.reload();
    await page.getByRole('region', { name: `On today in ${names[0]}` }).waitFor();
    await page.context().close();
  });

  test('movie page: All ages, English day tabs, showtime buttons with price from and seats left', async () => {
    const movies = (await get('/api/v1/movies?status=now_showing&limit=100')).items as {
      id: string;
      ageRating: string | null;
    }[];
    const allAges = movies.find((m) => m.ageRating === '0');
    assert.ok(allAges, 'the demo has a movie rated 0');
    const page = await open(`/movies/${allAges.id}`);
    const facts = page.getByRole('list', { name: 'Facts' });
    await facts.getByText('All ages').waitFor();
    assert.equal(await page.getByText('Rated 0').count(), 0);

    const days = page.getByRole('group', { name: 'Choose a day' });
    await days.getByRole('button').nth(2).waitFor();
    const strip = await days.innerText();
    assert.doesNotMatch(strip, /\d\d\.\d\d\./, `English day tabs read like German: ${strip}`);
    assert.match(
      strip,
      /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/,
    );
    for (const chip of await page.locator('.showtime-chip').allInnerTexts())
      assert.match(chip, /from [€$£]\d/, `a showtime button without its price: ${chip}`);

    // Focus after a keyboard navigation: visible, but a bar rather than a link-like ring.
    const cinemaLink = page.locator('.showtime-cinema-name a').first();
    for (let i = 0; i < 80 && !(await cinemaLink.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cinemas\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const focus = await page.evaluate(() => {
      const e = document.activeElement!;
      const s = getComputedStyle(e);
      return { tag: e.tagName, outline: s.outlineStyle, shadow: s.boxShadow, visible: e.matches(':focus-visible') };
    });
    // The main region takes focus (app/Shell.tsx), and its own style is what the person sees.
    assert.equal(focus.tag, 'MAIN', `focus after navigation is on ${focus.tag}`);
    assert.ok(focus.visible, 'keyboard users see where focus is');
    assert.equal(focus.outline, 'none', 'the focused page region has a link-like outline ring');
    assert.match(
      focus.shadow,
      /^rgb\(138, 180, 255\) 4px 0px 0px 0px inset$/,
      'a bar in the focus colour at the left edge',
    );
    await page.context().close();
  });

  test('dollars read $ in a New York cinema; few seats left and sold out on the buttons', async () => {
    const inDays = (d: number) => new Date(server.clock.now().getTime() + d * 86_400_000);
    const few = await makeShowtime(server.t, {
      seats: gridLayout(1, 4),
      currency: 'USD',
      prices: { standard: 1500, vip: 2500 },
      startsAt: inDays(1),
    });
    const full = await makeShowtime(server.t, { seats: gridLayout(1, 2), startsAt: inDays(1) });
    // 20 seats, two of them for a wheelchair user and their companion (cheaper, but not for everyone).
    const roomy = await makeShowtime(server.t, {
      seats: gridLayout(2, 10, { A1: 'accessible', A2: 'companion' }),
      prices: { standard: 1300, accessible: 1000, companion: 900 },
      startsAt: inDays(1),
    });
    // Through the API, so the catalog's caches learn of the factory rows too.
    for (const [id, body] of [
      [few.cinemaId, { timezone: 'America/New_York', city: 'New York' }],
      [full.cinemaId, { city: 'Testville' }],
    ] as const) {
      const res = await server.t.request({
        method: 'PATCH',
        url: `/api/v1/cinemas/${id}`,
        token: server.admin.token,
        payload: body,
      });
      assert.equal(res.status, 200, res.text);
    }
    await buy(
      server.t,
      customer,
      full.showtimeId,
      full.seats.map((s) => s.id),
    );

    const page = await open(`/movies/${few.movieId}`);
    const chip = page.locator('.showtime-chip').first();
    // The chip may be in the page before its price and seats are (its text read empty once in CI).
    await page
      .locator('.showtime-chip', { hasText: /seats left/ })
      .first()
      .waitFor();
    const text = await chip.innerText();
    assert.match(text, /from \$15\.00/);
    assert.doesNotMatch(text, /US\$/);
    assert.match(text, /4 seats left/);
    await page.goto(`${server.baseUrl}/movies/${full.movieId}`);
    const sold = page.getByRole('link', { name: /Sold out/ });
    await sold.waitFor();
    assert.match(await sold.innerText(), /from €12\.00/);
    await page.goto(`${server.baseUrl}/movies/${roomy.movieId}`);
    const roomyChip = page.locator('.showtime-chip').first();
    await roomyChip.waitFor();
    const roomyText = await roomyChip.innerText();
    assert.match(roomyText, /from €13\.00/, 'the price from counts seats anyone may buy');
    assert.doesNotMatch(roomyText, /seats? left/, 'an empty 20-seat hall is not filling up');
    await page.context().close();
  });

  test('phone header names the account link; a refunded booking offers no tickets PDF', async () => {
    const show = await makeShowtime(server.t, { seats: gridLayout(1, 2) });
    const kept = (await buy(server.t, customer, show.showtimeId, [show.seat('A', 1).id])).booking;
    const refunded = (await buy(server.t, customer, show.showtimeId, [show.seat('A', 2).id])).booking;
    assert.equal((await cancel(server.t, customer, refunded.id)).status, 200);

    const ctx = await signedInContext(browser, server, customer, PHONE);
    const page = await ctx.newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}/bookings/${refunded.id}`);
    const account = page.getByRole('link', { name: 'Pat Phone' });
    await account.waitFor();
    const box = await account.boundingBox();
    assert.ok(box && box.width >= 24 && box.height >= 24, `account link ${JSON.stringify(box)}`);
    await page.getByText('Cancelled', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Download tickets (PDF)' }).count(), 0);

    await page.goto(`${server.baseUrl}/bookings/${kept.id}`);
    await page.getByRole('link', { name: 'Download tickets (PDF)' }).waitFor();

    // My bookings mixes cinemas: dollars say whose.
    const us = await makeShowtime(server.t, { seats: gridLayout(1, 2), currency: 'USD', prices: { standard: 1500 } });
    await buy(server.t, customer, us.showtimeId, [us.seat('A', 1).id]);
    await page.goto(`${server.baseUrl}/bookings`);
    const list = page.locator('main');
    await list.getByText(/US\$15\.00/).waitFor();
    await list
      .getByText(/€12\.00/)
      .first()
      .waitFor();
    await ctx.close();
  });
  test('checkout: "Need more time?" keeps the seats five minutes longer, once', async () => {
    const show = await makeShowtime(server.t, { seats: gridLayout(1, 2) });
    const held = await hold(server.t, customer, show.showtimeId, [show.seat('A', 1).id]);
    const ctx = await signedInContext(browser, server, customer);
    const page = await ctx.newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}/bookings/${held.id}/checkout`);
    await page.getByRole('button', { name: 'Need more time?' }).click();
    await page.getByRole('status').filter({ hasText: 'Your seats are held a little longer.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Need more time?' }).count(), 0);
    const now = (await server.t.request({ method: 'GET', url: `/api/v1/bookings/${held.id}`, token: customer.token }))
      .body;
    assert.equal(Date.parse(now.expiresAt) - Date.parse(held.expiresAt), 5 * 60_000);
    // After a reload the booking says it was extended: no offer that would only answer 409.
    await page.reload();
    await page.getByRole('button', { name: 'Release these seats' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Need more time?' }).count(), 0);
    await ctx.close();
  });

  test('the rules behind the buttons: price from, few seats left, unambiguous dollars in mixed lists', () => {
    assert.equal(priceFrom({ standard: 1300, vip: 1900, accessible: 1000, companion: 900 }), 1300);
    assert.equal(priceFrom({ vip: 1900, accessible: 1000 }), 1900);
    // A hall of wheelchair places only: their price is the one to show.
    assert.equal(priceFrom({ accessible: 1000, companion: 900 }), 900);
    assert.equal(priceFrom({ standard: 0 }), null);
    assert.equal(fewSeatsLeft(20, 20), false);
    assert.equal(fewSeatsLeft(10, 20), true);
    assert.equal(fewSeatsLeft(4, 4), true);
    assert.equal(fewSeatsLeft(40, 400), true);
    assert.equal(fewSeatsLeft(41, 400), false);
    assert.equal(fewSeatsLeft(0, 20), false);
    const usd = { amount: 1500, currency: 'USD' };
    assert.equal(formatMoney(usd, 'en'), '$15.00');
    assert.equal(formatMoney(usd, 'en', { mixed: true }), 'US$15.00');
    assert.equal(formatMoney({ amount: 1500, currency: 'CAD' }, 'de', { mixed: true }), '15,00\u00a0CA$');
    assert.equal(formatMoney({ amount: 1500, currency: 'EUR' }, 'en', { mixed: true }), '€15.00');
  });
});
