// Domain events are written in the same transaction as the change that caused them; the
// dispatcher publishes them afterwards, at least once.
import type { Executor } from '../db/database.ts';

export interface DomainEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface NewEvent {
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Records events inside the caller's transaction. */
export async function addEvents(trx: Executor, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({ type: e.type, aggregate_id: e.aggregateId, payload: JSON.stringify(e.payload) as never })),
    )
    .execute();
}
