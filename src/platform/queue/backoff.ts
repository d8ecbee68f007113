// The platform's one backoff arithmetic: the job runner's waits after a failing batch and the queue's
// retries of a failing job both double from a first wait up to a cap. Queued retries add full jitter,
// so many jobs that failed together (a provider outage) do not all come back in the same instant.

/** The wait before try `n + 1` after `n` failures in a row (n >= 1): `firstMs` doubling, capped at `maxMs`. */
export function exponentialDelayMs(firstMs: number, maxMs: number, n: number): number {
  return Math.min(maxMs, firstMs * 2 ** (Math.max(1, n) - 1));
}

/**
 * Full jitter: uniformly between 1 ms and the exponential wait. Never 0, so a retry is never due in
 * the instant it failed (a test's frozen clock runs it only when moved on).
 */
export function jitteredDelayMs(
  backoff: { firstMs: number; maxMs: number },
  n: number,
  random: () => number = Math.random,
): number {
  return Math.max(1, Math.floor(random() * exponentialDelayMs(backoff.firstMs, backoff.maxMs, n)));
}
