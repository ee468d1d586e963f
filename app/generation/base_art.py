"""The SM6 base artwork (img2img init image) and its body mask in three views, rasterised at any size.

Core module: no Qt. The SVGs draw their background far outside the 1024×640 viewBox, so
fitting is done by widening the viewBox to the target aspect ratio: the car stays centred
at the largest size that fits, and the extra area shows the art's own background
(black in the mask), with art and mask pixels lining up exactly.
"""

from __future__ import annotations

import io
import operator
import re
from functools import lru_cache

import resvg_py
from PIL import Image

from app.paths import resource

# view -> (artwork, body mask); each pair shares its path data so the mask lines up with the art pixel for pixel
VIEW_FILES = {
    "side": (("art", "sm6_side.svg"), ("art", "sm6_mask.svg")),
    "front34": (("art", "sm6_front34.svg"), ("art", "sm6_front34_mask.svg")),
    "rear34": (("art", "sm6_rear34.svg"), ("art", "sm6_rear34_mask.svg")),
}
VIEWS = tuple(VIEW_FILES)  # the same names as app.generation.request.VIEWS
VIEW_WIDTH = 1024.0
VIEW_HEIGHT = 640.0
MIN_SIZE = 64
MAX_SIZE = 2048

_ROOT_TAG = re.compile(r"<svg\b[^>]*>", re.S)
_SIZE_ATTR = re.compile(r'\s(?:width|height|viewBox|preserveAspectRatio)\s*=\s*"[^"]*"')


def _check_size(width: int, height: int) -> tuple[int, int]:
    size = []
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool):
            raise TypeError(f"{name} must be an int, got bool")
        value = operator.index(value)  # accepts numpy ints, refuses floats
        if not MIN_SIZE <= value <= MAX_SIZE:
            raise ValueError(f"{name} must be between {MIN_SIZE} and {MAX_SIZE}, got {value}")
        size.append(value)
    return size[0], size[1]


def _check_view(view: str) -> str:
    if view not in VIEW_FILES:
        raise ValueError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")
    return view


@lru_cache(maxsize=8)
def _svg_text(parts: tuple[str, ...]) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def _fitted_svg(svg: str, width: int, height: int) -> str:
    """Rewrite the root tag so the 1024×640 view is centred and letterboxed in width×height."""
    scale = min(width / VIEW_WIDTH, height / VIEW_HEIGHT)
    view_w = width / scale
    view_h = height / scale
    x0 = (VIEW_WIDTH - view_w) / 2
    y0 = (VIEW_HEIGHT - view_h) / 2
    match = _ROOT_TAG.search(svg)
    if match is None:
        raise ValueError("not an SVG document")
    tag = _SIZE_ATTR.sub("", match.group(0))
    new_attrs = (
        f' width="{width}" height="{height}"'
        f' viewBox="{x0:.6f} {y0:.6f} {view_w:.6f} {view_h:.6f}"'
        ' preserveAspectRatio="none"'
    )
    tag = tag[:4] + new_attrs + tag[4:]
    return svg[: match.start()] + tag + svg[match.end() :]


def _rasterise(parts: tuple[str, ...], width: int, height: int) -> Image.Image:
    svg = _fitted_svg(_svg_text(parts), width, height)
    png = resvg_py.svg_to_bytes(svg_string=svg)
    image = Image.open(io.BytesIO(bytes(png)))
    image.load()
    if image.size != (width, height):
        # resvg rounds the canvas from the attributes; guard against off-by-one surprises.
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    return image


# Bounded: a 2048² RGB render is 12 MB, so a dozen of each stays well under a few hundred MB at worst.
@lru_cache(maxsize=12)
def _base_cached(width: int, height: int, view: str) -> Image.Image:
    rgba = _rasterise(VIEW_FILES[view][0], width, height).convert("RGBA")
    # The background is opaque; flattening only matters if the art is ever edited.
    flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    flat.alpha_composite(rgba)
    return flat.convert("RGB")


@lru_cache(maxsize=12)
def _mask_cached(width: int, height: int, view: str) -> Image.Image:
    rgba = _rasterise(VIEW_FILES[view][1], width, height).convert("RGBA")
    flat = Image.new("RGBA", rgba.size, (0, 0, 0, 255))
    flat.alpha_composite(rgba)
    return flat.convert("L")


def render_base(width: int, height: int, view: str = "side") -> Image.Image:
    """The SM6 artwork in `view` (one of VIEWS) as an RGB image of exactly width×height, car centred and
    uncropped. ValueError for a size outside 64..2048 or an unknown view."""
    return _base_cached(*_check_size(width, height), _check_view(view)).copy()


def render_mask(width: int, height: int, view: str = "side") -> Image.Image:
    """The car silhouette of `view` (white, wheels and glass included, shadow excluded) on black, mode "L",
    pixel-aligned with render_base."""
    return _mask_cached(*_check_size(width, height), _check_view(view)).copy()
