// Trace context carried by domain events, so the consumer that handles an event joins the trace of
// the request that caused it: the W3C `traceparent` (and `tracestate`) ride in the outbox row's
// payload (under TRACE_KEY, taken out again when the dispatcher claims it), in NATS message headers
// and in the event's queue job. Without an active span (tracing off) nothing is added anywhere.
import {
  context,
  type Context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';

/** A W3C trace context as text headers (`traceparent`, `tracestate`). */
export type TraceCarrier = Record<string, string>;

/** Where an outbox row's payload keeps the trace context of the transaction that wrote it. */
export const TRACE_KEY = '$trace';

const tracer = trace.getTracer('marquee-events');

/** The active trace context as headers, or undefined when there is no span (tracing off, or outside a trace). */
export function activeTraceCarrier(): TraceCarrier | undefined {
  if (!trace.getActiveSpan()) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** A payload with the active trace context added (the same object when there is none). */
export function payloadWithTrace(payload: Record<string, unknown>): Record<string, unknown> {
  const carrier = activeTraceCarrier();
  return carrier ? { ...payload, [TRACE_KEY]: carrier } : payload;
}

/** Splits an outbox payload into the event's own payload and the trace context it carried. */
export function takeTrace(payload: Record<string, unknown>): {
  payload: Record<string, unknown>;
  trace: TraceCarrier | undefined;
} {
  if (!(TRACE_KEY in payload)) return { payload, trace: undefined };
  const { [TRACE_KEY]: carried, ...rest } = payload;
  return { payload: rest, trace: isCarrier(carried) ? carried : undefined };
}

function isCarrier(v: unknown): v is TraceCarrier {
  return typeof v === 'object' && v !== null && typeof (v as TraceCarrier).traceparent === 'string';
}

/**
 * Runs `fn` in a span of `kind` that continues the trace of `carrier`; without a carrier (an event
 * written outside a trace, or tracing off) it just runs `fn`.
 */
export function inEventSpan<T>(
  carrier: TraceCarrier | undefined,
  name: string,
  kind: SpanKind.PRODUCER | SpanKind.CONSUMER,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  // Not async itself: without a carrier the caller gets fn's own promise, no extra one.
  return carrier ? inSpan(carrier, name, kind, attributes, fn) : fn();
}

async function inSpan<T>(
  carrier: TraceCarrier,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  const parent: Context = propagation.extract(context.active(), carrier);
  const span: Span = tracer.startSpan(name, { kind, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), fn);
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw err;
  } finally {
    span.end();
  }
}

export { SpanKind };
