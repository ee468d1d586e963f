#!/usr/bin/env bash
# Sets up (first run only) and runs the benchmarks; each prints ratios against a baseline measured in the same run.
# `scripts/bench.sh turbo` (the CPU one-step path at 512², ~4 GB of random weights cached in /tmp/sm6-bench-cache)
# and `scripts/bench.sh live` (live-mode frames at 256²) run only when named, like gpu, kiosk and curation.
# `scripts/bench.sh fleet [--kiosks N --images M --replicas 1,2 --passes 1,4]`: simulated kiosks against a Ray Serve generation
# server on this machine, against the local engine (issue 20); also only when named.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# Anvil, the local JSON-RPC node for tests/app/test_anvil.py and the mint benchmark (pinned in
# tests/chain/package-lock.json, no install scripts). Without Node.js those tests skip.
if command -v npm >/dev/null; then
  npm ls --prefix tests/chain >/dev/null 2>&1 || npm ci --prefix tests/chain --no-audit --no-fund --ignore-scripts
fi
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
exec .venv/bin/python -m tests.benchmarks "$@"
