#!/bin/sh
# Runs once, when the postgres container starts on an empty volume (docker-entrypoint-initdb.d).
# Marquee connects as `marquee`, not as the superuser the image makes (POSTGRES_USER, here
# `postgres`): a superuser could switch the audit log's append-only triggers off, read files and run
# programs. `marquee` owns the database, so its start-up migrations can make tables and the trusted
# extensions they use (pg_trgm, unaccent, btree_gist). It still owns the tables it makes, audit_log
# included: docs/operations.md ("Database roles") says how to split migrations off for that.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$(cat /run/secrets/marquee_db_password)" <<'SQL'
create role marquee login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'pw';
alter database marquee owner to marquee;
SQL
