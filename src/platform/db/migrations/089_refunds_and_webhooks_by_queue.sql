-- Refunds still waiting for the provider, and test-processor webhook events not delivered yet, are
-- sent by jobs of the platform queue from now on (payments.refund, test-processor.webhook) instead
-- of their tables' own leases: each one left pending gets its job here. Keyed as the code keys
-- them, so a job the new code enqueued already is not doubled. The next_attempt_at columns stay
-- while processes of the previous release may still lease by them (a second send is harmless: the
-- provider refunds once per refund id, and our webhook endpoint handles an event id once).
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
