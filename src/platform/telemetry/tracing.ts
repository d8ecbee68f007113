// OpenTelemetry traces, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; off otherwise.
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';

export interface Telemetry {
  shutdown(): Promise<void>;
}

export async function startTelemetry(config: Config, logger: Logger): Promise<Telemetry> {
  if (!config.otlpEndpoint) return { shutdown: async () => {} };
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    traceExporter: new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }),
  });
  sdk.start();
  logger.info({ endpoint: config.otlpEndpoint }, 'tracing to OTLP');
  return { shutdown: () => sdk.shutdown() };
}
