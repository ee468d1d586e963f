#!/usr/bin/env bash
# Smoke test of a built .deb: installs it into an empty folder (its own dpkg database, no virtual environment, no
# Python of ours on the PATH), then, as a brand-new account would: `doctor`, the window's first paint (offscreen),
# one generation with the demo model, `self-test` (a design minted on the sandbox chain). Then it rehearses an
# upgrade, a removal and a purge, checking that the account's data and the shared models folder survive each.
#
# Usage: packaging/smoke_test.sh DEB [--compare]
#   --compare  also time scripts/launch.sh from a fresh clone of this checkout (set-up plus first paint, then a
#              second start), for the first-start comparison in packaging/README.md.
set -euo pipefail
deb="$(realpath "$1")"
compare=0
[ "${2:-}" = --compare ] && compare=1
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="$(mktemp -d "${TMPDIR:-/tmp}/sm6-smoke.XXXXXX")"
trap 'rm -rf "$root"' EXIT
say() { printf '%s\n' "== $*"; }
fail() { printf 'SMOKE TEST FAILED: %s\n' "$*" >&2; exit 1; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# As after a reboot: nothing of the program in the page cache (needs root; "" where it cannot be done).
drop_caches() { sync && { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; }

mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/log" "$root/home"
touch "$root/var/lib/dpkg/status"
# --force-depends: the empty folder has none of the libraries the package depends on (this machine has them).
dpkg_in() { dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-script-chrootless --force-depends "$@" 2>>"$root/dpkg.err"; }

say "install $(basename "$deb") into $root"
dpkg_in -i "$deb" >/dev/null
prog="$root/opt/sm6-studio/sm6-studio"
[ -x "$prog" ] || fail "no program at /opt/sm6-studio/sm6-studio"
[ -d "$root/var/lib/sm6-studio/models" ] || fail "postinst did not make the shared models folder"

# A brand-new account: nothing but what any desktop session has. No SM6_* overrides: the platform's own folders.
run() {
  env -i PATH=/usr/bin:/bin HOME="$root/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 \
    XDG_RUNTIME_DIR="$root/run" "$@"
}
mkdir -p "$root/run" && chmod 0700 "$root/run"

say "--version and doctor"
run "$prog" --version
run "$prog" doctor > "$root/doctor.txt" 2>&1 || true  # non-zero while no model is installed: read its words
cat "$root/doctor.txt"
grep -q "CPU build\|CUDA .*build" "$root/doctor.txt" || fail "doctor does not say which build this is"
grep -q "/var/lib/sm6-studio/models" "$root/doctor.txt" || fail "doctor does not search the shared models folder"

first_paint() {
  local t0 out
  t0=$(date +%s%N)
  out="$(run env SM6_EXIT_AFTER_FIRST_PAINT=1 "$prog" 2>"$root/paint.err")" || { cat "$root/paint.err" >&2; fail "the window did not start"; }
  grep -q FIRST_PAINT <<<"$out" || fail "no first paint"
  ms_since "$t0"
}
say "first paint (offscreen)"
first_ms="$(first_paint)"
second_ms="$(first_paint)"
echo "first start: ${first_ms} ms to first paint; second start: ${second_ms} ms"

say "one generation with the demo model"
t0=$(date +%s%N)
run "$prog" generate "pearl white with rose-gold trim" --steps 2 --size 128x128 --seed 7 --out "$root/out"
gen_ms="$(ms_since "$t0")"
ls "$root/out"/*.png >/dev/null 2>&1 || fail "generate saved no PNG"
echo "generated in ${gen_ms} ms: $(ls "$root/out")"

say "self-test (demo design minted on the sandbox chain)"
run "$prog" self-test

data="$root/home/.local/share/SM6Studio"
config="$root/home/.config/SM6Studio"
[ -d "$data" ] || fail "no data folder at ~/.local/share/SM6Studio"
# Every file the account has, bar the logs (each run adds to them); the settings folder exists once settings are saved.
snapshot() {
  (cd "$root/home" && find .local/share/SM6Studio $( [ -d .config/SM6Studio ] && echo .config/SM6Studio ) -type f \
    ! -path '*/logs/*' -print0 | sort -z | xargs -0 sha256sum)
}
snapshot > "$root/before.txt"
echo "weights an administrator put here" > "$root/var/lib/sm6-studio/models/shared-weights.safetensors"

say "upgrade to a newer version"
work="$root/repack"
dpkg-deb -R "$deb" "$work"
sed -i 's/^Version: \(.*\)$/Version: \1+smoke1/' "$work/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd -z1 --build "$work" "$root/upgrade.deb" >/dev/null
rm -rf "$work"
dpkg_in -i "$root/upgrade.deb" >/dev/null
snapshot | diff -q "$root/before.txt" - >/dev/null || fail "the upgrade changed the account's data"
run "$prog" doctor >/dev/null 2>&1 || true
run "$prog" generate "matte black" --steps 2 --size 128x128 --out "$root/out2" >/dev/null
snapshot > "$root/before.txt"  # the new design is part of what must survive removal

say "remove, then purge"
dpkg_in -r "$(dpkg-deb -f "$deb" Package)" >/dev/null
[ ! -e "$prog" ] || fail "the program is still there after removal"
snapshot | diff -q "$root/before.txt" - >/dev/null || fail "removal changed the account's data"
dpkg_in -P "$(dpkg-deb -f "$deb" Package)" >/dev/null
snapshot | diff -q "$root/before.txt" - >/dev/null || fail "purge changed the account's data"
[ -f "$root/var/lib/sm6-studio/models/shared-weights.safetensors" ] || fail "purge removed the shared weights"
echo "data, settings and shared weights survived the upgrade, removal and purge ($(wc -l < "$root/before.txt") files)"

say "figures"
echo "package:        $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
echo "installed size: $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "first paint:    first start ${first_ms} ms, second start ${second_ms} ms"

if [ "$compare" = 1 ]; then
  dpkg_in -i "$deb" >/dev/null  # back, for the cold start below
  say "scripts/launch.sh from a fresh clone, for comparison"
  clone="$root/clone"
  git clone -q "$repo" "$clone"
  # The person's own HOME (pip's settings live there); fresh data and settings folders like the package had.
  launch() {
    (cd "$clone" && env -u PYTHONDONTWRITEBYTECODE SM6_DATA_DIR="$root/launch-data" SM6_CONFIG_DIR="$root/launch-config" \
      SM6_EXIT_AFTER_FIRST_PAINT=1 QT_QPA_PLATFORM=offscreen scripts/launch.sh > "$root/launch.out" 2>&1) \
      || { tail "$root/launch.out"; fail "launch.sh failed"; }
  }
  t0=$(date +%s%N); launch
  echo "launch.sh, fresh clone (set-up and first paint): $(ms_since "$t0") ms"
  t0=$(date +%s%N); launch
  echo "launch.sh, second start: $(ms_since "$t0") ms"
  if drop_caches; then
    t0=$(date +%s%N); launch
    echo "launch.sh, start with an empty page cache (as after a reboot): $(ms_since "$t0") ms"
    drop_caches
    echo "package, start with an empty page cache (as after a reboot): $(first_paint) ms"
  fi
  echo "source install size: $(du -sh "$clone/.venv" | cut -f1) in .venv"
fi
say "smoke test passed"
