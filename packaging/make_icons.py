"""Renders the app icon (resources/app/sm6-studio.svg) for the installers: PNGs for Linux desktops, an .ico for
Windows, an .icns for macOS, and the SVG itself (Linux's scalable icon).

    python packaging/make_icons.py --out build/cpu/icons

Uses resvg (the app already renders its SVG artwork with it) and Pillow, so building icons needs nothing new.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
from pathlib import Path

import resvg_py
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "app" / "sm6-studio.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = tuple(n for n in SIZES if n <= 256)  # the .ico format stops at 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # an .icns holds each size and its @2x (1024 is 512@2x)
_SIZE = re.compile(r'width="\d+" height="\d+"')


def render(svg: str, size: int) -> Image.Image:
    """The icon at `size`×`size` pixels, drawn from the vector (not scaled from another size: crisp at 16 px)."""
    sized = _SIZE.sub(f'width="{size}" height="{size}"', svg, count=1)
    image = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_string=sized))))
    image.load()
    image = image.convert("RGBA")
    if image.size != (size, size):
        image = image.resize((size, size), Image.Resampling.LANCZOS)
    return image


def make_icons(out: Path, svg_path: Path = SVG) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    svg = svg_path.read_text(encoding="utf-8")
    images = {size: render(svg, size) for size in SIZES}
    written = []
    for size, image in images.items():
        path = out / f"sm6-studio-{size}.png"
        image.save(path)
        written.append(path)
    ico = out / "sm6-studio.ico"
    # Each size drawn from the vector: Pillow would otherwise shrink the largest one for the small sizes.
    images[256].save(ico, sizes=[(n, n) for n in ICO_SIZES], append_images=[images[n] for n in ICO_SIZES])
    icns = out / "sm6-studio.icns"
    icns_images = {**images, 1024: render(svg, 1024)}
    icns_images[1024].save(icns, append_images=[icns_images[n] for n in ICNS_SIZES])
    svg_copy = out / "sm6-studio.svg"
    shutil.copyfile(svg_path, svg_copy)
    return [*written, ico, icns, svg_copy]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder for the icons (made if missing)")
    args = parser.parse_args()
    for path in make_icons(args.out):
        print(path)


if __name__ == "__main__":
    main()
