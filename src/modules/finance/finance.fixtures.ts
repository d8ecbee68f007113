// What the finance suites start from: an app, four users and a showtime, plus their PDF and job helpers.
import assert from 'node:assert/strict';
import type { Backend } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { pdfLines } from '../../../test/support/pdf-text.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

export interface FinanceWorld {
  t: TestApp;
  alice: TestUser;
  bob: TestUser;
  staff: TestUser;
  admin: TestUser;
  s: TestShowtime;
}

/** A test app with Alice, Bob, a staff member, an admin and one showtime. */
export async function startFinanceWorld(backend: Backend): Promise<FinanceWorld> {
  const t = await startTestApp(backend);
  const [alice, bob, staff, admin] = await Promise.all([
    makeUser(t, { name: 'Alice' }),
    makeUser(t),
    makeUser(t, { role: 'staff' }),
    makeUser(t, { role: 'admin' }),
  ]);
  return { t, alice, bob, staff, admin, s: await makeShowtime(t) };
}

/** A PDF route's text lines (raw bytes: the test client's text would mangle them). */
export async function pdfLinesOf(t: TestApp, url: string, user?: TestUser, headers: Record<string, string> = {}) {
  const auth = user ? { authorization: `Bearer ${user.token}` } : {};
  const res = await t.app.http.inject({ method: 'GET', url, headers: { ...auth, ...headers } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  return pdfLines(res.rawPayload);
}

/** Runs the app's jobs until `check` holds: events reach finance's consumers, their jobs run. */
export const jobsSettled = (t: TestApp, check: () => Promise<boolean>, what: string) =>
  eventually(
    async () => {
      await t.app.runJobsOnce();
      return check();
    },
    30_000,
    25,
    what,
  );
