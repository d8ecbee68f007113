// The web app's live seat map without a browser: a stream that fails (refused over the server's cap,
// dropped, blocked by a proxy, open and then cut, silent) is asked for again later with a growing,
// jittered delay, resuming after the last event id; meanwhile the map is polled with its ETag, one
// poll at a time, until the stream is live again.
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
  emit(type: string, data = '', lastEventId = ''): void {
    for (const l of this.listeners.get(type) ?? []) l({ data, lastEventId } as MessageEvent<string>);
  }
  /** What EventSource does on a 429/503 answer: fails the connection for good. */
  refuse(): void {
    this.readyState = 2;
    this.emit('error');
  }
}

type Timer = { run: () => void; ms: number; cancelled: boolean };
type PollAnswer = { map: SeatMap; etag: string | null } | null;

function harness(options: { poll?: boolean; hidden?: boolean; pollAnswers?: Promise<PollAnswer>[] } = {}) {
  const sources: FakeSource[] = [];
  const urls: string[] = [];
  const timers: Timer[] = [];
  const seen: string[] = [];
  const polls: (string | null)[] = [];
  const polling: boolean[] = [];
  let pollAnswer: PollAnswer = null;
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
    (url) => {
      const s = new FakeSource();
      sources.push(s);
      urls.push(url);
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
            return options.pollAnswers?.shift() ?? pollAnswer;
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
    urls,
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

/** The pending retry: the one timer that is neither the fallback (4 s), a poll (3 s) nor a watchdog. */
const retryOf = (h: ReturnType<typeof harness>, watchdogMs = 37_500) =>
  h.pending().filter((t) => t.ms !== 4000 && t.ms !== 3000 && t.ms !== watchdogMs);

test('a stream that opens and then drops at once backs off further each time', () => {
  const h = harness();
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) {
    const source = h.sources.at(-1)!;
    // What a server whose feed cannot connect does: 200, then the end of the stream.
    source.emit('open');
    source.emit('error');
    const [retry] = retryOf(h);
    delays.push(retry!.ms);
    retry!.run();
  }
  assert.equal(h.sources.length, 6);
  // Jitter keeps each delay within half to all of 2 s · 2^n, which stops at 30 s.
  delays.forEach((ms, n) => assert.ok(ms >= Math.min(1000 * 2 ** n, 15_000), `retry ${n + 1} waits ${ms} ms`));
  assert.ok(delays[4]! >= 15_000);
  // The first event of a stream that works starts the count again.
  h.sources.at(-1)!.emit('snapshot', JSON.stringify(map(1)));
  h.sources.at(-1)!.emit('error');
  assert.ok(retryOf(h)[0]!.ms <= 2000, 'after a working stream the next retry is quick again');
  h.stop();
});

test('polls never overlap, and an older answer never replaces a newer map', async () => {
  let answerFirst: (a: PollAnswer) => void = () => {};
  const first = new Promise<PollAnswer>((r) => (answerFirst = r));
  const h = harness({ poll: true, pollAnswers: [first] });
  h.tick(4000);
  assert.equal(h.polls.length, 1);
  assert.equal(h.pending(3000).length, 0, 'no next poll while one is on its way');
  // The stream comes back, then drops again; a new poll brings the current map.
  h.sources[0]!.emit('snapshot', JSON.stringify(map(2)));
  h.sources[0]!.emit('error');
  retryOf(h)[0]!.run();
  h.answer({ map: map(3), etag: '"v3"' });
  h.tick(4000);
  assert.equal(h.polls.length, 2);
  await flush();
  assert.equal(h.seen.at(-1), 'snapshot:3');
  answerFirst({ map: map(1), etag: '"v1"' });
  await flush();
  assert.equal(h.seen.at(-1), 'snapshot:3', 'the late answer of the first poll is dropped');
  assert.equal(h.pending(3000).length, 1, 'one poll loop, not two');
  h.answer(null);
  h.tick(3000);
  assert.deepEqual(h.polls.at(-1), '"v3"', 'the ETag is the newer map');
  h.stop();
});

test('a stream silent for over two heartbeats counts as dropped; pings keep it', () => {
  const h = harness();
  h.sources[0]!.emit('snapshot', JSON.stringify(map(2)), '7');
  h.sources[0]!.emit('ping', '{"every":1000}');
  assert.deepEqual(
    h.pending(37_500).map((t) => t.ms),
    [],
    'the ping named a shorter heartbeat',
  );
  assert.equal(h.pending(2500).length, 1);
  h.sources[0]!.emit('ping', '{"every":1000}');
  assert.equal(h.pending(2500).length, 1, 'each ping starts the wait again');
  h.tick(2500);
  assert.equal(h.sources[0]!.closed, true);
  assert.equal(h.seen.at(-1), 'not live');
  retryOf(h, 2500)[0]!.run();
  assert.equal(h.sources.length, 2);
  assert.equal(h.urls[1], '/api/v1/showtimes/x/seats/events?lastEventId=7', 'resumes after the last id');
  // A resume with nothing missed sends only a ping: that is live too.
  h.sources[1]!.emit('ping', '{"every":1000}');
  assert.deepEqual(h.seen.slice(-2), ['reconnect', 'live']);
  h.stop();
});
