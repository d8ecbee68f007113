// A cap on how many expensive requests (search) one process works on at once. Anyone may send them
// without an account, and each holds a database connection and CPU for as long as it runs: a flood
// of them (random queries miss every cache) would take the pool and the event loop from every other
// route. Over the cap a request waits in line, first come first served, for a short while; a full
// line or a long wait is 503 server_busy, and one client address with too many requests running or
// waiting is 429 rate_limited, so one flooding address cannot take the whole line (an IPv6 client
// counts by its /64, as rate limits count it: it can hop around in it). Both carry Retry-After.
// Per process, in memory: it protects this process, whatever the others do.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { clientNetwork, rateLimited } from './rate-limit.ts';

const RETRY_AFTER_SECONDS = 1;

export interface ConcurrencyLimits {
  /** Requests worked on at once. */
  maxActive: number;
  /** Requests waiting for a slot at most; more are refused at once. */
  maxQueued: number;
  /** How long one waits for a slot before it is refused. */
  maxWaitMs: number;
  /** Requests of one client (an address, an IPv6 /64) running or waiting at most. */
  maxPerClient: number;
  onRefused?: (reason: 'client' | 'queue_full' | 'timeout') => void;
  /** What is limited, for the problems' detail: `searches` unless told. */
  what?: string;
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Runs `work` once a slot is free (or refuses it); the slot is given back when it settles. */
export type Gate = <T>(work: () => Promise<T>) => Promise<T>;

export interface ConcurrencyLimit {
  /** Route hooks: a slot is taken before the handler (after validation) and given back with the answer. */
  hooks(when?: (request: FastifyRequest) => boolean): {
    preHandler: Hook;
    onSend: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>;
    onResponse: Hook;
  };
  /**
   * Limits only `work` (a cache miss that goes to the database), not the whole request: a cached
   * answer never waits for a slot. The client's address and disconnect come from the request.
   */
  gate(request: FastifyRequest, reply: FastifyReply): Gate;
  active(): number;
  queued(): number;
}

interface Waiter {
  grant: () => void;
}

const busy = (what: string) =>
  new AppError(
    'unavailable',
    'server_busy',
    `This server is answering as many ${what} as it can; try again shortly`,
    {},
    RETRY_AFTER_SECONDS,
  );

export function createConcurrencyLimit(limits: ConcurrencyLimits): ConcurrencyLimit {
  const what = limits.what ?? 'searches';
  let active = 0;
  const line: Waiter[] = [];
  const perClient = new Map<string, number>();
  const held = new WeakMap<FastifyRequest, () => void>();

  const leaveClient = (client: string) => {
    const left = (perClient.get(client) ?? 1) - 1;
    if (left > 0) perClient.set(client, left);
    else perClient.delete(client);
  };

  /** A slot freed: the first in line gets it, else it is free. */
  const handOn = () => {
    const next = line.shift();
    if (next) next.grant();
    else active--;
  };

  async function take(client: string, onGone: (fn: () => void) => void): Promise<() => void> {
    const mine = perClient.get(client) ?? 0;
    if (mine >= limits.maxPerClient) {
      limits.onRefused?.('client');
      throw rateLimited(
        RETRY_AFTER_SECONDS,
        `At most ${limits.maxPerClient} ${what} at once per client address (IPv6: per /64); try again shortly`,
      );
    }
    if (active >= limits.maxActive && line.length >= limits.maxQueued) {
      limits.onRefused?.('queue_full');
      throw busy(what);
    }
    perClient.set(client, mine + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      leaveClient(client);
      handOn();
    };
    if (active < limits.maxActive) {
      active++;
      return release;
    }
    // Wait in line: granted a slot, or out of it after maxWaitMs or once the client has gone.
    let timer: NodeJS.Timeout | undefined;
    const waiter: Waiter = { grant: () => {} };
    const outcome = await new Promise<'granted' | 'timeout' | 'gone'>((resolve) => {
      waiter.grant = () => resolve('granted');
      line.push(waiter);
      timer = setTimeout(() => resolve('timeout'), limits.maxWaitMs);
      onGone(() => resolve('gone'));
    });
    clearTimeout(timer);
    if (outcome === 'granted') return release;
    const at = line.indexOf(waiter);
    if (at >= 0) line.splice(at, 1);
    else handOn(); // granted in the same tick as it gave up: pass the slot on
    leaveClient(client);
    if (outcome === 'timeout') limits.onRefused?.('timeout');
    throw busy(what);
  }

  const giveBack = async (request: FastifyRequest) => {
    held.get(request)?.();
    held.delete(request);
  };

  return {
    hooks(when = () => true) {
      return {
        async preHandler(request, reply) {
          if (!when(request)) return;
          held.set(request, await take(clientNetwork(request.ip), (fn) => reply.raw.once('close', fn)));
        },
        // The work is done once the answer is ready; onResponse covers an answer that never reached onSend.
        async onSend(request, _reply, payload) {
          await giveBack(request);
          return payload;
        },
        onResponse: giveBack,
      };
    },
    gate(request, reply) {
      return async (work) => {
        const release = await take(clientNetwork(request.ip), (fn) => reply.raw.once('close', fn));
        try {
          return await work();
        } finally {
          release();
        }
      };
    },
    active: () => active,
    queued: () => line.length,
  };
}
