// Issue 20 in the browser: "Cinemas near me" with a faked position near Lisbon lists the demo chain's
// Lisbon cinema first with its distance; choosing it sets the cinema filter, and a reload keeps it.
// An avatar uploaded in the profile shows in the header (one server and browser for both).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { makeUser } from '../support/factories.ts';
import { newContext, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { signedInContext } from './support/pages.ts';
import { type E2eServer, startServerAndBrowser } from './support/server.ts';

describe('cinemas near me', { skip: skipWithoutChromium, timeout: 240_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the nearest cinema comes first with its distance and, once chosen, is remembered', async () => {
    const context = await newContext(browser);
    await context.grantPermissions(['geolocation'], { origin: server.baseUrl });
    // Praça do Comércio, Lisbon: about 1 km from the demo's Alfama cinema.
    await context.setGeolocation({ latitude: 38.7075, longitude: -9.1364 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await page.getByRole('button', { name: 'Cinemas near me' }).click();
    const list = page.getByRole('region', { name: 'Cinemas near you' });
    const first = list.getByRole('listitem').first();
    await first.getByText('Marquee Alfama, Lisbon').waitFor();
    assert.match((await first.textContent()) ?? '', /· [0-9]\.[0-9] km away/);
    await first.getByRole('button', { name: 'Choose Marquee Alfama' }).click();
    await first.getByText('Marquee Alfama is your cinema').waitFor();

    await page.reload();
    const chosen = page.getByLabel('Cinema', { exact: true });
    await page.waitForFunction(() => localStorage.getItem('marquee.cinemaId') !== null);
    const id = await page.evaluate(() => localStorage.getItem('marquee.cinemaId'));
    assert.equal(await chosen.inputValue(), id);
    assert.equal((await chosen.locator('option:checked').textContent())?.trim(), 'Marquee Alfama');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an avatar uploaded in the profile shows in the header', async () => {
    const customer = await makeUser(server.t);
    const context = await signedInContext(browser, server, customer);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/account`);
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    await page.getByLabel('Upload a picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await page.getByText('Your avatar is saved.').waitFor();
    const header = page.getByTestId('header-avatar');
    await header.waitFor();
    const src = await header.getAttribute('src');
    assert.match(src ?? '', /^\/media\/img\/[0-9a-f]+-128\.webp$/);
    assert.ok(await header.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 128));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
