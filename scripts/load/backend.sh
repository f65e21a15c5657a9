#!/usr/bin/env bash
# One backend's load run (called by scripts/load.sh; the release build must exist):
#   scripts/load/backend.sh sqlite|postgres SECONDS
# Postgres needs PREP_TEST_POSTGRES (run it inside scripts/with-postgres.sh).
# Seeds accounts on a server whose clock is three days behind (their rated cards are due when
# the load starts), restarts it with the judge on, warms the judge up, runs the load, checks the
# database against what was acknowledged.
# JUDGE_PROCESS=1 (Postgres only): the judge runs in a `prep worker` process of its own instead
# of inside the web server (the scale-out topology), to compare the two under the same load.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/load/server.sh
backend=$1
secs=$2
readers=${READERS:-200}
learners=${LEARNERS:-20}
workers=${JUDGE_WORKERS:-2}
judge_process=${JUDGE_PROCESS:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/prep-load.XXXXXX")
PREP_PID=
WORKER_PID=
cleanup() {
  [[ -n $WORKER_PID ]] && stop_pid "$WORKER_PID"
  [[ -n $PREP_PID ]] && stop_pid "$PREP_PID"
  rm -rf "$work"
}
trap cleanup EXIT

case $backend in
  sqlite)
    database=$work/load.db
    check=sqlite:$database
    ;;
  postgres)
    : "${PREP_TEST_POSTGRES:?run inside scripts/with-postgres.sh}"
    psql -X -q "$PREP_TEST_POSTGRES" -c 'DROP DATABASE IF EXISTS prep_load' -c 'CREATE DATABASE prep_load'
    database=${PREP_TEST_POSTGRES%/*}/prep_load
    check=$database
    ;;
  *)
    echo "backend: sqlite or postgres" >&2
    exit 2
    ;;
esac

echo "== $backend: seeding $readers readers and $learners learners (server clock 3 days behind)"
export PREP_CLOCK_OFFSET_SECS=-259200
start_prep "$work/seed.log" --addr 127.0.0.1:0 --database "$database" --judge-workers 0
unset PREP_CLOCK_OFFSET_SECS
node scripts/load/main.mjs seed --base "$PREP_BASE" --state "$work/state.json" --readers "$readers" --learners "$learners"
stop_pid "$PREP_PID"

if [[ -n $judge_process ]]; then
  [[ $backend == postgres ]] || { echo "JUDGE_PROCESS needs postgres (SQLite judges in the server)" >&2; exit 2; }
  start_prep "$work/server.log" --addr 127.0.0.1:0 --database "$database" --judge-workers 0 --external-workers
  start_worker "$work/worker.log" --database "$database" --workers "$workers"
  pids=$PREP_PID,$WORKER_PID
  echo "== $backend: server $PREP_BASE (pid $PREP_PID), $(nproc) cores, judge in prep worker (pid $WORKER_PID) --workers $workers"
else
  start_prep "$work/server.log" --addr 127.0.0.1:0 --database "$database" --judge-workers "$workers"
  pids=$PREP_PID
  echo "== $backend: server $PREP_BASE (pid $PREP_PID), $(nproc) cores, --judge-workers $workers"
fi
node scripts/load/main.mjs warm --base "$PREP_BASE" --state "$work/state.json"
status=0
node scripts/load/main.mjs run --base "$PREP_BASE" --state "$work/state.json" --secs "$secs" \
  --pids "$pids" --workers "$workers" --db "$check" || status=$?
log_complaints "$work/server.log"
if [[ -n $judge_process ]]; then log_complaints "$work/worker.log"; fi
exit "$status"
