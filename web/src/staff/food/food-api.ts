// The staff console's food and drink endpoints (issue 17): products, offers per cinema, stock,
// pickups at the counter, till food sales and concession reports, checked against the generated
// API types.
import { queryOptions } from '@tanstack/react-query';
import { client, data } from '../../api/http.ts';
import type { Answer, Body, Query } from '../../api/types.ts';

export type Product = Answer<'/api/v1/concession-products/{id}', 'get'>;
export type Names = Product['names'];
export type Variant = Product['variants'][number];
export type Slot = Product['slots'][number];
export type ProductCreate = Body<'/api/v1/concession-products', 'post'>;
export type ProductPatch = Body<'/api/v1/concession-products/{id}', 'patch'>;
export type Offer = Answer<'/api/v1/cinemas/{id}/concession-offers', 'get'>['items'][number];
export type OfferInput = Body<'/api/v1/cinemas/{id}/concession-offers/{productId}', 'put'>;
export type TaxKind = OfferInput['taxKind'];
export const FOOD_TAX_KINDS: readonly TaxKind[] = ['food', 'merchandise', 'default'];
export type Menu = Answer<'/api/v1/cinemas/{id}/menu', 'get'>;
export type MenuItem = Menu['items'][number];
export type StockLevel = Answer<'/api/v1/cinemas/{id}/stock', 'get'>['items'][number];
export type CountAnswer = Answer<'/api/v1/cinemas/{id}/stock/counts', 'post'>;
export type StockMovement = Answer<'/api/v1/cinemas/{id}/stock/movements', 'get'>['items'][number];
export type Pickup = Answer<'/api/v1/concession-pickups', 'post'>;
export type PickupPreview = Answer<'/api/v1/concession-pickups/{code}', 'get'>;
export type FoodOrder = Pickup['order'];
export type HandLine = Pickup['handedOver'][number];
export type ReportGroup = NonNullable<Query<'/api/v1/reports/concessions', 'get'>['groupBy']>;
export type Report = Answer<'/api/v1/reports/concessions', 'get'>;
export type ReportRow = Report['items'][number];
export type AttachRow = Answer<'/api/v1/reports/concessions/attach-rate', 'get'>['items'][number];
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
] as const satisfies NonNullable<ProductCreate['allergens']>;
export const DIETARY = [
  'vegetarian',
  'vegan',
  'gluten_free',
  'lactose_free',
  'halal',
  'kosher',
] as const satisfies NonNullable<ProductCreate['dietary']>;

export interface BasketLine {
  variantId: string;
  quantity: number;
  choices?: { slotId: string; variantId: string }[];
}
export type FoodSale = Answer<'/api/v1/till-sessions/{id}/food-sales', 'post'>;

/** The product image's URL for a thumbnail or preview: its widest JPEG, else its first variant. */
export function imageUrl(image: Product['image']): string | null {
  if (!image) return null;
  const jpeg = image.variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  return (jpeg ?? image.variants[0])?.url ?? null;
}

const at = (id: string) => ({ params: { path: { id } } });

/**
 * Sends an image as the raw body (the server decides the type by its bytes); the document lists no
 * JSON body for it, hence the cast.
 */
const image = (blob: Blob) => ({
  body: blob as never,
  bodySerializer: (body: unknown) => body,
  headers: { 'content-type': blob.type || 'application/octet-stream' },
});

export const foodApi = {
  products: (query: Query<'/api/v1/concession-products', 'get'> = {}) =>
    data(client.GET('/api/v1/concession-products', { params: { query: { limit: 100, ...query } } })),
  product: (id: string) => data(client.GET('/api/v1/concession-products/{id}', at(id))),
  createProduct: (body: ProductCreate) => data(client.POST('/api/v1/concession-products', { body })),
  updateProduct: (id: string, body: ProductPatch) =>
    data(client.PATCH('/api/v1/concession-products/{id}', { ...at(id), body })),
  deactivateProduct: (id: string) => data(client.DELETE('/api/v1/concession-products/{id}', at(id))),
  uploadImage: (id: string, blob: Blob) =>
    data(client.PUT('/api/v1/concession-products/{id}/image', { ...at(id), ...image(blob) })),

  offers: (cinemaId: string) => data(client.GET('/api/v1/cinemas/{id}/concession-offers', at(cinemaId))),
  setOffer: (cinemaId: string, productId: string, body: OfferInput) =>
    data(
      client.PUT('/api/v1/cinemas/{id}/concession-offers/{productId}', {
        params: { path: { id: cinemaId, productId } },
        body,
      }),
    ),
  menu: (cinemaId: string, lang: string) =>
    data(client.GET('/api/v1/cinemas/{id}/menu', { params: { path: { id: cinemaId }, query: { lang } } })),

  stock: (cinemaId: string) => data(client.GET('/api/v1/cinemas/{id}/stock', at(cinemaId))),
  /** `key`: one per delivery the clerk submits, so a retry after a lost answer cannot book it twice. */
  receive: (cinemaId: string, lines: { variantId: string; quantity: number }[], note: string, key: string) =>
    data(
      client.POST('/api/v1/cinemas/{id}/stock/deliveries', {
        params: { path: { id: cinemaId }, header: { 'Idempotency-Key': key } },
        body: { lines, ...(note ? { note } : {}) },
      }),
    ),
  /** `key`: one per count the clerk submits (a retry replays the first answer). */
  count: (cinemaId: string, lines: { variantId: string; counted: number }[], note: string, key: string) =>
    data(
      client.POST('/api/v1/cinemas/{id}/stock/counts', {
        params: { path: { id: cinemaId }, header: { 'Idempotency-Key': key } },
        body: { lines, ...(note ? { note } : {}) },
      }),
    ),
  movements: (cinemaId: string, query: Query<'/api/v1/cinemas/{id}/stock/movements', 'get'> = {}) =>
    data(
      client.GET('/api/v1/cinemas/{id}/stock/movements', {
        params: { path: { id: cinemaId }, query: { limit: 50, ...query } },
      }),
    ),

  previewPickup: (code: string) =>
    data(client.GET('/api/v1/concession-pickups/{code}', { params: { path: { code } } })),
  /** `cinemaId`: the counter's cinema (required: the server refuses another cinema's order). */
  collect: (code: string, cinemaId: string) =>
    data(client.POST('/api/v1/concession-pickups', { body: { code, cinemaId } })),

  setBookingFood: (bookingId: string, items: BasketLine[]) =>
    data(client.PUT('/api/v1/bookings/{id}/food', { ...at(bookingId), body: { items } })),
  /** `key`: one per sale the cashier means, so a retry after a lost answer cannot sell twice. */
  sellFood: (sessionId: string, body: Body<'/api/v1/till-sessions/{id}/food-sales', 'post'>, key: string) =>
    data(
      client.POST('/api/v1/till-sessions/{id}/food-sales', {
        params: { path: { id: sessionId }, header: { 'Idempotency-Key': key } },
        body,
      }),
    ),
  /** `key`: one per refund the cashier means, so a retry cannot pay out twice. */
  refundFood: (sessionId: string, orderId: string, key: string) =>
    data(
      client.POST('/api/v1/till-sessions/{id}/food-refunds', {
        params: { path: { id: sessionId }, header: { 'Idempotency-Key': key } },
        body: { orderId },
      }),
    ),

  report: (query: Query<'/api/v1/reports/concessions', 'get'>) =>
    data(client.GET('/api/v1/reports/concessions', { params: { query } })),
  attachRate: (query: Query<'/api/v1/reports/concessions/attach-rate', 'get'>) =>
    data(client.GET('/api/v1/reports/concessions/attach-rate', { params: { query } })),
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
