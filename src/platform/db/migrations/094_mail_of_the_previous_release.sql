-- Notifications during a rolling deploy from the release before its event consumers existed.
--
-- 1. When its consumers came into service. On NATS a durable consumer made on an existing stream
-- starts by default with the next event published (DeliverPolicy.New), so whatever was published
-- between this migration and the first consumer's creation (by a process of the previous release,
-- or by this release's dispatcher while NATS was away at start-up) would never be mailed; and on a
-- stream younger than ten minutes it starts with everything (DeliverPolicy.All), mailing again what
-- the previous release had mailed. The consumers start at this instant instead
-- (notifications.module.ts reads it, nats-event-bus.ts sets it as the consumer's start time). A
-- database with no account and no event yet is a fresh one: nothing was published before it, the
-- default is right there, and nothing is stored.
insert into app_settings (key, value)
select 'notifications.events_since', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
where exists (select 1 from users) or exists (select 1 from outbox_events)
on conflict (key) do nothing;

-- 2. Mail the previous release's processes still queue (without a key; their delivery loop claims
-- rows by next_attempt_at) gets a job as 091 gave the rows there at upgrade time: a key, the account
-- it went to, no due time for the old loop, and one `notifications.mail` job. The next release, when
-- no process of the previous one is left, drops this trigger and mail_outbox.next_attempt_at.
create function mail_outbox_of_previous_release() returns trigger language plpgsql as $$
begin
  update mail_outbox m
  set key = 'upgrade:' || m.id::text,
      user_id = coalesce(m.user_id, (select u.id from users u where u.email = m.recipient)),
      next_attempt_at = null
  where m.id = new.id;
  insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
  values ('notifications.mail', jsonb_build_object('kind', 'stored', 'key', 'upgrade:' || new.id::text), 20,
          greatest(now(), new.next_attempt_at), 'upgrade:' || new.id::text, now(), now())
  on conflict do nothing;
  return null;
end $$;

create trigger mail_outbox_of_previous_release after insert on mail_outbox
for each row when (new.key is null and new.sent_at is null and new.failed_at is null)
execute function mail_outbox_of_previous_release();
