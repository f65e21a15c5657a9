#!/usr/bin/env bash
# Fault suite against the release build, on loopback; prints a table: fault, what happened,
# data lost.
#   a) SIGKILL the server at random moments under load and restart it, several rounds, on
#      SQLite; then the Postgres scale-out topology, killing the web server and judge workers
#   b) the disk under the SQLite database fills up, then has room again
#   c) another process locks the database for 10 s (SQLite, then Postgres)
#   scripts/faults.sh [kill|disk|lock …]      (default: all three)
# Needs root for (b) (mounting a small tmpfs); skipped with a note otherwise. Not part of
# ./test.sh: it takes minutes. Exits non-zero if any acknowledged data was lost.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
cargo xtask site >/dev/null
cargo build --release --package server

table=$(mktemp)
trap 'rm -f "$table"' EXIT
export FAULT_TABLE=$table
status=0
for fault in "${@:-kill disk lock}"; do
  for f in $fault; do
    case $f in
      kill)
        scripts/faults/kill.sh sqlite || status=1
        scripts/with-postgres.sh scripts/faults/kill.sh postgres || status=1
        ;;
      disk) scripts/faults/disk-full.sh || status=1 ;;
      lock)
        scripts/faults/lock.sh sqlite || status=1
        scripts/with-postgres.sh scripts/faults/lock.sh postgres || status=1
        ;;
      *)
        echo "unknown fault $f (kill, disk, lock)" >&2
        exit 2
        ;;
    esac
  done
done

echo
echo "== faults"
echo "| fault | what happened | data lost |"
echo "|---|---|---|"
cat "$table"
exit "$status"
