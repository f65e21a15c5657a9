#!/usr/bin/env bash
# End-to-end tests in headless Chromium. Needs target/debug/prep and target/site (./test.sh builds both).
set -euo pipefail
cd "$(dirname "$0")/../tests/e2e"
if [[ ! -d node_modules/playwright-core || ! -d node_modules/axe-core ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node --test --test-concurrency=1
