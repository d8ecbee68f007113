import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PlatformTables {
  outbox_events: {
    id: Generated<string>;
    type: string;
    aggregate_id: string;
    payload: JSONColumnType<Record<string, unknown>>;
    created_at: Generated<Timestamp>;
    published_at: Timestamp | null;
    attempts: Generated<number>;
  };
  idempotency_keys: {
    user_key: string;
    idempotency_key: string;
    request_hash: string;
    status_code: number | null;
    response_body: string | null;
    response_headers: JSONColumnType<Record<string, string>> | null;
    created_at: Generated<Timestamp>;
  };
  app_settings: {
    key: string;
    value: string;
    created_at: Generated<Timestamp>;
  };
}
