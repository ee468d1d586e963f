#!/usr/bin/env bash
# Sets up (first run only) and runs the whole test suite headless. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# Anvil, the local JSON-RPC node for tests/app/test_anvil.py and the mint benchmark (pinned in
# tests/chain/package-lock.json, no install scripts). Without Node.js those tests skip.
if command -v npm >/dev/null; then
  npm ls --prefix tests/chain >/dev/null 2>&1 || npm ci --prefix tests/chain --no-audit --no-fund --ignore-scripts
fi
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 PYTHONFAULTHANDLER=1
# One worker per core, each taking whole files (their fixtures are built once per file's module or session): on
# 2 cores the suite takes about half as long. `-n 0` runs it in one process, e.g. to debug. A worker that crashes
# ends the run, naming the test it was running: with whole files handed out, xdist's replacement worker waited
# forever for work that never came (measured: a run with a test that segfaults hung until it was killed).
exec .venv/bin/python -m pytest -n auto --dist loadfile --max-worker-restart=0 "$@"
