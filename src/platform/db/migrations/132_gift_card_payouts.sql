-- Issue 16 (review): a refund's gift card share that comes back to a card voided meanwhile cannot be
-- spent (the card is voided again at once), yet the money is the customer's. It is recorded here as
-- owed, listed for staff, and marked paid by an admin once it was paid out by hand (cash or transfer).
create table gift_card_payouts (
  id uuid primary key,
  gift_card_id uuid not null references gift_cards (id),
  booking_id uuid not null,
  amount int not null check (amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null,
  paid_at timestamptz,
  paid_by uuid references users (id),
  check ((paid_at is null) = (paid_by is null))
);
create index gift_card_payouts_owed on gift_card_payouts (created_at) where paid_at is null;
create index gift_card_payouts_card on gift_card_payouts (gift_card_id);
