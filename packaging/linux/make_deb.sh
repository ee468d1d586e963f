#!/usr/bin/env bash
# Wraps a PyInstaller bundle into a .deb: the program in /opt/sm6-studio, `sm6-studio` on the PATH, a menu entry
# with its icon, and install.toml pointing at the shared models folder /var/lib/sm6-studio/models.
# Usage: packaging/linux/make_deb.sh BUNDLE_DIR cpu|cuda ICONS_DIR OUT_DIR   (prints the .deb's path)
# SM6_DEB_VERSION overrides the version (the smoke test uses it to rehearse an upgrade).
set -euo pipefail
bundle="$1" flavor="$2" icons="$3" out="$4"
here="$(cd "$(dirname "$0")" && pwd)"
version="${SM6_DEB_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$here/../../app/__init__.py")}"
if [ "$flavor" = cuda ]; then
  package=sm6-studio-cuda words="CUDA build, for NVIDIA GPUs" conflicts="Conflicts: sm6-studio
Replaces: sm6-studio
Provides: sm6-studio"
else
  package=sm6-studio words="CPU build" conflicts="Conflicts: sm6-studio-cuda
Replaces: sm6-studio-cuda"
fi
root="$(mktemp -d "${TMPDIR:-/tmp}/sm6-deb.XXXXXX")"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications"
cp -a "$bundle" "$root/opt/sm6-studio"
printf "# Written by the package: the shared models folder every account on this computer searches.\nmodels_dir = '/var/lib/sm6-studio/models'\n" \
  > "$root/opt/sm6-studio/install.toml"
ln -s /opt/sm6-studio/sm6-studio "$root/usr/bin/sm6-studio"
install -m 0644 "$here/sm6-studio.desktop" "$root/usr/share/applications/sm6-studio.desktop"
for png in "$icons"/sm6-studio-*.png; do
  [ -e "$png" ] || continue
  n="$(basename "$png" .png)"; n="${n#sm6-studio-}"
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${n}x${n}/apps/sm6-studio.png"
done
[ -e "$icons/sm6-studio.svg" ] && install -D -m 0644 "$icons/sm6-studio.svg" "$root/usr/share/icons/hicolor/scalable/apps/sm6-studio.svg"
install -m 0755 "$here/postinst" "$here/postrm" "$root/DEBIAN/"
installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@PACKAGE@/$package/" -e "s/@VERSION@/$version/" -e "s/@INSTALLED_KB@/$installed_kb/" \
  -e "s/@FLAVOR_WORDS@/$words/" "$here/control.in" \
  | awk -v c="$conflicts" '{ if ($0 == "@CONFLICTS@") print c; else print }' > "$root/DEBIAN/control"
chmod -R u+rwX,go+rX,go-w "$root"
mkdir -p "$out"
deb="$out/${package}_${version}_amd64.deb"
# zstd: xz would shrink torch's libraries a little more but takes many minutes on two cores.
dpkg-deb --root-owner-group -Zzstd -z9 --build "$root" "$deb" >/dev/null
echo "$deb"
