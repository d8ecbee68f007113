-- Issue 18: a guest leaves the waiting list (and reads their entry) with the token the join answered.
-- Only its SHA-256 is kept, as for guest booking tokens; entries of accounts have none.
alter table waitlist_entries add column guest_token_hash bytea;
