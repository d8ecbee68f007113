// When a failed delivery is tried again: the schedule Standard Webhooks suggests (immediately, then
// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, …) for three days from the event. The last attempt falls
// on the three days exactly, so an endpoint that failed every attempt of a delivery has been failing
// for three days by then (and is disabled, see deliveries.ts).
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
/** The delay after the listed ones. */
const LATER_DELAY_MS = 10 * HOUR;

/** How long deliveries are retried, and how long an endpoint may fail every attempt before it is disabled. */
export const RETRY_WINDOW_MS = 3 * 24 * HOUR;

/** The time of the attempt after failed attempt number `attempt` (1 = the first); null when none is left. */
export function nextAttemptAt(firstAt: Date, attempt: number, failedAt: Date): Date | null {
  const end = firstAt.getTime() + RETRY_WINDOW_MS;
  if (failedAt.getTime() >= end) return null;
  const delay = RETRY_DELAYS_MS[attempt - 1] ?? LATER_DELAY_MS;
  return new Date(Math.min(failedAt.getTime() + delay, end));
}
