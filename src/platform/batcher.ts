// Micro-batching: items that arrive while earlier batches are in flight leave together, as one
// batch, so a crowd costs one round trip and one commit per batch instead of per item. An item that
// finds nothing in flight goes at once, alone: batching adds no wait, and batches grow by themselves
// only when the database is the bottleneck.
import { AsyncLocalStorage } from 'node:async_hooks';
import { auditActor } from './audit/audit-context.ts';
import { deadlineAt, withDeadline } from './deadline.ts';

export interface BatcherOptions<I> {
  /** Items in one batch at most. */
  maxBatch: number;
  /** Batches in flight at once; an item waits in line only while this many are out. */
  maxInFlight: number;
  /** Items sharing a key never go in the same batch (they would wait on each other's locks). */
  keysOf?: (item: I) => string[];
  /** Told the size of every batch sent (metrics, tests). */
  onBatch?: (size: number) => void;
}

interface Waiting<I, O> {
  item: I;
  /** The deadline of the request that queued it (deadline.ts); undefined for background work. */
  deadline: number | undefined;
  resolve(value: O): void;
  reject(err: unknown): void;
}

/**
 * A batch runs under the latest deadline of its items, not in the async context of whichever
 * request happened to start the pump: a chain of batches would otherwise carry one old request's
 * deadline on, and once it passed every later batch would fail at once.
 */
function latestDeadline(batch: Waiting<unknown, unknown>[]): number | undefined {
  let latest = -Infinity;
  for (const w of batch) {
    if (w.deadline === undefined) return undefined;
    latest = Math.max(latest, w.deadline);
  }
  return latest;
}

/**
 * A function that queues an item and resolves with its own outcome. `run` gets each batch and
 * answers one outcome per item, in order: a value, or a promise of one when that item goes on alone
 * (it resolves as soon as its own work is done, not the slowest of the batch). The batch counts as
 * in flight until every item is answered. A `run` that throws fails the whole batch.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<(O | Promise<O>)[]>,
  options: BatcherOptions<I>,
): (item: I) => Promise<O> {
  let queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;
  // Batches run in the context the batcher was made in, not that of whichever request happened to
  // start the pump: one staff request's audit actor would otherwise credit every customer's rows in
  // its batch to that staff member (ADR 0010).
  const inOwnContext = AsyncLocalStorage.snapshot();

  /** The next batch, in arrival order, skipping items that share a key with one already in it. */
  function take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const rest: Waiting<I, O>[] = [];
    const taken = new Set<string>();
    for (const w of queue) {
      const keys = options.keysOf?.(w.item) ?? [];
      if (batch.length >= options.maxBatch || keys.some((k) => taken.has(k))) {
        rest.push(w);
        continue;
      }
      for (const k of keys) taken.add(k);
      batch.push(w);
    }
    queue = rest;
    return batch;
  }

  async function send(batch: Waiting<I, O>[]): Promise<void> {
    options.onBatch?.(batch.length);
    try {
      const results = await run(batch.map((w) => w.item));
      if (results.length !== batch.length)
        throw new Error(`a batch of ${batch.length} was answered ${results.length} outcomes`);
      await Promise.allSettled(
        batch.map((w, i) => Promise.resolve(results[i] as O | Promise<O>).then(w.resolve, w.reject)),
      );
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }

  function pump(): void {
    scheduled = false;
    while (inFlight < options.maxInFlight && queue.length > 0) {
      inFlight++;
      const batch = take();
      void withDeadline(latestDeadline(batch), () => send(batch)).finally(() => {
        inFlight--;
        schedule();
      });
    }
  }

  // Items that arrive in one turn of the event loop leave together.
  function schedule(): void {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(() => inOwnContext(pump));
  }

  return (item) => {
    // A staff or admin write goes alone, in its own request's context, so its rows are recorded as
    // its own (a batch carries no actor). Such writes are few; they skip the line and maxInFlight.
    if (auditActor() !== undefined) return run([item]).then(([outcome]) => outcome as O | Promise<O>);
    return new Promise<O>((resolve, reject) => {
      queue.push({ item, deadline: deadlineAt(), resolve, reject });
      schedule();
    });
  };
}
