-- Issue 19 review: "has this request left an entry yet?" (audit.hooks.ts) asked by request_id, which
-- a client chooses (X-Request-Id): a reused id found someone else's entry and suppressed the
-- request's own. Each audited request now carries a server-made key, stored beside the client's id
-- and indexed, since that check runs after every covered staff write.
alter table audit_log add column request_key uuid;
create index audit_log_request_key on audit_log (request_key) where request_key is not null;

create or replace function audit_row() returns trigger language plpgsql as $$
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
    (actor_id, actor_email, actor_role, client_address, request_id, request_key, route, action, object_type, object_id,
     before, after, cinema_id)
  values
    ((ctx ->> 'actorId')::uuid, ctx ->> 'email', ctx ->> 'role', ctx ->> 'ip', ctx ->> 'requestId',
     (ctx ->> 'requestKey')::uuid, ctx ->> 'route',
     tg_argv[0] || '.' || case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
     tg_argv[0], obj, old_row, new_row, cinema::uuid);
  return null;
end $$;
