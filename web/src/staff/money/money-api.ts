// The staff console's money endpoints (issue 16): promo codes, gift cards, a cinema's tax settings,
// finance exports and the till's gift card sales, checked against the generated API types.
import { queryOptions } from '@tanstack/react-query';
import { client, data, problemOf } from '../../api/http.ts';
import type { Answer, Body, Query } from '../../api/types.ts';

export type PromoCode = Answer<'/api/v1/promo-codes/{id}', 'get'>;
export type PromoKind = PromoCode['kind'];
export type PromoScope = PromoCode['scope'];
export type PromoInput = Body<'/api/v1/promo-codes', 'post'>;
export type PromoPatch = Body<'/api/v1/promo-codes/{id}', 'patch'>;

export type GiftCard = Answer<'/api/v1/gift-cards', 'get'>['items'][number];
export type GiftCardDetail = Answer<'/api/v1/gift-cards/{id}', 'get'>;
export type TillGiftCard = Answer<'/api/v1/till-sessions/{id}/gift-cards', 'post'>;

export const TAX_KINDS = ['tickets', 'food', 'merchandise', 'default'] as const;
export type TaxKind = (typeof TAX_KINDS)[number];
export type TaxSettings = Body<'/api/v1/cinemas/{id}/tax', 'put'>;
export type SavedTaxSettings = Answer<'/api/v1/cinemas/{id}/tax', 'get'>;

export const EXPORT_KINDS = ['sales', 'refunds', 'discounts', 'gift-cards', 'payment-methods'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const at = (id: string) => ({ params: { path: { id } } });

export const moneyApi = {
  promoCodes: (query: { q?: string; cursor?: string }) =>
    data(client.GET('/api/v1/promo-codes', { params: { query } })),
  promoCode: (id: string) => data(client.GET('/api/v1/promo-codes/{id}', at(id))),
  createPromoCode: (body: PromoInput) => data(client.POST('/api/v1/promo-codes', { body })),
  updatePromoCode: (id: string, body: PromoPatch) =>
    data(client.PATCH('/api/v1/promo-codes/{id}', { ...at(id), body })),
  deactivatePromoCode: (id: string) => data(client.DELETE('/api/v1/promo-codes/{id}', at(id))),
  promoCodesCsvUrl: (id: string) => `/api/v1/promo-codes/${encodeURIComponent(id)}/codes.csv`,

  giftCards: (q: string) => data(client.GET('/api/v1/gift-cards', { params: { query: { q } } })),
  giftCard: (id: string) => data(client.GET('/api/v1/gift-cards/{id}', at(id))),
  voidGiftCard: (id: string) => data(client.POST('/api/v1/gift-cards/{id}/void', at(id))),
  giftCardBalance: (code: string) => data(client.POST('/api/v1/gift-cards/balance', { body: { code } })),
  /** `key`: one per sale the cashier means, so a retry after a lost answer cannot sell a second card. */
  sellGiftCard: (sessionId: string, body: Body<'/api/v1/till-sessions/{id}/gift-cards', 'post'>, key: string) =>
    data(
      client.POST('/api/v1/till-sessions/{id}/gift-cards', {
        params: { path: { id: sessionId }, header: { 'Idempotency-Key': key } },
        body,
      }),
    ),

  tax: (cinemaId: string) => data(client.GET('/api/v1/cinemas/{id}/tax', at(cinemaId))),
  setTax: (cinemaId: string, body: TaxSettings) =>
    data(client.PUT('/api/v1/cinemas/{id}/tax', { ...at(cinemaId), body })),

  exportUrl: (query: Query<'/api/v1/finance/export.csv', 'get'>) =>
    `/api/v1/finance/export.csv?${new URLSearchParams(query)}`,
};

/**
 * Fetches a file the server makes (a CSV) and hands it to the browser as a download named `name`;
 * a refusal is thrown as ApiError so the page can say why.
 */
export async function download(url: string, name: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/csv, application/json' } });
  if (!res.ok) throw await problemOf(res);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const moneyKeys = {
  promo: () => ['staff', 'promo-codes'] as const,
  giftCards: () => ['staff', 'gift-cards'] as const,
  tax: (cinemaId: string) => ['staff', 'tax', cinemaId] as const,
};

export const moneyQueries = {
  promoPage: (q: string, cursor: string | undefined) =>
    queryOptions({
      queryKey: [...moneyKeys.promo(), 'page', q, cursor ?? ''],
      queryFn: () => moneyApi.promoCodes({ q: q || undefined, cursor }),
      staleTime: 0,
    }),
  promoCode: (id: string) =>
    queryOptions({ queryKey: [...moneyKeys.promo(), 'one', id], queryFn: () => moneyApi.promoCode(id), staleTime: 0 }),
  giftCards: (q: string) =>
    queryOptions({
      queryKey: [...moneyKeys.giftCards(), 'search', q],
      queryFn: () => moneyApi.giftCards(q),
      staleTime: 0,
    }),
  giftCard: (id: string) =>
    queryOptions({
      queryKey: [...moneyKeys.giftCards(), 'one', id],
      queryFn: () => moneyApi.giftCard(id),
      staleTime: 0,
    }),
  tax: (cinemaId: string) =>
    queryOptions({
      queryKey: moneyKeys.tax(cinemaId),
      queryFn: () => moneyApi.tax(cinemaId),
      staleTime: 0,
      retry: false,
    }),
};
