-- Issue 20: languages. A customer's preferred language (accounts), the language a booking was made
-- in (booking: a guest's emails speak it), and a movie's texts per language beside the original
-- (catalog), in the shape concession products use: {"de": {"title": …}, "fr": {…}}.
alter table users
  add column language text not null default 'en' check (language in ('en', 'de', 'fr'));

alter table bookings
  add column language text not null default 'en' check (language in ('en', 'de', 'fr'));

alter table movies
  add column translations jsonb not null default '{}' check (jsonb_typeof(translations) = 'object');
