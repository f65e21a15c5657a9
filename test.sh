#!/usr/bin/env bash
# Runs every test: unit, integration (real server + SQLite), lesson code blocks, the judge,
# and end-to-end tests in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
cargo xtask site
cargo build --package server
cargo test --workspace --no-fail-fast
scripts/e2e.sh
