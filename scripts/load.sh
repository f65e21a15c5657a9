#!/usr/bin/env bash
# Load suite on loopback against the release build, on SQLite and then on Postgres: 200 readers
# (lesson pages, outline, answers, ratings, lessons done, review) and 20 learners submitting a
# mix of accepted, wrong, too slow, non-compiling and hostile solutions. Prints requests/s, p50/p99
# per endpoint, submissions judged/s, server RSS once a second, errors and deliberate 429s, then
# checks the database: every acknowledged write stored, every submission judged exactly once.
#   scripts/load.sh [seconds]      (default 60)
#   env: READERS (200), LEARNERS (20), JUDGE_WORKERS (2), BACKENDS ("sqlite postgres"),
#        JUDGE_PROCESS=1 (Postgres: judge in a `prep worker` process, see load/backend.sh)
# Not part of ./test.sh: it takes minutes and its figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
scripts/setup.sh --test
cargo xtask site >/dev/null
cargo build --release --package server

status=0
for backend in ${BACKENDS:-sqlite postgres}; do
  if [[ $backend == postgres ]]; then
    scripts/with-postgres.sh scripts/load/backend.sh postgres "$secs" || status=1
  else
    scripts/load/backend.sh "$backend" "$secs" || status=1
  fi
done
exit "$status"
