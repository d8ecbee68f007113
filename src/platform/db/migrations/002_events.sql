-- Outbox claims are leased (claimed_until) so a dispatcher never holds a transaction while it
-- publishes; seq keeps the order events were written in (created_at is one value per transaction);
-- consumers record what they handled, once per consumer and event.
alter table outbox_events add column claimed_until timestamptz;
alter table outbox_events add column seq bigint generated always as identity;
create index outbox_events_unpublished_seq on outbox_events (seq) where published_at is null;

create table processed_events (
  consumer text not null,
  event_id uuid not null,
  processed_at timestamptz not null,
  primary key (consumer, event_id)
);
create index processed_events_processed_at on processed_events (processed_at);
create index outbox_events_published on outbox_events (published_at) where published_at is not null;
