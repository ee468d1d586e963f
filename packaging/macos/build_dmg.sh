#!/usr/bin/env bash
# Builds SM6 Design Studio's macOS disk image: the macOS twin of packaging/build.sh. Apple silicon (arm64) only, with
# torch's default macOS wheel (CPU and the GPU through MPS: macOS has no CUDA, so this is the "cpu" flavour). The same
# PyInstaller spec as Linux and Windows makes `SM6 Studio.app`; dmgbuild puts it in a .dmg beside a link to
# /Applications. Then a smoke test of the image: mount it, copy the app out as a person would, and run its program
# (`doctor`, the window's first paint offscreen, one generation with the demo model, `self-test`) with fresh data and
# settings folders. Run by .github/workflows/installers.yml; packaging/README.md explains the choices.
#
# Signing and notarizing run only when their secrets are set (without them the image is unsigned: Gatekeeper asks
# the person to confirm the first start with right-click → Open):
#   SM6_MACOS_CERT_P12 (base64 of a "Developer ID Application" .p12), SM6_MACOS_CERT_PASSWORD, SM6_MACOS_SIGN_IDENTITY
#   SM6_NOTARY_APPLE_ID, SM6_NOTARY_TEAM_ID, SM6_NOTARY_PASSWORD (an app-specific password)
#
# Usage: packaging/macos/build_dmg.sh [--flavor cpu] [--no-smoke]
# Environment: SM6_TORCH_INDEX (a pip index for torch; default PyPI), SM6_TORCH_VERSION, PYTHON (a Python 3.11).
# Output: dist/sm6-studio_<version>_macos-arm64.dmg
set -euo pipefail
cd "$(dirname "$0")/../.."
flavor=cpu
smoke=1
while [ $# -gt 0 ]; do
  case "$1" in
    --flavor) flavor="${2:-}"; shift 2 ;;
    --no-smoke) smoke=0; shift ;;
    *) echo "usage: packaging/macos/build_dmg.sh [--flavor cpu] [--no-smoke]" >&2; exit 2 ;;
  esac
done
case "$flavor" in
  cpu) torch_spec="torch==${SM6_TORCH_VERSION:-2.13.0}" ;;
  cuda) echo "build_dmg.sh: macOS has no CUDA; the cpu flavour uses the Mac's GPU through MPS" >&2; exit 2 ;;
  *) echo "build_dmg.sh: --flavor is cpu, not '$flavor'" >&2; exit 2 ;;
esac
[ "$(uname -s)" = Darwin ] || { echo "build_dmg.sh: run this on macOS (the workflow's macos-14 job)" >&2; exit 2; }
started=$(date +%s)
work="build/$flavor"
venv="$work/venv"
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
mkdir -p "$work" dist

echo "== build environment ($flavor, $(uname -m)): $venv"
[ -x "$venv/bin/python" ] || "$PY" -m venv "$venv"
pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
index=()
[ -n "${SM6_TORCH_INDEX:-}" ] && index=(--index-url "$SM6_TORCH_INDEX")
"${pip[@]}" --upgrade "pip>=24"
"${pip[@]}" "${index[@]+"${index[@]}"}" "$torch_spec"
"${pip[@]}" -c packaging/constraints.txt . -r packaging/build-requirements.txt -r packaging/build-requirements-macos.txt
"$venv/bin/python" packaging/build_info.py --flavor "$flavor" --out "$work/build.json"
"$venv/bin/python" packaging/make_icons.py --out "$work/icons"
version="$("$venv/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$work/build.json")"

echo "== bundle (PyInstaller)"
SM6_BUILD_INFO="$work/build.json" SM6_ICONS="$work/icons" SM6_FLAVOR="$flavor" SM6_VERSION="$version" \
  "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/pyinstaller" packaging/sm6-studio.spec
app="$work/dist/SM6 Studio.app"
[ -x "$app/Contents/MacOS/sm6-studio" ] || { echo "build_dmg.sh: no $app/Contents/MacOS/sm6-studio" >&2; exit 1; }

if [ -n "${SM6_MACOS_SIGN_IDENTITY:-}" ] && [ -n "${SM6_MACOS_CERT_P12:-}" ]; then
  echo "== sign (Developer ID, hardened runtime)"
  keychain="$work/signing.keychain-db"
  kc_password="$(uuidgen)"
  security create-keychain -p "$kc_password" "$keychain"
  security set-keychain-settings -lut 21600 "$keychain"
  security unlock-keychain -p "$kc_password" "$keychain"
  printf '%s' "$SM6_MACOS_CERT_P12" | base64 --decode > "$work/cert.p12"
  security import "$work/cert.p12" -k "$keychain" -P "${SM6_MACOS_CERT_PASSWORD:-}" -T /usr/bin/codesign
  rm -f "$work/cert.p12"
  security set-key-partition-list -S apple-tool:,apple: -s -k "$kc_password" "$keychain" >/dev/null
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
  # --deep signs every library inside (torch's, Qt's) with the same identity and entitlements.
  codesign --force --deep --timestamp --options runtime --entitlements packaging/macos/entitlements.plist \
    --sign "$SM6_MACOS_SIGN_IDENTITY" --keychain "$keychain" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
else
  echo "== sign: skipped (SM6_MACOS_SIGN_IDENTITY and SM6_MACOS_CERT_P12 are not set); the image is unsigned"
fi

echo "== disk image (dmgbuild)"
dmg="dist/sm6-studio_${version}_macos-arm64.dmg"
rm -f "$dmg"
"$venv/bin/dmgbuild" -s packaging/macos/dmg_settings.py -D app="$app" -D icon="$work/icons/sm6-studio.icns" \
  "SM6 Design Studio" "$dmg"

if [ -n "${SM6_NOTARY_APPLE_ID:-}" ] && [ -n "${SM6_NOTARY_TEAM_ID:-}" ] && [ -n "${SM6_NOTARY_PASSWORD:-}" ] \
  && [ -n "${SM6_MACOS_SIGN_IDENTITY:-}" ]; then
  echo "== notarize"
  codesign --force --timestamp --sign "$SM6_MACOS_SIGN_IDENTITY" "$dmg"
  xcrun notarytool submit "$dmg" --apple-id "$SM6_NOTARY_APPLE_ID" --team-id "$SM6_NOTARY_TEAM_ID" \
    --password "$SM6_NOTARY_PASSWORD" --wait
  xcrun stapler staple "$dmg"
else
  echo "== notarize: skipped (SM6_NOTARY_APPLE_ID, SM6_NOTARY_TEAM_ID, SM6_NOTARY_PASSWORD are not all set)"
fi
echo "built $dmg ($(du -h "$dmg" | cut -f1)) in $(( $(date +%s) - started )) s"
[ "$smoke" = 1 ] || exit 0

echo "== smoke test: the app copied out of the image"
root="$(mktemp -d "${TMPDIR:-/tmp}/sm6-smoke.XXXXXX")"
mnt="$root/mnt"
mkdir -p "$mnt"
cleanup() { hdiutil detach "$mnt" -quiet 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT
hdiutil attach "$dmg" -nobrowse -readonly -mountpoint "$mnt" -quiet
[ -L "$mnt/Applications" ] || { echo "SMOKE TEST FAILED: no Applications link in the image" >&2; exit 1; }
ditto "$mnt/SM6 Studio.app" "$root/Applications/SM6 Studio.app"
hdiutil detach "$mnt" -quiet
prog="$root/Applications/SM6 Studio.app/Contents/MacOS/sm6-studio"
run() {
  env SM6_DATA_DIR="$root/data" SM6_CONFIG_DIR="$root/config" HF_HUB_OFFLINE=1 QT_QPA_PLATFORM=offscreen "$@"
}
run "$prog" --version
run "$prog" doctor > "$root/doctor.txt" 2>&1 || true  # non-zero while no model is installed: read its words
cat "$root/doctor.txt"
grep -q "CPU build" "$root/doctor.txt" || { echo "SMOKE TEST FAILED: doctor does not say which build" >&2; exit 1; }
t0=$(python3 -c 'import time; print(int(time.time()*1000))')
painted="$(run env SM6_EXIT_AFTER_FIRST_PAINT=1 "$prog")" \
  || { echo "SMOKE TEST FAILED: the window did not start" >&2; exit 1; }
grep -q FIRST_PAINT <<<"$painted" || { echo "SMOKE TEST FAILED: no first paint" >&2; exit 1; }
echo "first start: $(( $(python3 -c 'import time; print(int(time.time()*1000))') - t0 )) ms to first paint"
run "$prog" generate "pearl white" --steps 2 --size 128x128 --out "$root/out"
ls "$root/out"/*.png >/dev/null 2>&1 || { echo "SMOKE TEST FAILED: generate saved no PNG" >&2; exit 1; }
run "$prog" self-test
echo "== smoke test passed"
