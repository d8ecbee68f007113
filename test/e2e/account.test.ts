// Account pages in the browser: seats kept through signing in, profile, the account's language,
// signed-in devices with revoke, password reset through the emailed link, signing out, deleting
// the account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { seatButton } from './support/pages.ts';
import {
  type E2eServer,
  onServer,
  pickShowtime,
  startServerAndBrowser,
  twoNeighbours,
  waitForMail,
} from './support/server.ts';

describe('account pages', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let laptop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let errors: string[];
  const email = `acct-${Date.now()}@example.test`;
  let password = 'projector-lamp-warm-glow';

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    const res = await server.t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password, name: 'Alex Account' },
    });
    assert.equal(res.status, 201);
    laptop = await newContext(browser);
    phone = await newContext(browser, { width: 390, height: 844 });
    page = await laptop.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(p: Page, pass = password) {
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill(pass);
    await p.getByRole('button', { name: 'Sign in' }).click();
  }

  test('seats chosen before signing in are still chosen after it', async () => {
    const showtime = await pickShowtime(server, { hoursAhead: 4 });
    const [a] = twoNeighbours(showtime);
    await page.goto(`${server.baseUrl}/showtimes/${showtime.id}`);
    await seatButton(page, a).click();
    await page.getByRole('button', { name: 'Sign in to continue' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByText('Sign in to reserve the seats you chose.').waitFor();
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is not right.').waitFor();
    await signIn(page);
    await page.waitForURL(new RegExp(`/showtimes/${showtime.id}$`));
    await seatButton(page, a).waitFor();
    assert.equal(await seatButton(page, a).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Continue to payment' }).waitFor();
  });

  test('the profile is saved and guarded pages send strangers to sign in', async () => {
    await page.getByRole('link', { name: /Alex Account/ }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.getByLabel('Name').fill('Alex Updated');
    await page.getByLabel('Phone (optional)').fill('+49 30 1234567');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: /Alex Updated/ }).waitFor();
    await screenshot(page, 'account');

    const stranger = await (await newContext(browser)).newPage();
    await stranger.goto(`${server.baseUrl}/account/sessions`);
    await stranger.waitForURL(/\/login\?next=%2Faccount%2Fsessions/);
  });

  test('the profile language switches every page to French, is stored, and comes back after a reload', async () => {
    await page.goto(`${server.baseUrl}/account`);
    const sentLanguage = page.waitForRequest((r) => r.url().includes('/api/v1/me') && r.method() === 'PATCH');
    await page.getByLabel('Language of this site, your emails and your tickets').selectOption('fr');
    // The page switches at once, the request says French, and the server keeps it.
    await page.getByRole('heading', { name: 'Votre compte' }).waitFor();
    await page.getByText('Langue enregistrée.').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal((await sentLanguage).headers()['accept-language'], 'fr');
    const me = async () =>
      ((await (await page.request.get(`${server.baseUrl}/api/v1/me`)).json()) as { language: string }).language;
    assert.equal(await me(), 'fr');

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes billets' })
      .click();
    await page.getByRole('heading', { name: 'Mes billets' }).waitFor();
    // Not this device's memory but the account's: without it a reload still comes back in French.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { name: 'Mes billets' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

    // The header's menu changes it back, for the account too.
    const patched = page.waitForResponse((r) => r.url().includes('/api/v1/me') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'EN English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    assert.equal(((await (await patched).json()) as { language: string }).language, 'en');
    assert.equal(await me(), 'en');
    assert.deepEqual(errors, []);
  });

  test('another device is listed and can be signed out from here', async () => {
    const other = await phone.newPage();
    await other.goto(`${server.baseUrl}/login?next=/bookings`);
    await signIn(other);
    await other.getByRole('heading', { name: 'My tickets' }).waitFor();

    await page.goto(`${server.baseUrl}/account/sessions`);
    const items = page.locator('.session-list li');
    await items.nth(1).waitFor();
    assert.equal(await items.count(), 2);
    await page.getByText('This device').waitFor();
    await screenshot(page, 'sessions');
    await items.filter({ hasNotText: 'This device' }).getByRole('button').click();
    await page.waitForFunction(() => document.querySelectorAll('.session-list li').length === 1);

    // The phone's session is gone: its next request answers 401 and the app asks it to sign in.
    await other.getByRole('link', { name: 'Search' }).click();
    await other.goto(`${server.baseUrl}/bookings`);
    await other.waitForURL(/\/login/);
  });

  test('a forgotten password is reset through the emailed link, which signs everyone out', async () => {
    const anon = await (await newContext(browser)).newPage();
    await anon.goto(`${server.baseUrl}/login`);
    await anon.getByRole('link', { name: 'Forgot your password?' }).click();
    await anon.getByLabel('Email').fill(email);
    await anon.getByRole('button', { name: 'Send the link' }).click();
    await anon.getByText(`If an account exists for ${email}, a link is on its way.`).waitFor();
    const mail = await waitForMail(server, email, (m) => m.links.some((l) => l.includes('/reset-password?token=')));
    await anon.goto(
      onServer(
        server,
        mail.links.find((l) => l.includes('/reset-password?token='))!,
      ),
    );
    password = 'new-reels-every-friday';
    await anon.getByLabel('New password', { exact: true }).fill(password);
    await anon.getByLabel('Repeat the new password').fill('something else');
    await anon.getByRole('button', { name: 'Save the new password' }).click();
    await anon.getByText('The two passwords are not the same.').waitFor();
    await anon.getByLabel('Repeat the new password').fill(password);
    await anon.getByRole('button', { name: 'Save the new password' }).click();
    await anon.getByRole('heading', { name: 'Password changed' }).waitFor();

    // The laptop's session ended with the reset.
    await page.goto(`${server.baseUrl}/account`);
    await page.waitForURL(/\/login/);
    await signIn(page);
    await page.waitForURL(/\/account$/);
  });

  test('signing out and deleting the account', async () => {
    await page.getByRole('button', { name: 'Sign out on this device' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${server.baseUrl}/login?next=/account/delete`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Delete account' }).waitFor();
    const submit = page.getByRole('button', { name: 'Delete my account' });
    assert.equal(await submit.isDisabled(), true);
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByLabel('I understand that this cannot be undone.').check();
    await submit.click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(password);
    await submit.click();
    await page.getByText('Your account has been deleted.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    const login = await server.t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    assert.equal(login.status, 401);
    assert.deepEqual(errors, []);
  });
});
