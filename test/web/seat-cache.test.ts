// The live feed's writes into the query cache: an HTTP answer still on its way when a snapshot or a
// change arrives is older than it, so it must not land on top; changes that come before any map are
// kept for the first one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryClient } from '@tanstack/react-query';
import type { SeatMap } from '../../web/src/api/types.ts';
import { seatCacheWriter } from '../../web/src/seats/seat-cache.ts';

const key = ['seats', 'x'] as const;
const map = (status: Record<string, string>): SeatMap =>
  ({ showtimeId: 'x', seats: Object.entries(status).map(([id, s]) => ({ id, status: s })) }) as unknown as SeatMap;
const statuses = (client: QueryClient) =>
  Object.fromEntries((client.getQueryData<SeatMap>(key)?.seats ?? []).map((s) => [s.id, s.status]));

/** A fetch of the map that answers when told to. */
function slowFetch(client: QueryClient) {
  let answer: (m: SeatMap) => void = () => {};
  const done = client
    .fetchQuery({ queryKey: key, queryFn: () => new Promise<SeatMap>((r) => (answer = r)), staleTime: 0 })
    .catch(() => undefined);
  return { answer: (m: SeatMap) => answer(m), done };
}

test('a snapshot cancels the prefetch on its way: its older answer never lands', async () => {
  const client = new QueryClient();
  const writer = seatCacheWriter(client, key);
  const prefetch = slowFetch(client);
  writer.snapshot(map({ a: 'held' }));
  await writer.settled();
  prefetch.answer(map({ a: 'available' }));
  await prefetch.done;
  assert.deepEqual(statuses(client), { a: 'held' });
  client.clear();
});

test('a change cancels a refetch on its way and applies to the map there is', async () => {
  const client = new QueryClient();
  const writer = seatCacheWriter(client, key);
  client.setQueryData(key, map({ a: 'available', b: 'available' }));
  const refetch = slowFetch(client);
  writer.changes([{ id: 'a', status: 'held' }]);
  writer.changes([{ id: 'b', status: 'sold' }]);
  await writer.settled();
  refetch.answer(map({ a: 'available', b: 'available' }));
  await refetch.done;
  assert.deepEqual(statuses(client), { a: 'held', b: 'sold' }, 'both changes, in order, and no stale answer');
  client.clear();
});

test('changes before any map wait for the first answer; a snapshot supersedes them', async () => {
  const client = new QueryClient();
  const writer = seatCacheWriter(client, key);
  const load = slowFetch(client);
  writer.changes([{ id: 'a', status: 'held' }]);
  await writer.settled();
  load.answer(map({ a: 'available', b: 'available' }));
  await load.done;
  writer.flush();
  await writer.settled();
  assert.deepEqual(statuses(client), { a: 'held', b: 'available' }, 'the early change is not lost');

  client.removeQueries({ queryKey: key });
  writer.changes([{ id: 'b', status: 'held' }]);
  writer.snapshot(map({ a: 'available', b: 'available' }));
  writer.flush();
  await writer.settled();
  assert.deepEqual(statuses(client), { a: 'available', b: 'available' }, 'the snapshot came later: it wins');
  client.clear();
});
