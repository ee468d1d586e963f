#!/usr/bin/env bash
# Saves a screenshot of every workspace (desktop 1280×800 and 1920×1080, light and dark; the kiosk at 1280×800)
# with real content, for people to look at after changing a view. Usage: scripts/screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 SM6_SHOTS_DIR="${1:-/tmp/sm6-shots}"
.venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/shots_workspaces.py
echo "screenshots in $SM6_SHOTS_DIR"
