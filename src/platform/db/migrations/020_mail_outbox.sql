-- Outgoing mail, written in the same transaction as the change that causes it, then delivered by a
-- worker. A worker claims due rows (FOR UPDATE SKIP LOCKED) by pushing next_attempt_at forward, so a
-- crash mid-send only delays a message; failures back off exponentially until max attempts.
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  attachments jsonb not null default '[]',
  created_at timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts int not null default 0,
  last_error text,
  sent_at timestamptz,
  failed_at timestamptz,
  transport text
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;
create index mail_outbox_sent on mail_outbox (sent_at desc) where sent_at is not null;
