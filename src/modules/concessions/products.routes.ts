// HTTP for the products admin (admin writes, staff reads), offers per cinema and the public menu.
import multipart from '@fastify/multipart';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/media/image-processing.ts';
import { IMAGE_UPLOAD_TYPES, uploadedBytes } from '../catalog/catalog.module.ts';
import { languageOf } from './language.ts';
import * as O from './offers.schemas.ts';
import type { OffersService } from './offers.service.ts';
import * as S from './products.schemas.ts';
import type { ProductsService } from './products.service.ts';

export const tags = ['concessions'];
export const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'private, no-store';
/** The menu changes when staff edit offers or the last bottle goes: a short public cache. */
const MENU_CACHE = 'public, max-age=30';

export async function registerProductRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { products: ProductsService; offers: OffersService },
): Promise<void> {
  const { products, offers } = deps;
  const staff = auth.require('staff');
  const admin = auth.require('admin');

  app.post(
    '/api/v1/concession-products',
    {
      onRequest: admin,
      schema: {
        tags,
        security,
        summary: 'Create a concession product: an item or a combo, with its sizes (admin)',
        description:
          '422 validation_failed: slots on an item, a combo without slots, trackStock on a combo, a size code twice, a combo choice that is not a size of an active item.',
        querystring: S.LangOnly,
        body: S.CreateProductBody,
        response: { 201: S.Product },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await products.create(request.body, languageOf(request, request.query.lang))),
  );

  app.get(
    '/api/v1/concession-products',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'Concession products by category and sort order (staff)',
        querystring: S.ProductListQuery,
        response: { 200: S.ProductList },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await products.list(request.query, languageOf(request, request.query.lang))),
  );

  app.get(
    '/api/v1/concession-products/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'A concession product (staff)',
        description: '404 concession_product_not_found.',
        params: S.IdParams,
        querystring: S.LangOnly,
        response: { 200: S.Product },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await products.get(request.params.id, languageOf(request, request.query.lang))),
  );

  app.patch(
    '/api/v1/concession-products/:id',
    {
      onRequest: admin,
      schema: {
        tags,
        security,
        summary: 'Change a concession product: texts, flags, sizes by code, a combo’s slots (admin)',
        description: '404 concession_product_not_found; 422 validation_failed as on create.',
        params: S.IdParams,
        querystring: S.LangOnly,
        body: S.PatchProductBody,
        response: { 200: S.Product },
      },
    },
    async (request) => products.patch(request.params.id, request.body, languageOf(request, request.query.lang)),
  );

  app.delete(
    '/api/v1/concession-products/:id',
    {
      onRequest: admin,
      schema: {
        tags,
        security,
        summary: 'Deactivate a concession product: off every menu, kept for orders and reports (admin)',
        description: '404 concession_product_not_found.',
        params: S.IdParams,
        querystring: S.LangOnly,
        response: { 200: S.Product },
      },
    },
    async (request) => products.deactivate(request.params.id, languageOf(request, request.query.lang)),
  );

  app.delete(
    '/api/v1/concession-products/:id/image',
    {
      onRequest: admin,
      schema: {
        tags,
        security,
        summary: 'Remove a concession product’s image (admin); its files go with the next media sweep',
        params: S.IdParams,
        querystring: S.LangOnly,
        response: { 200: S.Product },
      },
    },
    async (request) => products.setImage(request.params.id, null, languageOf(request, request.query.lang)),
  );

  // Uploads in their own scope: the multipart parser and the larger limit apply to this route only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 20 } });
    scope.addContentTypeParser(IMAGE_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_r, b, done) =>
      done(null, b),
    );
    scope.put(
      '/api/v1/concession-products/:id/image',
      {
        onRequest: admin,
        schema: {
          tags,
          security,
          summary: 'Upload a concession product’s image (JPEG, PNG or WebP, up to 10 MiB; admin)',
          description: '404 concession_product_not_found; 415 unsupported_media_type for anything but an image.',
          consumes: ['multipart/form-data', ...IMAGE_UPLOAD_TYPES],
          params: S.IdParams,
          response: { 200: S.Product },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        return products.setImage(id, await uploadedBytes(request), languageOf(request));
      },
    );
  });

  app.get(
    '/api/v1/cinemas/:id/concession-offers',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'What a cinema sells: price, tax kind and on/off sale per size (staff)',
        description: '404 cinema_not_found.',
        params: O.CinemaParams,
        response: { 200: O.OfferList },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await offers.list(request.params.id)),
  );

  app.put(
    '/api/v1/cinemas/:id/concession-offers/:productId',
    {
      onRequest: admin,
      schema: {
        tags,
        security,
        summary: 'Set a product’s prices, tax kind and sale state at a cinema (admin)',
        description:
          '404 cinema_not_found, concession_product_not_found; 422 validation_failed for a price of an unknown size; 409 concession_currency_mismatch when the cinema sells food in another currency.',
        params: O.OfferParams,
        body: O.PutOffersBody,
        response: { 200: O.OfferList },
      },
    },
    async (request) => offers.put(request.params.id, request.params.productId, request.body),
  );

  app.get(
    '/api/v1/cinemas/:id/menu',
    {
      schema: {
        tags,
        summary: 'A cinema’s food and drink menu (public): active products on sale, sold-out sizes marked',
        description: '404 cinema_not_found. Cached for 30 seconds.',
        params: O.CinemaParams,
        querystring: O.MenuQuery,
        response: { 200: O.Menu },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', MENU_CACHE)
        .header('vary', 'accept-language')
        .send(await offers.menu(request.params.id, languageOf(request, request.query.lang))),
  );
}
