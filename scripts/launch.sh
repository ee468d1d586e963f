#!/usr/bin/env bash
# Sets up (first run only) and opens SM6 Design Studio. Extra arguments go to `sm6-studio`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec .venv/bin/sm6-studio "$@"
