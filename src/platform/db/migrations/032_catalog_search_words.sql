-- Movie search that stays fast with many movies. Matching words through full text (a stored
-- tsvector with a GIN index) is cheap per row; trigram similarity against whole documents is
-- not. So typos are forgiven on a small dictionary of every word the catalog contains: a query
-- word that is not in it is replaced by its closest dictionary words (pg_trgm), and the movies
-- are then found by full text.
alter table movies add column search_tsv tsvector
  generated always as (to_tsvector('simple'::regconfig, movie_search_document(title, original_title, director, cast_names))) stored;
create index movies_search_tsv on movies using gin (search_tsv);
drop index movies_search_fts;

create table search_words (
  word text primary key
);
create index search_words_trgm on search_words using gin (word gin_trgm_ops);

-- Words are only ever added: a word no movie uses any more costs a dictionary row, nothing else.
create function catalog_collect_search_words() returns trigger language plpgsql as $$
begin
  insert into search_words (word)
  select distinct w from changed_movies, unnest(tsvector_to_array(changed_movies.search_tsv)) as w
  on conflict do nothing;
  return null;
end $$;
create trigger movies_search_words_insert after insert on movies
  referencing new table as changed_movies for each statement execute function catalog_collect_search_words();
create trigger movies_search_words_update after update on movies
  referencing new table as changed_movies for each statement execute function catalog_collect_search_words();

insert into search_words (word)
select distinct w from movies, unnest(tsvector_to_array(movies.search_tsv)) as w
on conflict do nothing;

-- "Showing from now on at this cinema / in this city": one probe per movie.
create index showtimes_movie_cinema_start on showtimes (movie_id, cinema_id, starts_at) where status = 'scheduled';
