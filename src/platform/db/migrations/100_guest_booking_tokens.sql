-- Guest checkout: a booking made with only an email address and a name is managed with a token
-- instead of an account. Tokens are stored as SHA-256 hashes (a leaked table opens nothing), and
-- each opens one booking only. A booking has several: the one its 201 answer shows once, and one
-- minted for each email that carries a link, so mailing a link never stops the first from working.
create table guest_booking_tokens (
  token_hash bytea primary key check (octet_length(token_hash) = 32),
  booking_id uuid not null references bookings (id) on delete cascade,
  created_at timestamptz not null
);
create index guest_booking_tokens_booking on guest_booking_tokens (booking_id);

-- A guest pays and holds tickets without an account: the payer and the ticket owner may be nobody
-- (the booking names the guest's email). They get the account when one registers with that email
-- and verifies it.
alter table payments alter column user_id drop not null;
alter table tickets alter column user_id drop not null;
