// One Server-Sent Events stream of the waiting room (visitor or staff): a slot taken from booking's
// stream caps, the socket hijacked, `event: ping` every 15 s, and everything let go when it closes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StreamSlots } from '../../platform/http/stream-slots.ts';

const PING_MS = 15_000;
const MAX_BUFFERED_BYTES = 256 * 1024;

export interface SseStream {
  send(event: string, data: unknown): void;
  /** Runs `f` when the client goes (or at once if it has gone). */
  onClose(f: () => void): void;
}

/** Opens the stream (after the caller's checks): the slot is given back when the client goes. */
export function openSse(request: FastifyRequest, reply: FastifyReply, release: () => void): SseStream {
  reply.hijack();
  const res = reply.raw;
  const closers: (() => void)[] = [];
  let gone = false;
  const timer = setInterval(() => send('ping', { every: PING_MS }), PING_MS);
  const onGone = () => {
    if (gone) return;
    gone = true;
    clearInterval(timer);
    release();
    for (const f of closers) f();
  };
  res.on('close', onGone);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    'x-request-id': request.id,
    connection: 'keep-alive',
  });
  res.write('retry: 2000\n\n');
  function send(event: string, data: unknown) {
    if (gone) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) return void res.destroy();
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
  if (res.destroyed) onGone();
  return {
    send,
    onClose(f) {
      if (gone) f();
      else closers.push(f);
    },
  };
}

/** Takes a stream slot for the client, or throws 429/503. */
export const takeSlot = (slots: StreamSlots, request: FastifyRequest) => slots.take(request.ip);
