// Micro-batching: what goes together, what never does, and who waits for whom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditActor, withAuditActor } from './audit/audit-context.ts';
import { createBatcher } from './batcher.ts';
import { deadlineAt, withDeadline } from './deadline.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('items queued in one turn leave as one batch, up to maxBatch; the rest follow', async () => {
  const batches: number[][] = [];
  const go = createBatcher(
    async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    },
    { maxBatch: 3, maxInFlight: 1 },
  );
  const out = await Promise.all([1, 2, 3, 4, 5].map((n) => go(n)));
  assert.deepEqual(out, [10, 20, 30, 40, 50]);
  assert.deepEqual(batches, [
    [1, 2, 3],
    [4, 5],
  ]);
});

test('items sharing a key never share a batch', async () => {
  const batches: string[][] = [];
  const go = createBatcher(
    async (items: string[]) => {
      batches.push(items);
      return items;
    },
    { maxBatch: 10, maxInFlight: 1, keysOf: (s) => [s.split(':')[0] as string] },
  );
  await Promise.all(['a:1', 'b:1', 'a:2', 'c:1', 'b:2'].map((s) => go(s)));
  assert.deepEqual(batches, [
    ['a:1', 'b:1', 'c:1'],
    ['a:2', 'b:2'],
  ]);
});

test('an item that goes on alone is answered when its own work is done, not the slowest', async () => {
  let releaseSlow: () => void = () => {};
  const slow = new Promise<string>((resolve) => (releaseSlow = () => resolve('slow')));
  const go = createBatcher(async (items: string[]) => items.map((s) => (s === 'slow' ? slow : Promise.resolve(s))), {
    maxBatch: 10,
    maxInFlight: 1,
  });
  const [a, b] = [go('slow'), go('fast')];
  assert.equal(await b, 'fast');
  releaseSlow();
  assert.equal(await a, 'slow');
});

test('no more than maxInFlight batches at once; a failed batch fails only its own items', async () => {
  let inFlight = 0;
  let most = 0;
  const go = createBatcher(
    async (items: number[]) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick();
      inFlight--;
      if (items.includes(13)) throw new Error('unlucky batch');
      return items;
    },
    { maxBatch: 2, maxInFlight: 2 },
  );
  const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => go(i)));
  assert.equal(most, 2);
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
  assert.deepEqual(failed, [12, 13]);
});

test("a batch runs under its own items' latest deadline, never an earlier request's (deadline.ts)", async () => {
  let releaseFirst: () => void = () => {};
  const seen: (number | undefined)[][] = [];
  const go = createBatcher(
    async (items: string[]) => {
      seen.push([deadlineAt()]);
      if (items[0] === 'first') await new Promise<void>((r) => (releaseFirst = r));
      return items;
    },
    { maxBatch: 10, maxInFlight: 1 },
  );
  // The first request starts the pump; the next batch is sent when the first is done, from its context.
  const first = withDeadline(1000, () => go('first'));
  await tick();
  const later = [withDeadline(5000, () => go('second')), withDeadline(7000, () => go('third'))];
  const background = go('background');
  releaseFirst();
  await Promise.all([first, ...later, background]);
  assert.deepEqual(seen, [[1000], [undefined]], 'a batch with background work in it has no deadline');
  const onlyRequests = createBatcher(async (items: string[]) => items.map(() => deadlineAt()), {
    maxBatch: 10,
    maxInFlight: 1,
  });
  const answers = await Promise.all([
    withDeadline(5000, () => onlyRequests('a')),
    withDeadline(7000, () => onlyRequests('b')),
    withDeadline(6000, () => onlyRequests('c')),
  ]);
  assert.deepEqual(answers, [7000, 7000, 7000], 'items sent together wait as long as the latest of them may');
});

test("a batch carries no request's audit actor; a staff write goes alone, as its own", async () => {
  const staff = {
    actorId: '00000000-0000-4000-8000-000000000001',
    email: 'staff@example.test',
    role: 'staff',
    ip: '203.0.113.7',
    requestId: 'r1',
    requestKey: '00000000-0000-4000-8000-000000000002',
    route: 'POST /api/v1/bookings',
  };
  const batches: [string[], string | undefined][] = [];
  const go = createBatcher(
    async (items: string[]) => {
      batches.push([items, auditActor()?.actorId]);
      return items;
    },
    { maxBatch: 10, maxInFlight: 1 },
  );
  // The staff hold first (it would start the pump) and last (it would join a customer's batch).
  await Promise.all([
    withAuditActor(staff, () => go('staff-1')),
    go('customer-1'),
    go('customer-2'),
    withAuditActor(staff, () => go('staff-2')),
  ]);
  assert.deepEqual(batches, [
    [['staff-1'], staff.actorId],
    [['staff-2'], staff.actorId],
    [['customer-1', 'customer-2'], undefined],
  ]);
});
