// Two-factor sign-in in Chromium (issue 19): a staff member adds a passkey on the profile page with
// a CDP virtual authenticator and then signs in with it; a customer signs in with a TOTP code
// computed here. WebAuthn needs a host name, not an IP address, as its relying party: the server's
// PUBLIC_URL is http://localhost:<port>, the page opened there.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { registerUser } from '../support/accounts.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { type E2eServer, startServerAndBrowser } from './support/server.ts';

/** A port free right now, so PUBLIC_URL can name it before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('two-factor sign-in in the browser', { skip: skipWithoutChromium }, () => {
  let server: E2eServer;
  let browser: Browser;
  let origin: string;
  const errors: string[] = [];

  before(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    [server, browser] = await startServerAndBrowser({ CINEMA_DEMO: 'false', PUBLIC_URL: origin }, port);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${origin}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  const whoIsSignedIn = async (page: Page) => (await (await page.request.get(`${origin}/api/v1/session`)).json()).user;

  test('a staff member adds a passkey, then signs in with the password and the passkey', async () => {
    const staff = await registerUser(server.t);
    await server.t.app.platform.database.db
      .updateTable('users')
      .set({ role: 'staff' })
      .where('id', '=', staff.id)
      .execute();
    const context = await newContext(browser);
    const page = await context.newPage();
    watchErrors(page, errors);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await signIn(page, staff.email, staff.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${origin}/account`);
    await page.getByLabel('Name of the new passkey').fill('Box office laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Passkey added.').waitFor();
    assert.equal(await page.getByTestId('recovery-codes').locator('li').count(), 10, 'recovery codes shown once');
    await page.getByRole('button', { name: 'Delete Box office laptop' }).waitFor();
    // A passkey alone (no authenticator app) still has its recovery codes to count and renew.
    await page.getByText('10 recovery codes left.').waitFor();
    await page.getByRole('button', { name: 'New recovery codes' }).waitFor();

    await context.clearCookies();
    await signIn(page, staff.email, staff.password);
    await page.getByRole('heading', { name: 'Second step' }).waitFor();
    assert.equal(await whoIsSignedIn(page), null, 'the password alone opened no session');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    assert.equal((await whoIsSignedIn(page))?.email, staff.email);
    await context.close();
  });

  test('a customer with an authenticator app signs in with its current code', async () => {
    const customer = await registerUser(server.t);
    const token = (
      await server.t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: customer.email, password: customer.password },
      })
    ).body.token as string;
    const enrol = await server.t.request({ method: 'POST', url: '/api/v1/me/2fa/totp', token });
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrol.body.secret) });
    const codeAt = (offsetMs: number) => totp.generate({ timestamp: server.clock.now().getTime() + offsetMs });
    const confirm = await server.t.request({
      method: 'POST',
      url: '/api/v1/me/2fa/totp/confirm',
      payload: { code: codeAt(0) },
      token,
    });
    assert.equal(confirm.status, 200);
    // The confirming code is spent: sign in with the next step's code (accepted one step early).
    const context = await newContext(browser);
    const page = await context.newPage();
    watchErrors(page, errors);
    await signIn(page, customer.email, customer.password);
    await page.getByLabel('Code from the app').fill(codeAt(30_000));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    assert.equal((await whoIsSignedIn(page))?.email, customer.email);
    await context.close();
    assert.deepEqual(errors, []);
  });
});
