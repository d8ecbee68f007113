// Webhooks out (issue 19): admins register endpoints for chosen event types; domain events become
// signed deliveries (Standard Webhooks) sent by the job queue with retries for three days; an endpoint
// failing all that time is disabled and admins get an email (notifications, from
// webhook_endpoint.disabled). Owns webhook_endpoints, webhook_deliveries and webhook_attempts.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { type DeliveryDeps, subscribeDeliveries, workDeliveries } from './deliveries.ts';
import { createEndpointsService, type EndpointsService } from './endpoints.service.ts';
import { createTargetGuard, type Resolve } from './target-guard.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';
import type { WebhooksDb } from './webhooks.tables.ts';

export { DELIVERY_QUEUE, ENDPOINT_DISABLED, WEBHOOK_CONSUMERS } from './deliveries.ts';

export interface WebhooksModule {
  endpoints: EndpointsService;
  parts: ModuleParts;
}

export function createWebhooksModule(
  platform: Platform,
  deps: { adminIds: () => Promise<string[]>; resolve?: Resolve },
): WebhooksModule {
  const { config, clock, logger, queue, events } = platform;
  const db = moduleDb<WebhooksDb>(platform.database);
  const guard = createTargetGuard(
    { allowPrivate: config.webhookAllowPrivateTargets, allowed: config.webhookAllowedTargets },
    deps.resolve,
  );
  const delivery: DeliveryDeps = {
    db,
    clock,
    logger,
    queue,
    events,
    guard,
    timeoutMs: config.webhookTimeoutMs,
    adminIds: deps.adminIds,
  };
  workDeliveries(delivery);
  const endpoints = createEndpointsService({ db, clock, queue, guard });
  let subscriptions: Unsubscribe[] = [];
  return {
    endpoints,
    parts: {
      routes: (app, auth) => registerWebhookRoutes(app, auth, endpoints),
      onStart: async () => {
        subscriptions = await subscribeDeliveries(delivery);
      },
      onClose: async () => {
        for (const unsubscribe of subscriptions) await unsubscribe();
      },
    },
  };
}
