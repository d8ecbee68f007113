-- The priced seats a payment pays for, as they were held when it was made: the tickets are issued
-- from them, and the amount is their sum.
alter table payments add column seats jsonb not null default '[]';
