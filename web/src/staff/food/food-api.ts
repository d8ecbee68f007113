// The staff console's food and drink endpoints (issue 17): products, offers per cinema, stock,
// pickups at the counter, till food sales and concession reports. The shapes are the ones agreed
// in the API notes; calls go through the same transport as the typed client (refusals are
// ApiError with the server's code).
import { queryOptions } from '@tanstack/react-query';
import { newIdempotencyKey, problemOf } from '../../api/http.ts';
import type { Money } from '../../api/types.ts';

export type Names = { en: string } & Record<string, string>;
export type TaxKind = 'food' | 'merchandise' | 'default';
export const FOOD_TAX_KINDS: readonly TaxKind[] = ['food', 'merchandise', 'default'];
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export const DIETARY = ['vegetarian', 'vegan', 'gluten_free', 'lactose_free', 'halal', 'kosher'] as const;
export type Allergen = (typeof ALLERGENS)[number];
export type Dietary = (typeof DIETARY)[number];

export interface Variant {
  id: string;
  code: string;
  names: Names;
  name: string;
  sortOrder: number;
  active: boolean;
}
export interface Choice {
  variantId: string;
  productId: string;
  name: string;
  /** Minor units, in each cinema's currency (the menu gives Money). */
  surcharge: number;
}
export interface Slot {
  id: string;
  names: Names;
  name: string;
  quantity: number;
  choices: Choice[];
}
export interface Product {
  id: string;
  kind: 'item' | 'combo';
  category: string;
  names: Names;
  descriptions: Partial<Names>;
  name: string;
  description: string | null;
  image: { width: number; height: number; variants: { width: number; format: string; url: string }[] } | null;
  allergens: string[];
  dietary: string[];
  trackStock: boolean;
  sortOrder: number;
  active: boolean;
  variants: Variant[];
  slots: Slot[];
}
/** A create takes kind and every variant's names; a change (PATCH) matches variants by code. */
export interface ProductInput {
  kind?: 'item' | 'combo';
  active?: boolean;
  category?: string;
  names?: Names;
  descriptions?: Partial<Names>;
  allergens?: string[];
  dietary?: string[];
  trackStock?: boolean;
  sortOrder?: number;
  variants?: { code: string; names?: Names; sortOrder?: number; active?: boolean }[];
  slots?: { names: Names; quantity?: number; choices: { variantId: string; surcharge?: number }[] }[];
}
export interface Offer {
  productId: string;
  variantId: string;
  price: Money;
  taxKind: TaxKind;
  onSale: boolean;
}
export interface OfferInput {
  currency: string;
  taxKind: TaxKind;
  onSale: boolean;
  prices: Record<string, number>;
}
export interface MenuItem {
  productId: string;
  kind: 'item' | 'combo';
  category: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  allergens: string[];
  dietary: string[];
  variants: { variantId: string; code: string; name: string; price: Money; available: boolean }[];
  slots: {
    slotId: string;
    name: string;
    quantity: number;
    choices: { variantId: string; productId: string; name: string; surcharge: Money; available: boolean }[];
  }[];
}
export interface Menu {
  cinemaId: string;
  /** null while nothing is on sale. */
  currency: string | null;
  items: MenuItem[];
}
export interface StockLevel {
  productId: string;
  variantId: string;
  name: string;
  variantName: string;
  onHand: number;
  updatedAt: string | null;
}
export interface CountAnswer {
  lines: { variantId: string; expected: number; counted: number; difference: number }[];
}
export interface StockMovement {
  id: string;
  kind: 'delivery' | 'count' | 'write_off';
  productId: string;
  variantId: string;
  name: string;
  variantName: string;
  /** The change to on hand (a count: its difference). */
  quantity: number;
  expected: number | null;
  counted: number | null;
  difference: number | null;
  onHandAfter: number;
  userId: string | null;
  note: string | null;
  createdAt: string;
}
export interface OrderLine {
  lineId: string;
  productId: string;
  variantId: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  choices: { slotId: string; variantId: string; name: string }[];
  collected: number;
  refunded: number;
}
export interface FoodOrder {
  id: string;
  status: 'held' | 'paid' | 'cancelled' | 'refunded';
  cinemaId: string;
  pickupCode: string | null;
  pickupQrUrl: string | null;
  items: OrderLine[];
  total: Money;
  collectedAt: string | null;
}
export interface HandLine {
  lineId: string;
  name: string;
  quantity: number;
  choices: { slotId: string; variantId: string; name: string }[];
}
export interface Pickup {
  order: FoodOrder;
  handedOver: HandLine[];
}
export interface PickupPreview {
  order: FoodOrder;
  /** What is left to collect. */
  toHandOver: HandLine[];
}
export interface BasketLine {
  variantId: string;
  quantity: number;
  choices?: { slotId: string; variantId: string }[];
}
export interface FoodSale {
  order: FoodOrder;
  sale: { id: string; amount: Money; change?: Money | null };
  receiptUrl: string;
}
export type ReportGroup = 'day' | 'product' | 'staff';
export interface ReportRow {
  cinemaId: string;
  day?: string;
  productId?: string;
  productName?: string;
  staffUserId?: string | null;
  staffName?: string | null;
  quantity: number;
  gross: Money;
  refunded: Money;
}
export interface Report {
  items: ReportRow[];
  totals: { quantity: number; gross: Money; refunded: Money } | null;
}
export interface AttachRow {
  movieId: string;
  title: string;
  tickets: number;
  items: number;
  attachRate: number;
}
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Query strings from the defined, non-empty values only. */
function qs(query: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

/** One call: JSON in and out, a refusal thrown as ApiError with the server's code. */
async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json', ...headers } };
  if (body instanceof Blob) {
    init.body = body;
    init.headers = { ...init.headers, 'content-type': body.type || 'application/octet-stream' };
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  if (!res.ok) throw await problemOf(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const enc = encodeURIComponent;
const P = '/api/v1/concession-products';

/** The product image's URL for a thumbnail or preview: its widest JPEG, else its first variant. */
export function imageUrl(image: Product['image']): string | null {
  if (!image) return null;
  const jpeg = image.variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  return (jpeg ?? image.variants[0])?.url ?? null;
}

export const foodApi = {
  products: (query: { category?: string; active?: boolean; limit?: number; cursor?: string } = {}) =>
    call<Page<Product>>('GET', `${P}${qs({ limit: 100, ...query })}`),
  product: (id: string) => call<Product>('GET', `${P}/${enc(id)}`),
  createProduct: (body: ProductInput) => call<Product>('POST', P, body),
  updateProduct: (id: string, body: ProductInput) => call<Product>('PATCH', `${P}/${enc(id)}`, body),
  deactivateProduct: (id: string) => call<Product>('DELETE', `${P}/${enc(id)}`),
  uploadImage: (id: string, blob: Blob) => call<Product>('PUT', `${P}/${enc(id)}/image`, blob),
  removeImage: (id: string) => call<Product>('DELETE', `${P}/${enc(id)}/image`),

  offers: (cinemaId: string) => call<{ items: Offer[] }>('GET', `/api/v1/cinemas/${enc(cinemaId)}/concession-offers`),
  setOffer: (cinemaId: string, productId: string, body: OfferInput) =>
    call<{ items: Offer[] }>('PUT', `/api/v1/cinemas/${enc(cinemaId)}/concession-offers/${enc(productId)}`, body),
  menu: (cinemaId: string, lang: string) => call<Menu>('GET', `/api/v1/cinemas/${enc(cinemaId)}/menu${qs({ lang })}`),

  stock: (cinemaId: string) => call<{ items: StockLevel[] }>('GET', `/api/v1/cinemas/${enc(cinemaId)}/stock`),
  receive: (cinemaId: string, lines: { variantId: string; quantity: number }[], note?: string) =>
    call<unknown>('POST', `/api/v1/cinemas/${enc(cinemaId)}/stock/deliveries`, { lines, ...(note ? { note } : {}) }),
  count: (cinemaId: string, lines: { variantId: string; counted: number }[], note?: string) =>
    call<CountAnswer>('POST', `/api/v1/cinemas/${enc(cinemaId)}/stock/counts`, { lines, ...(note ? { note } : {}) }),
  movements: (cinemaId: string, query: { kind?: string; from?: string; to?: string; cursor?: string } = {}) =>
    call<Page<StockMovement>>('GET', `/api/v1/cinemas/${enc(cinemaId)}/stock/movements${qs({ limit: 50, ...query })}`),

  previewPickup: (code: string) => call<PickupPreview>('GET', `/api/v1/concession-pickups/${enc(code)}`),
  collect: (code: string, cinemaId?: string) =>
    call<Pickup>('POST', '/api/v1/concession-pickups', { code, ...(cinemaId ? { cinemaId } : {}) }),

  setBookingFood: (bookingId: string, items: BasketLine[]) =>
    call<{ id: string; total: Money }>('PUT', `/api/v1/bookings/${enc(bookingId)}/food`, { items }),
  /** `key`: one per sale the cashier means, so a retry after a lost answer cannot sell twice. */
  sellFood: (
    sessionId: string,
    body: { items: BasketLine[]; method: 'cash' | 'card_terminal'; tendered?: number; email?: string },
    key: string = newIdempotencyKey(),
  ) => call<FoodSale>('POST', `/api/v1/till-sessions/${enc(sessionId)}/food-sales`, body, { 'Idempotency-Key': key }),

  report: (query: { cinemaId?: string; from: string; to: string; groupBy: ReportGroup }) =>
    call<Report>('GET', `/api/v1/reports/concessions${qs(query)}`),
  attachRate: (query: { cinemaId?: string; from: string; to: string }) =>
    call<{ items: AttachRow[] }>('GET', `/api/v1/reports/concessions/attach-rate${qs(query)}`),
};

export const foodKeys = {
  all: () => ['staff', 'food'] as const,
  products: () => ['staff', 'food', 'products'] as const,
  product: (id: string) => ['staff', 'food', 'products', id] as const,
  offers: (cinemaId: string) => ['staff', 'food', 'offers', cinemaId] as const,
  menu: (cinemaId: string, lang: string) => ['staff', 'food', 'menu', cinemaId, lang] as const,
  stock: (cinemaId: string) => ['staff', 'food', 'stock', cinemaId] as const,
};

export const foodQueries = {
  products: () => queryOptions({ queryKey: foodKeys.products(), queryFn: () => foodApi.products(), staleTime: 0 }),
  product: (id: string) =>
    queryOptions({ queryKey: foodKeys.product(id), queryFn: () => foodApi.product(id), staleTime: 0 }),
  offers: (cinemaId: string) =>
    queryOptions({ queryKey: foodKeys.offers(cinemaId), queryFn: () => foodApi.offers(cinemaId), staleTime: 0 }),
  menu: (cinemaId: string, lang: string) =>
    queryOptions({ queryKey: foodKeys.menu(cinemaId, lang), queryFn: () => foodApi.menu(cinemaId, lang) }),
  stock: (cinemaId: string) =>
    queryOptions({ queryKey: foodKeys.stock(cinemaId), queryFn: () => foodApi.stock(cinemaId), staleTime: 0 }),
};
