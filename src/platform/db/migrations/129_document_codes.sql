-- Finance (issue 16 review): the code of each cinema in its document numbers (R-{code}-{year}-{seq}).
-- It was the first 8 hex digits of the cinema id, so two cinemas sharing them made the same numbers
-- and every later receipt of the second one failed on receipts.number. Now each cinema's code is
-- taken once and is unique: the 8 digits when free, else 12, 16 … (receipts.service.ts codeOf).
-- Numbers stay unique through it; a series is still identified by (series, year, seq).
create table document_codes (
  cinema_id uuid primary key,
  code text not null unique check (code ~ '^[0-9A-F]{8,32}$')
);

-- The codes the numbers issued so far carry.
insert into document_codes (cinema_id, code)
select distinct on (cinema_id) cinema_id, split_part(number, '-', 2)
from receipts
where cinema_id is not null
order by cinema_id, issued_at
on conflict do nothing;
insert into document_codes (cinema_id, code)
select distinct on (cinema_id) cinema_id, split_part(number, '-', 2)
from credit_notes
where cinema_id is not null
order by cinema_id, issued_at
on conflict do nothing;
