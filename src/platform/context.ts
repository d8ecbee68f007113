// What every module is given: the platform adapters, nothing else. Modules talk to each other
// through the services passed to them in app.ts.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { Kv } from './cache/kv.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { ModuleDatabase } from './db/module-db.ts';
import type { EventBus } from './events/event-bus.ts';
import type { OutboxTaps } from './events/outbox-taps.ts';
import type { PubSub } from './events/pubsub.ts';
import type { AuthHooks } from './http/auth.ts';
import type { Job } from './jobs.ts';
import type { JobQueue } from './queue/job-queue.ts';

export interface Platform {
  config: Config;
  /** No handle: a module takes one typed with its own tables, `moduleDb<ItsDb>(database)` (module-db.ts). */
  database: ModuleDatabase;
  clock: Clock;
  logger: Logger;
  kv: Kv;
  pubsub: PubSub;
  /** Domain events: write them with addEvents in your transaction; subscribe here (idempotent per consumer). */
  events: EventBus;
  /** Committed events as the dispatcher claims them, without guarantees: for live views (see outbox-taps.ts). */
  taps: OutboxTaps;
  /** The app's Prometheus registry, served at /metrics. */
  metrics: Registry;
  /** The durable job queue: enqueue in your transaction, register workers at module creation. */
  queue: JobQueue;
}

/** The platform as app.ts holds it (and tests reach it through the app): the whole database. */
export interface AppPlatform extends Omit<Platform, 'database'> {
  database: Database;
}

/** What a module hands back to app.ts. */
export interface ModuleParts {
  /** Registers the module's routes. */
  routes?: (app: import('./http/server.ts').HttpApp, auth: AuthHooks) => Promise<void> | void;
  jobs?: Job[];
  /** Runs once at start-up after migrations (seed data, reconciliation). */
  onStart?: () => Promise<void>;
  onClose?: () => Promise<void>;
}
