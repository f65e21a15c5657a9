#!/usr/bin/env bash
# Fault (c): another process holds the database locked for 10 s in the middle of a light load
# of readers (answering, rating, marking lessons done). SQLite: a python3 script holding
# BEGIN EXCLUSIVE on the file. Postgres: a psql session holding ACCESS EXCLUSIVE locks on the
# tables an answer, a lesson done and a rating's review write — but not on `ratings`, so a
# rating written in two steps would be caught half-applied. Requests must wait or fail clearly
# (503 "busy"), pages must keep being served, and nothing may be half-applied.
#   scripts/faults/lock.sh sqlite|postgres      (Postgres: inside scripts/with-postgres.sh)
#   env: LOCK_SECONDS (10)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/load/server.sh
source scripts/faults/lib.sh
backend=$1
hold=${LOCK_SECONDS:-10}

work=$(mktemp -d "${TMPDIR:-/tmp}/prep-lock.XXXXXX")
PREP_PID=
driver=
cleanup() {
  [[ -n $driver ]] && kill "$driver" 2>/dev/null
  [[ -n $PREP_PID ]] && stop_pid "$PREP_PID"
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $backend == postgres ]]; then
  database=$(fresh_postgres prep_lock)
  check=$database
  how="a psql session holding LOCK TABLE answers, lesson_progress, review_log, review_cards IN ACCESS EXCLUSIVE MODE"
else
  database=$work/prep.db
  check=sqlite:$database
  how="python3 holding BEGIN EXCLUSIVE on the file"
fi

echo "== lock: $backend, ${hold} s, $how"
start_prep "$work/server.log" --addr 127.0.0.1:0 --database "$database" --judge-workers 0
node scripts/load/main.mjs seed --base "$PREP_BASE" --state "$work/state.json" --readers 40 --learners 0
node scripts/load/main.mjs run --base "$PREP_BASE" --state "$work/state.json" --secs $((hold + 14)) --ramp 0 \
  --think 50-300 >"$work/run.out" 2>&1 &
driver=$!
sleep 5
echo "locking at $(date +%T)"
if [[ $backend == postgres ]]; then
  psql -X -q -v ON_ERROR_STOP=1 "$database" -c "BEGIN;
    LOCK TABLE answers, lesson_progress, review_log, review_cards IN ACCESS EXCLUSIVE MODE;
    SELECT pg_sleep($hold); COMMIT;" >/dev/null
else
  python3 - "$database" "$hold" <<'PY'
import sqlite3, sys, time
db, hold = sys.argv[1], float(sys.argv[2])
conn = sqlite3.connect(db, isolation_level=None, timeout=30)
conn.execute("BEGIN EXCLUSIVE")
time.sleep(hold)
conn.execute("ROLLBACK")
PY
fi
echo "released at $(date +%T)"
status=0
wait "$driver" || status=$?
driver=
cat "$work/run.out"
node scripts/load/main.mjs verify --state "$work/state.json" --db "$check" --wait 1 || status=1
log_complaints "$work/server.log"

happened=$(node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${s.unavailable} writes refused with a clear 503 "busy" after waiting 5 s, ${s.errors} other errors; lesson pages p99 ${s.lessonP99?.toFixed(0)} ms, slowest request ${s.slowest?.toFixed(0)} ms`);
' "$work/state.json.summary.json")
table_row "database locked ${hold} s by another process ($backend: $how)" "$happened" "$(verify_summary "$work/state.json.verify.json")"
exit "$status"
