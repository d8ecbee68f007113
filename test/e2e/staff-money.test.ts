// The staff console's money pages in a real browser (issue 16), on one server and one browser: an
// admin creates a shared promo code and a batch of single-use codes (their CSV downloads), sets a
// cinema's tax settings and downloads a finance export; a cashier sells a gift card at the till (its
// code shown once) and takes it as the first tender of a ticket sale, the rest in cash; an admin
// voids the card. A part whose server routes are not in the API document yet is skipped, saying which.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeUser } from '../support/factories.ts';
import { axeViolations, describeViolations, screenshot, skipWithoutChromium, watchErrors } from './support/browser.ts';
import { euros, seatButton, signedInContext } from './support/pages.ts';
import { type E2eServer, pickShowtime, startServerAndBrowser } from './support/server.ts';

const openapi = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, unknown>;
};
/** A skip reason while the server part behind `route` has not landed, else false. */
const needs = (part: string, ...routes: string[]) => {
  const missing = routes.filter((r) => !(r in openapi.paths));
  return missing.length > 0 ? `the ${part} part has not landed: no ${missing.join(', ')} in docs/openapi.json` : false;
};

describe('money in the staff console', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    admin = await signedInContext(browser, server, server.admin);
    page = await admin.newPage();
    watchErrors(page, errors);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test(
    'an admin creates a shared promo code and a batch of single-use codes, and downloads the batch',
    { skip: needs('promo', '/api/v1/promo-codes', '/api/v1/promo-codes/{id}/codes.csv') },
    async () => {
      await page.goto(`${server.baseUrl}/staff/promo-codes`);
      await page.getByRole('link', { name: 'New promo code' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Spring weekend');
      await page.getByLabel('Code', { exact: true }).fill('spring-10');
      await page.getByLabel('Uses in total').fill('50');
      await page.getByLabel('Percent', { exact: true }).fill('10');
      const audit = await axeViolations(page);
      assert.deepEqual(audit, [], describeViolations(audit));
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { name: 'Spring weekend' }).waitFor();
      assert.equal(await page.getByTestId('promo-code').textContent(), 'SPRING-10');
      assert.equal(await page.getByTestId('promo-uses').textContent(), '0 of 50 used');
      // Limits change on the code's page; deactivating takes it off sale (and back).
      await page.getByLabel('Uses per customer').fill('2');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
      await page.getByRole('button', { name: 'Deactivate' }).click();
      await page.getByRole('button', { name: 'Activate again' }).waitFor();
      const stored = await server.t.request({
        method: 'GET',
        url: '/api/v1/promo-codes?q=spring',
        token: server.admin.token,
      });
      assert.deepEqual(
        (stored.body.items as { maxUsesPerCustomer: number; active: boolean }[]).map((p) => [
          p.maxUsesPerCustomer,
          p.active,
        ]),
        [[2, false]],
      );

      // The batch: 5 single-use codes, a fixed €3 off, for one ticket type only.
      await page.getByRole('link', { name: 'All promo codes' }).click();
      await page.getByLabel('Search codes and names').fill('spring');
      await page.getByRole('link', { name: 'Spring weekend' }).waitFor();
      await page.getByRole('link', { name: 'New promo code' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Flyer batch');
      await page.getByLabel('Single-use codes, generated').check();
      await page.getByLabel('How many codes').fill('5');
      await page.getByLabel('Prefix (optional)').fill('FLY');
      await page.getByLabel('Fixed amount off').check();
      await page.getByLabel('Amount off', { exact: true }).fill('3.00');
      await page.getByLabel('Ticket types').selectOption(['adult']);
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { name: 'Flyer batch' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the 5 codes (CSV)' }).click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8')
        .trim()
        .split(/\r?\n/);
      assert.equal(csv.length, 6, csv.join('\n'));
      assert.ok(
        csv.slice(1).every((line) => /^FLY/i.test(line)),
        csv.join('\n'),
      );
      assert.equal(new Set(csv.slice(1)).size, 5);
      await screenshot(page, 'staff-promo-batch');
    },
  );

  test("an admin sets a cinema's tax settings", { skip: needs('finance', '/api/v1/cinemas/{id}/tax') }, async () => {
    const cinema = (await server.t.request({ method: 'GET', url: '/api/v1/cinemas' })).body.items[0] as {
      id: string;
    };
    await page.goto(`${server.baseUrl}/staff/cinemas/${cinema.id}`);
    const panel = page.getByRole('region', { name: 'Tax and seller details' });
    await panel.getByLabel('Country').fill('at');
    await panel.getByLabel('Legal name of the seller').fill('Marquee Wien GmbH');
    await panel.getByLabel('Legal address').fill('Mariahilfer Straße 1, 1060 Wien');
    await panel.getByLabel('Tax id (optional)').fill('ATU12345678');
    await panel.getByLabel('Tickets').fill('13');
    await panel.getByLabel('Food').fill('10');
    await panel.getByLabel('Merchandise').fill('');
    await panel.getByLabel('Default').fill('20');
    await panel.getByRole('button', { name: 'Save tax settings' }).click();
    await panel.getByText('Saved.').waitFor();
    await screenshot(page, 'staff-tax-settings');
    const tax = await server.t.request({
      method: 'GET',
      url: `/api/v1/cinemas/${cinema.id}/tax`,
      token: server.admin.token,
    });
    assert.equal(tax.status, 200, tax.text);
    assert.equal(tax.body.country, 'AT');
    assert.equal(tax.body.legalName, 'Marquee Wien GmbH');
    assert.equal(tax.body.taxId, 'ATU12345678');
    assert.equal(tax.body.taxRates.tickets, 13);
    assert.equal(tax.body.taxRates.default, 20);
    // A fresh visit shows what was saved.
    await page.reload();
    assert.equal(await panel.getByLabel('Country').inputValue(), 'AT');
    assert.equal(await panel.getByLabel('Tickets').inputValue(), '13');
  });

  test(
    'an admin downloads a finance export as CSV with a ticket sold that day',
    { skip: needs('finance', '/api/v1/finance/export.csv', '/api/v1/bookings/{id}/receipt') },
    async () => {
      // One ticket sold online (through the API), and its receipt: the export must show its figures.
      const showtime = await pickShowtime(server, { hoursAhead: 30 });
      const seat = showtime.seats.find((s) => s.status === 'available' && s.type === 'standard' && s.price)!;
      const buyer = await makeUser(server.t);
      const call = async (method: string, url: string, payload?: object) => {
        const res = await server.t.request({ method, url, token: buyer.token, payload });
        assert.ok(res.status < 300, `${method} ${url}: ${res.status} ${res.text}`);
        return res.body;
      };
      const hold = await call('POST', '/api/v1/bookings', { showtimeId: showtime.id, seatIds: [seat.id] });
      await call('POST', `/api/v1/bookings/${hold.id}/payments`, {
        card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' },
      });
      const receipt = (await call('GET', `/api/v1/bookings/${hold.id}/receipt`)) as {
        number: string;
        cinemaId: string;
        issuedAtLocal: string;
        taxes: { gross: { amount: number } }[];
      };
      const saleDay = receipt.issuedAtLocal.slice(0, 10);

      await page.goto(`${server.baseUrl}/staff/finance`);
      await page.getByLabel('Cinema', { exact: true }).selectOption(receipt.cinemaId);
      await page.getByLabel('Export').selectOption('sales');
      await page.getByLabel('From').fill(saleDay);
      await page.getByLabel('To').fill('2000-01-01');
      await page.getByText('The end is before the start.').waitFor();
      assert.ok(await page.getByRole('button', { name: 'Download CSV' }).isDisabled());
      await page.getByLabel('To').fill(saleDay);
      const audit = await axeViolations(page);
      assert.deepEqual(audit, [], describeViolations(audit));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `sales-${saleDay}-${saleDay}.csv`);
      const csv = readFileSync(await download.path(), 'utf8');
      const [header, ...rows] = csv.trim().split(/\r?\n/);
      assert.match(header!, /^receipt_number,date,cinema_id,source,booking_id,/, csv);
      const row = rows.find((r) => r.startsWith(`${receipt.number},`));
      assert.ok(row, `the receipt ${receipt.number} is in the export:\n${csv}`);
      const cells = row.split(',');
      assert.equal(cells[1], saleDay);
      assert.equal(cells[4], hold.id);
      assert.equal(cells.at(-1), (receipt.taxes[0]!.gross.amount / 100).toFixed(2), 'the gross of the sale');
      assert.equal(receipt.taxes[0]!.gross.amount, seat.price!.amount);
    },
  );

  test(
    'the till sells a gift card and takes it first on a ticket sale, the rest in cash',
    { skip: needs('gift', '/api/v1/till-sessions/{id}/gift-cards', '/api/v1/gift-cards/balance') },
    async () => {
      const showtime = await pickShowtime(server);
      const cinemaId = (await server.t.request({ method: 'GET', url: `/api/v1/showtimes/${showtime.id}` })).body
        .cinemaId as string;
      const till = await server.t.request({
        method: 'POST',
        url: `/api/v1/cinemas/${cinemaId}/tills`,
        token: server.admin.token,
        payload: { name: 'Gift counter' },
      });
      assert.equal(till.status, 201, till.text);
      const cashier = await makeUser(server.t, { role: 'staff', name: 'Gina Gift' });
      const opened = await server.t.request({
        method: 'POST',
        url: '/api/v1/till-sessions',
        token: cashier.token,
        payload: { tillId: till.body.id, float: 5000 },
      });
      assert.equal(opened.status, 201, opened.text);
      const free = showtime.seats.filter((s) => s.status === 'available' && s.type === 'standard' && s.price);
      const [a, b] = [free[0]!, free[1]!];
      const total = a.price!.amount + b.price!.amount;
      const gift = 1000;
      assert.ok(total > gift, 'two seats cost more than the card');

      const ctx = await signedInContext(browser, server, cashier);
      const till1 = await ctx.newPage();
      watchErrors(till1, errors);
      await till1.goto(`${server.baseUrl}/staff/till`);
      await till1.getByText('Till Gift counter is open.').waitFor();
      const sell = till1.getByRole('region', { name: 'Sell a gift card' });
      await sell.getByLabel('Gift card amount').fill('10.00');
      await sell.getByLabel('Cash').check();
      await sell.getByRole('button', { name: 'Sell gift card' }).click();
      const code = (await till1.getByTestId('gift-code').textContent())!.trim();
      assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      await sell.getByRole('link', { name: 'Print receipt' }).waitFor();
      await sell.getByRole('button', { name: 'Done' }).click();
      assert.equal(await till1.getByTestId('gift-code').count(), 0, 'the code is shown once');

      await till1.getByLabel('Showtime').selectOption(showtime.id);
      await seatButton(till1, a).click();
      await seatButton(till1, b).click();
      await till1.getByRole('button', { name: 'Hold 2 seats' }).click();
      await till1
        .getByTestId('till-total')
        .filter({ hasText: euros(total) })
        .waitFor();
      await till1.getByLabel('Gift card code (optional)').fill(code.toLowerCase());
      await till1.getByRole('button', { name: 'Use gift card' }).click();
      await till1
        .getByTestId('till-rest')
        .filter({ hasText: euros(total - gift) })
        .waitFor();
      const tillAudit = await axeViolations(till1);
      assert.deepEqual(tillAudit, [], describeViolations(tillAudit));
      const tendered = Math.ceil((total - gift) / 100) + 5;
      await till1.getByLabel('Cash tendered').fill(String(tendered));
      await till1
        .getByText(`Change due: ${euros(tendered * 100 - (total - gift))}`)
        .first()
        .waitFor();
      await till1.getByRole('button', { name: 'Take payment' }).click();
      await till1
        .getByRole('status')
        .filter({ hasText: `Gift card paid ${euros(gift)}.` })
        .waitFor();
      await screenshot(till1, 'staff-till-gift-card-sale');

      // The card is spent: its balance is zero, and its ledger (found by the whole code typed, searched by its last
      // four characters) shows the redemption.
      const balance = await server.t.request({
        method: 'POST',
        url: '/api/v1/gift-cards/balance',
        token: cashier.token,
        payload: { code },
      });
      assert.equal(balance.status, 200, balance.text);
      assert.equal(balance.body.balance.amount, 0);
      await till1.goto(`${server.baseUrl}/staff/gift-cards`);
      await till1.getByLabel('Last 4 characters or card id').fill(code);
      await till1.getByRole('link', { name: `Gift card ending in ${code.slice(-4)}` }).click();
      await till1
        .getByTestId('gift-balance')
        .filter({ hasText: euros(0) })
        .waitFor();
      await till1.getByRole('cell', { name: 'Redeemed' }).waitFor();
      // Staff see a card; only an admin may void it.
      assert.equal(await till1.getByRole('button', { name: 'Void this card' }).count(), 0);
      const cardUrl = till1.url();
      await ctx.close();
      await page.goto(cardUrl);
      await page.getByRole('button', { name: 'Void this card' }).click();
      const audit = await axeViolations(page);
      assert.deepEqual(audit, [], describeViolations(audit));
      await page.getByRole('button', { name: 'Yes, void it' }).click();
      await page.getByRole('cell', { name: 'Voided' }).waitFor();
      await page.getByText('Void', { exact: true }).waitFor();
    },
  );

  test('no script errors on any page', () => {
    assert.deepEqual(errors, []);
  });
});
