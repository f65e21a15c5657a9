#!/usr/bin/env bash
# Fault (b): the disk under the SQLite database fills up. The database lives on a small tmpfs
# (a loop-mounted ext4 image if tmpfs cannot be mounted; both need root), a filler file takes
# the rest, and one learner keeps writing. The server must answer each write promptly with a
# clear error (503 "out of disk space"), keep serving pages, not corrupt the database
# (PRAGMA integrity_check), take writes again once the filler is gone, and restart cleanly.
#   scripts/faults/disk-full.sh      env: DISK_MB (16)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/load/server.sh
source scripts/faults/lib.sh
size=${DISK_MB:-16}
fault="disk full (SQLite on a ${size} MiB"

work=$(mktemp -d "${TMPDIR:-/tmp}/prep-full.XXXXXX")
disk=$work/disk
mkdir -p "$disk"
PREP_PID=
mounted=
cleanup() {
  [[ -n $PREP_PID ]] && stop_pid "$PREP_PID"
  [[ -n $mounted ]] && umount "$disk"
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $(id -u) -ne 0 ]]; then
  table_row "$fault filesystem)" "skipped: mounting a small filesystem needs root" "-"
  exit 0
fi
if mount -t tmpfs -o "size=${size}m" tmpfs "$disk" 2>/dev/null; then
  fault="$fault tmpfs)"
else
  truncate -s "${size}M" "$work/disk.img"
  mkfs.ext4 -q "$work/disk.img"
  mount -o loop "$work/disk.img" "$disk"
  fault="$fault loop-mounted ext4)"
fi
mounted=1
db=$disk/prep.db

echo "== $fault"
start_prep "$work/server.log" --addr 127.0.0.1:0 --database "$db" --judge-workers 0
node scripts/faults/writes.mjs setup --base "$PREP_BASE" --state "$work/state.json"

# The rest of the disk, to the last block.
dd if=/dev/zero of="$disk/filler" bs=64k status=none 2>/dev/null || true
dd if=/dev/zero of="$disk/filler2" bs=512 status=none 2>/dev/null || true
echo "disk: $(df -h --output=avail "$disk" | tail -1 | tr -d ' ') left"

echo "-- writes on the full disk"
node scripts/faults/writes.mjs burst --base "$PREP_BASE" --state "$work/state.json" --n 15 --out "$work/full.json"
alive=yes
kill -0 "$PREP_PID" 2>/dev/null || alive=no
integrity_full=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -3 | tr '\n' ' ')
echo "server still running: $alive; integrity_check while full: $integrity_full"

echo "-- writes after the filler is deleted"
rm -f "$disk/filler" "$disk/filler2"
node scripts/faults/writes.mjs burst --base "$PREP_BASE" --state "$work/state.json" --n 3 --out "$work/freed.json"

echo "-- restart on the same database"
stop_pid "$PREP_PID"
PREP_PID=
start_prep "$work/server.log" --addr 127.0.0.1:0 --database "$db" --judge-workers 0
integrity_after=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -3 | tr '\n' ' ')
echo "integrity_check after the restart: $integrity_after"
status=0
node scripts/load/main.mjs verify --state "$work/state.json" --db "sqlite:$db" --wait 1 || status=1
log_complaints "$work/server.log"

# What the full disk did to the writes, in one sentence.
happened=$(node -e '
  const [full, freed] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
  const writes = ["answer", "rate", "lesson_done"];
  const sum = (s, k) => writes.reduce((n, w) => n + (s[w]?.[k] ?? 0), 0);
  const slowest = Math.max(...writes.map((w) => full[w]?.maxMs ?? 0));
  const sample = writes.flatMap((w) => full[w]?.samples ?? [])[0] ?? "";
  const answered = (s) => ["ok", "limited", "unavailable", "down", "error"].reduce((n, k) => n + (s?.[k] ?? 0), 0);
  const pages = [["learner", "GET /lessons/:id"], ["visitor", "GET /lessons/:id (visitor)"]]
    .map(([who, l]) => `${full[l]?.ok ?? 0}/${answered(full[l])} as a ${who}`);
  console.log(`full: ${sum(full, "ok")} writes stored, ${sum(full, "unavailable")} refused with a clear 503, ${sum(full, "error")} other errors (e.g. ${sample.slice(0, 130)}), slowest ${slowest} ms; pages read ${pages.join(", ")}; after freeing space ${sum(freed, "ok")}/${sum(freed, "ok") + sum(freed, "unavailable") + sum(freed, "error")} writes stored`);
' "$work/full.json" "$work/freed.json")
table_row "$fault" "$happened; server up: $alive; integrity_check: ${integrity_full% } / after restart ${integrity_after% }" \
  "$(verify_summary "$work/state.json.verify.json")"
exit "$status"
