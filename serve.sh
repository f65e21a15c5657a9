#!/usr/bin/env bash
# Sets up what is missing, builds, and serves Prep on http://127.0.0.1:3000 (data in ./data/).
# Flags are passed to the server: ./serve.sh --addr 0.0.0.0:8080 --database /tmp/x.db
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
cargo xtask site
cargo build --release --package server
exec target/release/prep "$@"
