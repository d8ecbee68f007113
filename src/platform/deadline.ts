// A deadline carried by the async context of the work it bounds (a request), so the database layer
// can refuse to wait past it without every service passing it down. Real time, not the app's Clock:
// tests move the business clock, never how long a socket may stay silent.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

interface Deadline {
  at: number;
}

const current = new AsyncLocalStorage<Deadline>();

/** Runs `fn` with a deadline at `at` (performance.now() time); `undefined` runs it with none. */
export function withDeadline<T>(at: number | undefined, fn: () => T): T {
  return at === undefined ? current.exit(fn) : current.run({ at }, fn);
}

/** The current deadline (performance.now() time), or undefined outside one. */
export function deadlineAt(): number | undefined {
  return current.getStore()?.at;
}

/** Milliseconds left before the current deadline (0 once passed), or undefined outside one. */
export function timeLeft(): number | undefined {
  const d = current.getStore();
  return d === undefined ? undefined : Math.max(0, d.at - performance.now());
}

/** Moves the current deadline later by `ms` (time that was the client's, not ours). */
export function postponeDeadline(ms: number): void {
  const d = current.getStore();
  if (d !== undefined && ms > 0) d.at += ms;
}

/** Awaits `work` without its time counting against the current deadline (a client sending a body). */
export async function notCounted<T>(work: Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work;
  } finally {
    postponeDeadline(performance.now() - started);
  }
}
