// A span per SQL statement, on PostgreSQL and PGlite alike: Kysely's query log hook runs in the
// statement's async context and knows its duration, so the span is made when the statement is done,
// back-dated to its start. Auto-instrumentation of `pg` would need loader hooks under ESM and would
// miss PGlite. The hook is installed only while tracing is on (startTelemetry), so a process without
// OTEL_EXPORTER_OTLP_ENDPOINT runs Kysely without a log hook at all.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { LogEvent } from 'kysely';

const tracer = trace.getTracer('marquee-sql');
let enabled = false;

/** Called by startTelemetry: databases opened from now on trace their statements. */
export function enableStatementTracing(on: boolean): void {
  enabled = on;
}

/** The Kysely `log` hook of a database opened now: undefined (no hook, no cost) unless tracing is on. */
export function statementTracer(system: 'postgres' | 'pglite'): ((event: LogEvent) => void) | undefined {
  if (!enabled) return undefined;
  return (event) => {
    // Only statements that belong to a trace (a request, an event's consumer); background polling
    // outside one would flood the trace store with single-span traces.
    if (!trace.getActiveSpan()) return;
    const end = Date.now();
    const sql = event.query.sql;
    const span = tracer.startSpan(
      statementName(sql),
      {
        kind: SpanKind.CLIENT,
        startTime: end - event.queryDurationMillis,
        attributes: {
          'db.system.name': 'postgresql',
          'db.query.text': sql,
          'marquee.db.engine': system,
        },
      },
      context.active(),
    );
    if (event.level === 'error') {
      span.recordException(event.error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end(end);
  };
}

/** `SELECT`, `INSERT`, `WITH` …: the statement's first keyword (the query text is an attribute, parameters never are). */
function statementName(sql: string): string {
  const m = /^\s*\(?\s*([a-z]+)/i.exec(sql);
  return m ? (m[1] as string).toUpperCase() : 'SQL';
}
