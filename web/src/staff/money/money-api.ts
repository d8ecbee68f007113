// The staff console's money endpoints (issue 16): promo codes, gift cards, a cinema's tax settings,
// finance exports and the till's gift card sales. Shapes as agreed for issue 16; the calls go
// through the app's one client (session cookie, problem+json as ApiError).
import { queryOptions } from '@tanstack/react-query';
import { client, problemOf } from '../../api/http.ts';
import type { Money, Page } from '../../api/types.ts';

export type PromoKind = 'percent' | 'fixed';
export interface PromoScope {
  movieIds?: string[];
  cinemaIds?: string[];
  showtimeIds?: string[];
  ticketTypes?: string[];
  from?: string;
  to?: string;
}
export interface PromoCode {
  id: string;
  code: string | null;
  name: string;
  kind: PromoKind;
  percent: number | null;
  amount: Money | null;
  scope: PromoScope | null;
  validFrom: string | null;
  validUntil: string | null;
  maxUses: number | null;
  maxUsesPerCustomer: number | null;
  uses: number;
  generatedCount: number;
  active: boolean;
  createdAt: string;
}
export interface PromoInput {
  code?: string;
  name: string;
  kind: PromoKind;
  percent?: number;
  amount?: Money;
  scope?: PromoScope;
  validFrom?: string;
  validUntil?: string;
  maxUses?: number | null;
  maxUsesPerCustomer?: number | null;
  generate?: { count: number; prefix?: string };
}
export type PromoPatch = Partial<
  Pick<PromoCode, 'name' | 'validFrom' | 'validUntil' | 'maxUses' | 'maxUsesPerCustomer' | 'active'>
>;

export type GiftCardStatus = 'active' | 'void' | 'expired';
export interface GiftCard {
  id: string;
  last4: string;
  initial: Money;
  balance: Money;
  status: GiftCardStatus;
  channel: 'online' | 'till';
  expiresAt: string | null;
  createdAt: string;
}
export interface LedgerEntry {
  kind: 'issue' | 'redeem' | 'release' | 'refund' | 'void';
  /** Minor units, signed: negative took from the card. */
  amount: number;
  balanceAfter: number;
  bookingId: string | null;
  tillSessionId: string | null;
  createdAt: string;
}
export type GiftCardDetail = GiftCard & { ledger: LedgerEntry[] };
export interface GiftCardBalance {
  last4: string;
  balance: Money;
  expiresAt: string | null;
  status: GiftCardStatus;
}
export interface TillGiftCard {
  giftCard: { id: string; code: string; balance: Money };
  receiptUrl: string;
}

export const TAX_KINDS = ['tickets', 'food', 'merchandise', 'default'] as const;
export type TaxKind = (typeof TAX_KINDS)[number];
export interface TaxSettings {
  country: string;
  legalName: string;
  legalAddress: string;
  taxId?: string | null;
  taxRates: Partial<Record<TaxKind, number>>;
}

export const EXPORT_KINDS = ['sales', 'refunds', 'discounts', 'gift-cards', 'payment-methods'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

type Init = { params?: { path?: Record<string, string>; query?: Record<string, unknown> }; body?: unknown };
type Call = (path: string, init?: Init) => Promise<{ data?: unknown; response: Response }>;
/** The client without the generated paths' typing, for the routes these shapes describe. */
const loose = client as unknown as Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Call>;
const call = async <T>(method: keyof typeof loose, p: string, init?: Init): Promise<T> =>
  (await loose[method](p, init)).data as T;
const at = (id: string, extra: Omit<Init, 'params'> = {}): Init => ({ params: { path: { id } }, ...extra });

export const moneyApi = {
  promoCodes: (query: { q?: string; cursor?: string }) =>
    call<Page<PromoCode>>('GET', '/api/v1/promo-codes', { params: { query } }),
  promoCode: (id: string) => call<PromoCode>('GET', '/api/v1/promo-codes/{id}', at(id)),
  createPromoCode: (body: PromoInput) => call<PromoCode>('POST', '/api/v1/promo-codes', { body }),
  updatePromoCode: (id: string, body: PromoPatch) =>
    call<PromoCode>('PATCH', '/api/v1/promo-codes/{id}', at(id, { body })),
  deactivatePromoCode: (id: string) => call<unknown>('DELETE', '/api/v1/promo-codes/{id}', at(id)),
  promoCodesCsvUrl: (id: string) => `/api/v1/promo-codes/${encodeURIComponent(id)}/codes.csv`,

  giftCards: (q: string) => call<Page<GiftCard>>('GET', '/api/v1/gift-cards', { params: { query: { q } } }),
  giftCard: (id: string) => call<GiftCardDetail>('GET', '/api/v1/gift-cards/{id}', at(id)),
  voidGiftCard: (id: string) => call<GiftCard>('POST', '/api/v1/gift-cards/{id}/void', at(id)),
  giftCardBalance: (code: string) => call<GiftCardBalance>('POST', '/api/v1/gift-cards/balance', { body: { code } }),
  sellGiftCard: (
    sessionId: string,
    body: { amount: number; method: 'cash' | 'card_terminal'; recipientEmail?: string },
  ) => call<TillGiftCard>('POST', '/api/v1/till-sessions/{id}/gift-cards', at(sessionId, { body })),

  tax: (cinemaId: string) => call<TaxSettings>('GET', '/api/v1/cinemas/{id}/tax', at(cinemaId)),
  setTax: (cinemaId: string, body: TaxSettings) =>
    call<TaxSettings>('PUT', '/api/v1/cinemas/{id}/tax', at(cinemaId, { body })),

  exportUrl: (query: { cinemaId: string; from: string; to: string; kind: ExportKind }) =>
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
      enabled: q.length >= 4,
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
