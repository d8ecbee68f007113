// OpenTelemetry traces, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is set; off
// otherwise, and then nothing of it is loaded: no SDK, no context manager, no statement or Redis hooks.
// Spans are made here, not by auto-instrumentation (which needs loader hooks under ESM): HTTP
// (http-tracing.ts), each SQL statement (sql-tracing.ts), Redis commands (redis-tracing.ts), event
// publish and consume across the outbox and NATS (event-tracing.ts).
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { traceRedisCommands } from './redis-tracing.ts';
import { enableStatementTracing } from './sql-tracing.ts';

export interface Telemetry {
  /** Sends the spans ended so far (tests; shutdown does it too). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Starts tracing before the app is built: databases opened afterwards trace their statements. */
export async function startTelemetry(config: Config, logger: Logger): Promise<Telemetry> {
  if (!config.otlpEndpoint) return { flush: async () => {}, shutdown: async () => {} };
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const exporter = new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` });
  const processor = new BatchSpanProcessor(exporter);
  const sdk = new NodeSDK({ serviceName: config.serviceName, spanProcessors: [processor] });
  sdk.start();
  enableStatementTracing(true);
  const stopRedis = traceRedisCommands();
  logger.info({ endpoint: config.otlpEndpoint }, 'tracing to OTLP');
  let stopped: Promise<void> | undefined;
  return {
    flush: () => processor.forceFlush(),
    shutdown: () =>
      (stopped ??= (async () => {
        stopRedis();
        enableStatementTracing(false);
        await sdk.shutdown();
      })()),
  };
}
