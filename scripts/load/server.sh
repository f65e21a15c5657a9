# Starting and stopping the release build's processes, for the load and fault suites (sourced,
# not run). Each start appends to its log and waits for the line that says it is ready.
#   start_prep LOG ARGS…     prep serve ARGS…; sets PREP_PID and PREP_BASE (http://127.0.0.1:port)
#   start_worker LOG ARGS…   prep worker ARGS…; sets WORKER_PID
#   stop_pid PID             SIGTERM, then SIGKILL after 15 s; waits for it
#   log_complaints LOG       counts the WARN/ERROR lines in a log and shows a few

PREP_BIN=${PREP_BIN:-target/release/prep}

# Waits until the lines of LOG after line FROM contain PATTERN; fails if PID exits first.
_wait_for_line() {
  local log=$1 from=$2 pattern=$3 pid=$4
  for _ in $(seq 600); do
    if tail -n +"$((from + 1))" "$log" | sed 's/\x1b\[[0-9;]*m//g' | grep -q "$pattern"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "process $pid exited before it was ready; its log:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "process $pid not ready after 60 s" >&2
  return 1
}

start_prep() {
  local log=$1
  shift
  touch "$log"
  local from
  from=$(wc -l <"$log")
  "$PREP_BIN" "$@" >>"$log" 2>&1 &
  PREP_PID=$!
  _wait_for_line "$log" "$from" "serving on" "$PREP_PID"
  PREP_BASE=$(tail -n +"$((from + 1))" "$log" | sed 's/\x1b\[[0-9;]*m//g' | grep -o 'serving on http://[0-9.:]*' | head -1 | sed 's/serving on //')
}

start_worker() {
  local log=$1
  shift
  touch "$log"
  local from
  from=$(wc -l <"$log")
  "$PREP_BIN" worker "$@" >>"$log" 2>&1 &
  WORKER_PID=$!
  _wait_for_line "$log" "$from" "judging" "$WORKER_PID"
}

stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

log_complaints() {
  local plain
  plain=$(sed 's/\x1b\[[0-9;]*m//g' "$1")
  echo "server log $(basename "$1"): $(grep -cE ' (WARN|ERROR) ' <<<"$plain" || true) warning/error lines"
  grep -E ' (WARN|ERROR) ' <<<"$plain" | cut -c1-300 | head -5 || true
}
