// A span per Redis command from ioredis's own diagnostics channel (`ioredis:command`, ioredis 6):
// ioredis publishes to it only while someone subscribes, so with tracing off it costs nothing. The
// channel's start event runs where the command is sent, in the caller's async context; with
// auto-pipelining that is the context of the first command of the tick's batch.
import diagnostics from 'node:diagnostics_channel';
import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

interface CommandContext {
  command: string;
  args: string[];
  database: number;
  serverAddress: string;
  serverPort: number | undefined;
  error?: unknown;
  span?: Span;
}

/** Subscribes to ioredis's command channel; returns the unsubscribe. */
export function traceRedisCommands(): () => void {
  const tracer = trace.getTracer('marquee-redis');
  const channel = diagnostics.tracingChannel<string, CommandContext>('ioredis:command');
  const subscribers = {
    start(ctx: CommandContext) {
      // Commands outside a trace (pub/sub listeners, background work) would be single-span noise.
      if (!trace.getActiveSpan()) return;
      ctx.span = tracer.startSpan(
        ctx.command.toUpperCase(),
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'redis',
            'db.operation.name': ctx.command.toUpperCase(),
            // ioredis keeps only arguments that are safe to show (keys; values become "?").
            'db.query.text': [ctx.command, ...ctx.args].join(' '),
            'db.namespace': String(ctx.database),
            'server.address': ctx.serverAddress,
            ...(ctx.serverPort === undefined ? {} : { 'server.port': ctx.serverPort }),
          },
        },
        context.active(),
      );
    },
    end() {},
    asyncStart() {},
    asyncEnd(ctx: CommandContext) {
      ctx.span?.end();
    },
    error(ctx: CommandContext) {
      if (!ctx.span) return;
      ctx.span.recordException(ctx.error as Error);
      ctx.span.setStatus({ code: SpanStatusCode.ERROR });
    },
  };
  channel.subscribe(subscribers);
  return () => channel.unsubscribe(subscribers);
}
