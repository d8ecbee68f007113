// The event bus on NATS JetStream: one stream (NATS_STREAM) holding subjects `<stream>.<type>`,
// published with the event id as message id (JetStream drops duplicates within its window), one
// durable pull consumer per consumer name shared by every process, acknowledged after handling.
// NATS being away never stops start-up: publishing fails (the outbox keeps the events) and
// consumers start once the connection is there.
import {
  AckPolicy,
  connect,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  nanos,
  StorageType,
  type ConsumerMessages,
} from 'nats';
import type { Logger } from 'pino';
import type { DomainEvent } from './outbox.ts';
import { type ConsumerDeps, type EventBus, type EventHandler, handleOnce } from './event-bus.ts';
import type { Unsubscribe } from './pubsub.ts';

const CONNECT_WAIT_MS = 3000;
const ACK_WAIT_MS = 30_000;
const DUPLICATE_WINDOW_MS = 2 * 60_000;
const MAX_AGE_MS = 7 * 24 * 3600_000;

interface Connected {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: timed out`)), ms).unref())]);
}

/** Durable names allow letters, digits, - and _ only. */
export const durableName = (consumer: string) => consumer.replace(/[^A-Za-z0-9_-]/g, '_');

export class NatsEventBus implements EventBus {
  private readonly stream: string;
  private readonly deps: ConsumerDeps;
  private readonly logger: Logger;
  private readonly ready: Promise<Connected>;
  private readonly loops = new Set<ConsumerMessages>();
  private online = false;
  private closed = false;

  constructor(url: string, stream: string, deps: ConsumerDeps) {
    this.stream = stream;
    this.deps = deps;
    this.logger = deps.logger.child({ component: 'nats' });
    this.ready = this.open(url);
    this.ready.catch(() => {});
  }

  private async open(url: string): Promise<Connected> {
    const nc = await connect({ servers: url, name: 'marquee', waitOnFirstConnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
    if (this.closed) {
      await nc.close();
      throw new Error('closed before NATS answered');
    }
    this.online = true;
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect') {
          this.online = false;
          this.logger.warn('nats disconnected; reconnecting');
        } else if (s.type === 'reconnect') {
          this.online = true;
          this.logger.info('nats reconnected');
        }
      }
    })();
    const jsm = await nc.jetstreamManager();
    await this.ensureStream(jsm);
    return { nc, js: nc.jetstream(), jsm };
  }

  private async ensureStream(jsm: JetStreamManager): Promise<void> {
    try {
      await jsm.streams.info(this.stream);
    } catch {
      await jsm.streams
        .add({
          name: this.stream,
          subjects: [`${this.stream}.>`],
          storage: StorageType.File,
          max_age: nanos(MAX_AGE_MS),
          duplicate_window: nanos(DUPLICATE_WINDOW_MS),
        })
        .catch(async (err: unknown) => {
          // Another process created it at the same moment.
          await jsm.streams.info(this.stream).catch(() => Promise.reject(err));
        });
    }
  }

  /** Waits up to `timeoutMs` for the connection and stream; false when NATS did not answer by then. */
  async connected(timeoutMs: number): Promise<boolean> {
    return within(this.ready, timeoutMs, 'nats connection').then(
      () => true,
      () => false,
    );
  }

  async publish(event: DomainEvent): Promise<void> {
    const { js } = await within(this.ready, CONNECT_WAIT_MS, 'nats connection');
    const data = new TextEncoder().encode(JSON.stringify(event));
    await js.publish(`${this.stream}.${event.type}`, data, { msgID: event.id, timeout: 5000 });
  }

  async subscribe(consumer: string, typePattern: string, handler: EventHandler): Promise<Unsubscribe> {
    const name = durableName(consumer);
    let messages: ConsumerMessages | undefined;
    let cancelled = false;
    const start = async () => {
      const { js, jsm } = await this.ready;
      const config = {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        // A consumer new to the stream starts with what comes next, not with the stream's history.
        deliver_policy: DeliverPolicy.New,
        filter_subject: `${this.stream}.${typePattern}`,
        ack_wait: nanos(ACK_WAIT_MS),
        max_deliver: -1,
      };
      try {
        await jsm.consumers.add(this.stream, config);
      } catch {
        await jsm.consumers.update(this.stream, name, { filter_subject: config.filter_subject, ack_wait: config.ack_wait });
      }
      if (cancelled || this.closed) return;
      const c = await js.consumers.get(this.stream, name);
      messages = await c.consume({ max_messages: 64 });
      this.loops.add(messages);
      void this.run(consumer, messages, handler);
    };
    const started = start();
    // Wait for the consumer to exist when NATS is there; otherwise it starts when NATS comes.
    await within(started, CONNECT_WAIT_MS, 'nats consumer').catch((err: unknown) => {
      this.logger.warn({ err: (err as Error).message, consumer }, 'event consumer not started yet');
      started.catch((e: unknown) => this.logger.error({ err: e, consumer }, 'event consumer failed to start'));
    });
    return async () => {
      cancelled = true;
      if (messages) {
        this.loops.delete(messages);
        await messages.close().catch(() => {});
      }
    };
  }

  private async run(consumer: string, messages: ConsumerMessages, handler: EventHandler): Promise<void> {
    for await (const m of messages) {
      let event: DomainEvent;
      try {
        const raw = JSON.parse(new TextDecoder().decode(m.data)) as DomainEvent & { createdAt: string };
        event = { ...raw, createdAt: new Date(raw.createdAt) };
      } catch (err) {
        this.logger.error({ err, subject: m.subject }, 'unreadable event dropped');
        m.term();
        continue;
      }
      try {
        await handleOnce(this.deps, consumer, event, handler);
        m.ack();
      } catch (err) {
        const delay = Math.min(60_000, 500 * 2 ** Math.min(m.info.redeliveryCount, 7));
        this.logger.warn({ err, consumer, eventId: event.id, type: event.type, retryInMs: delay }, 'event handler failed; redelivering');
        m.nak(delay);
      }
    }
  }

  async ping(): Promise<void> {
    if (!this.online) throw new Error('not connected');
    const { nc } = await within(this.ready, 1000, 'nats connection');
    await nc.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.loops].map((m) => m.close()));
    this.loops.clear();
    try {
      // A connection still being made is waited for briefly, so it cannot outlive the app.
      const { nc } = await within(this.ready, 2000, 'nats connection');
      await within(nc.drain(), 3000, 'nats drain').catch(() => nc.close());
    } catch {
      // never connected: stop trying
    }
  }
}
