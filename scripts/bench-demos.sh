#!/usr/bin/env bash
# Benchmark the demos: time from Run to the first sample on a warm build (target < 300 ms), and
# lesson-page latency under wrk while demos keep both cores busy (target p99 < 50 ms), side by
# side with the same page on an idle server in the same run. Prints figures; asserts nothing.
#   scripts/bench-demos.sh [seconds]     (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
scripts/setup.sh --test
cargo xtask site >/dev/null
cargo build --release --package server

work=$(mktemp -d)
log=$work/server.log
target/release/prep --addr 127.0.0.1:0 --database "$work/bench.db" --judge-workers 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 200); do grep -q "serving on" "$log" && break; sleep 0.1; done
base=$(grep -o 'serving on http://[0-9.:]*' "$log" | head -1 | sed 's/serving on //')
echo "== server $base, $(nproc) cores, demo slots: one per core"

echo "== browser code on a lesson page (gzip -9)"
gz() { gzip -9 -c "$1" | wc -c; }
wasm=$(gz target/site/pkg/prep_bg.wasm); js=$(gz target/site/pkg/prep.js)
demo=$(( $(gz target/site/pkg/demo/panel.js) + $(gz target/site/pkg/demo/chart.js) ))
echo "wasm $wasm B + prep.js $js B + demo/*.js $demo B = $((wasm + js + demo)) B (budget 409600 B)"

python3 - "$base" "$secs" <<'PY'
import http.client, json, statistics, subprocess, sys, threading, time, urllib.parse

base, secs = sys.argv[1], int(sys.argv[2])
host = urllib.parse.urlparse(base).netloc

def guest():
    """A guest session: each is one learner, allowed one demo at a time."""
    conn = http.client.HTTPConnection(host, timeout=30)
    conn.request("POST", "/api/guest", "", {"Content-Type": "application/x-www-form-urlencoded"})
    res = conn.getresponse()
    res.read()
    cookie = res.getheader("Set-Cookie").split(";")[0]
    conn.close()
    return cookie

def run(demo, params, cookie=None):
    """POSTs a run and reads its SSE stream to the end; returns seconds to the first sample."""
    conn = http.client.HTTPConnection(host, timeout=120)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = cookie
    conn.request("POST", f"/api/demos/{demo}/runs", urllib.parse.urlencode(params), headers)
    t0 = time.perf_counter()
    res = conn.getresponse()
    if res.status != 200:
        raise SystemExit(f"{demo}: {res.status} {res.read()!r}")
    first = None
    for raw in res:
        line = raw.decode().strip()
        if line == "event: sample" and first is None:
            first = time.perf_counter() - t0
        if line == "event: finished":
            break
    conn.close()
    return first

# Warm every demo's build once (the server also builds them in the background at start).
for demo in ["work-stealing", "worker-pool", "sync-pool", "lock-free-vs-mutex"]:
    run(demo, {})

print("== Run → first sample (warm build, idle server; 10 runs each)")
for demo, params in [("work-stealing", {"workers": 8, "tasks": 100000, "skew": "high"}),
                     ("worker-pool", {}), ("sync-pool", {})]:
    times = sorted(run(demo, params) * 1000 for _ in range(10))
    print(f"{demo:>16}: min {times[0]:6.1f} ms  median {statistics.median(times):6.1f} ms  max {times[-1]:6.1f} ms")

lesson = f"{base}/lessons/go-work-stealing"
def wrk(label):
    # -c64 saturates the server (latency is mostly queueing); -c8 is closer to one page's cost.
    for conns in (64, 8):
        out = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{secs}s", "--latency", lesson], capture_output=True, text=True).stdout
        rps = next(l.split()[1] for l in out.splitlines() if l.startswith("Requests/sec"))
        pct = {l.split()[0]: l.split()[1] for l in out.splitlines() if l.strip().startswith(("50%", "90%", "99%"))}
        print(f"{label:>34} -c{conns:<2}: {rps:>9} req/s   p50 {pct.get('50%')}   p90 {pct.get('90%')}   p99 {pct.get('99%')}")

print(f"== lesson page under wrk -t2 -d{secs}s ({lesson})")
wrk("idle server")
stop = threading.Event()
runs = [0]
def keep_busy(demo, params, cookie):
    while not stop.is_set():
        run(demo, params, cookie)
        runs[0] += 1
# Two learners (one demo each), so both slots (one per core) stay taken by CPU-bound demos.
busy = [threading.Thread(target=keep_busy, args=a + (guest(),), daemon=True) for a in
        [("lock-free-vs-mutex", {}), ("work-stealing", {"workers": 8, "tasks": 100000, "skew": "high"})]]
for t in busy:
    t.start()
time.sleep(1)
wrk("2 demos running (both cores busy)")
stop.set()
for t in busy:
    t.join()
print(f"(demo runs completed meanwhile: {runs[0]})")
PY
