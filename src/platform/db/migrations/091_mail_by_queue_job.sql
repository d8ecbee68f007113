-- Each email is now composed and sent by one job of the platform queue (`notifications.mail`), keyed
-- by the consumer and event it came from; the job stores the message here under that key before
-- sending it, so a retry sends the stored message again instead of composing another. Retries,
-- backoff and the dead letter are the queue's; `attempts` stays as a count of sends tried.
alter table mail_outbox add column key text;
create unique index mail_outbox_key on mail_outbox (key);

-- An erased account's mail is deleted by its user id (the address is erased with the account).
alter table mail_outbox add column user_id uuid;
create index mail_outbox_user on mail_outbox (user_id) where user_id is not null;
update mail_outbox m set user_id = u.id from users u where u.email = m.recipient;

-- The old delivery loop's lease column stays for processes of the previous release still running in
-- a rolling deploy (they claim only rows with a due time); new rows leave it empty.
alter table mail_outbox alter column next_attempt_at drop not null;

-- Mail still unsent at upgrade time is handed to a job each, not before its lease or backoff ends
-- (a send in flight marks it sent first, and the job then finds it sent).
update mail_outbox set key = 'upgrade:' || id::text
where sent_at is null and failed_at is null;
insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
select 'notifications.mail', jsonb_build_object('kind', 'stored', 'key', key), 20,
       greatest(now(), next_attempt_at), key, now(), now()
from mail_outbox
where key like 'upgrade:%';
update mail_outbox set next_attempt_at = null where key like 'upgrade:%';
