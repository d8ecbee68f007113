// The web app's live seat map without a browser: a stream that fails (refused over the server's cap,
// dropped, blocked by a proxy) is asked for again later with a growing, jittered delay; meanwhile the
// map is polled with its ETag, until the stream is live again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type EventSourceLike,
  followSeatEvents,
  retryDelayMs,
  type SeatEventHandlers,
} from '../../web/src/seats/seat-events.ts';
import type { SeatMap } from '../../web/src/api/types.ts';

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

type Timer = { run: () => void; ms: number; cancelled: boolean };

function harness(options: { poll?: boolean; hidden?: boolean } = {}) {
  const sources: FakeSource[] = [];
  const timers: Timer[] = [];
  const seen: string[] = [];
  const polls: (string | null)[] = [];
  const polling: boolean[] = [];
  let pollAnswer: { map: SeatMap; etag: string | null } | null = null;
  let hidden = options.hidden ?? false;
  let onVisibility = () => {};
  const handlers: SeatEventHandlers = {
    onChanges: (c) => seen.push(`changes:${c.length}`),
    onSnapshot: (m) => seen.push(`snapshot:${m.seats.length}`),
    onReconnect: () => seen.push('reconnect'),
    onConnection: (live) => seen.push(live ? 'live' : 'not live'),
    onPolling: (on) => polling.push(on),
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
      // A timer that ran is done: cancelled from then on.
      const timer: Timer = { run: () => ((timer.cancelled = true), run()), ms, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    {
      fallbackAfterMs: 4000,
      pollEveryMs: 3000,
      poll: options.poll
        ? async (etag) => {
            polls.push(etag);
            return pollAnswer;
          }
        : undefined,
      visibility: {
        hidden: () => hidden,
        subscribe: (cb) => {
          onVisibility = cb;
          return () => (onVisibility = () => {});
        },
      },
    },
  );
  const pending = (ms?: number) => timers.filter((t) => !t.cancelled && (ms === undefined || t.ms === ms));
  /** Runs the pending timers once (what time passing would do). */
  const tick = (ms?: number) => {
    for (const t of pending(ms)) t.run();
  };
  return {
    sources,
    timers,
    seen,
    polls,
    polling,
    stop,
    pending,
    tick,
    answer: (a: typeof pollAnswer) => (pollAnswer = a),
    setHidden: (h: boolean) => {
      hidden = h;
      onVisibility();
    },
  };
}

const map = (n: number): SeatMap => ({ showtimeId: 'x', hallId: 'h', seats: Array(n).fill({}) }) as SeatMap;
const flush = () => new Promise((r) => setImmediate(r));

test('a failed stream is opened again after growing delays; changes flow once it is live', () => {
  const h = harness();
  h.sources[0]?.refuse();
  assert.equal(h.sources[0]?.closed, true);
  const retries = () => h.timers.filter((t) => t.ms !== 4000);
  assert.equal(retries().length, 1, 'a retry is scheduled');
  assert.ok(retries()[0]!.ms >= 1000 && retries()[0]!.ms <= 2000);
  retries()[0]!.run();
  assert.equal(h.sources.length, 2);
  // A drop EventSource would retry by itself (still CONNECTING) is backed off the same way.
  h.sources[1]?.emit('error');
  assert.equal(h.sources[1]?.closed, true);
  assert.ok(retries()[1]!.ms >= 2000, 'the delay grows');
  retries()[1]!.run();
  h.sources[2]?.emit('open');
  h.sources[2]?.emit('snapshot', JSON.stringify(map(3)));
  h.sources[2]?.emit('seats', JSON.stringify({ seats: [{ id: 'a', status: 'held' }] }));
  // Events of a stream already given up never reach the page.
  h.sources[0]?.emit('seats', JSON.stringify({ seats: [{ id: 'b', status: 'held' }] }));
  assert.deepEqual(h.seen, ['not live', 'reconnect', 'live', 'snapshot:3', 'changes:1']);
  h.sources[2]?.refuse();
  h.stop();
  assert.ok(
    h.timers.every((t) => t.cancelled || t.ms === 4000),
    'stopping cancels the pending retry',
  );
  assert.equal(h.sources[2]?.closed, true);
});

test('without a snapshot the map is polled with its ETag; polling stops when the stream is live', async () => {
  const h = harness({ poll: true });
  h.sources[0]?.emit('open'); // a buffering proxy: open, but nothing comes through
  assert.equal(h.polls.length, 0);
  h.answer({ map: map(5), etag: '"v1"' });
  h.tick(4000);
  assert.deepEqual(h.polls, [null], 'no snapshot within the fallback time: polled at once');
  assert.deepEqual(h.polling, [true], 'the page hears that it is polled');
  await flush();
  assert.deepEqual(h.seen, ['snapshot:5']);
  h.answer(null); // 304
  h.tick(3000);
  assert.deepEqual(h.polls, [null, '"v1"'], 'the next poll names the ETag it has');
  await flush();
  assert.deepEqual(h.seen, ['snapshot:5'], 'an unchanged map is not applied again');
  h.sources[0]?.emit('snapshot', JSON.stringify(map(5)));
  assert.equal(h.pending(3000).length, 0, 'live again: no more polls');
  assert.deepEqual(h.polling, [true, false]);
  h.stop();
});

test('two failures in a row poll at once; a hidden tab neither polls nor streams', async () => {
  const h = harness({ poll: true });
  h.sources[0]?.refuse();
  assert.equal(h.polls.length, 0);
  h.timers.find((t) => t.ms !== 4000)!.run();
  h.sources[1]?.refuse();
  assert.equal(h.polls.length, 1, 'polled at the second failure');
  h.setHidden(true);
  assert.ok(
    h.timers.every((t) => t.cancelled),
    'hidden: no timer left',
  );
  h.setHidden(false);
  assert.equal(h.sources.length, 3, 'visible again: the stream is opened at once');
  h.sources[2]?.emit('snapshot', JSON.stringify(map(2)));
  assert.equal(h.seen.at(-1), 'snapshot:2');
  assert.equal(h.seen.at(-2), 'live');
  h.stop();
});

test('hidden from the start: nothing is opened until the tab shows', () => {
  const h = harness({ poll: true, hidden: true });
  assert.equal(h.sources.length, 0);
  h.setHidden(false);
  assert.equal(h.sources.length, 1);
  h.stop();
});

test('retry delays grow from about 2 s to 30 s at most, spread by jitter', () => {
  assert.equal(
    retryDelayMs(0, () => 1),
    2000,
  );
  assert.equal(
    retryDelayMs(0, () => 0),
    1000,
  );
  assert.equal(
    retryDelayMs(1, () => 1),
    4000,
  );
  assert.equal(
    retryDelayMs(10, () => 1),
    30_000,
  );
  assert.equal(
    retryDelayMs(1000, () => 1),
    30_000,
  );
});
