#!/usr/bin/env bash
# Runs every check: formatting, clippy, unit and integration tests (real server on SQLite and on
# a throwaway PostgreSQL cluster), the scale-out topology, lesson code blocks, the judge, and
# end-to-end tests in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo xtask site
cargo build --package server
# Postgres cases must run here, not be skipped: the cluster is started for them.
PREP_REQUIRE_POSTGRES=1 scripts/with-postgres.sh cargo test --workspace --no-fail-fast
scripts/e2e.sh
