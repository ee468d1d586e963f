#!/usr/bin/env bash
# Sets up (first run only) and runs the benchmarks; each prints ratios against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
exec .venv/bin/python -m tests.benchmarks "$@"
