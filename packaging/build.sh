#!/usr/bin/env bash
# Builds SM6 Design Studio's Linux package on this machine: a PyInstaller one-folder bundle in a .deb, then runs the
# smoke test on it (packaging/smoke_test.sh). Its own command, not part of the test run: it takes minutes and a few
# GB of disk. packaging/README.md explains the choices.
#
# Usage: packaging/build.sh [--flavor cpu|cuda] [--no-smoke]
#   cpu  (default) torch's CPU build: runs everywhere, about a third of the CUDA build's size
#   cuda torch's CUDA build: for PCs with an NVIDIA GPU (the CUDA libraries come inside; only the driver is needed)
# Environment: SM6_TORCH_INDEX  a pip index for torch (CI: https://download.pytorch.org/whl/cpu or …/cu128);
#              SM6_TORCH_VERSION, SM6_CUDA_TORCH_VERSION  the torch release of each flavour.
# Output: dist/sm6-studio_<version>_amd64.deb (CPU) or dist/sm6-studio-cuda_<version>_amd64.deb (CUDA).
set -euo pipefail
cd "$(dirname "$0")/.."
flavor=cpu
smoke=1
while [ $# -gt 0 ]; do
  case "$1" in
    --flavor) flavor="${2:-}"; shift 2 ;;
    --no-smoke) smoke=0; shift ;;
    *) echo "usage: packaging/build.sh [--flavor cpu|cuda] [--no-smoke]" >&2; exit 2 ;;
  esac
done
case "$flavor" in
  cpu) torch_spec="torch==${SM6_TORCH_VERSION:-2.13.0}" ;;
  cuda) torch_spec="torch==${SM6_CUDA_TORCH_VERSION:-2.14.1}" ;;
  *) echo "build.sh: --flavor is cpu or cuda, not '$flavor'" >&2; exit 2 ;;
esac
started=$(date +%s)
work="build/$flavor"
venv="$work/venv"
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
mkdir -p "$work" dist

echo "== build environment ($flavor): $venv"
[ -x "$venv/bin/python" ] || "$PY" -m venv "$venv"
pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
index=()
[ -n "${SM6_TORCH_INDEX:-}" ] && index=(--index-url "$SM6_TORCH_INDEX")
"${pip[@]}" --upgrade "pip>=24"
"${pip[@]}" "${index[@]}" "$torch_spec"
# The app itself, not editable (the bundle copies installed files), with the same exact versions as a source install.
"${pip[@]}" -c packaging/constraints.txt . -r packaging/build-requirements.txt
"$venv/bin/python" packaging/build_info.py --flavor "$flavor" --out "$work/build.json"
"$venv/bin/python" packaging/make_icons.py --out "$work/icons"

echo "== bundle (PyInstaller)"
SM6_VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)" \
  SM6_BUILD_INFO="$work/build.json" SM6_ICONS="$work/icons" SM6_FLAVOR="$flavor" \
  "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/pyinstaller" packaging/sm6-studio.spec

echo "== package (.deb)"
deb=$(packaging/linux/make_deb.sh "$work/dist/sm6-studio" "$flavor" "$work/icons" dist)
echo "built $deb in $(( $(date +%s) - started )) s"
[ "$smoke" = 1 ] && packaging/smoke_test.sh "$deb"
exit 0
