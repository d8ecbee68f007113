// Domain events end to end: written in a transaction, dispatched from the outbox, delivered once per
// consumer, on the in-process bus and (when NATS_URL is set) on NATS JetStream across two apps.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, services } from '../../../test/support/backends.ts';
import { consumerDeliveries, deleteStream } from '../../../test/support/nats.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { newNamespace, startOnDatabase, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { narrowTx } from '../db/module-db.ts';
import type { DB } from '../db/schema.ts';
import { createLogger } from '../telemetry/logger.ts';
import type { EventBus } from './event-bus.ts';
import { CONSUMER_RETRIES } from './event-jobs.ts';
import { addEvents, type DomainEvent } from './outbox.ts';
import { createOutboxDispatcher } from './outbox-dispatcher.ts';

const transports = services.natsUrl ? (['memory', 'nats'] as const) : (['memory'] as const);

/** Subscribes `consumer` and records what it handled, writing a row in the handler's transaction. */
async function record(bus: EventBus, consumer: string, pattern: string, seen: string[], failFirst = 0) {
  let failures = failFirst;
  await bus.subscribe(consumer, pattern, async (event, trx) => {
    await narrowTx<DB>(trx)
      .insertInto('app_settings')
      .values({ key: `seen:${consumer}:${event.id}`, value: event.type })
      .execute();
    if (failures-- > 0) throw new Error('handler failed on purpose');
    seen.push(event.id);
  });
}

async function writeEvents(t: TestApp, n: number, type = 'test.happened'): Promise<void> {
  await t.app.platform.database.db.transaction().execute(async (trx) => {
    await addEvents(
      trx,
      Array.from({ length: n }, (_, i) => ({ type, aggregateId: `agg-${i}`, payload: { i } })),
    );
  });
}

const dispatch = (t: TestApp) => t.app.runJobsOnce();
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends()) {
  for (const transport of transports) {
    describe(`domain events on ${backend.name} over ${transport}`, () => {
      let t: TestApp;
      const a: string[] = [];
      const b: string[] = [];
      const flaky: string[] = [];
      before(async () => {
        t = await startTestApp(backend, { useServices: transport === 'nats' });
        await record(t.app.platform.events, 'consumer-a', 'test.*', a);
        await record(t.app.platform.events, 'consumer-b', 'test.>', b);
        await record(t.app.platform.events, 'flaky', 'flaky.*', flaky, 1);
      });
      after(() => t.close());

      test('a committed event reaches each consumer once, even when dispatched twice', async () => {
        await writeEvents(t, 3);
        await dispatch(t);
        await eventually(() => a.length === 3 && b.length === 3);
        const db = t.app.platform.database.db;
        const rows = await db.selectFrom('outbox_events').selectAll().where('type', '=', 'test.happened').execute();
        assert.ok(rows.every((r) => r.published_at !== null && r.attempts === 1));
        // As if the dispatcher died after publishing and before marking: everything goes out again.
        await db.updateTable('outbox_events').set({ published_at: null }).execute();
        await dispatch(t);
        await settle();
        assert.equal(a.length, 3);
        assert.equal(b.length, 3);
        assert.equal(new Set(a).size, 3);
        const marks = await db.selectFrom('processed_events').select(['consumer']).execute();
        assert.equal(marks.filter((m) => m.consumer === 'consumer-a').length, 3);
        const written = await db
          .selectFrom('app_settings')
          .select('key')
          .where('key', 'like', 'seen:consumer-a:%')
          .execute();
        assert.equal(written.length, 3, 'the handler wrote once per event, in the transaction with its mark');
      });

      test('a rolled-back transaction publishes nothing', async () => {
        const db = t.app.platform.database.db;
        const before = (await db.selectFrom('outbox_events').select('id').execute()).length;
        await assert.rejects(
          db.transaction().execute(async (trx) => {
            await addEvents(trx, [{ type: 'test.rolled_back', aggregateId: 'x', payload: {} }]);
            throw new Error('change refused');
          }),
        );
        await dispatch(t);
        await settle();
        assert.equal((await db.selectFrom('outbox_events').select('id').execute()).length, before);
        assert.equal(a.length, 3);
      });

      test('a failing handler gets the event again and handles it once', async () => {
        await writeEvents(t, 1, 'flaky.thing');
        await dispatch(t);
        // In-process the consumer's job is retried after its backoff; on NATS the event is redelivered.
        if (transport === 'memory') {
          assert.equal(flaky.length, 0);
          t.clock.advance(CONSUMER_RETRIES.backoff!.firstMs);
          await dispatch(t);
        }
        await eventually(() => flaky.length === 1);
        const db = t.app.platform.database.db;
        const rows = await db.selectFrom('app_settings').select('key').where('key', 'like', 'seen:flaky:%').execute();
        assert.equal(rows.length, 1, 'the failed attempt rolled back its write');
      });
    });
  }

  describe(`outbox dispatcher on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { useServices: false });
    });
    after(() => t.close());

    test('a publish failure leaves the event, in order, for the next run; attempts are counted', async () => {
      await writeEvents(t, 3, 'order.step');
      const published: DomainEvent[] = [];
      let failOn: number | undefined = 1;
      const bus = {
        async publish(e: DomainEvent) {
          if (failOn === published.length) throw new Error('bus away');
          published.push(e);
        },
      } as EventBus;
      const { database, clock } = t.app.platform;
      const job = createOutboxDispatcher({
        database,
        clock,
        logger: createLogger('silent'),
        bus,
        queue: t.app.platform.queue,
      });
      assert.equal(await job.runOnce(), 1);
      failOn = undefined;
      assert.equal(await job.runOnce(), 2);
      assert.equal(await job.runOnce(), 0);
      assert.deepEqual(
        published.map((e) => e.payload.i),
        [0, 1, 2],
      );
      const rows = await database.db
        .selectFrom('outbox_events')
        .select(['attempts', 'aggregate_id'])
        .orderBy('aggregate_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.attempts),
        [1, 2, 2],
      );
    });

    test('dispatchers running at once publish each event once', async () => {
      await writeEvents(t, 150, 'crowd.event');
      const seen: string[] = [];
      const bus = { publish: async (e: DomainEvent) => void seen.push(e.id) } as EventBus;
      const { database, clock } = t.app.platform;
      const jobs = [1, 2, 3].map(() =>
        createOutboxDispatcher({ database, clock, logger: createLogger('silent'), bus, queue: t.app.platform.queue }),
      );
      const drain = async (job: (typeof jobs)[number]) => {
        while ((await job.runOnce()) > 0);
      };
      await Promise.all(jobs.map(drain));
      assert.equal(seen.length, 150);
      assert.equal(new Set(seen).size, 150);
    });
  });

  describe(
    `events across two apps on one ${backend.name} database over NATS`,
    { skip: !services.natsUrl && 'NATS_URL is not set' },
    () => {
      const namespace = newNamespace();
      let one: TestApp;
      let two: TestApp;
      const seen = new Map<string, string[]>();
      before(async () => {
        one = await startTestApp(backend, { namespace });
        two = await startOnDatabase(one.app.platform.database, one.databaseUrl, { namespace });
        for (const [app, name] of [
          [one, 'one'],
          [two, 'two'],
        ] as const) {
          for (const consumer of ['mailer', 'audit']) {
            await app.app.platform.events.subscribe(consumer, 'shared.*', async (event) => {
              const key = `${consumer}:${event.id}`;
              seen.set(key, [...(seen.get(key) ?? []), name]);
            });
          }
        }
      });
      after(async () => {
        await two.close();
        await one.close();
        await deleteStream(services.natsUrl!, one.config.natsStream);
      });

      test('each event is handled once per consumer group, whichever app takes it', async () => {
        await writeEvents(one, 40, 'shared.thing');
        await Promise.all([dispatch(one), dispatch(two)]);
        await eventually(() => seen.size === 80);
        const db = one.app.platform.database.db;
        await db.updateTable('outbox_events').set({ published_at: null }).execute();
        await Promise.all([dispatch(one), dispatch(two)]);
        await settle(500);
        assert.equal(seen.size, 80);
        for (const [key, apps] of seen) assert.equal(apps.length, 1, `${key} handled by ${apps.join(', ')}`);
        // Not only deduplicated by processed_events: NATS itself delivered each event once per group.
        for (const consumer of ['mailer', 'audit']) {
          assert.equal(await consumerDeliveries(services.natsUrl!, one.config.natsStream, consumer), 40);
        }
      });
    },
  );
}
