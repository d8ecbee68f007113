// The event bus on NATS JetStream: one stream (NATS_STREAM) holding subjects `<stream>.<type>`,
// published with the event id as message id (JetStream drops duplicates within its window), one
// durable pull consumer per consumer name shared by every process, acknowledged after handling.
// NATS being away never stops start-up: publishing fails (the outbox keeps the events) and
// consumers start once the connection is there. A NATS that comes back without the stream (a new
// server, lost storage, someone deleted it) gets it again, with this process's consumers, once a
// publish fails, a consumer misses it or the connection comes back, and REMOVAL_SETTLE_MS more
// (see there); then the outbox drains. A delivery that fails HAND_OVER_AFTER_DELIVERIES times (about
// 4 minutes of NATS redeliveries) is handed to the queue as a ready job (`events.<consumer>`, keyed by
// the event id, event-jobs.ts) and terminated in NATS: the queue's own attempts and backoff (up to
// 15 minutes apart) carry on, so an outage of a dependency longer than NATS's retries needs no
// admin, and the job is dead (for admins to see and retry) only when those run out too.
import {
  AckPolicy,
  connect,
  type ConsumerConfig,
  ConsumerEvents,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  nanos,
  StorageType,
  type ConsumerMessages,
  type JsMsg,
} from 'nats';
import type { Logger } from 'pino';
import type { DomainEvent } from './outbox.ts';
import {
  type BusDeps,
  type EventBus,
  type EventHandler,
  handlerOf,
  type SubscribeOptions,
  UnpublishableEventError,
} from './event-bus.ts';
import { exponentialDelayMs } from '../queue/backoff.ts';
import { consumerQueue, eventJobPayload, handleTraced, workConsumerQueue } from './event-jobs.ts';
import { carrierOfHeaders, activeTraceHeaders } from './nats-trace-headers.ts';
import { natsConnectOptions } from './nats-url.ts';
import type { Unsubscribe } from './pubsub.ts';

const CONNECT_WAIT_MS = 3000;
/** Deliveries of one event to one consumer before it is handed to the queue (NatsBusOptions.maxDeliveries). */
const HAND_OVER_AFTER_DELIVERIES = 10;
const REDELIVER_MAX_MS = 60_000;
const ACK_WAIT_MS = 30_000;
/** How long close() waits for deliveries being handled. */
const CLOSE_GRACE_MS = 10_000;
const DUPLICATE_WINDOW_MS = 2 * 60_000;
const MAX_AGE_MS = 7 * 24 * 3600_000;
// A pull lasts this long; a consumer that vanished is noticed after two missed heartbeats (half of it each).
const PULL_EXPIRES_MS = 5000;
// A consumer made on a stream younger than this takes everything in it (the stream was just made:
// first start, or NATS came back empty, and nothing in it was handled yet); on an older stream a
// new consumer starts with what comes next, not with a week of history. A subscriber that says when
// its consumer came into service (SubscribeOptions.since) has it start there instead.
const FRESH_STREAM_MS = 10 * 60_000;
// The server says a stream or consumer is gone (a 409 to waiting pulls, "no responders" to a publish)
// while it is still removing it: it drops it from its list, stops the consumers, and only then deletes
// the storage directory, which is named after the stream and consumer. A stream or consumer made again
// in that gap writes into the directory being deleted: the server then reports the events published
// and delivers none ("error looking up message for consumer ... no such file", seen with 2.9 on every
// other recovery). The removal takes milliseconds; nobody but the deleter hears when it ends, so
// whatever was found gone is made again only after this long.
const REMOVAL_SETTLE_MS = 2000;

interface Connected {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

interface Subscription {
  consumer: string;
  pattern: string;
  handler: EventHandler;
  /** When the consumer came into service: made now, it starts there (SubscribeOptions). */
  since?: Date | undefined;
}

export interface NatsBusOptions {
  /** Deliveries of one event to one consumer before it is handed to the queue's retries (default 10). */
  maxDeliveries?: number;
  /** The first redelivery's delay, doubling up to a minute (default 1 s). */
  redeliverFirstMs?: number;
  /** How long a delivery may stay unacknowledged (its process died) before NATS redelivers it (default 30 s). */
  ackWaitMs?: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: timed out`)), ms).unref()),
  ]);
}

const isStreamNotFound = (err: unknown) => (err as { api_error?: { err_code?: number } }).api_error?.err_code === 10059;

/** The server refuses the message for its size (connection max_payload, or the stream's max_msg_size). */
const isTooLarge = (err: unknown) =>
  (err as { code?: string }).code === 'MAX_PAYLOAD_EXCEEDED' ||
  (err as { api_error?: { err_code?: number } }).api_error?.err_code === 10054;

/** Durable names allow letters, digits, - and _ only. */
export const durableName = (consumer: string) => consumer.replace(/[^A-Za-z0-9_-]/g, '_');

export class NatsEventBus implements EventBus {
  private readonly stream: string;
  private readonly deps: BusDeps;
  private readonly maxDeliveries: number;
  private readonly redeliverFirstMs: number;
  private readonly ackWaitMs: number;
  private readonly working = new Set<string>();
  private readonly logger: Logger;
  private readonly ready: Promise<Connected>;
  private readonly loops = new Set<ConsumerMessages>();
  /** Deliveries being handled now: close() lets them finish (ack or nak) before the connection goes. */
  private readonly handling = new Set<Promise<void>>();
  private readonly subscriptions = new Set<Subscription>();
  private restoring: Promise<boolean> | null = null;
  private online = false;
  private closed = false;

  constructor(url: string, stream: string, deps: BusDeps, options: NatsBusOptions = {}) {
    this.stream = stream;
    this.deps = deps;
    this.maxDeliveries = options.maxDeliveries ?? HAND_OVER_AFTER_DELIVERIES;
    this.redeliverFirstMs = options.redeliverFirstMs ?? 1000;
    this.ackWaitMs = options.ackWaitMs ?? ACK_WAIT_MS;
    this.logger = deps.logger.child({ component: 'nats' });
    this.ready = this.open(url);
    this.ready.catch(() => {});
  }

  private async open(url: string): Promise<Connected> {
    const nc = await connect({
      ...natsConnectOptions(url),
      name: 'marquee',
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    if (this.closed) {
      await nc.close();
      throw new Error('closed before NATS answered');
    }
    this.online = true;
    const connected = { nc, js: nc.jetstream(), jsm: await nc.jetstreamManager() };
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect') {
          this.online = false;
          this.logger.warn('nats disconnected; reconnecting');
        } else if (s.type === 'reconnect') {
          this.online = true;
          this.logger.info('nats reconnected');
          // The server may be a new one, or have lost its storage.
          void this.restoreStream(connected.jsm);
        }
      }
    })();
    // Not fatal: a stream that cannot be made now is made when a publish needs it.
    await this.ensureStream(connected.jsm).catch((err: unknown) =>
      this.logger.warn({ err }, 'nats stream not ready yet'),
    );
    return connected;
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

  /**
   * Makes the stream and this process's consumers again when the stream is gone; true when it was.
   * One attempt at a time: a publish failing, consumers missing it and a reconnect may all ask at once.
   */
  private restoreStream(jsm: JetStreamManager): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    this.restoring ??= (async () => {
      try {
        await jsm.streams.info(this.stream);
        return false;
      } catch (err) {
        if (!isStreamNotFound(err)) return false;
      }
      this.logger.warn({ stream: this.stream }, 'nats stream is missing: creating it again with its consumers');
      await pause(REMOVAL_SETTLE_MS);
      if (this.closed) return false;
      await this.ensureStream(jsm);
      for (const sub of this.subscriptions) await this.ensureConsumer(jsm, sub);
      return true;
    })()
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'nats stream could not be restored yet');
        return false;
      })
      .finally(() => {
        this.restoring = null;
      });
    return this.restoring;
  }

  /** Creates the durable consumer, or brings an existing one to this filter. */
  private async ensureConsumer(jsm: JetStreamManager, sub: Subscription): Promise<void> {
    const name = durableName(sub.consumer);
    const config: Partial<ConsumerConfig> = {
      durable_name: name,
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${this.stream}.${sub.pattern}`,
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: -1,
    };
    try {
      await jsm.consumers.info(this.stream, name);
      await jsm.consumers.update(this.stream, name, {
        filter_subject: config.filter_subject,
        ack_wait: config.ack_wait,
      });
      return;
    } catch (err) {
      if (isStreamNotFound(err)) throw err;
    }
    let start: Partial<ConsumerConfig>;
    if (sub.since) {
      start = { deliver_policy: DeliverPolicy.StartTime, opt_start_time: sub.since.toISOString() };
    } else {
      const created = Date.parse((await jsm.streams.info(this.stream)).created);
      start = { deliver_policy: Date.now() - created < FRESH_STREAM_MS ? DeliverPolicy.All : DeliverPolicy.New };
    }
    await jsm.consumers.add(this.stream, { ...config, ...start }).catch(async (err: unknown) => {
      // Another process added it at the same moment.
      await jsm.consumers.info(this.stream, name).catch(() => Promise.reject(err));
    });
  }

  /** Waits up to `timeoutMs` for the connection and stream; false when NATS did not answer by then. */
  async connected(timeoutMs: number): Promise<boolean> {
    return within(this.ready, timeoutMs, 'nats connection').then(
      () => true,
      () => false,
    );
  }

  async publish(event: DomainEvent): Promise<void> {
    let data: Uint8Array;
    // The trace context travels in headers (the publisher's span), not in the event's data.
    const { trace: _carried, ...wire } = event;
    const headers = activeTraceHeaders();
    const options = { msgID: event.id, timeout: 5000, ...(headers ? { headers } : {}) };
    try {
      data = new TextEncoder().encode(JSON.stringify(wire));
    } catch (err) {
      throw new UnpublishableEventError(`event ${event.id} cannot be encoded`, { cause: err });
    }
    const { js, jsm } = await within(this.ready, CONNECT_WAIT_MS, 'nats connection');
    const send = () =>
      js.publish(`${this.stream}.${event.type}`, data, options).catch((err: unknown) => {
        if (isTooLarge(err))
          throw new UnpublishableEventError(`event ${event.id} is too large for NATS (${data.length} bytes)`, {
            cause: err,
          });
        throw err;
      });
    try {
      await send();
    } catch (err) {
      if (err instanceof UnpublishableEventError) throw err;
      // No stream takes the subject (JetStream answers "no responders"): make it again, then once more.
      if (!(await this.restoreStream(jsm))) throw err;
      await send();
    }
  }

  async subscribe(
    consumer: string,
    typePattern: string,
    handler: EventHandler,
    options: SubscribeOptions = {},
  ): Promise<Unsubscribe> {
    const sub: Subscription = { consumer, pattern: typePattern, handler, since: options.since };
    this.subscriptions.add(sub);
    // Deliveries handed over to the queue after NATS's retries run here, through the queue.
    if (!this.working.has(consumer)) {
      this.working.add(consumer);
      workConsumerQueue(this.deps.queue, this.deps, consumer, (type) => handlerOf(this.subscriptions, consumer, type));
    }
    let messages: ConsumerMessages | undefined;
    let cancelled = false;
    const start = async () => {
      const { js, jsm } = await this.ready;
      await this.ensureConsumer(jsm, sub);
      if (cancelled || this.closed) return;
      const c = await js.consumers.get(this.stream, durableName(consumer));
      messages = await c.consume({ max_messages: 64, expires: PULL_EXPIRES_MS });
      this.loops.add(messages);
      void this.watch(messages, jsm);
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
      this.subscriptions.delete(sub);
      if (messages) {
        this.loops.delete(messages);
        await messages.close().catch(() => {});
      }
    };
  }

  /** A consumer that finds its stream or itself gone has them made again; its pulls then resume by themselves. */
  private async watch(messages: ConsumerMessages, jsm: JetStreamManager): Promise<void> {
    const gone: string[] = [
      ConsumerEvents.StreamNotFound,
      ConsumerEvents.ConsumerNotFound,
      ConsumerEvents.ConsumerDeleted,
    ];
    for await (const s of await messages.status()) {
      if (!gone.includes(s.type)) continue;
      // The stream first (a deleted stream takes its consumers along); else only consumers are missing.
      if (await this.restoreStream(jsm)) continue;
      // Told at once of a deletion still under way (see REMOVAL_SETTLE_MS); the other two come later.
      if (s.type === ConsumerEvents.ConsumerDeleted) await pause(REMOVAL_SETTLE_MS);
      if (this.closed) return;
      for (const sub of this.subscriptions) await this.ensureConsumer(jsm, sub).catch(() => {});
    }
  }

  private async run(consumer: string, messages: ConsumerMessages, handler: EventHandler): Promise<void> {
    for await (const m of messages) {
      const handled = this.handle(consumer, m, handler).catch((err: unknown) =>
        this.logger.warn({ err, consumer }, 'event delivery not answered (connection closing); NATS redelivers it'),
      );
      this.handling.add(handled);
      await handled.finally(() => this.handling.delete(handled));
    }
  }

  /** Handles one delivery and acknowledges, redelivers or hands it over. */
  private async handle(consumer: string, m: JsMsg, handler: EventHandler): Promise<void> {
    let event: DomainEvent;
    try {
      const raw = JSON.parse(new TextDecoder().decode(m.data)) as DomainEvent & { createdAt: string };
      event = { ...raw, createdAt: new Date(raw.createdAt), trace: carrierOfHeaders(m.headers) };
    } catch (err) {
      this.logger.error({ err, subject: m.subject }, 'unreadable event dropped');
      m.term();
      return;
    }
    try {
      await handleTraced(this.deps, consumer, event, handler, 'nats');
      m.ack();
    } catch (err) {
      if (m.info.redeliveryCount >= this.maxDeliveries) {
        await this.handOver(consumer, event, err, m.info.redeliveryCount).then(
          () => m.term(),
          // Not recorded (the database away): keep the message; it comes again.
          (jobErr: unknown) => {
            this.logger.warn(
              { err: jobErr, consumer, eventId: event.id },
              'event not handed to the queue; redelivering',
            );
            m.nak(60_000);
          },
        );
        return;
      }
      const delay = exponentialDelayMs(this.redeliverFirstMs, REDELIVER_MAX_MS, m.info.redeliveryCount);
      this.logger.warn(
        { err, consumer, eventId: event.id, type: event.type, retryInMs: delay },
        'event handler failed; redelivering',
      );
      m.nak(delay);
    }
  }

  /**
   * Hands a delivery NATS will not retry any more to the consumer's queue, as a job due now: the
   * queue's attempts and backoff go on from there (an event already there, by its key, is left).
   */
  private async handOver(consumer: string, event: DomainEvent, err: unknown, deliveries: number): Promise<void> {
    await this.deps.queue.enqueue(this.deps.database.db, consumerQueue(consumer), eventJobPayload(event), {
      key: event.id,
    });
    this.logger.warn(
      { err, consumer, eventId: event.id, type: event.type, deliveries },
      'event delivery keeps failing; handed to the queue to retry',
    );
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
    // Deliveries in flight finish and answer NATS while the connection is there (not for ever: a
    // stuck one is redelivered after NATS_ACK_WAIT_MS anyway).
    await within(Promise.allSettled([...this.handling]), CLOSE_GRACE_MS, 'handlers in flight').catch(() =>
      this.logger.warn({ deliveries: this.handling.size }, 'event deliveries still running at close'),
    );
    try {
      // A connection still being made is waited for briefly, so it cannot outlive the app.
      const { nc } = await within(this.ready, 2000, 'nats connection');
      await within(nc.drain(), 3000, 'nats drain').catch(() => nc.close());
    } catch {
      // never connected: stop trying
    }
  }
}
