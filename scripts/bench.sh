#!/usr/bin/env bash
# Benchmark: lesson-page throughput and latency on loopback with wrk (64 connections), and the
# size of the browser bundle. Prints figures; asserts nothing.
#   scripts/bench.sh [seconds]     (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
scripts/setup.sh --test
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
lesson=$(curl -s -X POST "$base/api/outline" | grep -o '"lessons":\[{"id":"[^"]*"' | head -1 | sed 's/.*"id":"//; s/"$//')
url="$base/lessons/$lesson"
size=$(curl -s "$url" | wc -c)
echo "== $url ($size bytes of HTML)"
wrk -t2 -c64 -d"${secs}s" --latency "$url"
