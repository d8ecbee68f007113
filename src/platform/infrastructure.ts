// The shared adapters chosen by configuration: Redis or memory for the key-value store and fan-out,
// NATS JetStream or in-process for domain events; the job queue; their readiness checks, background
// jobs and the HTTP concerns built once for every route (idempotency keys, metrics, tracing).
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { type Kv, MemoryKv } from './cache/kv.ts';
import { awaitReady, closeRedis, connectRedis } from './cache/redis.ts';
import { RedisKv } from './cache/redis-kv.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import { type EventBus, MemoryEventBus } from './events/event-bus.ts';
import { NatsEventBus } from './events/nats-event-bus.ts';
import { createEventsCleanup, createOutboxDispatcher, workOutboxRepublish } from './events/outbox-dispatcher.ts';
import { outboxLagSeconds, registerOutboxLagMetric } from './events/outbox-lag.ts';
import { createOutboxTaps, type OutboxTaps } from './events/outbox-taps.ts';
import { MemoryPubSub, type PubSub } from './events/pubsub.ts';
import { RedisPubSub } from './events/redis-pubsub.ts';
import { createIdempotencyCleanup, registerIdempotency } from './http/idempotency.ts';
import { createMetricsRegistry, registerMetrics } from './http/metrics.ts';
import type { HttpApp } from './http/server.ts';
import type { Job } from './jobs.ts';
import { createJobQueue, type JobQueue, type JobQueueRuntime } from './queue/job-queue.ts';
import { registerTracing } from './telemetry/http-tracing.ts';

export interface Infrastructure {
  adapters: { kv: Kv; pubsub: PubSub; events: EventBus; taps: OutboxTaps; metrics: Registry; queue: JobQueue };
  /** The job queue with its start and stop (app.ts runs it). */
  queue: JobQueueRuntime;
  /** Readiness checks of the optional services, by name. */
  checks: Record<string, () => Promise<void>>;
  /** The outbox's lag (oldest unpublished event's age) and the age past which the process is not ready (0: never). */
  outbox: { lagSeconds(): Promise<number>; unreadyAfterSeconds: number };
  /** Platform background work: the outbox dispatcher and clean-ups. */
  jobs: Job[];
  /** The outbox dispatcher alone (runJobsOnce runs it again after queued jobs wrote events). */
  dispatcher: Job;
  registerHttp(app: HttpApp): Promise<void>;
  /** Stops the event bus: its consumers take no more events and those in flight finish (before modules close). */
  closeEvents(): Promise<void>;
  /** Closes the event bus (if closeEvents did not), pub/sub, the Kv and the Redis connections. */
  close(): Promise<void>;
}

export interface InfrastructureDeps {
  database: Database;
  clock: Clock;
}

export async function createInfrastructure(
  config: Config,
  logger: Logger,
  deps: InfrastructureDeps,
): Promise<Infrastructure> {
  const checks: Record<string, () => Promise<void>> = {};
  // One registry per app (tests build many apps in one process); modules add their own metrics to it.
  const metrics = createMetricsRegistry();
  const connections: Redis[] = [];
  let kv: Kv;
  let pubsub: PubSub;
  if (config.redisUrl) {
    const main = connectRedis(config.redisUrl, logger, 'main');
    const subscriber = connectRedis(config.redisUrl, logger, 'subscriber');
    connections.push(main, subscriber);
    const [ready] = await Promise.all([awaitReady(main), awaitReady(subscriber)]);
    if (!ready) logger.warn('redis is not answering at start-up; caches read as misses until it does');
    kv = new RedisKv(main, config.redisPrefix, logger);
    pubsub = new RedisPubSub(main, subscriber, config.redisPrefix, logger);
    checks.redis = async () => {
      await main.ping();
      if (subscriber.status !== 'ready') throw new Error('subscriber connection is down');
    };
  } else {
    kv = new MemoryKv();
    pubsub = new MemoryPubSub();
  }

  const queue = createJobQueue({ ...deps, logger, metrics, intervalMs: config.workerIntervalMs });
  const consumerDeps = { database: deps.database, clock: deps.clock, logger, queue };
  let events: EventBus;
  if (config.natsUrl) {
    const nats = new NatsEventBus(config.natsUrl, config.natsStream, consumerDeps, { ackWaitMs: config.natsAckWaitMs });
    // Like Redis: wait a little at start-up, then go on (the outbox keeps events until NATS answers).
    if (!(await nats.connected(3000))) logger.warn('nats is not answering at start-up; events wait in the outbox');
    checks.nats = () => nats.ping();
    events = nats;
  } else {
    events = new MemoryEventBus(consumerDeps);
  }

  const taps = createOutboxTaps(logger);
  const lagSeconds = () => outboxLagSeconds(deps.database.db);
  registerOutboxLagMetric(metrics, lagSeconds);

  const dispatcher = createOutboxDispatcher({ ...consumerDeps, bus: events, taps });
  workOutboxRepublish(queue, events);
  const jobs: Job[] = [dispatcher, createEventsCleanup(deps), createIdempotencyCleanup(deps)];

  let eventsClosed: Promise<void> | undefined;
  const closeEvents = () => (eventsClosed ??= events.close());

  return {
    adapters: { kv, pubsub, events, taps, metrics, queue },
    queue,
    checks,
    outbox: { lagSeconds, unreadyAfterSeconds: config.outboxLagUnreadySeconds },
    jobs,
    dispatcher,
    async registerHttp(app) {
      registerMetrics(app, metrics);
      if (config.otlpEndpoint) registerTracing(app, config.serviceName);
      registerIdempotency(app, deps);
    },
    closeEvents,
    async close() {
      await closeEvents();
      await pubsub.close();
      await kv.close();
      await Promise.all(connections.map((c) => closeRedis(c)));
    },
  };
}
