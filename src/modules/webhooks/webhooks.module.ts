// Webhooks out (issue 19): admins register endpoints for chosen event types; domain events become
// signed deliveries (Standard Webhooks) sent by the job queue with retries for three days; an endpoint
// failing all that time is disabled and admins get an email (notifications, from
// webhook_endpoint.disabled). Owns webhook_endpoints, webhook_deliveries and webhook_attempts.
// Finished deliveries are deleted after WEBHOOK_DELIVERY_RETENTION_DAYS (a recurring job), or the
// tables would grow with every event for ever.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { type DeliveryDeps, subscribeDeliveries, workDeliveries } from './deliveries.ts';
import { createEndpointsService, type EndpointsService } from './endpoints.service.ts';
import { createTargetGuard, type Resolve } from './target-guard.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';
import { pruneDeliveries } from './webhooks.store.ts';
import type { WebhooksDb } from './webhooks.tables.ts';

/** Deliveries one prune run deletes at most (a full batch runs again at once). */
const PRUNE_BATCH = 500;
const DAY_MS = 24 * 3600_000;

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
  const keepMs = config.webhookDeliveryRetentionDays * DAY_MS;
  const prune: Job = {
    name: 'webhooks.deliveries-prune',
    intervalMs: 60 * 60_000,
    runOnce: () => pruneDeliveries(db, new Date(clock.now().getTime() - keepMs), PRUNE_BATCH),
  };
  let subscriptions: Unsubscribe[] = [];
  return {
    endpoints,
    parts: {
      routes: (app, auth) => registerWebhookRoutes(app, auth, endpoints),
      jobs: [prune],
      onStart: async () => {
        subscriptions = await subscribeDeliveries(delivery);
      },
      onClose: async () => {
        for (const unsubscribe of subscriptions) await unsubscribe();
      },
    },
  };
}
