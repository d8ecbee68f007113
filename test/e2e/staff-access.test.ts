// Who may open the staff console: customers sent home with a message from every staff route while
// the API refuses them anyway, staff kept out of the admin parts, a poster cropped to 2:3 in the
// browser before upload, and an admin finding a staff member's change in the audit log. Every staff page's axe audit, at both widths, is in accessibility.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { makeUser, type TestUser } from '../support/factories.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, pickShowtime, startServerAndBrowser } from './support/server.ts';

async function signedIn(browser: Browser, server: E2eServer, user: TestUser): Promise<BrowserContext> {
  const ctx = await newContext(browser);
  await ctx.addCookies([{ name: 'session', value: user.token, url: server.baseUrl }]);
  return ctx;
}

describe('staff console access', { skip: skipWithoutChromium }, () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let errors: string[] = [];
  const paths: string[] = [];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    const get = async (url: string) => (await server.t.request({ method: 'GET', url })).body;
    const showtime = await pickShowtime(server, { hoursAhead: 4 });
    const cinema = (await get('/api/v1/cinemas')).items[0];
    const hall = (await get(`/api/v1/cinemas/${cinema.id}/halls`)).items[0];
    const movie = (await get('/api/v1/movies?limit=1')).items[0];
    const person = (await get('/api/v1/people?limit=1')).items[0];
    paths.push(
      '/staff',
      '/staff/sales',
      `/staff/sales/${showtime.id}`,
      '/staff/door',
      '/staff/schedule',
      '/staff/schedule?view=week',
      '/staff/halls',
      `/staff/halls/${hall.id}`,
      `/staff/halls/new?cinemaId=${cinema.id}`,
      '/staff/movies',
      `/staff/movies/${movie.id}`,
      '/staff/movies/new',
      '/staff/people',
      ...(person ? [`/staff/people/${person.id}`] : []),
      '/staff/cinemas',
      `/staff/cinemas/${cinema.id}`,
      '/staff/users',
    );
    admin = await (await signedIn(browser, server, server.admin)).newPage();
    errors = watchErrors(admin);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('customers are sent home with a message from every staff route, and the API refuses them', async () => {
    const customer = await makeUser(server.t);
    const page = await (await signedIn(browser, server, customer)).newPage();
    for (const path of paths) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForURL(`${server.baseUrl}/`);
      await page.getByRole('alert').getByText('That page is for cinema staff.').first().waitFor();
    }
    const status = (url: string, method = 'GET', body?: unknown) =>
      page.evaluate(
        async ([u, m, b]) =>
          (
            await fetch(u as string, {
              method: m as string,
              headers: { 'content-type': 'application/json' },
              body: b === undefined ? undefined : JSON.stringify(b),
            })
          ).status,
        [url, method, body] as const,
      );
    assert.equal(await status('/api/v1/staff/sales?from=2026-01-01&to=2026-01-07'), 403);
    assert.equal(await status('/api/v1/staff/sales.csv?from=2026-01-01&to=2026-01-07'), 403);
    assert.equal(await status('/api/v1/users'), 403);
    assert.equal(await status('/api/v1/checkins', 'POST', { code: 'MQ1.x' }), 403);
    assert.equal(await status('/api/v1/showtimes', 'POST', {}), 403);
    // Signed out, a staff route asks for sign-in first.
    const anonymous = await (await newContext(browser)).newPage();
    await anonymous.goto(`${server.baseUrl}/staff/sales`);
    await anonymous.waitForURL(/\/login\?next=/);
  });

  test('staff see sales and the door but not the admin parts', async () => {
    const usher = await makeUser(server.t, { role: 'staff' });
    const page = await (await signedIn(browser, server, usher)).newPage();
    await page.goto(`${server.baseUrl}/staff`);
    const nav = page.getByRole('navigation', { name: 'Staff console' });
    await nav.getByRole('link', { name: 'Door' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Halls' }).count(), 0);
    await page.goto(`${server.baseUrl}/staff/halls`);
    await page.waitForURL(`${server.baseUrl}/staff`);
    await page.getByText('That part of the console is for administrators.').waitFor();
  });

  test('an admin creates a movie and uploads a poster cropped to 2:3 in the browser', async () => {
    await admin.goto(`${server.baseUrl}/staff/movies/new`);
    await admin.getByLabel('Title', { exact: true }).fill('Cropped Poster Test');
    await admin.getByLabel('Running time (minutes)').fill('97');
    await admin.getByRole('button', { name: 'Drama' }).click();
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.waitForURL(/\/staff\/movies\/[0-9a-f-]{36}$/);
    const id = /movies\/([0-9a-f-]{36})$/.exec(admin.url())![1]!;
    // A wide 1200 × 600 image: the crop keeps a 2:3 part of it.
    const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 200, g: 40, b: 60 } } })
      .png()
      .toBuffer();
    await admin
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: png });
    await admin.getByRole('img', { name: /^Crop preview \(2:3\)/ }).waitFor();
    await admin.getByRole('button', { name: 'Crop and upload' }).click();
    await admin.getByText('Uploaded.').waitFor();
    const movie = (await server.t.request({ method: 'GET', url: `/api/v1/movies/${id}` })).body;
    assert.deepEqual(movie.genres, ['Drama']);
    assert.ok(movie.posterUrl, 'the poster is stored');
    assert.ok(
      Math.abs(movie.poster.width / movie.poster.height - 2 / 3) < 0.01,
      `poster ${movie.poster.width}×${movie.poster.height}`,
    );
    assert.deepEqual(errors, []);
  });

  test('an admin finds the seat a staff member blocked in the audit log and downloads it as CSV', async () => {
    const usher = await makeUser(server.t, { role: 'staff' });
    const showtime = await pickShowtime(server, { hoursAhead: 4 });
    const seat = showtime.seats.filter((x) => x.status === 'available').at(-1)!;
    const blocked = await server.t.request({
      method: 'POST',
      url: `/api/v1/showtimes/${showtime.id}/blocks`,
      token: usher.token,
      payload: { seatIds: [seat.id], reason: 'Audit: wobbly seat' },
    });
    assert.ok(blocked.status < 300, blocked.text);

    await admin.goto(`${server.baseUrl}/staff/audit`);
    await admin.getByLabel('Person (email)').fill(usher.email);
    // The search runs once typing pauses: then only the usher's change is listed.
    await admin.waitForFunction(() => document.querySelectorAll('[data-testid="audit-entry"]').length === 1);
    const entry = admin.getByTestId('audit-entry').filter({ hasText: usher.email });
    await entry.getByText('seat_block').waitFor();
    await entry.locator('summary').click();
    await entry.getByRole('cell', { name: 'Audit: wobbly seat' }).waitFor();

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.ok(lines[1]?.includes(usher.email) && lines[1].includes('seat_block.create'), lines[1]);
    assert.ok(lines[1]?.includes('Audit: wobbly seat'), lines[1]);
    assert.deepEqual(errors, []);
  });
});
