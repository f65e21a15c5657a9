#!/usr/bin/env bash
# Benchmark the judge on loopback: many signed-up learners submitting reference solutions at
# once (submit → verdict percentiles, submissions/s, verdicts, server RSS), lesson-page latency
# under wrk with the judge idle and saturated side by side, and the editor bundle's size.
# Prints figures; asserts nothing (fails only if something does not start).
#   scripts/bench-judge.sh [learners] [submissions-each]     (default 50 3)
#   env: LEARNERS, SUBMISSIONS, JUDGE_WORKERS (default 2: one per core here), WRK_SECS (10)
# Learners are accounts, not guests: guests from one address share one pending cap (6), so
# 50 guests on loopback would be one learner to the judge.
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${1:-${LEARNERS:-50}}
each=${2:-${SUBMISSIONS:-3}}
workers=${JUDGE_WORKERS:-2}
secs=${WRK_SECS:-10}
scripts/setup.sh --test
cargo xtask site >/dev/null
cargo build --release --package server

echo "== editor bundle (target/site/pkg/editor, gzip -9)"
# editor.js loads eagerly on a problem page with the chunks it imports statically; a chunk
# only reached through import("…") (the vim keymap) loads when a learner turns vim on.
dir=target/site/pkg/editor
lazy=$(grep -ho 'import("\./[^"]*")' "$dir/editor.js" | sed 's/import("\.\///; s/")//' | sort -u)
eager=$(grep -ho 'from"\./[^"]*"' "$dir/editor.js" | sed 's/from"\.\///; s/"//' | sort -u)
raw_total=0 gz_total=0 eager_gz=0
for p in "$dir"/*.js; do
  f=$(basename "$p")
  raw=$(stat -c %s "$p") gz=$(gzip -9 -c "$p" | wc -c)
  raw_total=$((raw_total + raw)) gz_total=$((gz_total + gz))
  if [[ $f == editor.js ]] || grep -qx "$f" <<<"$eager"; then
    role="eager"; eager_gz=$((eager_gz + gz))
  elif grep -qx "$f" <<<"$lazy"; then
    role="lazy (vim keymap, on demand)"
  else
    role="not imported by editor.js (stale?)"
  fi
  printf '%-20s raw %8d B   gzip -9 %7d B   %s\n' "$f" "$raw" "$gz" "$role"
done
printf '%-20s raw %8d B   gzip -9 %7d B   (eager part: %d B gzip)\n' "total" "$raw_total" "$gz_total" "$eager_gz"

work=$(mktemp -d)
log=$work/server.log
target/release/prep --addr 127.0.0.1:0 --database "$work/bench.db" --judge-workers "$workers" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 200); do grep -q "serving on" "$log" && break; sleep 0.1; done
base=$(grep -o 'serving on http://[0-9.:]*' "$log" | head -1 | sed 's/serving on //')
[[ -n $base ]] || { cat "$log"; echo "the server did not start" >&2; exit 1; }
echo "== server $base (pid $pid), $(nproc) cores, --judge-workers $workers, SQLite, $learners learners × $each submissions"

node scripts/bench-judge.mjs "$base" "$pid" "$learners" "$each" "$secs"

# Anything the server complained about meanwhile (a refused request, a judge failure).
# (The log may carry colour codes: strip them before matching.)
plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
warnings=$(grep -cE ' (WARN|ERROR) ' <<<"$plain" || true)
echo "== server log: $warnings warning/error lines"
grep -E ' (WARN|ERROR) ' <<<"$plain" | head -5 || true
