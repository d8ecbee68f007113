// The SSE feed's ordering rules without a database: versions that skip numbers, messages that arrive
// late or out of order, unversioned changes, heartbeats, and nothing left subscribed afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { eventually } from '../../../test/support/eventually.ts';
import type { Database } from '../../platform/db/database.ts';
import { MemoryPubSub } from '../../platform/events/pubsub.ts';
import type { SeatChangeBus } from './seat-changes.ts';
import { createSeatFeed } from './seat-feed.ts';
import type { SeatMapService } from './seat-map.service.ts';

const SHOW = 'show-1';
const channel = `seats:${SHOW}`;

/** In-process pub/sub that can say "you may have missed messages", as Redis does after an outage. */
class ResumablePubSub extends MemoryPubSub {
  private readonly listeners: (() => void)[] = [];
  onResume(listener: () => void): void {
    this.listeners.push(listener);
  }
  resume(): void {
    for (const l of this.listeners) l();
  }
}

function setup(options: { heartbeatMs?: number } = {}) {
  const pubsub = new ResumablePubSub();
  const version = { current: 10 };
  let snapshots = 0;
  const seatMap: SeatMapService = {
    peek: () => null,
    get: async () => null,
    getJson: async () => {
      snapshots++;
      return Buffer.from('{"seats":[]}');
    },
    invalidate: () => {},
  };
  const bus = { currentVersion: async () => version.current } as unknown as SeatChangeBus;
  const feed = createSeatFeed({
    pubsub,
    bus,
    seatMap,
    logger: pino({ level: 'silent' }),
    database: {} as Database,
    ...options,
  });
  const frames: string[] = [];
  const publish = (v: number | null, seats: [string, string][]) =>
    pubsub.publish(channel, JSON.stringify({ v, seats: seats.map(([id, status]) => ({ id, status })) }));
  return { pubsub, feed, frames, publish, version, snapshots: () => snapshots };
}

const parse = (frame: string) => ({
  id: /^id: (\d+)$/m.exec(frame)?.[1],
  event: /^event: (\w+)$/m.exec(frame)?.[1],
  data: /^data: (.*)$/m.exec(frame)?.[1],
});
const lastEvent = (frames: string[]) => parse(frames.at(-1) ?? '').event;
const isPing = (frame: string) => parse(frame).event === 'ping';
/** Collects the frames that carry data (pings are checked on their own). */
const into = (frames: string[]) => (f: string) => void (isPing(f) || frames.push(f));

/**
 * Resolves after `n` ticks of an interval of `ms` started now. Node fires timers of one period in the
 * order they were started, so any interval of that period already running has ticked n times by then:
 * a wait for something that must NOT happen, which a loaded machine cannot cut short.
 */
function ticks(ms: number, n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n;
    const timer = setInterval(() => {
      if (--left > 0) return;
      clearInterval(timer);
      resolve();
    }, ms);
  });
}

test('a snapshot first (at the version read on subscribe), then changes with growing ids', async () => {
  const s = setup();
  const close = await s.feed.connect(SHOW, null, into(s.frames));
  assert.deepEqual(parse(s.frames[0] as string), { id: '10', event: 'snapshot', data: '{"seats":[]}' });
  await s.publish(13, [['a', 'held']]);
  await s.publish(17, [['b', 'held']]);
  assert.deepEqual(
    s.frames.slice(1).map((f) => parse(f).id),
    ['13', '17'],
  );
  await close();
  assert.deepEqual(s.feed.stats(), { channels: 0, clients: 0 });
});

test('a late change goes out without an id, and only for seats it is newer for', async () => {
  const s = setup();
  const close = await s.feed.connect(SHOW, null, into(s.frames));
  await s.publish(20, [['a', 'available']]);
  await s.publish(15, [
    ['a', 'held'],
    ['b', 'held'],
  ]);
  const late = parse(s.frames.at(-1) as string);
  assert.equal(late.id, undefined, 'ids on the wire never go down');
  assert.deepEqual(
    JSON.parse(late.data as string).seats,
    [{ id: 'b', status: 'held' }],
    'seat a already has a newer state',
  );
  await s.publish(14, [['a', 'held']]);
  assert.equal(s.frames.length, 3, 'a change superseded for every seat is dropped');
  await close();
});

test('an unversioned change brings a fresh snapshot; resume replays what a client missed', async () => {
  const s = setup();
  const keeper = await s.feed.connect(SHOW, null, () => {});
  await s.publish(11, [['a', 'held']]);
  await s.publish(12, [['b', 'held']]);
  const resumed: string[] = [];
  const close = await s.feed.connect(SHOW, 11, into(resumed));
  assert.deepEqual(
    resumed.map((f) => parse(f).id),
    ['12'],
  );
  const before = s.snapshots();
  await s.publish(null, [['c', 'sold']]);
  await eventually(() => lastEvent(resumed) === 'snapshot', 30_000, 10, 'the snapshot after an unversioned change');
  assert.equal(s.snapshots(), before + 1);
  const tooOld: string[] = [];
  const close2 = await s.feed.connect(SHOW, 3, into(tooOld));
  assert.equal(parse(tooOld[0] as string).event, 'snapshot', 'a gap that cannot be filled gets a snapshot');
  await Promise.all([close(), close2(), keeper()]);
});

test('pings keep the stream alive, and nothing stays subscribed after the last client', async () => {
  const heartbeatMs = 30;
  const s = setup({ heartbeatMs });
  const clients: string[][] = [[], [], []];
  const closes = await Promise.all(
    clients.map((frames) =>
      s.feed.connect(SHOW, null, (f) => {
        frames.push(f);
        s.frames.push(f);
      }),
    ),
  );
  // A ping right after the snapshot, then each heartbeat: a named event a client can watch for.
  for (const frames of clients) {
    assert.deepEqual(
      frames.slice(0, 2).map((f) => parse(f).event),
      ['snapshot', 'ping'],
    );
    assert.equal(parse(frames[1] as string).data, `{"every":${heartbeatMs}}`);
  }
  await eventually(
    () => clients.every((frames) => frames.filter(isPing).length >= 3),
    30_000,
    10,
    'a heartbeat to each client',
  );
  await Promise.all(closes.map((c) => c()));
  await Promise.all(closes.map((c) => c()));
  assert.deepEqual(s.feed.stats(), { channels: 0, clients: 0 });
  const emitter = (s.pubsub as unknown as { emitter: { listenerCount(c: string): number } }).emitter;
  assert.equal(emitter.listenerCount(channel), 0);
  const n = s.frames.length;
  await ticks(heartbeatMs, 3);
  assert.equal(s.frames.length, n, 'no heartbeat after the channel closed');
});

test('after an outage of the pub/sub, every client gets a snapshot at the newest version, and resuming from before it gets one too', async () => {
  const s = setup();
  const close = await s.feed.connect(SHOW, null, into(s.frames));
  await s.publish(11, [['a', 'held']]);
  // Versions 12–15 were taken while the link was down: their messages never arrived.
  s.version.current = 15;
  s.pubsub.resume();
  await eventually(() => lastEvent(s.frames) === 'snapshot', 30_000, 10, 'the snapshot after the outage');
  const last = parse(s.frames.at(-1) as string);
  assert.deepEqual([last.event, last.id], ['snapshot', '15']);
  // A client that saw up to 11 (before the outage) cannot be replayed the missed changes: a snapshot.
  const late: string[] = [];
  const closeLate = await s.feed.connect(SHOW, 11, into(late));
  assert.deepEqual(
    late.map((f) => parse(f).event),
    ['snapshot'],
  );
  await closeLate();
  await close();
});

test('a change heard twice (from its process, then from the outbox) goes out once; one older than the snapshot brings a snapshot, not the change', async () => {
  const s = setup();
  const close = await s.feed.connect(SHOW, null, into(s.frames));
  await s.publish(12, [['a', 'held']]);
  await s.publish(12, [['a', 'held']]);
  assert.deepEqual(
    s.frames.map((f) => parse(f).event),
    ['snapshot', 'seats'],
  );
  // Made before this channel's snapshot (at 10) and never published by its process: the snapshot
  // may already show it, or a newer state of the seat; a fresh one is sent instead of the change.
  const before = s.snapshots();
  await s.publish(9, [['b', 'sold']]);
  await eventually(() => s.frames.length > 2, 30_000, 10, 'a frame after the old change');
  assert.equal(s.snapshots(), before + 1);
  assert.deepEqual(
    s.frames.slice(2).map((f) => parse(f).event),
    ['snapshot'],
  );
  await close();
});
