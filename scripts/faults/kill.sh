#!/usr/bin/env bash
# Fault (a): SIGKILL at random moments during a light load, then a restart on the same database,
# several rounds. SQLite: the server (its judge workers die with it). Postgres: the scale-out
# topology (a web server with --external-workers and two `prep worker` processes); the rounds
# kill the web server, a worker, or both. Afterwards every acknowledged write must be stored and
# every acknowledged submission end with a verdict (a dead worker's lease runs out and another
# claims it again).
#   scripts/faults/kill.sh sqlite|postgres      (Postgres: inside scripts/with-postgres.sh)
#   env: KILL_ROUNDS (4), LEASE_SECONDS (3)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/load/server.sh
source scripts/faults/lib.sh
backend=$1
rounds=${KILL_ROUNDS:-4}
lease=${LEASE_SECONDS:-3}

work=$(mktemp -d "${TMPDIR:-/tmp}/prep-kill.XXXXXX")
PREP_PID=
workers=()
driver=
cleanup() {
  [[ -n $driver ]] && kill "$driver" 2>/dev/null
  [[ -n $PREP_PID ]] && stop_pid "$PREP_PID"
  for w in "${workers[@]}"; do stop_pid "$w"; done
  rm -rf "$work"
}
trap cleanup EXIT

port=$(free_port)
if [[ $backend == postgres ]]; then
  database=$(fresh_postgres prep_faults)
  serve_flags=(--judge-workers 0 --external-workers)
else
  database=$work/prep.db
  serve_flags=(--judge-workers 2)
fi
check=$database
[[ $backend == sqlite ]] && check=sqlite:$database

serve() {
  local t0=$SECONDS
  start_prep "$work/server.log" --addr "127.0.0.1:$port" --database "$database" --lease-seconds "$lease" "${serve_flags[@]}"
  echo "  server up again (pid $PREP_PID) after $((SECONDS - t0)) s"
}
# Worker N (0 or 1): started, or restarted in its slot.
work_slot() {
  start_worker "$work/worker$1.log" --database "$database" --workers 1 --lease-seconds "$lease"
  workers[$1]=$WORKER_PID
}
# SIGKILL, then which of its child processes (compilers, the scaling-input generator) outlive
# it by a second.
orphans=()
kill_hard() {
  local pid=$1 children name
  children=$(pgrep -P "$pid" || true)
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  sleep 1
  for c in $children; do
    # Still running: there, and not a zombie waiting for init to reap it.
    if [[ -r /proc/$c/stat && $(sed 's/.*) //' "/proc/$c/stat" 2>/dev/null | cut -d' ' -f1) != Z ]]; then
      name=$(cat /proc/"$c"/comm 2>/dev/null || echo gone)
      orphans+=("$name")
      echo "  child $c ($name) outlived its parent"
    fi
  done
}

echo "== kill: $backend, $rounds rounds, --lease-seconds $lease"
PREP_PID=
start_prep "$work/server.log" --addr "127.0.0.1:$port" --database "$database" --lease-seconds "$lease" "${serve_flags[@]}"
if [[ $backend == postgres ]]; then
  work_slot 0
  work_slot 1
fi
base=http://127.0.0.1:$port
node scripts/load/main.mjs seed --base "$base" --state "$work/state.json" --readers 40 --learners 6
node scripts/load/main.mjs warm --base "$base" --state "$work/state.json"

secs=$((rounds * 7 + 8))
node scripts/load/main.mjs run --base "$base" --state "$work/state.json" --secs "$secs" --ramp 0 \
  --think 100-600 --learner-think 300-1200 >"$work/run.out" 2>&1 &
driver=$!
killed=()
for round in $(seq "$rounds"); do
  sleep "$(random_between 2 5).$(random_between 0 9)"
  # SQLite: always the server. Postgres: the web server, a worker, and in the last round both.
  victim=server
  if [[ $backend == postgres ]]; then
    case $((round % 3)) in
      1) victim=worker ;;
      2) victim=server ;;
      0) victim=both ;;
    esac
    ((round == rounds)) && victim=both
  fi
  echo "round $round: SIGKILL $victim"
  if [[ $victim == server || $victim == both ]]; then
    kill_hard "$PREP_PID"
    killed+=(server)
  fi
  if [[ $victim == worker || $victim == both ]]; then
    slot=$(random_between 0 1)
    kill_hard "${workers[$slot]}"
    killed+=("worker$slot")
  fi
  sleep "0.$(random_between 2 9)"
  if [[ $victim == server || $victim == both ]]; then serve; fi
  if [[ $victim == worker || $victim == both ]]; then work_slot "$slot"; fi
done
status=0
wait "$driver" || status=$?
driver=
cat "$work/run.out"

echo "== after the kills: the check"
node scripts/load/main.mjs verify --state "$work/state.json" --db "$check" --wait 300 || status=1
reclaimed=$(db_query "$check" "SELECT COUNT(*) FROM submissions WHERE attempts > 1")
internal=$(db_query "$check" "SELECT COUNT(*) FROM submissions WHERE verdict = 'IE'")
total=$(db_query "$check" "SELECT COUNT(*) FROM submissions")
log_complaints "$work/server.log"

what="${#killed[@]} SIGKILLs (${killed[*]}) at random moments under load, each restarted on the same database"
happened="$(run_summary "$work/state.json.summary.json"); $total submissions: $reclaimed judged again after their lease ran out, $internal given up as internal errors (killed mid-judging again and again); child processes outliving a killed parent: ${orphans[*]:-none}"
table_row "$what ($backend)" "$happened" "$(verify_summary "$work/state.json.verify.json")"
exit "$status"
