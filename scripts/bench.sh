#!/usr/bin/env bash
# Benchmark: the size of the browser bundle, and lesson-page throughput and latency on loopback
# with wrk (64 connections), side by side in one run: nginx serving a saved copy of the page from
# a file (what these cores can do), then Prep for a visitor and for a signed-in learner whose
# answer is on the page. Prints the figures and Prep's share of nginx; asserts nothing.
#   scripts/bench.sh [seconds]     (default 15 per run)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
scripts/setup.sh --bench
cargo xtask site >/dev/null
cargo build --release --package server

echo "== browser bundle (target/site/pkg)"
for f in prep_bg.wasm prep.js prep.css; do
  p=target/site/pkg/$f
  printf '%-14s raw %8d B   gzip -9 %8d B\n' "$f" "$(stat -c %s "$p")" "$(gzip -9 -c "$p" | wc -c)"
done
total_gz=$(( $(gzip -9 -c target/site/pkg/prep_bg.wasm | wc -c) + $(gzip -9 -c target/site/pkg/prep.js | wc -c) ))
echo "wasm + js gzip: $total_gz B (target: <= 409600)"

db=$(mktemp -d)/bench.db
log=$(mktemp)
target/release/prep --addr 127.0.0.1:0 --database "$db" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "serving on" "$log" && break; sleep 0.1; done
base=$(grep -o 'serving on http://[0-9.:]*' "$log" | head -1 | sed 's/serving on //')
lesson=go-gmp-model
url="$base/lessons/$lesson"
curl -sf "$url" -o /dev/null || { echo "no lesson $lesson" >&2; exit 1; }

# A learner with an answer of their own on the page (a guest: same path as a named account).
jar=$(mktemp)
curl -sf -c "$jar" -X POST -H "Origin: $base" "$base/api/guest" -o /dev/null
cookie=$(awk '$6 == "prep_session" { print $7 }' "$jar")
question=$(curl -s -b "prep_session=$cookie" "$url" | grep -o 'data-question="[^"]*"' | sed -n '1s/.*="//; 1s/"$//p')
curl -sf -b "prep_session=$cookie" -H "Origin: $base" -X POST "$base/api/answer" \
  --data-urlencode "question_id=$question" --data-urlencode "answer=My own words on the scheduler." -o /dev/null
learner_page=$(curl -s -b "prep_session=$cookie" "$url")
[[ $learner_page == *"My own words on the scheduler."* ]] \
  || { echo "the learner's answer is not server-rendered" >&2; exit 1; }

# nginx serves the page exactly as Prep sends it to a visitor.
www=$(mktemp -d)
mkdir -p "$www/lessons"
curl -s "$url" -o "$www/lessons/$lesson"
size=$(stat -c %s "$www/lessons/$lesson")
chmod -R a+rX "$www"   # nginx's workers run unprivileged
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$www/nginx.conf" <<CONF
worker_processes auto;
pid $www/nginx.pid;
error_log $www/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type text/html;
  client_body_temp_path $www/tmp; proxy_temp_path $www/tmp; fastcgi_temp_path $www/tmp;
  uwsgi_temp_path $www/tmp; scgi_temp_path $www/tmp;
  server { listen 127.0.0.1:$nginx_port; root $www; }
}
CONF
/usr/sbin/nginx -c "$www/nginx.conf" -p "$www"
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; kill "$(cat "$www/nginx.pid" 2>/dev/null)" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/lessons/$lesson" -o /dev/null && break; sleep 0.1; done

# One wrk run: prints its summary, leaves "requests/s p50 p99" in $run.
measure() {
  local name=$1; shift
  local out; out=$(wrk -t2 -c64 -d"${secs}s" --latency "$@")
  if echo "$out" | grep -q 'Non-2xx'; then echo "$out" >&2; echo "$name: error responses, figures void" >&2; exit 1; fi
  echo "-- $name"; echo "$out" | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors'
  run="$(echo "$out" | awk '/Requests\/sec/ { print $2 }') $(echo "$out" | awk '$1 == "50%" { print $2 }') $(echo "$out" | awk '$1 == "99%" { print $2 }')"
}
echo "== lesson page $lesson ($size bytes of HTML), wrk -t2 -c64 -d${secs}s"
measure "nginx, the saved page from a file" "http://127.0.0.1:$nginx_port/lessons/$lesson"; ref=$run
measure "Prep, visitor" "$url"; visitor=$run
measure "Prep, signed-in learner" -H "Cookie: prep_session=$cookie" "$url"; learner=$run
python3 - "$ref" "$visitor" "$learner" <<'PY'
import sys
def parse(s):
    rps, p50, p99 = s.split()
    ms = lambda v: float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
    return float(rps), ms(p50), ms(p99)
ref = parse(sys.argv[1])
print(f"{'':26}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'of nginx':>10}")
for name, s in (("nginx (static file)", sys.argv[1]), ("Prep, visitor", sys.argv[2]), ("Prep, signed-in learner", sys.argv[3])):
    rps, p50, p99 = parse(s)
    print(f"{name:26}{rps:10.0f}{p50:9.2f}{p99:9.2f}{rps / ref[0]:10.1%}")
print("targets: Prep >= 25% of nginx, p99 < 20 ms, for the visitor and for the learner")
PY
