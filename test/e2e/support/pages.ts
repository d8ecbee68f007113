// Finding things the way a person does: by role and accessible name.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newContext } from './browser.ts';

/** A seat on the map by its announced name: "Row C, seat 7, …". */
export function seatButton(page: Page, seat: { row: string; number: number }): Locator {
  return page.getByRole('button', { name: new RegExp(`^Row ${seat.row}, seat ${seat.number},`) });
}

export async function fillCard(page: Page, number: string, expiry = '12/34', cvc = '123'): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date').fill(expiry);
  await page.getByLabel('Security code (CVC)').fill(cvc);
}

/** Minor units as the English app prints euros: €12.50. */
export function euros(minor: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);
}

/** A customer registered through the API, then signed in through the app's own sign-in page. */
export async function signUpAndIn(
  server: { t: { request(o: object): Promise<{ status: number; text: string }> }; baseUrl: string },
  page: Page,
  name = 'Erin Example',
): Promise<{ email: string; password: string }> {
  const email = `${name.split(' ')[0]!.toLowerCase()}-${Math.random().toString(36).slice(2, 9)}@example.test`;
  const password = 'silver-screen-matinee-77';
  const res = await server.t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, name },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: "What's on" }).waitFor();
  return { email, password };
}

/** Picks seats on the open seat map and holds them; resolves on the checkout page. */
export async function holdSeats(page: Page, seats: { row: string; number: number }[]): Promise<string> {
  for (const s of seats) await seatButton(page, s).click();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL(/\/bookings\/[0-9a-f-]+\/checkout$/);
  await page.getByRole('timer').waitFor();
  return /\/bookings\/([0-9a-f-]+)\/checkout$/.exec(page.url())![1]!;
}

/** A browser context signed in as a factory user through its session cookie. */
export async function signedInContext(
  browser: Browser,
  server: { baseUrl: string },
  user: { token: string },
  size?: { width: number; height: number },
): Promise<BrowserContext> {
  const ctx = await newContext(browser, size);
  await ctx.addCookies([{ name: 'session', value: user.token, url: server.baseUrl }]);
  return ctx;
}

/** The date and time on a wall clock in `timeZone` at instant `at` (the test's own reckoning, not the app's). */
export function localParts(at: number | Date, timeZone: string): { date: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
