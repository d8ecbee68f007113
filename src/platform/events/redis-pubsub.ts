// PubSub on Redis: one subscriber connection per process carries every channel; handlers are
// multiplexed here. After a reconnect (or when Redis was away when someone subscribed) every
// channel with a listener is subscribed again. Messages published while a process was cut off are
// missed, as PubSub allows: listeners resync from a snapshot.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PubSub, Unsubscribe } from './pubsub.ts';

type Handler = (message: string) => void;

export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resumeListeners: (() => void)[] = [];

  constructor(publisher: Redis, subscriber: Redis, prefix: string, logger: Logger) {
    this.publisher = publisher;
    this.subscriber = subscriber;
    this.prefix = prefix;
    this.logger = logger;
    subscriber.on('message', (channel: string, message: string) => this.deliver(channel, message));
    // Back after an outage: subscribed again first, then listeners are told they may have missed
    // messages (theirs and other processes' publishes while the link was down).
    subscriber.on('ready', () => void this.resubscribe().then(() => this.resumed()));
  }

  private deliver(fullChannel: string, message: string): void {
    if (!fullChannel.startsWith(this.prefix)) return;
    const set = this.handlers.get(fullChannel.slice(this.prefix.length));
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(message);
      } catch (err) {
        this.logger.error({ err, channel: fullChannel }, 'pubsub handler failed');
      }
    }
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()].map((c) => this.prefix + c);
    if (channels.length === 0) return;
    try {
      await this.subscriber.subscribe(...channels);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'redis resubscribe failed; will retry on reconnect');
    }
  }

  private resumed(): void {
    for (const listener of this.resumeListeners) {
      try {
        listener();
      } catch (err) {
        this.logger.error({ err }, 'pubsub resume listener failed');
      }
    }
  }

  onResume(listener: () => void): void {
    this.resumeListeners.push(listener);
  }

  async publish(channel: string, message: string): Promise<void> {
    try {
      await this.publisher.publish(this.prefix + channel, message);
    } catch (err) {
      // Best effort by contract. This process's own listeners still get it; other processes
      // resync when Redis is back (onResume).
      this.logger.debug({ err: (err as Error).message, channel }, 'redis publish failed; delivered here only');
      this.deliver(this.prefix + channel, message);
    }
  }

  async subscribe(channel: string, handler: Handler): Promise<Unsubscribe> {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    if (first) {
      try {
        await this.subscriber.subscribe(this.prefix + channel);
      } catch (err) {
        // Kept: the 'ready' handler subscribes it when Redis is back.
        this.logger.debug({ err: (err as Error).message, channel }, 'redis subscribe deferred');
      }
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size > 0) return;
      this.handlers.delete(channel);
      await this.subscriber.unsubscribe(this.prefix + channel).catch(() => {});
    };
  }

  /** Listeners go; the connections belong to the infrastructure, which closes them. */
  async close(): Promise<void> {
    this.handlers.clear();
  }
}
