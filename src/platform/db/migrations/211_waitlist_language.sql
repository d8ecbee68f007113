-- Issue 20: the language a guest joined the waiting list in, so that the booking an offer holds for
-- them (and its emails and PDFs) speaks it rather than English.
alter table waitlist_entries
  add column language text not null default 'en' check (language in ('en', 'de', 'fr'));
