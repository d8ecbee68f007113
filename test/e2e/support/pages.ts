// Finding things the way a person does: by role and accessible name.
import type { Locator, Page } from 'playwright-core';

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
