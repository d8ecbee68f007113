import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default: optional on insert. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlatformTables {
  outbox_events: {
    id: Generated<string>;
    type: string;
    aggregate_id: string;
    payload: JSONColumnType<Record<string, unknown>>;
    created_at: GeneratedTimestamp;
    published_at: Timestamp | null;
    attempts: Generated<number>;
    /** Held by a dispatcher until then (002_events.sql). */
    claimed_until: Timestamp | null;
    /** Write order (002_events.sql). */
    seq: Generated<number>;
  };
  processed_events: {
    consumer: string;
    event_id: string;
    processed_at: Timestamp;
  };
  idempotency_keys: {
    user_key: string;
    idempotency_key: string;
    request_hash: string;
    status_code: number | null;
    response_body: string | null;
    response_headers: JSONColumnType<Record<string, string>> | null;
    created_at: GeneratedTimestamp;
    /** The request holding the key while it runs, and until when (076_idempotency_leases.sql). */
    lease_id: string | null;
    lease_until: Timestamp | null;
  };
  app_settings: {
    key: string;
    value: string;
    created_at: GeneratedTimestamp;
  };
}
