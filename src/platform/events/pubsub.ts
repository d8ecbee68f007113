// Fan-out of short-lived messages to every process (seat-map changes to SSE clients, cache
// invalidation): Redis pub/sub when configured, in-process otherwise. Best effort by nature;
// clients that miss a message resync from a snapshot.
import { EventEmitter } from 'node:events';

export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
  /** Calls `listener` when messages may have been missed (the connection came back): time to resync. */
  onResume?(listener: () => void): void;
}

export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  async publish(channel: string, message: string): Promise<void> {
    this.emitter.emit(channel, message);
  }
  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    this.emitter.on(channel, handler);
    return async () => {
      this.emitter.off(channel, handler);
    };
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
