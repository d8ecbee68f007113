// Accessibility rules on every staff page, at 1280 and 390 px, signed in as the admin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Auditor, DESKTOP, filledForm, type Ready } from './support/a11y.ts';
import { skipWithoutChromium, watchErrors } from './support/browser.ts';
import { signedInContext } from './support/pages.ts';
import { type E2eServer, pickShowtime, type ShowtimeInfo, startServerAndBrowser } from './support/server.ts';

describe('accessibility: staff pages', { skip: skipWithoutChromium, timeout: 480_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let showtime: ShowtimeInfo;
  const a = new Auditor();
  const errors: string[] = [];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    showtime = await pickShowtime(server, { hoursAhead: 5, skip: 1 });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no serious or critical axe violations on any staff page, at 1280 and 390 px', async () => {
    const movie = showtime.movieId;
    const movieBody = (await server.t.request({ method: 'GET', url: `/api/v1/movies/${movie}` })).body;
    const person = movieBody.people?.[0]?.personId as string | undefined;
    const show = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtime.id}` })).body;
    const cinemaId = show.cinemaId as string;
    const go = (p: Page, url: string) => p.goto(`${server.baseUrl}${url}`);
    const staff: [string, string, Ready?][] = [
      ['staff-home', '/staff'],
      ['staff-sales', '/staff/sales'],
      ['staff-showtime-sales', `/staff/sales/${showtime.id}`],
      ['staff-door', '/staff/door'],
      ['staff-schedule', '/staff/schedule'],
      ['staff-schedule-week', '/staff/schedule?view=week'],
      ['staff-halls', '/staff/halls'],
      ['staff-hall-editor', `/staff/halls/${show.hallId as string}`, filledForm('.editor-canvas .ed-seat')],
      ['staff-hall-new', `/staff/halls/new?cinemaId=${cinemaId}`],
      ['staff-movies', '/staff/movies'],
      ['staff-movie', `/staff/movies/${movie}`, filledForm()],
      ['staff-movie-new', '/staff/movies/new'],
      ['staff-people', '/staff/people'],
      ...(person ? [['staff-person', `/staff/people/${person}`, filledForm()] as [string, string, Ready]] : []),
      ['staff-cinemas', '/staff/cinemas'],
      ['staff-cinema', `/staff/cinemas/${cinemaId}`, filledForm()],
      ['staff-users', '/staff/users'],
      ['staff-audit', '/staff/audit'],
    ];
    const admin = await (await signedInContext(browser, server, server.admin, DESKTOP)).newPage();
    watchErrors(admin, errors);
    for (const [name, url, ready] of staff) {
      await go(admin, url);
      await a.bothWidths(admin, name, ready ?? 'main h1, main h2');
    }
    await admin.context().close();
    a.assertClean('staff');
    assert.deepEqual(errors, []);
  });
});
