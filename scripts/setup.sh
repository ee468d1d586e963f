#!/usr/bin/env bash
# Creates .venv and installs SM6 Design Studio into it. Idempotent: a second run with nothing changed returns at once.
# Usage: scripts/setup.sh [app|test]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-app}"
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
# The kiosk's on-screen keyboard (Qt Virtual Keyboard) loads PulseAudio's client library for its key sounds; without
# it the kiosk runs with no on-screen keyboard. Installed here where this user may (root with apt-get, as on CI).
if ! ldconfig -p 2>/dev/null | grep -q 'libpulse\.so\.0 '; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq libpulse0 >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq libpulse0 >/dev/null; } \
      || echo "note: libpulse0 could not be installed; the kiosk's on-screen keyboard will be missing" >&2
  else
    echo "note: install libpulse0 (Debian/Ubuntu) for the kiosk's on-screen keyboard" >&2
  fi
fi
# The curation store's tests start a real PostgreSQL server (tests/fixtures/postgres.py): Debian's server binaries.
if [ "$target" = "test" ] && ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null; } \
      || echo "note: postgresql could not be installed; the curation store's PostgreSQL tests will fail" >&2
  else
    echo "note: install postgresql (Debian/Ubuntu) for the curation store's PostgreSQL tests" >&2
  fi
fi
hash="$(cat pyproject.toml packaging/constraints.txt scripts/setup.sh | sha256sum | cut -c1-16)"
stamp=".venv/.setup-$target-$hash"
[ -f "$stamp" ] && exit 0
# The test install is the app plus its test extras: after scripts/test.sh, scripts/launch.sh has all it needs.
[ "$target" = "app" ] && [ -f ".venv/.setup-test-$hash" ] && exit 0
python -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
# torch first, pinned: a looser spec would pull a multi-GB CUDA build on machines meant for the CPU build.
# For an NVIDIA GPU, install the CUDA build of the same version before running this (see README, GPU notes).
python -c "import torch" 2>/dev/null || python -m pip install -q --disable-pip-version-check "torch==${SM6_TORCH_VERSION:-2.13.0}"
extra=""
[ "$target" = "test" ] && extra="[test]"
python -m pip install -q --disable-pip-version-check -c packaging/constraints.txt -e ".$extra"
rm -f .venv/.setup-"$target"-*
touch "$stamp"
