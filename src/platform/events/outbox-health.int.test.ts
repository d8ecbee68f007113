// The outbox keeps moving and says so: its lag (the oldest unpublished event's age) is on /metrics and
// /readyz, which turns 503 past OUTBOX_LAG_UNREADY_SECONDS; and a NATS that comes back without its
// stream gets it again (with the consumers), so what waited in the outbox is published and handled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AckPolicy, connect } from 'nats';
import { sql } from 'kysely';
import { backends, services } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { deleteStream } from '../../../test/support/nats.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addEvents } from './outbox.ts';

async function writeEvents(t: TestApp, n: number, type: string): Promise<void> {
  await t.app.platform.database.db.transaction().execute((trx) =>
    addEvents(
      trx,
      Array.from({ length: n }, (_, i) => ({ type, aggregateId: `agg-${i}`, payload: { i } })),
    ),
  );
}

const lagOnMetrics = (text: string) => Number(/^marquee_outbox_lag_seconds (\S+)$/m.exec(text)?.[1]);

async function streamExists(natsUrl: string, stream: string): Promise<boolean> {
  const nc = await connect({ servers: natsUrl });
  try {
    return await (await nc.jetstreamManager()).streams.info(stream).then(
      () => true,
      () => false,
    );
  } finally {
    await nc.close();
  }
}

/** Durable consumers of other services on the stream, each with its own storage. */
async function addBystanders(natsUrl: string, stream: string, n: number): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    for (let i = 0; i < n; i++) {
      await jsm.consumers.add(stream, {
        durable_name: `bystander-${i}`,
        ack_policy: AckPolicy.Explicit,
        filter_subject: `${stream}.other.${i}`,
      });
    }
  } finally {
    await nc.close();
  }
}

for (const backend of backends()) {
  describe(`outbox lag on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { useServices: false, env: { OUTBOX_LAG_UNREADY_SECONDS: '60' } });
    });
    after(() => t.close());

    test("/metrics and /readyz report the oldest unpublished event's age; past the limit the process is not ready until it drains", async () => {
      const ready = await t.request({ method: 'GET', url: '/readyz' });
      assert.equal(ready.status, 200);
      assert.equal(ready.body.checks.outbox, 'ok');
      assert.equal(ready.body.outboxLagSeconds, 0);
      assert.equal(lagOnMetrics((await t.request({ method: 'GET', url: '/metrics' })).text), 0);

      // As if the bus had refused everything for two minutes.
      await writeEvents(t, 3, 'stalled.event');
      await t.app.platform.database.db
        .updateTable('outbox_events')
        .set({ created_at: sql<Date>`now() - interval '120 seconds'` })
        .execute();
      const stalled = await t.request({ method: 'GET', url: '/readyz' });
      assert.equal(stalled.status, 503);
      assert.match(stalled.body.checks.outbox, /^down: the oldest unpublished event is 1[23]\d s old \(limit 60 s\)$/);
      assert.ok(stalled.body.outboxLagSeconds >= 120);
      assert.ok(lagOnMetrics((await t.request({ method: 'GET', url: '/metrics' })).text) >= 120);

      await t.app.runJobsOnce();
      const drained = await t.request({ method: 'GET', url: '/readyz' });
      assert.equal(drained.status, 200);
      assert.equal(drained.body.outboxLagSeconds, 0);
    });
  });
}

describe('a NATS that comes back without its stream', { skip: !services.natsUrl && 'NATS_URL is not set' }, () => {
  const [pglite] = backends();
  let t: TestApp;
  const seen: string[] = [];
  before(async () => {
    t = await startTestApp(pglite!, { env: { OUTBOX_LAG_UNREADY_SECONDS: '1' } });
    await t.app.platform.events.subscribe('recovery-check', 'again.*', async (event) => {
      seen.push(event.id);
    });
  });
  after(() => t.close());

  test('the dispatcher makes the stream and its consumers again, publishes what waited, and /readyz follows the lag', async () => {
    const natsUrl = services.natsUrl!;
    const stream = t.config.natsStream;
    await writeEvents(t, 2, 'again.before');
    await t.app.runJobsOnce();
    await eventually(() => seen.length === 2, 30_000, 25, 'events before the loss');

    await deleteStream(natsUrl, stream);
    await writeEvents(t, 5, 'again.after');
    // Older than the limit already: the process says so while they wait.
    await t.app.platform.database.db
      .updateTable('outbox_events')
      .set({ created_at: sql<Date>`now() - interval '5 seconds'` })
      .where('published_at', 'is', null)
      .execute();
    const waiting = await t.request({ method: 'GET', url: '/readyz' });
    assert.equal(waiting.status, 503);
    assert.match(waiting.body.checks.outbox, /^down: the oldest unpublished event/);

    await eventually(
      async () => {
        await t.app.runJobsOnce();
        return seen.length === 7;
      },
      30_000,
      250,
      'events written after the stream was lost',
    );
    assert.ok(await streamExists(natsUrl, stream));
    const unpublished = await t.app.platform.database.db
      .selectFrom('outbox_events')
      .select('id')
      .where('published_at', 'is', null)
      .execute();
    assert.equal(unpublished.length, 0);
    const ready = await t.request({ method: 'GET', url: '/readyz' });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.checks.nats, 'ok');
  });

  test('with nothing to publish, the consumers notice the stream is gone and make it again', async () => {
    const natsUrl = services.natsUrl!;
    const stream = t.config.natsStream;
    await deleteStream(natsUrl, stream);
    await eventually(() => streamExists(natsUrl, stream), 30_000, 250, 'the stream made again');
    const before = seen.length;
    await writeEvents(t, 1, 'again.later');
    await t.app.runJobsOnce();
    await eventually(() => seen.length === before + 1, 30_000, 25, 'an event after the stream came back');
  });

  // The server announces a deletion before it has removed the stream's storage; a stream made again
  // in between loses its files to that removal and delivers nothing. Other services' consumers, each
  // stopped before the storage goes, widen that gap: without the wait, round 1 failed in 3 runs of 3.
  test('a stream deleted again and again is made again only once its removal is over, and delivers every time', async () => {
    const natsUrl = services.natsUrl!;
    const stream = t.config.natsStream;
    for (let round = 1; round <= 2; round++) {
      const before = seen.length;
      await addBystanders(natsUrl, stream, 40);
      await deleteStream(natsUrl, stream);
      await writeEvents(t, 1, `again.round${round}`);
      await eventually(
        async () => {
          await t.app.runJobsOnce();
          return seen.length === before + 1;
        },
        30_000,
        250,
        `the event of round ${round}`,
      );
    }
  });
});
