// The seat picker as a customer meets it: the map keeps up by polling (with If-None-Match, 304s)
// when a proxy blocks or hangs the live stream (the staff live page too), a selected seat is marked
// by more than colour, seats are big enough to tap on a phone, the IMAX hall shows every column on a
// laptop, and a blocked seat says what it is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeUser } from '../support/factories.ts';
import { eventually } from '../support/eventually.ts';
import { newContext, skipWithoutChromium } from './support/browser.ts';
import { type E2eServer, type ShowtimeInfo, startServerAndBrowser } from './support/server.ts';
import { seatButton, signedInContext } from './support/pages.ts';

type SeatInfo = ShowtimeInfo['seats'][number];

/** The first EUR showtime some hours ahead whose map passes `fits`. */
async function findShowtime(server: E2eServer, fits: (seats: SeatInfo[]) => boolean): Promise<ShowtimeInfo> {
  const from = new Date(server.clock.now().getTime() + 6 * 3_600_000).toISOString();
  const list = await server.t.request({
    method: 'GET',
    url: `/api/v1/showtimes?from=${encodeURIComponent(from)}&limit=100`,
  });
  for (const s of list.body.items as { id: string; movieId: string; startsAt: string; status: string }[]) {
    if (s.status !== 'scheduled') continue;
    const seats = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${s.id}/seats` })).body.seats;
    if (fits(seats)) return { id: s.id, movieId: s.movieId, startsAt: s.startsAt, seats };
  }
  throw new Error('no showtime fits');
}

const box = async (l: Locator) => (await l.boundingBox())!;

/** Many free seats, a standard one among them (which showtime comes first depends on the hour). */
const roomy = (seats: SeatInfo[]) =>
  seats.filter((s) => s.status === 'available').length > 20 &&
  seats.some((s) => s.status === 'available' && s.type === 'standard');

describe('the seat picker', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  const errors: string[] = [];

  /** Script errors and console errors; a blocked stream's own failures are expected. */
  function watch(page: Page, blockedStream = false): Page {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !(blockedStream && /ERR_FAILED|seats\/events/.test(m.text()))) errors.push(m.text());
    });
    return page;
  }

  before(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('with the event stream blocked, a seat another customer holds shows as taken (polling)', async () => {
    const showtime = await findShowtime(server, roomy);
    const page = watch(await (await newContext(browser)).newPage(), true);
    await page.route('**/seats/events*', (r) => r.abort());
    // Each poll of the map: what it sent as If-None-Match and what came back.
    const polls: { ifNoneMatch: string | undefined; status: number; etag: string | undefined }[] = [];
    const mapUrl = `/api/v1/showtimes/${showtime.id}/seats`;
    page.on('response', (res) => {
      if (new URL(res.url()).pathname !== mapUrl) return;
      polls.push({
        ifNoneMatch: res.request().headers()['if-none-match'],
        status: res.status(),
        etag: res.headers()['etag'],
      });
    });
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const seat = showtime.seats.find((s) => s.status === 'available' && s.type === 'standard')!;
    const button = seatButton(page, seat);
    await button.waitFor();
    assert.match((await button.getAttribute('aria-label'))!, /available$/);
    const other = await makeUser(server.t);
    const held = await server.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: other.token,
      payload: { showtimeId: showtime.id, seatIds: [seat.id] },
    });
    assert.equal(held.status, 201, held.text);
    await eventually(async () => /reserved by someone$/.test((await button.getAttribute('aria-label')) ?? ''));
    // The page says what is really going on: no live feed, a map refreshed by polling.
    await page.getByText('Live updates unavailable; the map refreshes every few seconds.').waitFor();
    assert.equal(await page.getByText('reconnecting').count(), 0);
    // A later poll names the map it has and, nothing having changed, gets 304 without a body.
    await eventually(() => polls.some((p) => p.status === 304));
    const at = polls.findIndex((p) => p.status === 304);
    const changed = polls.slice(0, at).findLast((p) => p.status === 200);
    assert.ok(changed?.etag, 'the map came with an ETag');
    assert.equal(polls[at]!.ifNoneMatch, changed.etag, 'the poll named the newest map it had');
  });

  test('a stream that neither opens nor fails (a buffering proxy): the map is polled and says so', async () => {
    const showtime = await findShowtime(server, roomy);
    const page = watch(await (await newContext(browser)).newPage());
    // Never answered: EventSource stays connecting, with no error to react to.
    await page.route('**/seats/events*', () => {});
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const seat = showtime.seats.find((s) => s.status === 'available' && s.type === 'standard')!;
    await seatButton(page, seat).waitFor();
    await page.getByText('Live updates unavailable; the map refreshes every few seconds.').waitFor();
    await page.close();
  });

  test('the staff live page polls while the stream is blocked, and keeps who holds what current', async () => {
    const showtime = await findShowtime(server, roomy);
    const staff = await makeUser(server.t, { role: 'staff' });
    const page = watch(await (await signedInContext(browser, server, staff)).newPage(), true);
    await page.route('**/seats/events*', (r) => r.abort());
    await page.goto(`${server.baseUrl}/staff/sales/${showtime.id}`);
    const seat = showtime.seats.find((s) => s.status === 'available' && s.type === 'standard')!;
    const button = seatButton(page, seat);
    await button.waitFor();
    await page.getByRole('status').filter({ hasText: 'Refreshing every few seconds' }).waitFor();
    const other = await makeUser(server.t);
    const held = await server.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: other.token,
      payload: { showtimeId: showtime.id, seatIds: [seat.id] },
    });
    assert.equal(held.status, 201, held.text);
    await eventually(async () => ((await button.getAttribute('aria-label')) ?? '').includes('held by'));
    await page.close();
  });

  test('a selected seat has a check mark and a ring, unlike a VIP seat; a blocked seat says so', async () => {
    const showtime = await findShowtime(
      server,
      (seats) =>
        seats.some((s) => s.type === 'blocked') && seats.some((s) => s.type === 'vip' && s.status === 'available'),
    );
    const page = watch(await (await newContext(browser)).newPage());
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const vip = showtime.seats.filter((s) => s.type === 'vip' && s.status === 'available');
    const [picked, plain] = [vip[0]!, vip[1]!];
    await seatButton(page, picked).click();
    await eventually(async () => (await seatButton(page, picked).getAttribute('aria-pressed')) === 'true');
    const look = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        return { mark: getComputedStyle(el, '::after').content, ring: s.boxShadow, number: s.visibility };
      });
    const [selectedLook, vipLook] = [await look(seatButton(page, picked)), await look(seatButton(page, plain))];
    assert.equal(selectedLook.mark, '"✓"', 'a check mark on the selected seat');
    assert.notEqual(vipLook.mark, '"✓"');
    assert.notEqual(selectedLook.ring, vipLook.ring, 'a ring besides the colour');
    assert.equal(await seatButton(page, picked).locator('.seat-number').isVisible(), false);

    const blocked = showtime.seats.find((s) => s.type === 'blocked')!;
    assert.equal(
      await seatButton(page, blocked).getAttribute('aria-label'),
      `Row ${blocked.row}, seat ${blocked.number}, not for sale`,
    );
  });

  test('on a 390 px phone every seat is at least 24×24 px; zoom makes them bigger', async () => {
    const showtime = await findShowtime(server, (seats) => seats.length > 100);
    const page = watch(await (await newContext(browser, { width: 390, height: 844 })).newPage());
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await seatButton(page, showtime.seats[0]!).waitFor();
    const sizes = await page
      .locator('.hall .seat')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    assert.ok(Math.min(...sizes) >= 24, `smallest seat ${Math.min(...sizes)} px`);
    // Chromium reports pan-x pan-y pinch-zoom as its equivalent, manipulation.
    assert.match(
      await page.locator('.hall-scroll').evaluate((el) => getComputedStyle(el).touchAction),
      /^(manipulation|pan-x pan-y pinch-zoom)$/,
    );
    const before = (await box(seatButton(page, showtime.seats[0]!))).width;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await eventually(async () => (await box(seatButton(page, showtime.seats[0]!))).width > before * 1.3);
  });

  // A hall wider than the map fades out over its outer 24 px (1.5rem): a seat brought into view must
  // stop clear of that, not flush with the edge under it (it sat there 0.4 px outside the box).
  test('at 1280×800 the IMAX hall scrolls each outer column into full view, by scrolling or arrow keys', async () => {
    const FADE = 24;
    const showtime = await findShowtime(server, (seats) => seats.length > 250);
    const page = watch(await (await newContext(browser, { width: 1280, height: 800 })).newPage());
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    const rows = [...new Set(showtime.seats.map((s) => s.row))];
    const area = page.locator('.hall-scroll');
    await seatButton(page, showtime.seats[0]!).waitFor();
    // Up to 1 px for sub-pixel rounding: scroll offsets are whole pixels, seat positions are not.
    const assertClear = async (seat: SeatInfo, how: string) => {
      const [b, a] = [await box(seatButton(page, seat)), await box(area)];
      assert.ok(
        b.x >= a.x + FADE - 1 && b.x + b.width <= a.x + a.width - FADE + 1,
        `${how}: row ${seat.row} seat ${seat.number} at ${JSON.stringify(b)}, map ${JSON.stringify(a)}`,
      );
    };
    const ends = (row: string) => {
      const inRow = showtime.seats.filter((s) => s.row === row).sort((a, b) => a.number - b.number);
      return [inRow[0]!, inRow.at(-1)!] as const;
    };
    for (const row of [rows[0]!, rows.at(-1)!]) {
      for (const seat of ends(row)) {
        await seatButton(page, seat).scrollIntoViewIfNeeded();
        await assertClear(seat, 'scrolled into view');
      }
    }
    // The keyboard: End and Home along the front row bring its ends into view.
    const [first, last] = ends(rows[0]!);
    await seatButton(page, first).focus();
    await page.keyboard.press('End');
    await eventually(async () => await seatButton(page, last).evaluate((el) => el === document.activeElement));
    await assertClear(last, 'End');
    await page.keyboard.press('Home');
    await eventually(async () => await seatButton(page, first).evaluate((el) => el === document.activeElement));
    await assertClear(first, 'Home');
  });

  test('no console errors on the way', () => {
    assert.deepEqual(errors, []);
  });
});
