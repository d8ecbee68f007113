// The search slots as pure logic: first come first served, a bounded line with a bounded wait, a
// share per client (an IPv6 one by its /64), slots handed on when an answer is ready or a waiter has gone.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../errors.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';

function call(ip: string) {
  const raw = new EventEmitter();
  return { request: { ip, query: {} } as unknown as FastifyRequest, reply: { raw } as unknown as FastifyReply, raw };
}

test('slots, then a line served in order; answers hand the slot on', async () => {
  const limit = createConcurrencyLimit({ maxActive: 2, maxQueued: 2, maxWaitMs: 60_000, maxPerClient: 10 });
  const hooks = limit.hooks();
  const calls = ['a', 'b', 'c', 'd'].map((ip) => call(ip));
  const order: string[] = [];
  const taken = calls.map((c) => hooks.preHandler(c.request, c.reply).then(() => order.push(c.request.ip)));
  await Promise.all(taken.slice(0, 2));
  assert.deepEqual([limit.active(), limit.queued()], [2, 2]);
  const full = call('e');
  await assert.rejects(
    hooks.preHandler(full.request, full.reply),
    (e: AppError) => e.code === 'server_busy' && e.retryAfter === 1,
  );
  await hooks.onSend(calls[1]!.request, calls[1]!.reply, 'x');
  await hooks.onResponse(calls[1]!.request, calls[1]!.reply); // a second give-back changes nothing
  await taken[2];
  assert.deepEqual(order, ['a', 'b', 'c']);
  assert.deepEqual([limit.active(), limit.queued()], [2, 1]);
  await hooks.onSend(calls[0]!.request, calls[0]!.reply, 'x');
  await taken[3];
  for (const c of calls.slice(2)) await hooks.onResponse(c.request, c.reply);
  assert.deepEqual([limit.active(), limit.queued()], [0, 0]);
});

test('a wait in line ends after maxWaitMs with 503, and a waiter whose client went leaves the line', async () => {
  const refused: string[] = [];
  const limit = createConcurrencyLimit({
    maxActive: 1,
    maxQueued: 5,
    maxWaitMs: 50,
    maxPerClient: 10,
    onRefused: (r) => refused.push(r),
  });
  const hooks = limit.hooks();
  const first = call('a');
  await hooks.preHandler(first.request, first.reply);
  const late = call('b');
  await assert.rejects(hooks.preHandler(late.request, late.reply), (e: AppError) => e.code === 'server_busy');
  const leaving = call('c');
  const waiting = hooks.preHandler(leaving.request, leaving.reply);
  leaving.raw.emit('close');
  await assert.rejects(waiting);
  assert.deepEqual([limit.active(), limit.queued()], [1, 0]);
  await hooks.onSend(first.request, first.reply, 'x');
  assert.equal(limit.active(), 0);
  assert.deepEqual(refused, ['timeout']);
});

test('one address has at most maxPerClient running or waiting: 429; others still get in', async () => {
  const limit = createConcurrencyLimit({ maxActive: 1, maxQueued: 10, maxWaitMs: 60_000, maxPerClient: 2 });
  const hooks = limit.hooks();
  const a1 = call('a');
  const a2 = call('a');
  await hooks.preHandler(a1.request, a1.reply);
  const queued = hooks.preHandler(a2.request, a2.reply);
  const a3 = call('a');
  await assert.rejects(hooks.preHandler(a3.request, a3.reply), (e: AppError) => e.code === 'rate_limited');
  const b = call('b');
  const other = hooks.preHandler(b.request, b.reply);
  await hooks.onSend(a1.request, a1.reply, 'x');
  await queued;
  await hooks.onSend(a2.request, a2.reply, 'x');
  await other;
  const a4 = call('a');
  await hooks.onSend(b.request, b.reply, 'x');
  await hooks.preHandler(a4.request, a4.reply);
  assert.equal(limit.active(), 1);
});

test('requests the route does not limit pass straight through', async () => {
  const limit = createConcurrencyLimit({ maxActive: 1, maxQueued: 0, maxWaitMs: 10, maxPerClient: 1 });
  const hooks = limit.hooks(() => false);
  for (let i = 0; i < 5; i++) await hooks.preHandler(call('a').request, call('a').reply);
  assert.equal(limit.active(), 0);
});

test('an IPv6 client counts by its /64; IPv4 addresses each count alone', async () => {
  const limit = createConcurrencyLimit({ maxActive: 10, maxQueued: 10, maxWaitMs: 60_000, maxPerClient: 2 });
  const hooks = limit.hooks();
  const take = (ip: string) => hooks.preHandler(call(ip).request, call(ip).reply);
  await take('2001:db8:0:1::1');
  await take('2001:db8:0:1::2');
  await assert.rejects(take('2001:db8:0:1:ffff::3'), (e: AppError) => e.code === 'rate_limited');
  await take('2001:db8:0:2::1');
  for (const ip of ['192.0.2.1', '192.0.2.1', '192.0.2.2', '192.0.2.3']) await take(ip);
  await assert.rejects(take('::ffff:192.0.2.1'), (e: AppError) => e.code === 'rate_limited');
  assert.equal(limit.active(), 7);
});
