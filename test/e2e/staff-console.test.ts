// The staff console in a real browser: an admin draws a 600-seat hall in the editor (frame time
// measured while dragging), schedules a showtime and sees an overlap refused, a customer buys in
// another browser while the admin watches the sale arrive live, an usher checks the ticket in on a
// phone-sized screen and a second scan is refused, a queue is checked in by typed codes (scans per
// minute measured), the hall's layout changes while the sold showtime keeps its own, staff block
// seats on the live map and unblock one, and the CSV export parses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeUser, type TestUser } from '../support/factories.ts';
import { newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, startServerAndBrowser } from './support/server.ts';
import { fillCard, holdSeats, localParts, signUpAndIn } from './support/pages.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

/** A browser context signed in as `user` through its session cookie. */
async function signedIn(
  browser: Browser,
  server: E2eServer,
  user: TestUser,
  size?: { width: number; height: number },
): Promise<BrowserContext> {
  const ctx = await newContext(browser, size);
  await ctx.addCookies([{ name: 'session', value: user.token, url: server.baseUrl }]);
  return ctx;
}

/** RFC 4180: quoted fields with doubled quotes, CRLF between records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: xs.length,
    mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
    p95: at(0.95),
    max: sorted.at(-1) ?? 0,
  };
};

describe('the staff console in the browser', { skip: skipWithoutChromium }, () => {
  let server: E2eServer;
  let browser: Browser;
  let adminCtx: BrowserContext;
  let admin: Page;
  let cinema: { id: string; name: string; timezone: string };
  let start: { date: string; time: string };
  let hallId = '';
  let showtimeId = '';
  let movieTitle = '';
  let errors: string[] = [];
  const figures: Record<string, unknown> = {};

  before(async () => {
    [server, browser] = await startServerAndBrowser({ CHECKIN_OPENS_MINUTES: '1440' });
    const cinemas = await server.t.request({ method: 'GET', url: '/api/v1/cinemas?limit=100' });
    cinema = cinemas.body.items[0];
    // At least three hours from the server's now (check-in opens a day before), on a five-minute
    // mark, between 06:00 and 21:59 in the cinema's own time so the day view and the overlap stay on one day.
    let at = Math.ceil((server.clock.now().getTime() + 3 * 3_600_000) / 300_000) * 300_000;
    while (!/^(0[6-9]|1\d|2[01]):/.test(localParts(at, cinema.timezone).time)) at += 300_000;
    start = localParts(at, cinema.timezone);
    adminCtx = await signedIn(browser, server, server.admin);
    admin = await adminCtx.newPage();
    errors = watchErrors(admin);
  });
  after(async () => {
    if (Object.keys(figures).length) process.stdout.write(`staff console figures: ${JSON.stringify(figures)}\n`);
    await browser?.close();
    await server?.close();
  });

  test('an admin draws a 600-seat hall: grid, drag (frame time measured), ranges, paint, gap, aisle, curve, renumber, preview, save', async () => {
    await admin.goto(`${server.baseUrl}/staff/halls`);
    await admin.getByRole('link', { name: 'New hall' }).click();
    await admin.waitForURL(/\/staff\/halls\/new\?cinemaId=/);
    await admin.getByLabel('Hall name').fill('Saal E2E');
    await admin.getByLabel('Rows', { exact: true }).fill('20');
    await admin.getByLabel('per row').fill('30');
    await admin.getByRole('button', { name: 'Start over with a grid' }).click();
    const canvas = admin.locator('svg.editor-canvas');
    await admin.locator('svg.editor-canvas[data-seat-count="600"]').waitFor();
    await admin.getByText('20 rows · 600 seats · 600 for sale').waitFor();

    // Drag the whole hall: 600 seats move together while requestAnimationFrame deltas are recorded.
    await admin.getByRole('button', { name: 'Select all' }).click();
    await admin.locator('[data-name="J15"]').scrollIntoViewIfNeeded();
    const seat = await admin.locator('[data-name="J15"]').boundingBox();
    assert.ok(seat);
    await admin.evaluate(() => {
      const w = window as unknown as { frames: number[]; measuring: boolean };
      w.frames = [];
      w.measuring = true;
      let last = performance.now();
      const loop = (t: number) => {
        w.frames.push(t - last);
        last = t;
        if (w.measuring) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    await admin.mouse.move(seat.x + seat.width / 2, seat.y + seat.height / 2);
    await admin.mouse.down();
    for (let i = 1; i <= 120; i++)
      await admin.mouse.move(seat.x + seat.width / 2 + i * 1.5, seat.y + seat.height / 2 + Math.sin(i / 10) * 20);
    await admin.mouse.up();
    const frames = await admin.evaluate(() => {
      const w = window as unknown as { frames: number[]; measuring: boolean };
      w.measuring = false;
      return w.frames.slice(1);
    });
    const drag = stats(frames);
    figures.editorDrag600 = {
      ...drag,
      mean: Number(drag.mean.toFixed(1)),
      p95: Number(drag.p95.toFixed(1)),
      max: Number(drag.max.toFixed(1)),
    };
    assert.ok(drag.frames >= 10, `too few frames recorded: ${drag.frames}`);
    assert.ok(drag.p95 < 100, `dragging 600 seats: p95 frame time ${drag.p95.toFixed(1)} ms`);
    const moved = (await admin.locator('[data-name="J15"]').boundingBox())!;
    assert.ok(moved.x - seat.x > 100, `the drag moved the seats (${seat.x} → ${moved.x})`);
    await admin.getByRole('button', { name: 'Undo' }).click();

    // Shift-click selects a range in a row; the type applies to all of it.
    await admin.locator('[data-name="A1"]').click();
    await admin.locator('[data-name="A4"]').click({ modifiers: ['Shift'] });
    await admin.getByRole('button', { name: 'VIP' }).click();
    assert.equal(await admin.locator('.ed-seat.ed-vip').count(), 4);
    // A drag-box over the start of rows C and D.
    await admin.locator('[data-name="C1"]').scrollIntoViewIfNeeded();
    const c1 = (await admin.locator('[data-name="C1"]').boundingBox())!;
    const d3 = (await admin.locator('[data-name="D3"]').boundingBox())!;
    await admin.mouse.move(c1.x - 6, c1.y - 6);
    await admin.mouse.down();
    await admin.mouse.move(d3.x + d3.width + 6, d3.y + d3.height + 6, { steps: 8 });
    await admin.mouse.up();
    await admin.getByRole('button', { name: 'Not for sale' }).click();
    assert.equal(await admin.locator('.ed-seat.ed-blocked').count(), 6);
    // Paint mode: clicks give seats the chosen type.
    await admin.getByLabel(/^Paint/).check();
    await admin.getByRole('button', { name: 'Wheelchair space' }).click();
    await admin.locator('[data-name="T1"]').click();
    await admin.getByRole('button', { name: 'Companion seat' }).click();
    await admin.locator('[data-name="T2"]').click();
    await admin.getByLabel(/^Paint/).uncheck();
    assert.equal(await admin.locator('.ed-seat.ed-accessible').count(), 1);
    assert.equal(await admin.locator('.ed-seat.ed-companion').count(), 1);
    // A gap (a removed seat), an aisle after seat 15, a curved last row, row B renumbered.
    await admin.locator('[data-name="B15"]').click();
    await canvas.press('Delete');
    await admin.locator('svg.editor-canvas[data-seat-count="599"]').waitFor();
    await admin.locator('[data-name="A15"]').click();
    await admin.getByRole('button', { name: 'Aisle right of selection' }).click();
    await admin.locator('text.editor-row-label', { hasText: /^T$/ }).click();
    await admin.getByText('1 row selected').waitFor();
    await admin.getByLabel('Curve').fill('1.5');
    await admin.locator('text.editor-row-label', { hasText: /^B$/ }).click();
    await admin.getByRole('button', { name: 'Number from left' }).click();
    assert.equal(await admin.locator('[data-name="B29"]').count(), 1);
    assert.equal(await admin.locator('[data-name="B30"]').count(), 0);

    await admin.getByRole('button', { name: 'Preview as customers see it' }).click();
    const preview = admin.getByRole('region', { name: 'What customers will see' });
    await preview.getByRole('button', { name: /^Row A, seat 1, VIP/ }).waitFor();
    assert.equal(await preview.locator('[data-seat-id]').count(), 599);
    await screenshot(admin, 'staff-hall-editor');

    await admin.getByRole('button', { name: 'Save hall' }).click();
    await admin.waitForURL(/\/staff\/halls\/[0-9a-f-]{36}$/);
    await admin.getByText('The hall is saved.').waitFor();
    hallId = /halls\/([0-9a-f-]{36})$/.exec(admin.url())![1]!;
    const hall = (await server.t.request({ method: 'GET', url: `/api/v1/halls/${hallId}` })).body;
    assert.equal(hall.capacity, 599 - 6);
    const rowT = hall.layout.rows.find((r: { label: string }) => r.label === 'T');
    assert.ok(rowT.seats[0].y < rowT.seats[14].y, 'the curved row bows towards the screen at its ends');
    const rowA = hall.layout.rows.find((r: { label: string }) => r.label === 'A');
    assert.equal(rowA.seats[15].x - rowA.seats[14].x, 2, 'an aisle after seat 15');
  });

  test('the admin schedules a showtime; an overlapping one is shown and cannot be scheduled', async () => {
    await admin.goto(`${server.baseUrl}/staff/schedule?date=${start.date}`);
    await admin.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const schedule = async (time: string) => {
      await admin.getByRole('button', { name: 'New showtime' }).click();
      const form = admin.locator('form.showtime-form');
      await form.getByLabel('Hall', { exact: true }).selectOption({ label: 'Saal E2E' });
      await form.getByLabel(/^Start/).fill(time);
      await form.getByLabel('Standard').fill('11.50');
      await form.getByLabel('VIP').fill('16');
      await form.getByLabel('Wheelchair space').fill('11.50');
      await form.getByLabel('Companion seat').fill('11.50');
      return form;
    };
    const form = await schedule(start.time);
    movieTitle = (await form.getByLabel('Movie', { exact: true }).locator('option:checked').textContent())!.replace(
      / \(.*\)$/,
      '',
    );
    await form.getByText(/^Ends at \d\d:\d\d: .* running time \+ 15 min cleaning\.$/).waitFor();
    await form.getByLabel('Use these prices as this hall’s defaults').check();
    await form.getByRole('button', { name: 'Schedule showtime' }).click();
    await admin.getByText(`“${movieTitle}” is scheduled.`).waitFor();

    const [h, m] = start.time.split(':').map(Number) as [number, number];
    const later = `${String((h + Math.floor((m + 30) / 60)) % 24).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
    const again = await schedule(later);
    await again.getByText('This overlaps the schedule').waitFor();
    await again.getByText('change the start time or the hall', { exact: false }).waitFor();
    assert.ok(await again.getByRole('button', { name: 'Schedule showtime' }).isDisabled(), 'an overlap is not sent');
    await screenshot(admin, 'staff-schedule-overlap');
    await again.getByRole('button', { name: 'Close' }).click();

    await admin
      .getByRole('list', { name: /^Saal E2E:/ })
      .getByRole('button', { name: new RegExp(`^${start.time} ${movieTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first()
      .click();
    await admin.getByRole('link', { name: 'Sales and seats' }).click();
    await admin.waitForURL(/\/staff\/sales\/[0-9a-f-]{36}$/);
    showtimeId = /sales\/([0-9a-f-]{36})$/.exec(admin.url())![1]!;
    const defaults = await server.t.request({
      method: 'GET',
      url: `/api/v1/staff/halls/${hallId}/price-defaults`,
      token: server.admin.token,
    });
    assert.deepEqual(defaults.body.prices, { standard: 1150, vip: 1600, accessible: 1150, companion: 1150 });
  });

  test('a customer buys in another browser; the admin sees the hold and the sale arrive live, with who holds what', async () => {
    await admin.getByText('No seat is held or sold yet.').waitFor();
    const customerCtx = await newContext(browser);
    const customer = await customerCtx.newPage();
    watchErrors(customer, errors);
    const { email } = await signUpAndIn(server, customer, 'Carla Customer');
    await customer.goto(`${server.baseUrl}/showtimes/${showtimeId}`);
    await holdSeats(customer, [
      { row: 'J', number: 10 },
      { row: 'J', number: 11 },
    ]);
    await admin.getByRole('button', { name: /^Row J, seat 10, Standard, held by Carla Customer/ }).waitFor();
    await admin.getByRole('cell', { name: new RegExp(email) }).waitFor();
    await fillCard(customer, CARD.number);
    await customer.getByRole('button', { name: /^Pay / }).click();
    await customer.getByRole('heading', { name: "You're going to the movies!" }).waitFor();
    await admin.getByRole('button', { name: /^Row J, seat 11, Standard, sold to Carla Customer/ }).waitFor();
    await admin.getByRole('cell', { name: /^Paid/ }).waitFor();
    await admin.getByTestId('kpi-sold').getByText('2/593').waitFor();
    await screenshot(admin, 'staff-live-sales');
    await customerCtx.close();
  });

  test('an usher checks the ticket in on a phone; a second scan is refused; a queue of typed codes is timed', async () => {
    const usher = await makeUser(server.t, { role: 'staff', name: 'Uma Usher' });
    const ctx = await signedIn(browser, server, usher, { width: 390, height: 844 });
    const door = await ctx.newPage();
    watchErrors(door, errors);
    const tickets = await server.t.request({
      method: 'GET',
      url: `/api/v1/staff/showtimes/${showtimeId}/seats`,
      token: usher.token,
    });
    const booking = tickets.body.seats.find(
      (s: { row: string; number: number }) => s.row === 'J' && s.number === 10,
    ).bookingId;
    const codes = (
      await server.t.request({ method: 'GET', url: `/api/v1/bookings/${booking}/tickets`, token: usher.token })
    ).body as { code: string; seat: { row: string; number: number } }[];
    const first = codes.find((c) => c.seat.number === 10)!;
    await door.goto(`${server.baseUrl}/staff/door`);
    const field = door.getByLabel('Ticket code');
    await field.fill(first.code);
    await field.press('Enter');
    await door.locator('[data-verdict="ok"]').getByText('Row J · Seat 10').waitFor();
    await door.locator('[data-verdict="ok"]').getByText(movieTitle, { exact: false }).waitFor();
    assert.equal(await field.inputValue(), '', 'the field is empty for the next scan');
    await screenshot(door, 'staff-door-ok');
    await field.fill(first.code);
    await field.press('Enter');
    await door.locator('[data-verdict="bad"]').getByText('Already checked in').waitFor();
    await screenshot(door, 'staff-door-refused');

    // A queue: 20 more paid tickets from two customers, checked in one after another by typed code.
    const map = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` })).body
      .seats as { id: string; row: string; number: number; status: string }[];
    const queue: { code: string; row: string; number: number }[] = [];
    for (const row of ['K', 'L']) {
      const buyer = await makeUser(server.t);
      const seatIds = map.filter((s) => s.row === row && s.number <= 10).map((s) => s.id);
      const hold = await server.t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: buyer.token,
        payload: { showtimeId, seatIds },
      });
      assert.equal(hold.status, 201, hold.text);
      const paid = await server.t.request({
        method: 'POST',
        url: `/api/v1/bookings/${hold.body.id}/payments`,
        token: buyer.token,
        payload: { card: CARD },
      });
      assert.equal(paid.status, 201, paid.text);
      for (const t of paid.body.booking.tickets) queue.push({ code: t.code, row: t.seat.row, number: t.seat.number });
    }
    const begun = Date.now();
    for (const [i, q] of queue.entries()) {
      await field.fill(q.code);
      await field.press('Enter');
      await door.locator(`[data-scans="${i + 3}"][data-admitted="${i + 2}"]`).waitFor();
      await door.locator('[data-verdict="ok"]').getByText(`Row ${q.row} · Seat ${q.number}`).waitFor();
    }
    const seconds = (Date.now() - begun) / 1000;
    figures.doorScansPerMinute = Math.round((queue.length / seconds) * 60);
    figures.doorQueue = { tickets: queue.length, seconds: Number(seconds.toFixed(2)) };
    assert.ok(queue.length / seconds > 0.5, `door too slow: ${queue.length} scans in ${seconds} s`);
    await ctx.close();
  });

  test('the hall changes its layout; the showtime with a sale keeps the old one and is listed', async () => {
    await admin.goto(`${server.baseUrl}/staff/halls/${hallId}`);
    await admin.locator('svg.editor-canvas[data-seat-count="599"]').waitFor();
    await admin.locator('[data-name="A2"]').click();
    await admin.locator('svg.editor-canvas').press('Delete');
    await admin.getByRole('button', { name: 'Save hall' }).click();
    await admin.getByText('The hall is saved.').waitFor();
    await admin.getByText('These showtimes have sold or held seats and keep the previous layout:').waitFor();
    const kept = admin.getByTestId('kept-layout').getByRole('link');
    assert.equal(await kept.count(), 1);
    assert.match((await kept.getAttribute('href')) ?? '', new RegExp(`/staff/sales/${showtimeId}$`));
    // Its seat map still has A2; the hall's does not.
    const map = await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` });
    assert.equal(map.body.seats.length, 599);
    assert.ok(map.body.seats.some((seat: any) => seat.row === 'A' && seat.number === 2));
    const hall = await server.t.request({ method: 'GET', url: `/api/v1/halls/${hallId}` });
    assert.equal(
      hall.body.layout.rows[0].seats.length + 1,
      map.body.seats.filter((seat: any) => seat.row === 'A').length,
    );
  });

  test('staff block seats on the live map with a reason, see them blocked, and unblock one', async () => {
    const map = await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` });
    const [x, y] = map.body.seats.filter((seat: any) => seat.status === 'available' && seat.price).slice(-2);
    await admin.goto(`${server.baseUrl}/staff/sales/${showtimeId}`);
    const blocks = admin.locator('section.seat-blocks');
    await blocks.getByText('No seat of this showtime is blocked.').waitFor();
    await blocks.getByRole('button', { name: 'Block seats' }).click();
    for (const seat of [x, y]) await admin.locator(`.live-map [data-seat-id="${seat.id}"]`).click();
    await blocks.getByRole('textbox', { name: 'Reason' }).fill('House seats');
    await blocks.getByRole('button', { name: 'Block 2 seats' }).click();
    await blocks.getByText('2 seats blocked.').waitFor();
    for (const seat of [x, y]) {
      await blocks
        .locator(`tr[data-seat="${seat.row}${seat.number}"]`)
        .getByRole('cell', { name: 'House seats' })
        .waitFor();
      await admin.locator(`.live-map [data-seat-id="${seat.id}"][data-status="blocked"]`).waitFor();
    }
    await blocks.getByRole('button', { name: `Unblock seat ${x.row}${x.number}` }).click();
    await blocks.locator(`tr[data-seat="${x.row}${x.number}"]`).waitFor({ state: 'detached' });
    await admin.locator(`.live-map [data-seat-id="${x.id}"][data-status="available"]`).waitFor();
    const left = await server.t.request({
      method: 'GET',
      url: `/api/v1/showtimes/${showtimeId}/blocks`,
      token: server.admin.token,
    });
    assert.deepEqual(
      left.body.items.map((b: any) => [b.seatId, b.reason]),
      [[y.id, 'House seats']],
    );
    assert.deepEqual(errors, []);
  });

  test('the sales page totals the day and the CSV export parses', async () => {
    await admin.goto(`${server.baseUrl}/staff/sales`);
    await admin.getByRole('textbox', { name: 'From' }).fill(start.date);
    await admin.getByRole('textbox', { name: 'To' }).fill(start.date);
    await admin.getByRole('link', { name: movieTitle }).first().waitFor();
    await screenshot(admin, 'staff-sales');
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    assert.deepEqual(rows[0], [
      'date',
      'time',
      'cinema',
      'hall',
      'movie',
      'showtime_id',
      'status',
      'capacity',
      'tickets',
      'checked_in',
      'currency',
      'gross',
      'refunded',
      'net',
      'ticket_types',
    ]);
    const ours = rows.find((r) => r[5] === showtimeId);
    assert.ok(ours, 'the showtime is in the export');
    assert.deepEqual(
      [ours[0], ours[1], ours[3], ours[4], ours[8], ours[9]],
      [start.date, start.time, 'Saal E2E', movieTitle, '22', '21'],
    );
    assert.match(ours[14] ?? '', /^[a-z_]+ 22$/, 'every ticket of one type, counted');
    assert.ok(rows.slice(1).every((r) => r.length === rows[0]!.length));
    assert.deepEqual(errors, []);
  });
});
