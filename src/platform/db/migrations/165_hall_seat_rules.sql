-- Issue 18: seat rules per hall. `no_single_gaps`: a customer's hold may not leave one lone empty
-- seat between taken seats or against a row's end (409 orphan_seat; staff exempt). Off by default,
-- so a hall without the rule pays nothing on the hold path.
alter table halls add column no_single_gaps boolean not null default false;
