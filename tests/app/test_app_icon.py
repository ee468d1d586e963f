"""The app icon the installers carry: every size drawn from the one SVG, the accent colour visible even at 16 px."""

from __future__ import annotations

import importlib.util

from PIL import Image

from app import paths

ACCENT = (0xF2, 0xB7, 0x05)


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", paths.REPO_ROOT / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_icons_writes_every_size_an_installer_needs(tmp_path):
    make_icons = _make_icons()
    written = {p.name for p in make_icons.make_icons(tmp_path / "icons")}

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        name = f"sm6-studio-{size}.png"
        assert name in written
        image = Image.open(tmp_path / "icons" / name).convert("RGB")
        assert image.size == (size, size)
        colours = image.getcolors(size * size)
        accent = sum(n for n, px in colours if sum(abs(a - b) for a, b in zip(px, ACCENT)) < 60)
        assert accent >= size * size // 16, (size, accent)  # the car, not a blur: still there at 16 px
    assert Image.open(tmp_path / "icons" / "sm6-studio.ico").ico.sizes() >= {(16, 16), (32, 32), (256, 256)}
    assert Image.open(tmp_path / "icons" / "sm6-studio.icns").size == (1024, 1024)
    assert (tmp_path / "icons" / "sm6-studio.svg").read_bytes() == paths.resource("app", "sm6-studio.svg").read_bytes()
