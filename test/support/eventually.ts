// Waiting for an event instead of sleeping a fixed time: tests poll for the state they expect, with
// a deadline generous enough for a machine at load 10 (CI may share both cores with other work).

/** Polls `check` until it holds; fails after `timeoutMs` (default 30 s) with `what` in the message. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
  stepMs = 25,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
