-- Finance (issue 16): each cinema's tax settings, and the documents its accountants keep: receipts
-- of sales and credit notes of refunds, numbered without gaps per series and year.

-- A cinema's country, legal seller and tax rates per product kind, in basis points (7 % = 700).
-- Keyed by the catalog's cinema id without a foreign key: the catalog owns cinemas.
create table cinema_tax_settings (
  cinema_id uuid primary key,
  country text not null check (country ~ '^[A-Z]{2}$'),
  legal_name text not null check (length(legal_name) between 1 and 200),
  legal_address text not null check (length(legal_address) between 1 and 500),
  tax_id text check (length(tax_id) between 1 and 50),
  rate_tickets int not null check (rate_tickets between 0 and 10000),
  rate_food int not null check (rate_food between 0 and 10000),
  rate_merchandise int not null check (rate_merchandise between 0 and 10000),
  rate_default int not null check (rate_default between 0 and 10000),
  updated_at timestamptz not null
);

-- The last number given in each series (a cinema's receipts, its credit notes) and year. A document
-- takes its number by updating this row in the transaction that inserts the document: the row lock
-- serialises writers of one series, and a rollback takes the number back with the document.
create table document_series (
  series text not null check (length(series) between 1 and 80),
  year int not null check (year between 2000 and 9999),
  last int not null check (last >= 1),
  primary key (series, year)
);

-- A sale's receipt: a booking's (online or till) or a gift card's. `content` is the document as
-- issued (seller, lines, discount, tenders, taxes): later changes to settings or prices never alter it.
create table receipts (
  id uuid primary key,
  source text not null check (source in ('booking', 'gift_card')),
  booking_id uuid,
  gift_card_id uuid,
  cinema_id uuid,
  series text not null,
  year int not null,
  seq int not null check (seq >= 1),
  number text not null unique,
  issued_at timestamptz not null,
  -- The day of issue in the cinema's zone (UTC without one): the export's periods and the number's year.
  issued_on date not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  gross int not null,
  net int not null,
  tax int not null check (net + tax = gross),
  content jsonb not null,
  unique (series, year, seq),
  check ((source = 'booking') = (booking_id is not null)),
  check ((source = 'gift_card') = (gift_card_id is not null))
);
-- One receipt per booking and per gift card, whoever issues it first (consumer or mail job).
create unique index receipts_booking on receipts (booking_id) where booking_id is not null;
create unique index receipts_gift_card on receipts (gift_card_id) where gift_card_id is not null;
create index receipts_period on receipts (issued_on, cinema_id);

-- A refund's credit note, referencing the receipt it corrects; one per refund event.
create table credit_notes (
  id uuid primary key,
  receipt_id uuid not null references receipts (id),
  booking_id uuid not null,
  source_key text not null unique,
  cinema_id uuid,
  series text not null,
  year int not null,
  seq int not null check (seq >= 1),
  number text not null unique,
  issued_at timestamptz not null,
  -- The day of issue in the cinema's zone (UTC without one): the export's periods and the number's year.
  issued_on date not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  gross int not null check (gross > 0),
  net int not null,
  tax int not null check (net + tax = gross),
  content jsonb not null,
  unique (series, year, seq)
);
create index credit_notes_booking on credit_notes (booking_id);
create index credit_notes_period on credit_notes (issued_on, cinema_id);
