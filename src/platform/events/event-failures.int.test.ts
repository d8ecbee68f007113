// Failures that must not block anyone else: a poison event ends dead for its one consumer (in
// process through the queue; on NATS after N deliveries and then the queue's own retries), other
// consumers and later events move on, and an admin's retry after the fix runs it once. An event the
// bus can never take (too large for NATS) leaves the outbox as a dead job after a few tries instead
// of holding it up for ever.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, services } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { deleteStream } from '../../../test/support/nats.ts';
import { connect } from 'nats';
import { newNamespace, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { narrowTx } from '../db/module-db.ts';
import type { DB } from '../db/schema.ts';
import { createLogger } from '../telemetry/logger.ts';
import { type EventBus, UnpublishableEventError } from './event-bus.ts';
import { CONSUMER_RETRIES } from './event-jobs.ts';
import { durableName, NatsEventBus } from './nats-event-bus.ts';
import { addEvents, type DomainEvent } from './outbox.ts';
import { createOutboxDispatcher } from './outbox-dispatcher.ts';

async function writeEvents(t: TestApp, types: string[], payload: Record<string, unknown> = {}): Promise<void> {
  await t.app.platform.database.db.transaction().execute(async (trx) => {
    await addEvents(
      trx,
      types.map((type, i) => ({ type, aggregateId: `agg-${i}`, payload: { ...payload, i } })),
    );
  });
}

const jobsIn = (t: TestApp, queue: string) =>
  t.app.platform.database.db.selectFrom('jobs').selectAll().where('queue', '=', queue).execute();

async function adminRetry(t: TestApp, admin: TestUser, id: string): Promise<void> {
  const r = await t.request({ method: 'POST', url: `/api/v1/admin/jobs/${id}/retry`, token: admin.token });
  assert.equal(r.status, 200, r.text);
}

for (const backend of backends()) {
  describe(`a poison event on the in-process bus on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { useServices: false });
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    test('ends dead for its consumer alone; the other consumer and later events go on; a retry runs it once', async () => {
      const healthy: number[] = [];
      const picky: number[] = [];
      let broken = true;
      await t.app.platform.events.subscribe('healthy', 'poison.*', async (event) => {
        healthy.push(Number(event.payload.i));
      });
      await t.app.platform.events.subscribe('picky', 'poison.*', async (event, trx) => {
        await narrowTx<DB>(trx)
          .insertInto('app_settings')
          .values({ key: `picky:${event.id}`, value: 'seen' })
          .execute();
        if (broken && event.type === 'poison.first') throw new Error('cannot digest this one');
        picky.push(Number(event.payload.i));
      });

      await writeEvents(t, ['poison.first']);
      await t.app.runJobsOnce();
      await writeEvents(t, ['poison.later', 'poison.later']);
      const maxAttempts = CONSUMER_RETRIES.maxAttempts!;
      for (let i = 0; i < maxAttempts; i++) {
        await t.app.runJobsOnce();
        t.clock.advance(CONSUMER_RETRIES.backoff!.maxMs);
      }

      assert.deepEqual(healthy.sort(), [0, 0, 1], 'the healthy consumer got every event');
      assert.deepEqual(picky.sort(), [0, 1], 'later events reached the poisoned consumer');
      const outbox = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select('published_at')
        .where('type', 'like', 'poison.%')
        .execute();
      assert.ok(
        outbox.every((e) => e.published_at !== null),
        'the outbox moved on',
      );
      const [dead, ...others] = await jobsIn(t, 'events.picky');
      assert.equal(others.length, 0);
      assert.equal(dead?.state, 'dead');
      assert.equal(dead?.attempts, maxAttempts);
      assert.equal(dead?.last_error, 'Error: cannot digest this one');
      const unhandled = await t.app.platform.database.db
        .selectFrom('app_settings')
        .select('key')
        .where('key', '=', `picky:${String(dead?.key)}`)
        .execute();
      assert.equal(unhandled.length, 0, 'each failed attempt rolled back its writes');

      broken = false;
      await adminRetry(t, admin, dead!.id);
      await t.app.runJobsOnce();
      await t.app.runJobsOnce();
      assert.deepEqual(picky.sort(), [0, 0, 1], 'the retry ran it once');
      assert.equal((await jobsIn(t, 'events.picky')).length, 0);
    });

    test('an event the bus cannot take leaves the outbox as a dead job; its retry publishes it', async () => {
      const got: string[] = [];
      await t.app.platform.events.subscribe('listener', 'odd.*', async (event) => void got.push(event.type));
      await writeEvents(t, ['odd.unsendable', 'odd.fine']);
      const realBus = t.app.platform.events;
      const sent: string[] = [];
      const bus = {
        async publish(event: DomainEvent) {
          if (event.type === 'odd.unsendable') throw new UnpublishableEventError('too large on purpose');
          sent.push(event.type);
          await realBus.publish(event);
        },
      } as EventBus;
      const { database, clock, queue } = t.app.platform;
      const dispatcher = createOutboxDispatcher({ database, clock, queue, bus, logger: createLogger('silent') });

      assert.equal(await dispatcher.runOnce(), 0, 'first try: the stream waits');
      assert.equal(await dispatcher.runOnce(), 0, 'second try');
      assert.deepEqual(sent, []);
      assert.equal(await dispatcher.runOnce(), 2, 'third try: given up, and the next event goes');
      assert.deepEqual(sent, ['odd.fine']);

      const [dead] = await jobsIn(t, 'outbox.publish');
      assert.equal(dead?.state, 'dead');
      assert.equal(dead?.last_error, 'UnpublishableEventError: too large on purpose');
      assert.equal(dead?.payload.type, 'odd.unsendable');
      const lag = await t.request({ method: 'GET', url: '/metrics' });
      assert.match(lag.text, /marquee_outbox_lag_seconds 0/);

      await adminRetry(t, admin, dead!.id);
      await t.app.runJobsOnce();
      assert.deepEqual(got.sort(), ['odd.fine', 'odd.unsendable'], 'the retry published it through the app bus');
      assert.equal((await jobsIn(t, 'outbox.publish')).length, 0);
    });
  });

  describe(`a poison event on NATS on ${backend.name}`, { skip: !services.natsUrl && 'NATS_URL is not set' }, () => {
    let t: TestApp;
    let admin: TestUser;
    let bus: NatsEventBus;
    const stream = `MARQUEE_TEST_${newNamespace().toUpperCase()}_DLQ`;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
      const { database, clock, queue } = t.app.platform;
      bus = new NatsEventBus(
        services.natsUrl!,
        stream,
        { database, clock, queue, logger: createLogger('silent') },
        // A delivery left unanswered would stay pending this long: the test sees it.
        { maxDeliveries: 3, redeliverFirstMs: 20, ackWaitMs: 600_000 },
      );
      assert.ok(await bus.connected(10_000));
    });
    after(async () => {
      await bus.close();
      await t.close();
      await deleteStream(services.natsUrl!, stream);
    });

    /** What NATS still holds for a consumer: messages not delivered yet, and delivered but unanswered. */
    async function natsHolds(consumer: string): Promise<{ pending: number; unanswered: number }> {
      const nc = await connect({ servers: services.natsUrl! });
      try {
        const info = await (await nc.jetstreamManager()).consumers.info(stream, durableName(consumer));
        return { pending: info.num_pending, unanswered: info.num_ack_pending };
      } finally {
        await nc.close();
      }
    }

    test("after N deliveries goes to the queue's retries, dead when they run out; a bulk retry runs it once", async () => {
      const healthy: number[] = [];
      const picky: number[] = [];
      let poisonCalls = 0;
      let broken = true;
      await bus.subscribe('nats-healthy', 'dlq.*', async (event) => void healthy.push(Number(event.payload.i)));
      await bus.subscribe('nats-picky', 'dlq.*', async (event) => {
        if (event.payload.i === 0) poisonCalls++;
        if (broken && event.payload.i === 0) throw new Error('cannot digest this one');
        picky.push(Number(event.payload.i));
      });
      const event = (i: number): DomainEvent => ({
        id: crypto.randomUUID(),
        type: 'dlq.thing',
        aggregateId: `a${i}`,
        payload: { i },
        createdAt: new Date(),
      });
      const poison = event(0);
      await bus.publish(poison);
      await bus.publish(event(1));

      await eventually(async () => (await jobsIn(t, 'events.nats-picky')).length === 1, 30_000, 25, 'handed over');
      const [job] = await jobsIn(t, 'events.nats-picky');
      assert.equal(job?.state, 'ready', 'handed over to be retried, not dead');
      assert.equal(job?.key, poison.id);
      assert.equal(job?.attempts, 0);
      await eventually(() => healthy.length === 2 && picky.length === 1, 30_000, 25, 'the others got theirs');
      // Terminated in NATS: nothing waits there for an answer or a redelivery.
      await eventually(
        async () => {
          const held = await natsHolds('nats-picky');
          return held.pending === 0 && held.unanswered === 0;
        },
        30_000,
        25,
        'NATS holds nothing more of it',
      );
      assert.equal(poisonCalls, 3, 'three deliveries by NATS');

      // The queue's retries go on (its backoff, by the platform clock) until they run out.
      const maxAttempts = CONSUMER_RETRIES.maxAttempts!;
      for (let i = 0; i < maxAttempts; i++) {
        await t.app.platform.queue.drain();
        t.clock.advance(CONSUMER_RETRIES.backoff!.maxMs);
      }
      const [dead] = await jobsIn(t, 'events.nats-picky');
      assert.equal(dead?.state, 'dead');
      assert.equal(dead?.attempts, maxAttempts);
      assert.equal(dead?.last_error, 'Error: cannot digest this one');
      assert.equal(poisonCalls, 3 + maxAttempts);

      broken = false;
      const retried = await t.request({
        method: 'POST',
        url: '/api/v1/admin/jobs/retry',
        token: admin.token,
        payload: { queue: 'events.nats-picky' },
      });
      assert.equal(retried.status, 200, retried.text);
      assert.deepEqual(retried.body, { queue: 'events.nats-picky', retried: 1 });
      await t.app.platform.queue.drain();
      assert.deepEqual(picky.sort(), [0, 1], 'the retry ran it once, through the queue');
      assert.equal((await jobsIn(t, 'events.nats-picky')).length, 0);
      await bus.publish(event(2));
      await eventually(() => picky.length === 3, 30_000, 25, 'a later event');
      assert.equal(poisonCalls, 3 + maxAttempts + 1, 'no delivery of it from NATS behind the retry');
    });

    test('an event too large for NATS leaves the outbox as a dead job after three tries', async () => {
      if (!t.config.natsUrl) return;
      await writeEvents(t, ['big.event'], { blob: 'x'.repeat(2 * 1024 * 1024) });
      await writeEvents(t, ['small.event']);
      for (let i = 0; i < 3; i++) await t.app.runJobsOnce();
      const [dead] = await jobsIn(t, 'outbox.publish');
      assert.equal(dead?.state, 'dead');
      assert.match(dead?.last_error ?? '', /too large for NATS/);
      const waiting = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select('type')
        .where('published_at', 'is', null)
        .execute();
      assert.deepEqual(waiting, [], 'the small event after it was published');
    });
  });
}
