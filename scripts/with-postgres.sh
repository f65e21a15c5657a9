#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temp dir, a free loopback port,
# PREP_TEST_POSTGRES set to its admin URL; the cluster and its files are removed afterwards.
#
#   scripts/with-postgres.sh cargo test -p store
#
# Uses Debian's PostgreSQL (scripts/setup.sh --test installs it). initdb refuses to run as
# root, so as root the cluster runs as the `postgres` user.
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
  echo "with-postgres: PostgreSQL is not installed (scripts/setup.sh --test installs it)" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/prep-pg.XXXXXX")
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$pgbin/initdb" -D "$dir/data" -A trust -U prep --no-sync >/dev/null
# A test cluster: no fsync (it is thrown away), room for several test servers' pools at once.
"${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off" \
  start >/dev/null

export PREP_TEST_POSTGRES="postgres://prep@127.0.0.1:$port/postgres"
"$@"
