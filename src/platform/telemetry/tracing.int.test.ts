// Tracing end to end: with OTEL_EXPORTER_OTLP_ENDPOINT set, each request becomes a server span
// (continuing the caller's traceparent) exported over OTLP/HTTP to a receiver started here, and the
// request's log lines carry its trace id.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { oneBackend } from '../../../test/support/backends.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { type App, buildApp } from '../../app.ts';
import { startTelemetry, type Telemetry } from './tracing.ts';

const [backend] = oneBackend();
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('tracing over OTLP', () => {
  const received: string[] = [];
  const logLines: Record<string, unknown>[] = [];
  let receiver: http.Server;
  let app: App;
  let telemetry: Telemetry;
  let drop: () => Promise<void>;

  before(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const config = testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, LOG_LEVEL: 'info' }, undefined, false);
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    telemetry = await startTelemetry(config, logger);
    const created = await backend!.create();
    drop = created.drop;
    app = await buildApp({ config, logger, database: created.database, runJobs: false });
  });
  after(async () => {
    await app.close();
    await telemetry.shutdown();
    await drop();
    await new Promise((r) => receiver.close(r));
  });

  test('a request continues the caller trace, logs its trace id and is exported', async () => {
    const res = await app.http.inject({
      method: 'GET',
      url: '/healthz',
      headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    });
    assert.equal(res.statusCode, 200);
    const mine = logLines.filter((l) => l.reqId === res.headers['x-request-id']);
    assert.ok(mine.length > 0, 'the request was logged');
    for (const line of mine) assert.equal(line.trace_id, TRACE_ID, String(line.msg));
    await telemetry.shutdown();
    const exported = received.find((r) => r.startsWith('POST /v1/traces'));
    assert.ok(exported, 'spans were sent to the OTLP endpoint');
    assert.ok(exported.includes('GET /healthz'), 'the span is named by route');
    assert.ok(exported.includes(TRACE_ID), 'the span belongs to the caller trace');
  });
});
