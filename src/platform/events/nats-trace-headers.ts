// The trace context of an event on NATS rides in message headers (W3C `traceparent`, `tracestate`),
// so the consumer's span continues the publisher's (event-tracing.ts); the event's data stays as is.
import { headers, type MsgHdrs } from 'nats';
import { activeTraceCarrier, type TraceCarrier } from '../telemetry/event-tracing.ts';

/** The active trace context as NATS headers; none without an active span (tracing off). */
export function activeTraceHeaders(): MsgHdrs | undefined {
  const carrier = activeTraceCarrier();
  if (!carrier) return undefined;
  const h = headers();
  for (const [k, v] of Object.entries(carrier)) h.set(k, v);
  return h;
}

/** The trace context a message's headers carry, if any. */
export function carrierOfHeaders(h: MsgHdrs | undefined): TraceCarrier | undefined {
  const traceparent = h?.get('traceparent');
  if (!traceparent) return undefined;
  const tracestate = h?.get('tracestate');
  return tracestate ? { traceparent, tracestate } : { traceparent };
}
