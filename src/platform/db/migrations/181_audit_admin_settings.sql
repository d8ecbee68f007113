-- Issue 19: an admin setting kept in app_settings (the two-factor requirement) shows its value in
-- the audit log, before and after; every other key there is a server secret (signing keys, the TOTP
-- key) or a marker, and shows its key only, as migration 180 recorded all of them. A new admin
-- setting there joins the list in a migration.
create function audit_setting_shown(setting_key text) returns boolean language sql immutable
  as $$ select setting_key = any (array['accounts.require_second_factor']) $$;

drop trigger audit_row on app_settings;

create trigger audit_setting_insert after insert on app_settings for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '' and audit_setting_shown(new.key))
  execute function audit_row('setting', 'key');
create trigger audit_secret_insert after insert on app_settings for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '' and not audit_setting_shown(new.key))
  execute function audit_row('setting', 'key', '-value');
create trigger audit_setting_update after update on app_settings for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '' and audit_setting_shown(new.key))
  execute function audit_row('setting', 'key');
create trigger audit_secret_update after update on app_settings for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '' and not audit_setting_shown(new.key))
  execute function audit_row('setting', 'key', '-value');
create trigger audit_setting_delete after delete on app_settings for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '' and audit_setting_shown(old.key))
  execute function audit_row('setting', 'key');
create trigger audit_secret_delete after delete on app_settings for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '' and not audit_setting_shown(old.key))
  execute function audit_row('setting', 'key', '-value');
