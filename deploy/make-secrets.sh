#!/bin/sh
# Makes the secret files compose.yaml mounts (./secrets, git-ignored), each a random value, leaving
# any that exist alone. The directory is the owner's only; the files are readable by the containers'
# own users (postgres, grafana, node), which the bind mount gives the host file's mode.
set -eu
cd "$(dirname "$0")/.."
umask 077
mkdir -p secrets
chmod 700 secrets
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
put() { # name value
  if [ ! -s "secrets/$1" ]; then printf '%s' "$2" >"secrets/$1"; fi
  chmod 644 "secrets/$1"
}
put postgres_password "$(random)"
put marquee_db_password "$(random)"
put redis_password "$(random)"
put nats_token "$(random)"
put admin_password "$(random)"
put payment_webhook_secret "$(random)"
put grafana_admin_password "$(random)"
# The URLs hold the passwords above, so they are made from those files.
# Marquee's own role (deploy/postgres/init), not the superuser whose password is postgres_password.
put database_url "postgres://marquee:$(cat secrets/marquee_db_password)@postgres:5432/marquee"
put redis_url "redis://:$(cat secrets/redis_password)@redis:6379"
put nats_url "nats://$(cat secrets/nats_token)@nats:4222"
echo "secrets in $(pwd)/secrets; the admin password is in secrets/admin_password"
