-- Refunds still waiting for the provider, and test-processor webhook events not delivered yet, are
-- sent by jobs of the platform queue from now on (payments.refund, test-processor.webhook) instead
-- of their tables' own leases. Keyed as the code keys them, so a job the new code enqueues itself is
-- not doubled. The next_attempt_at columns stay while processes of the previous release may still
-- lease by them (a second send is harmless: the provider refunds once per refund id, and our webhook
-- endpoint handles an event id once).
--
-- Rows the previous release writes during a rolling deploy get their job from these triggers (it
-- enqueues none itself; the new code's own enqueue of the same key then does nothing). Made before
-- the inserts below, so that no row written in between is missed: creating a trigger waits for
-- transactions writing its table. The next release, when no process of the previous one is left,
-- drops the triggers and the next_attempt_at columns.
create or replace function refund_job() returns trigger language plpgsql as $$
begin
  insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
  values ('payments.refund', jsonb_build_object('refundId', new.id::text), 30,
          coalesce(new.next_attempt_at, now()), new.id::text, now(), now())
  on conflict (queue, key) where key is not null do nothing;
  return null;
end $$;

create or replace trigger refund_job after insert on refunds
for each row when (new.status = 'pending')
execute function refund_job();

create or replace function test_processor_webhook_job() returns trigger language plpgsql as $$
begin
  insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
  values ('test-processor.webhook', jsonb_build_object('id', new.id), 30,
          coalesce(new.next_attempt_at, now()), new.id, now(), now())
  on conflict (queue, key) where key is not null do nothing;
  return null;
end $$;

create or replace trigger test_processor_webhook_job after insert on test_processor_webhooks
for each row when (new.delivered_at is null)
execute function test_processor_webhook_job();

-- Those left pending at upgrade time.
insert into jobs (queue, payload, state, max_attempts, run_at, key, created_at, updated_at)
select 'payments.refund', jsonb_build_object('refundId', id), 'ready', 30, greatest(next_attempt_at, now()),
  id::text, now(), now()
from refunds
where status = 'pending'
on conflict (queue, key) where key is not null do nothing;

insert into jobs (queue, payload, state, max_attempts, run_at, key, created_at, updated_at)
select 'test-processor.webhook', jsonb_build_object('id', id), 'ready', 30, greatest(next_attempt_at, now()),
  id, now(), now()
from test_processor_webhooks
where delivered_at is null
on conflict (queue, key) where key is not null do nothing;
