// A server span per HTTP request (no auto-instrumentation packages are installed, so spans are made
// here with the OpenTelemetry API), continuing a caller's `traceparent`, named by route pattern.
// The span starts where Fastify makes the request's logger, so every log line of the request,
// "incoming request" included, carries trace_id and span_id. It is made the active context for the
// hooks and the handler, so SQL, Redis and event spans of the request are its children: entered at
// onRequest, and again at preHandler, since a body arrives in the socket's async context, not ours.
import type { IncomingMessage } from 'node:http';
import {
  context,
  isSpanContextValid,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { HttpApp } from '../http/server.ts';

declare module 'fastify' {
  interface FastifyRequest {
    span: Span | null;
  }
}

export function registerTracing(app: HttpApp, serviceName: string): void {
  const tracer = trace.getTracer(serviceName);
  const spans = new WeakMap<IncomingMessage, Span>();
  app.decorateRequest('span', null);

  const parentFactory = app.childLoggerFactory;
  app.setChildLoggerFactory(function (logger, bindings, options, raw) {
    const parent = propagation.extract(context.active(), raw.headers);
    const span = tracer.startSpan(raw.method ?? 'HTTP', { kind: SpanKind.SERVER }, parent);
    spans.set(raw, span);
    const sc = span.spanContext();
    const traced = isSpanContextValid(sc) ? { ...bindings, trace_id: sc.traceId, span_id: sc.spanId } : bindings;
    return parentFactory.call(this, logger, traced, options, raw);
  });

  app.addHook('onRequest', async (request) => {
    const span = spans.get(request.raw);
    if (!span) return;
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    span.updateName(`${request.method} ${route}`);
    span.setAttributes({
      'http.request.method': request.method,
      'http.route': route,
      'url.path': request.url.split('?')[0] ?? '',
      'client.address': request.ip,
      'marquee.request_id': request.id,
    });
    request.span = span;
  });
  const enter = (request: { span: Span | null }, _reply: unknown, done: () => void) => {
    if (!request.span) return done();
    context.with(trace.setSpan(context.active(), request.span), done);
  };
  app.addHook('onRequest', enter);
  app.addHook('preHandler', enter);

  app.addHook('onError', async (request, _reply, error) => {
    request.span?.recordException(error);
  });

  const end = (request: { span: Span | null }, status?: number) => {
    const span = request.span;
    if (!span) return;
    request.span = null;
    if (status === undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: 'client went away' });
    else {
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  app.addHook('onResponse', async (request, reply) => end(request, reply.statusCode));
  app.addHook('onRequestAbort', async (request) => end(request));
}
