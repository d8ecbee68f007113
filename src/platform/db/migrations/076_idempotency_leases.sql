-- A request holding an Idempotency-Key holds it under a lease that its process renews while the
-- request runs (idempotency.ts): a key whose process died is free again once the lease lapses,
-- seconds later, instead of after a fixed two minutes. lease_until is set and compared by the
-- database clock, so processes on different machines agree on it. lease_id names the holder, so
-- only it releases the key.
alter table idempotency_keys add column lease_id uuid;
alter table idempotency_keys add column lease_until timestamptz;
create index idempotency_keys_leased on idempotency_keys (lease_id) where status_code is null;

-- Request hashes are keyed with a server secret from now on (k1.…): an unkeyed SHA-256 of a login
-- body is a fast hash of its password, and a login's answer held its session token. Rows of
-- anonymous callers (sign-up, sign-in, password reset: bodies with passwords or mailed tokens) and
-- any kept answer with a token go; a retry of those simply runs again.
delete from idempotency_keys where user_key like 'ip:%' or response_body like '%"token":%';
