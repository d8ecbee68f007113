// The web app's live seat map without a browser: a stream the server refuses (429/503 over its cap)
// is asked for again later with a growing, jittered delay, and the map reloads once it is back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type EventSourceLike,
  followSeatEvents,
  retryDelayMs,
  type SeatEventHandlers,
} from '../../web/src/seats/seat-events.ts';

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data = ''): void {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent<string>);
  }
  /** What EventSource does on a 429/503 answer: fails the connection for good. */
  refuse(): void {
    this.readyState = 2;
    this.emit('error');
  }
}

test('a refused stream is opened again after a delay; a dropped one is left to EventSource; the map reloads when back', () => {
  const sources: FakeSource[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const seen: string[] = [];
  const handlers: SeatEventHandlers = {
    onChanges: (c) => seen.push(`changes:${c.length}`),
    onSnapshot: () => seen.push('snapshot'),
    onReconnect: () => seen.push('reload'),
    onConnection: (live) => seen.push(live ? 'live' : 'not live'),
  };
  const stop = followSeatEvents(
    '/api/v1/showtimes/x/seats/events',
    () => handlers,
    () => {
      const s = new FakeSource();
      sources.push(s);
      return s;
    },
    (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  );
  sources[0]?.refuse();
  assert.equal(sources.length, 1);
  assert.equal(timers.length, 1, 'a retry is scheduled');
  assert.ok((timers[0]?.ms ?? 0) >= 2500 && (timers[0]?.ms ?? 0) <= 5000);
  timers[0]?.run();
  assert.equal(sources.length, 2);
  sources[1]?.refuse();
  assert.ok((timers[1]?.ms ?? 0) >= 5000, 'the delay grows');
  timers[1]?.run();
  sources[2]?.emit('open');
  sources[2]?.emit('seats', JSON.stringify({ seats: [{ id: 'a', status: 'held' }] }));
  assert.deepEqual(seen, ['not live', 'not live', 'live', 'reload', 'changes:1']);
  // A dropped stream (still CONNECTING) is EventSource's to retry: nothing scheduled.
  sources[2]!.readyState = 0;
  sources[2]?.emit('error');
  assert.equal(timers.length, 2);
  sources[2]?.refuse();
  assert.equal(timers.length, 3);
  stop();
  assert.equal(timers[2]?.cancelled, true, 'stopping cancels the pending retry');
  assert.equal(sources[2]?.closed, true);
});

test('retry delays grow from about 5 s to a minute at most, spread by jitter', () => {
  assert.equal(
    retryDelayMs(0, () => 1),
    5000,
  );
  assert.equal(
    retryDelayMs(0, () => 0),
    2500,
  );
  assert.equal(
    retryDelayMs(1, () => 1),
    10_000,
  );
  assert.equal(
    retryDelayMs(10, () => 1),
    60_000,
  );
});
