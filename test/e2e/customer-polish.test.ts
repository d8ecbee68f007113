// The customer pages' rough edges, as a person meets them: a movie listed once (now showing or
// coming soon), ratings and day tabs that read naturally, showtime buttons with the price from and
// how full they are, dollars shown as locals read them, a calm focus mark after navigation, the
// phone header's account link named, no tickets PDF for a refunded booking, and a home page that
// leads with what is on today at the customer's cinema.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buy, cancel } from '../payments/payment-helpers.ts';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { launch, newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { signedInContext } from './support/pages.ts';
import { type E2eServer, startServer } from './support/server.ts';

const PHONE = { width: 390, height: 844 };

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
const dayIn = (at: number | string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

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
  const open = async (path: string, size?: { width: number; height: number }): Promise<Page> => {
    const page = await (await newContext(browser, size)).newPage();
    watchErrors(page, errors);
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  };

  before(async () => {
    [server, browser] = await Promise.all([startServer({ MAX_SEATS_PER_CUSTOMER: '40' }), launch()]);
    customer = await makeUser(server.t, { name: 'Pat Phone' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    assert.deepEqual(errors, []);
  });

  test('home: a movie is under Now showing or Coming soon, never both; today at my cinema comes first', async () => {
    const page = await open('/');
    const now = page.getByRole('region', { name: 'Now showing' });
    const soon = page.getByRole('region', { name: 'Coming soon' });
    await now.getByRole('listitem').first().waitFor();
    await soon.getByText('The Cartographer').waitFor();
    assert.equal(await now.getByText('The Cartographer').count(), 0, 'The Cartographer is also under Now showing');
    const shown = await now.locator('.movie-card-title').allTextContents();
    for (const title of await soon.locator('.movie-card-title').allTextContents())
      assert.ok(!shown.includes(title), `${title} is under both Now showing and Coming soon`);

    // Nothing chosen yet: the page asks where the customer goes to the movies.
    const today = page.getByRole('region', { name: 'On today' });
    await today.getByText('Choose your city or cinema').waitFor();

    // A cinema with showtimes still ahead today (in its own zone), when there is one at this hour.
    const clock = server.clock.now().getTime();
    const listing = await get(`/api/v1/showtimes?from=${encodeURIComponent(new Date(clock).toISOString())}&limit=100`);
    const tonight = (
      listing.items as { cinemaId: string; startsAt: string; timezone: string; movieTitle: string }[]
    ).find((s) => dayIn(s.startsAt, s.timezone) === dayIn(clock, s.timezone));
    const cinemaId = tonight?.cinemaId ?? listing.items[0].cinemaId;
    const cinema = await get(`/api/v1/cinemas/${cinemaId}`);
    await page.getByLabel('Cinema', { exact: true }).selectOption({ label: cinema.name });
    const near = page.getByRole('region', { name: `On today in ${cinema.name}` });
    if (tonight) {
      await near.getByRole('link', { name: tonight.movieTitle }).first().waitFor();
      assert.ok((await near.getByRole('link', { name: /from / }).count()) > 0, 'showtime buttons today');
    } else {
      await near.getByText('Nothing more to see here today').waitFor();
    }
    // It leads: above Now showing, and remembered on the next visit.
    const [a, b] = [await near.boundingBox(), await now.boundingBox()];
    assert.ok(a && b && a.y < b.y, 'today comes before the poster grid');
    await page.reload();
    await page.getByRole('region', { name: `On today in ${cinema.name}` }).waitFor();
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
    assert.match(focus.tag, /^(MAIN|H1|H2)$/, `focus after navigation is on ${focus.tag}`);
    assert.ok(focus.visible, 'keyboard users see where focus is');
    assert.equal(focus.outline, 'none', 'the focused page region has a link-like outline ring');
    assert.notEqual(focus.shadow, 'none', 'the focused page region shows no focus mark at all');
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
    await chip.waitFor();
    const text = await chip.innerText();
    assert.match(text, /from \$15\.00/);
    assert.doesNotMatch(text, /US\$/);
    assert.match(text, /4 seats left/);
    await page.goto(`${server.baseUrl}/movies/${full.movieId}`);
    const sold = page.getByRole('link', { name: /Sold out/ });
    await sold.waitFor();
    assert.match(await sold.innerText(), /from €12\.00/);
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
    await ctx.close();
  });
});
