-- Account events carry only the account's id: the address and name are read when the email is
-- composed, and a link's token is minted then (accounts' links.issue), so neither personal data nor a
-- token sits in outbox_events (kept a week), the NATS stream (7 days) or a dead job, none of which
-- an erasure reaches.

-- A reset mail is capped per account and hour when it is asked for, not when its token is minted
-- (that comes later, in the mail job): each accepted request is counted here.
create table password_reset_requests (
  user_id uuid not null references users (id) on delete cascade,
  requested_at timestamptz not null
);
create index password_reset_requests_user on password_reset_requests (user_id, requested_at);

-- Tokens are no longer sealed into events, so the key that sealed them goes.
delete from app_settings where key = 'platform.sealing_key';

-- What events and jobs written before this migration still hold of an account: its id only.
update outbox_events
set payload = jsonb_build_object('userId', payload -> 'userId')
where type in ('account.verification_requested', 'account.password_reset_requested', 'account.sign_in_alert')
  and payload - 'userId' <> '{}'::jsonb;
update jobs
set payload = jsonb_set(payload, '{event,payload}', jsonb_build_object('userId', payload #> '{event,payload,userId}'))
where queue = 'notifications.mail'
  and payload #>> '{event,type}' in
    ('account.verification_requested', 'account.password_reset_requested', 'account.sign_in_alert');
update jobs
set payload = jsonb_set(payload, '{payload}', jsonb_build_object('userId', payload #> '{payload,userId}'))
where queue like 'events.notifications.%'
  and payload ->> 'type' in
    ('account.verification_requested', 'account.password_reset_requested', 'account.sign_in_alert');
