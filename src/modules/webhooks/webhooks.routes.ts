// HTTP for webhooks out (issue 19), admins only: endpoints, their secret, a test ping, the event
// types to choose from, deliveries with their attempts, and redelivery by hand.
import { Type } from 'typebox';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { adminSecurity as security } from '../catalog/catalog.schemas.ts';
import type { EndpointsService } from './endpoints.service.ts';
import { EVENT_TYPES } from './webhook-events.ts';
import * as S from './webhooks.schemas.ts';

const refused = problemAnswer(
  '`webhook_target_refused` (not http(s), credentials, or an address inside the network) or `webhook_target_unresolvable`, or `validation_failed`',
);
const disabled = problemAnswer('`webhook_endpoint_disabled`: enable the endpoint first');

export function registerWebhookRoutes(app: HttpApp, auth: AuthHooks, endpoints: EndpointsService): void {
  const admin = { onRequest: auth.require('admin') };
  const tags = S.tags;
  const base = '/api/v1/webhook-endpoints';

  app.get(
    '/api/v1/webhook-event-types',
    {
      ...admin,
      schema: { tags, security, summary: 'Event types an endpoint may take', response: { 200: S.EventTypeList } },
    },
    async () => ({ items: EVENT_TYPES.map(({ type, description }) => ({ type, description })) }),
  );
  app.get(
    base,
    { ...admin, schema: { tags, security, summary: 'Webhook endpoints', response: { 200: S.EndpointList } } },
    async () => ({ items: await endpoints.list() }),
  );
  app.post(
    base,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Register a webhook endpoint',
        description:
          'Events of the chosen types are POSTed to `url`, signed as Standard Webhooks prescribes (headers webhook-id, webhook-timestamp, webhook-signature, key `secret`, shown here and by `GET …/secret`). A failed attempt (no 2xx within WEBHOOK_TIMEOUT_MS; redirects are not followed) is retried after 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, for three days; an endpoint whose attempts all failed for three days is disabled and admins are mailed.',
        body: S.EndpointBody,
        response: { 201: S.EndpointWithSecret, 422: refused },
      },
    },
    async (request, reply) => reply.code(201).send(await endpoints.create(request.body)),
  );
  app.get(
    `${base}/:id`,
    { ...admin, schema: { tags, security, params: S.IdParams, response: { 200: S.Endpoint } } },
    async (request) => endpoints.get(request.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Change, enable or disable a webhook endpoint',
        params: S.IdParams,
        body: S.EndpointPatchBody,
        response: { 200: S.Endpoint, 422: refused },
      },
    },
    async (request) => endpoints.update(request.params.id, request.body),
  );
  app.delete(
    `${base}/:id`,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Delete a webhook endpoint with its deliveries',
        params: S.IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await endpoints.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    `${base}/:id/secret`,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: "The endpoint's signing secret",
        params: S.IdParams,
        response: { 200: S.Secret },
      },
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await endpoints.secret(request.params.id)),
  );
  app.post(
    `${base}/:id/rotate-secret`,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Replace the signing secret',
        description: 'Attempts from now on, retries of earlier deliveries too, are signed with the new secret only.',
        params: S.IdParams,
        response: { 200: S.Secret },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await endpoints.rotateSecret(request.params.id)),
  );
  app.post(
    `${base}/:id/test`,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Send a `webhook.test` ping',
        description: 'Queued at once as a delivery of its own; its attempts show in the deliveries.',
        params: S.IdParams,
        response: { 202: S.Delivery, 409: disabled },
      },
    },
    async (request, reply) => reply.code(202).send(await endpoints.ping(request.params.id)),
  );
  app.get(
    `${base}/:id/deliveries`,
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: "An endpoint's deliveries, newest first, each with its attempts",
        params: S.IdParams,
        querystring: S.DeliveryQuery,
        response: { 200: S.DeliveryPage },
      },
    },
    async (request) => endpoints.deliveries(request.params.id, request.query),
  );
  app.post(
    '/api/v1/webhook-deliveries/:id/redeliver',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Send a delivery once more, now',
        description:
          'One attempt, queued at once, with the same webhook-id and body (a delivered one too); a success ends a delivery still pending or failed.',
        params: S.IdParams,
        response: { 202: S.Delivery, 409: disabled },
      },
    },
    async (request, reply) => reply.code(202).send(await endpoints.redeliver(request.params.id)),
  );
}
