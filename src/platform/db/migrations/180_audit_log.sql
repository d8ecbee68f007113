-- Issue 19: who did what. One append-only row per row a staff or admin request changed in an audited
-- table, written by a trigger in the changing transaction (ADR 0010): a write cannot commit without
-- its entry, and no service has to remember to record it. The request says who it is in the session
-- setting marquee.audit (a JSON object, set by the database driver while an audited request holds a
-- connection); a change made with that setting empty (customers, jobs, migrations) is not recorded.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default statement_timestamp(),
  actor_id uuid,
  actor_email text,
  actor_role text,
  client_address text,
  request_id text,
  -- "METHOD /route/:pattern" of the request that made the change.
  route text,
  -- <object type>.<create|update|delete>, or <object type>.request for a write no audited row shows.
  action text not null,
  object_type text not null,
  object_id text,
  before jsonb,
  after jsonb,
  cinema_id uuid
);
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_object on audit_log (object_type, object_id, id);
create index audit_log_at on audit_log (at);

-- Append-only: nobody changes or removes history, not even with raw SQL on the app's own role.
create function audit_log_refuse() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = '42501';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each statement execute function audit_log_refuse();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse();

-- audit_row(object type, key columns joined by ',', then '+col' to keep only the named columns, or
-- '-col' to leave a column out): secrets and derived search columns never reach the log.
create function audit_row() returns trigger language plpgsql as $$
declare
  ctx jsonb := nullif(current_setting('marquee.audit', true), '')::jsonb;
  old_row jsonb;
  new_row jsonb;
  whole jsonb;
  keep text[];
  leave text[] := '{}';
  i int;
  obj text;
  cinema text;
begin
  if ctx is null then
    return null;
  end if;
  if tg_op <> 'INSERT' then old_row := to_jsonb(old); end if;
  if tg_op <> 'DELETE' then new_row := to_jsonb(new); end if;
  whole := coalesce(new_row, old_row);
  select string_agg(whole ->> c, '/') into obj from unnest(string_to_array(tg_argv[1], ',')) as c;
  cinema := case when tg_table_name = 'cinemas' then whole ->> 'id' else whole ->> 'cinema_id' end;
  for i in 2 .. tg_nargs - 1 loop
    if left(tg_argv[i], 1) = '+' then
      keep := coalesce(keep, '{}') || substr(tg_argv[i], 2);
    else
      leave := leave || substr(tg_argv[i], 2);
    end if;
  end loop;
  if keep is not null then
    old_row := (select jsonb_object_agg(key, value) from jsonb_each(old_row) where key = any (keep));
    new_row := (select jsonb_object_agg(key, value) from jsonb_each(new_row) where key = any (keep));
  end if;
  old_row := old_row - leave;
  new_row := new_row - leave;
  -- A write that changed nothing but its time stamp is no change (the request still leaves its own
  -- entry, audit.hooks.ts).
  if tg_op = 'UPDATE' and old_row - 'updated_at' = new_row - 'updated_at' then
    return null;
  end if;
  insert into audit_log
    (actor_id, actor_email, actor_role, client_address, request_id, route, action, object_type, object_id,
     before, after, cinema_id)
  values
    ((ctx ->> 'actorId')::uuid, ctx ->> 'email', ctx ->> 'role', ctx ->> 'ip', ctx ->> 'requestId', ctx ->> 'route',
     tg_argv[0] || '.' || case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
     tg_argv[0], obj, old_row, new_row, cinema::uuid);
  return null;
end $$;

-- The tables staff and admins change. Rows written in bulk beside one of these (a hall's seats, a
-- sale's claims, stock movements) are not logged one by one: the hall, layout, booking or stock row
-- that changes with them is.
do $$
declare
  t record;
begin
  for t in
    select * from (values
      ('movies', 'movie', 'id', array['-search_text', '-search_tsv', '-title_search']),
      ('people', 'person', 'id', array[]::text[]),
      ('movie_people', 'movie_person', 'movie_id,person_id,role', array[]::text[]),
      ('cinemas', 'cinema', 'id', array[]::text[]),
      ('halls', 'hall', 'id', array[]::text[]),
      ('hall_layouts', 'hall_layout', 'id', array[]::text[]),
      ('showtimes', 'showtime', 'id', array[]::text[]),
      ('ticket_types', 'ticket_type', 'id', array[]::text[]),
      ('cinema_price_lists', 'price_list', 'cinema_id', array[]::text[]),
      ('hall_price_defaults', 'hall_prices', 'hall_id', array[]::text[]),
      ('users', 'user', 'id', array['+id', '+email', '+name', '+phone', '+role', '+email_verified', '+deleted_at']),
      ('bookings', 'booking', 'id', array[]::text[]),
      ('tickets', 'ticket', 'id', array[]::text[]),
      ('refunds', 'refund', 'id', array[]::text[]),
      ('tills', 'till', 'id', array[]::text[]),
      ('till_sessions', 'till_session', 'id', array[]::text[]),
      ('till_movements', 'till_movement', 'id', array[]::text[]),
      ('app_settings', 'setting', 'key', array['-value']),
      ('cinema_tax_settings', 'tax_settings', 'cinema_id', array[]::text[]),
      ('promo_codes', 'promo_code', 'id', array[]::text[]),
      ('promo_code_values', 'promo_code_value', 'code', array[]::text[]),
      ('gift_cards', 'gift_card', 'id', array['-code_hash', '-code_sealed', '-lookup']),
      ('concession_products', 'concession_product', 'id', array[]::text[]),
      ('concession_variants', 'concession_variant', 'id', array[]::text[]),
      ('concession_combo_slots', 'concession_combo_slot', 'id', array[]::text[]),
      ('concession_combo_choices', 'concession_combo_choice', 'slot_id,variant_id', array[]::text[]),
      ('concession_offers', 'concession_offer', 'cinema_id,variant_id', array[]::text[]),
      ('concession_stock', 'concession_stock', 'cinema_id,variant_id', array[]::text[]),
      ('concession_orders', 'concession_order', 'id', array[]::text[]),
      ('waiting_rooms', 'waiting_room', 'id', array[]::text[])
    ) as v (tbl, kind, key_columns, columns)
  loop
    execute format(
      'create trigger audit_row after insert or update or delete on %I for each row '
      'when (coalesce(current_setting(''marquee.audit'', true), '''') <> '''') '
      'execute function audit_row(%s)',
      t.tbl,
      (select string_agg(quote_literal(a), ', ') from unnest(array[t.kind, t.key_columns] || t.columns) as a));
  end loop;
end $$;

-- Seat blocks are claims in state 'blocked'; holds and sales on the same table are not blocks.
create trigger audit_block_insert after insert on seat_claims for each row
  when (new.state = 'blocked' and coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('seat_block', 'showtime_id,seat_id');
create trigger audit_block_update after update on seat_claims for each row
  when ((old.state = 'blocked' or new.state = 'blocked') and coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('seat_block', 'showtime_id,seat_id');
create trigger audit_block_delete after delete on seat_claims for each row
  when (old.state = 'blocked' and coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('seat_block', 'showtime_id,seat_id');
