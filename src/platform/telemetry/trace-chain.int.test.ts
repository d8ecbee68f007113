// One trace from a request to the consumer of the event it wrote: the HTTP server span, a span per
// SQL statement, Redis commands, the outbox dispatcher's publish and the consumer's handling, all
// exported over OTLP/HTTP (JSON) to a receiver started here. On PGlite with the in-process bus
// always; on PostgreSQL with Redis and NATS when their URLs are set.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { backends, services } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestApp, testConfig } from '../../../test/support/test-app.ts';
import type { DomainEvent } from '../events/outbox.ts';
import { startTelemetry, type Telemetry } from './tracing.ts';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string } }[];
}
// OTLP SpanKind numbers.
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

const spans: ExportedSpan[] = [];
let receiver: http.Server;
let telemetry: Telemetry;
let endpoint: string;

before(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[];
      };
      for (const r of body.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Before any database opens: statement tracing is decided when a database is opened.
  telemetry = await startTelemetry(testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }), pino({ level: 'silent' }));
});
after(async () => {
  await telemetry.shutdown();
  await new Promise((r) => receiver.close(r));
});

const attr = (s: ExportedSpan, key: string) => s.attributes.find((a) => a.key === key)?.value.stringValue;

/** The spans of one trace, and a check that `child` descends from `ancestor` within it. */
function traceOf(traceId: string) {
  const mine = spans.filter((s) => s.traceId === traceId);
  const byId = new Map(mine.map((s) => [s.spanId, s]));
  const descends = (child: ExportedSpan, ancestor: ExportedSpan) => {
    for (let s: ExportedSpan | undefined = child; s; s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined)
      if (s.spanId === ancestor.spanId) return true;
    return false;
  };
  return { mine, descends };
}

for (const backend of backends()) {
  const full = backend.name === 'postgres' && Boolean(services.redisUrl && services.natsUrl);
  describe(`a request's trace on ${backend.name}${full ? ' with Redis and NATS' : ''}`, () => {
    test('covers HTTP, SQL, Redis, the event publish and its consumer under one trace id', async () => {
      const t = await startTestApp(backend, {
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
        useServices: full,
      });
      try {
        const handed: DomainEvent[] = [];
        await t.app.platform.events.subscribe('trace-check', 'account.verification_requested', async (event) => {
          handed.push(event);
        });
        const traceId = randomBytes(16).toString('hex');
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/register',
          headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
          payload: {
            email: `trace-${traceId.slice(0, 8)}@example.test`,
            password: 'tangerine-Lamp-42-orbit',
            name: 'T',
          },
        });
        assert.equal(res.status, 201, res.text);
        // The dispatcher publishes the verification-mail event; in-process the queue runs its consumer
        // here, on NATS the consumer gets it from the stream.
        await t.app.runJobsOnce();
        const consumerSpan = () =>
          traceOf(traceId).mine.find((s) => s.kind === CONSUMER && s.name === 'process account.verification_requested');
        await eventually(
          async () => {
            await telemetry.flush();
            return consumerSpan() !== undefined;
          },
          30_000,
          50,
          'the consumer span exported',
        );

        const { mine, descends } = traceOf(traceId);
        const server = mine.find((s) => s.kind === SERVER);
        assert.equal(server?.name, 'POST /api/v1/auth/register');
        const insert = mine.find(
          (s) => s.kind === CLIENT && s.name === 'INSERT' && /"users"/.test(attr(s, 'db.query.text') ?? ''),
        );
        assert.ok(insert && descends(insert, server!), 'the user insert is a span of the request');
        assert.equal(attr(insert!, 'db.system.name'), 'postgresql');
        if (full) {
          const redis = mine.find((s) => s.kind === CLIENT && attr(s, 'db.system.name') === 'redis');
          assert.ok(redis && descends(redis, server!), 'the rate limit reached Redis inside the request');
        }
        const publish = mine.find((s) => s.kind === PRODUCER && s.name === 'publish account.verification_requested');
        assert.ok(publish, 'the dispatcher published in the request trace');
        const consumer = consumerSpan()!;
        assert.ok(descends(consumer, publish), 'the consumer continues from the publish');
        assert.equal(attr(consumer, 'messaging.system'), full ? 'nats' : 'marquee.jobs');
        const consumerSql = mine.find(
          (s) => s.kind === CLIENT && s.parentSpanId && descends(s, consumer) && s !== consumer,
        );
        assert.ok(consumerSql, "the consumer's statements are in the trace too");
        // The trace travels beside the event, never inside its payload (which consumers copy into
        // their jobs and mails).
        await eventually(() => handed.length === 1, 30_000, 25, 'the event reached the test consumer');
        assert.equal('trace' in handed[0]!.payload, false);
        assert.equal(JSON.stringify(handed[0]!.payload).includes('traceparent'), false);
      } finally {
        await t.close();
      }
    });
  });
}
