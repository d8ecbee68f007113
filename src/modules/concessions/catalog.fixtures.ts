// Test helpers for concession products through HTTP (the catalog part's suites and others').
import assert from 'node:assert/strict';
import type { TestUser } from '../../../test/support/factories.ts';
import type { TestApp } from '../../../test/support/test-app.ts';

export const names = (en: string, de?: string) => (de ? { en, de } : { en });

/** Creates a product through HTTP as `admin`; asserts 201. */
export async function createProduct(t: TestApp, admin: TestUser, body: Record<string, unknown>) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/concession-products',
    token: admin.token,
    payload: body,
  });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

/** Puts a product's offers at a cinema through HTTP; asserts 200. */
export async function offer(t: TestApp, admin: TestUser, cinemaId: string, productId: string, body: object) {
  const res = await t.request({
    method: 'PUT',
    url: `/api/v1/cinemas/${cinemaId}/concession-offers/${productId}`,
    token: admin.token,
    payload: { currency: 'EUR', taxKind: 'food', onSale: true, ...body },
  });
  assert.equal(res.status, 200, res.text);
  return res.body;
}
