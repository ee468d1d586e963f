#!/usr/bin/env bash
# Sets up (first run only) and runs the whole test suite headless. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 PYTHONFAULTHANDLER=1
exec .venv/bin/python -m pytest "$@"
