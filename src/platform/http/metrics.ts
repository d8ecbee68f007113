// Prometheus metrics at /metrics: the default process metrics plus request count and latency by
// method, route pattern (never the raw URL, so ids do not explode the series) and status. Each app
// has its own registry, so tests can build many apps in one process.
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { type HttpApp, observeRawRequests } from './server.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The app's registry, with the default process metrics. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Request metrics on `registry`, and the /metrics route that shows all of it. */
export function registerMetrics(app: HttpApp, registry: Registry): Registry {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const labels = {
      method: METHODS.has(request.method) ? request.method : 'OTHER',
      route,
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  // Answers sent ahead of routing (a cached seat map) count like the others.
  observeRawRequests(app, (method, route, status, seconds) => {
    const labels = { method: METHODS.has(method) ? method : 'OTHER', route, status: String(status) };
    requests.inc(labels);
    duration.observe(labels, seconds);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}

/**
 * A scrape-time reading shared by the gauges of one scrape: `read` runs at most once per `reuseMs`,
 * and every gauge collected meanwhile gets the same promise (so one scrape is one query).
 */
export function sharedReading<T>(read: () => Promise<T>, reuseMs = 1000): () => Promise<T> {
  let reading: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!reading || Date.now() - reading.at > reuseMs) reading = { at: Date.now(), value: read() };
    return reading.value;
  };
}
