"""The .deb wrapper (packaging/linux/make_deb.sh) on a small stand-in bundle: what it installs where, and that an
upgrade, a removal and a purge leave what people put on the computer alone. The real bundle is built and
smoke-tested by packaging/build.sh, which takes minutes; this checks the packaging itself on every test run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE_DEB = ROOT / "packaging" / "linux" / "make_deb.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None or shutil.which("dpkg") is None, reason="needs Debian's dpkg"
)


def make_bundle(folder: Path) -> Path:
    bundle = folder / "sm6-studio"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    program = bundle / "sm6-studio"
    program.write_text("#!/bin/sh\necho stand-in\n")
    program.chmod(0o755)
    (bundle / "_internal" / "resources" / "build.json").write_text('{"flavor": "cpu"}')
    icons = folder / "icons"
    icons.mkdir()
    for n in (16, 256):
        (icons / f"sm6-studio-{n}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (icons / "sm6-studio.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return bundle


def build_deb(tmp_path: Path, flavor: str, version: str | None = None) -> Path:
    bundle = make_bundle(tmp_path / f"in-{flavor}-{version}")
    env = {**os.environ, **({"SM6_DEB_VERSION": version} if version else {})}
    out = subprocess.run(
        [str(MAKE_DEB), str(bundle), flavor, str(bundle.parent / "icons"), str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def contents(deb: Path) -> dict[str, str]:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {}
    for line in listing.splitlines():
        parts = line.split(maxsplit=5)
        entries[parts[5].split(" -> ")[0].removeprefix(".")] = parts[0]
    return entries


def test_the_package_puts_the_program_its_menu_entry_and_icons_where_desktops_look(tmp_path):
    deb = build_deb(tmp_path, "cpu")
    assert deb.name == "sm6-studio_0.1.0_amd64.deb"
    files = contents(deb)
    assert files["/opt/sm6-studio/sm6-studio"].startswith("-rwxr-xr-x")
    assert files["/usr/bin/sm6-studio"].startswith("l")  # on the PATH
    assert "/usr/share/applications/sm6-studio.desktop" in files
    assert "/usr/share/icons/hicolor/256x256/apps/sm6-studio.png" in files
    assert "/usr/share/icons/hicolor/scalable/apps/sm6-studio.svg" in files
    assert "/opt/sm6-studio/install.toml" in files
    assert field(deb, "Package") == "sm6-studio"
    assert int(field(deb, "Installed-Size")) > 0
    assert "libxcb-cursor0" in field(deb, "Depends")  # what Qt's xcb platform needs on a bare desktop
    assert "CPU build" in field(deb, "Description")


def test_the_cuda_build_replaces_the_cpu_build_and_says_what_it_is(tmp_path):
    deb = build_deb(tmp_path, "cuda")
    assert field(deb, "Package") == "sm6-studio-cuda"
    assert field(deb, "Conflicts") == "sm6-studio"
    assert field(deb, "Provides") == "sm6-studio"
    assert "CUDA build" in field(deb, "Description")


def test_upgrade_removal_and_purge_keep_the_shared_weights(tmp_path):
    first, second = build_deb(tmp_path, "cpu"), build_deb(tmp_path, "cpu", version="0.1.0+1")
    root = tmp_path / "root"
    for sub in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/log"):
        (root / sub).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()

    def dpkg(*args: str) -> None:
        subprocess.run(
            ["dpkg", f"--root={root}", f"--log={root}/var/log/dpkg.log", "--force-script-chrootless",
             "--force-depends", "--force-not-root", *args],
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip

    dpkg("-i", str(first))
    models = root / "var/lib/sm6-studio/models"
    assert models.is_dir()  # made by postinst
    assert "models_dir = '/var/lib/sm6-studio/models'" in (root / "opt/sm6-studio/install.toml").read_text()
    (models / "mine.safetensors").write_bytes(b"weights")

    dpkg("-i", str(second))
    assert (root / "opt/sm6-studio/sm6-studio").is_file()
    dpkg("-r", "sm6-studio")
    assert not (root / "opt/sm6-studio/sm6-studio").exists()
    dpkg("-P", "sm6-studio")
    assert (models / "mine.safetensors").read_bytes() == b"weights"

    (models / "mine.safetensors").unlink()  # an empty shared folder goes with a purge
    dpkg("-i", str(first))
    dpkg("-P", "sm6-studio")
    assert not (root / "var/lib/sm6-studio").exists()
