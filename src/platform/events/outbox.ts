// Domain events are written in the same transaction as the change that caused them; the
// dispatcher publishes them afterwards, at least once.
import type { Executor } from '../db/database.ts';
import { payloadWithTrace, type TraceCarrier } from '../telemetry/event-tracing.ts';

export interface DomainEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** The trace context of the request that wrote it (tracing on only): its consumers join that trace. */
  trace?: TraceCarrier | undefined;
}

export interface NewEvent {
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Records events inside the caller's transaction (with the active trace context, when tracing). */
export async function addEvents(trx: Executor, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({
        type: e.type,
        aggregate_id: e.aggregateId,
        payload: JSON.stringify(payloadWithTrace(e.payload)) as never,
      })),
    )
    .execute();
}
