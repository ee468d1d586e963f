"""The SM6 base artwork, its mask and the icon set, as a user (or img2img) would see them."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from app.generation.base_art import VIEWS, render_base, render_mask
from app.paths import REPO_ROOT, resource

SVG_NS = "{http://www.w3.org/2000/svg}"
ART_W, ART_H = 1024, 640
# A point on the front door, well inside the car in artwork coordinates.
DOOR = (560, 400)

ICON_NAMES = [
    "design", "describe", "token", "wallet", "library", "settings", "generate", "cancel",
    "star", "star-filled", "refine", "use", "import", "folder", "search", "copy",
    "chevron-left", "chevron-right", "info", "warning", "error", "success", "cpu", "gpu",
    "model", "trash", "queue", "lineage", "dice", "lock", "sun", "moon", "image", "plus",
    "refresh",
]  # fmt: skip


def subpaths(d: str) -> list[str]:
    return ["M" + part.strip() for part in d.split("M") if part.strip()]


def to_pixel(point: tuple[float, float], width: int, height: int) -> tuple[int, int]:
    """Where an artwork coordinate lands in a width×height render (centred, letterboxed)."""
    scale = min(width / ART_W, height / ART_H)
    x = (width - ART_W * scale) / 2 + point[0] * scale
    y = (height - ART_H * scale) / 2 + point[1] * scale
    return int(x), int(y)


@pytest.mark.parametrize(
    "size", [(1024, 640), (512, 512), (768, 512), (1024, 1024), (640, 1024), (64, 64), (2048, 1280)]
)
def test_renders_have_the_requested_size_and_mode(size):
    base = render_base(*size)
    mask = render_mask(*size)
    assert base.size == size and base.mode == "RGB"
    assert mask.size == size and mask.mode == "L"


@pytest.mark.parametrize("size", [(63, 640), (1024, 2049), (0, 0)])
def test_out_of_range_sizes_are_refused(size):
    with pytest.raises(ValueError):
        render_base(*size)
    with pytest.raises(ValueError):
        render_mask(*size)


@pytest.mark.parametrize("size", [(1024, 640), (512, 512), (768, 512)])
def test_mask_is_black_at_the_corners_and_white_on_the_car(size):
    w, h = size
    mask = np.asarray(render_mask(w, h))
    for y, x in [(0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1)]:
        assert mask[y, x] < 10
    x, y = to_pixel(DOOR, w, h)
    assert mask[y, x] > 245


def test_car_fills_a_sensible_part_of_the_frame():
    mask = np.asarray(render_mask(1024, 640)) > 127
    fraction = mask.mean()
    assert 0.20 <= fraction <= 0.60
    # Centred and not cropped: nothing touches the frame, and the car is wide (a sedan, side on).
    assert not mask[0].any() and not mask[-1].any() and not mask[:, 0].any() and not mask[:, -1].any()
    cols = np.flatnonzero(mask.any(axis=0))
    rows = np.flatnonzero(mask.any(axis=1))
    width, height = cols[-1] - cols[0], rows[-1] - rows[0]
    assert width > 0.75 * 1024
    assert 2.5 < width / height < 4.0
    centre_x = (cols[0] + cols[-1]) / 2
    assert abs(centre_x - 512) < 30


@pytest.mark.parametrize("size", [(512, 512), (640, 1024), (1024, 512)])
def test_other_aspect_ratios_letterbox_without_cropping_the_car(size):
    w, h = size
    mask = np.asarray(render_mask(w, h)) > 127
    assert not mask[0].any() and not mask[-1].any() and not mask[:, 0].any() and not mask[:, -1].any()
    cols = np.flatnonzero(mask.any(axis=0))
    rows = np.flatnonzero(mask.any(axis=1))
    assert abs((cols[0] + cols[-1]) / 2 - w / 2) < w * 0.04
    assert abs((rows[0] + rows[-1]) / 2 - h / 2) < h * 0.12
    # The letterbox is the art's own background, not a black or white bar.
    base = np.asarray(render_base(w, h)).astype(int)
    edge = np.concatenate([base[0], base[-1], base[:, 0], base[:, -1]])
    assert edge.min() > 180 and edge.max() < 250
    assert (edge.max(axis=0) - edge.min(axis=0)).max() < 40


@pytest.mark.parametrize("size", [(1024, 640), (512, 512)])
def test_mask_lines_up_with_the_artwork(size):
    base = np.asarray(render_base(*size)).astype(float)
    mask = np.asarray(render_mask(*size)) > 127
    background = base[0, 0]
    diff = np.abs(base - background).sum(axis=2)
    inside, outside = diff[mask].mean(), diff[~mask].mean()
    assert inside > 120
    assert inside > 6 * outside
    # The silhouette's edge is where the picture changes: a few pixels outside the mask are background.
    from PIL import Image, ImageFilter

    grown = np.asarray(Image.fromarray((mask * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(9))) > 127
    ring = grown & ~mask
    assert diff[ring].mean() < 0.25 * inside  # about 0.18 when aligned, 0.33 when 8 px off


def test_returned_images_are_copies():
    first = render_base(256, 160)
    first.paste((255, 0, 255), (0, 0, 256, 160))
    again = render_base(256, 160)
    assert again.getpixel((5, 5)) != (255, 0, 255)

    mask = render_mask(256, 160)
    mask.paste(255, (0, 0, 256, 160))
    assert render_mask(256, 160).getpixel((0, 0)) < 10


def test_artwork_has_named_parts_and_mask_shares_its_outline():
    art = ET.parse(resource("art", "sm6_side.svg")).getroot()
    mask = ET.parse(resource("art", "sm6_mask.svg")).getroot()
    assert art.get("viewBox") == mask.get("viewBox") == "0 0 1024 640"
    art_ids = {el.get("id") for el in art.iter()}
    assert {"body", "wheels", "glass"} <= art_ids
    art_subpaths = {sub for el in art.iter(f"{SVG_NS}path") for sub in subpaths(el.get("d"))}
    mask_subpaths = [sub for el in mask.iter(f"{SVG_NS}path") for sub in subpaths(el.get("d"))]
    assert len(mask_subpaths) >= 5
    car = next(el for el in art.iter(f"{SVG_NS}g") if el.get("id") == "car")
    silhouette = next(el for el in mask.iter(f"{SVG_NS}g") if el.get("id") == "silhouette")
    assert car.get("transform") == silhouette.get("transform")
    assert all(sub in art_subpaths for sub in mask_subpaths)
    # Tyres: the mask's circles sit where the artwork's wheel groups are translated to.
    art_wheel_origins = {el.get("transform") for el in art.iter(f"{SVG_NS}g") if el.get("transform")}
    art_radii = {el.get("r") for el in art.iter(f"{SVG_NS}circle")}
    tyres = list(mask.iter(f"{SVG_NS}circle"))
    assert len(tyres) == 2
    for tyre in tyres:
        assert f"translate({tyre.get('cx')},{tyre.get('cy')})" in art_wheel_origins
        assert tyre.get("r") in art_radii


def test_rasteriser_does_not_pull_in_qt():
    code = (
        "import sys; import app.generation.base_art; "
        "sys.exit(1 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_is_a_24px_line_icon_that_takes_the_theme_colour(name):
    path = resource("icons", f"{name}.svg")
    assert path.is_file(), f"missing icon {name}.svg"
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 24 24"
    text = path.read_text(encoding="utf-8")
    assert "currentColor" in text
    # Only currentColor (or none) as paint, so recolouring reaches every stroke and fill.
    for el in root.iter():
        for attr in ("fill", "stroke"):
            value = el.get(attr)
            assert value in (None, "none", "currentColor"), f"{name}: {attr}={value}"


def test_icon_set_is_consistent_and_licensed():
    icons_dir = resource("icons")
    for name in ICON_NAMES:
        root = ET.parse(icons_dir / f"{name}.svg").getroot()
        assert root.get("stroke-width") == "1.75"
        assert root.get("stroke-linecap") == "round"
        assert root.get("stroke-linejoin") == "round"
    assert ET.parse(icons_dir / "star-filled.svg").getroot().get("fill") == "currentColor"
    assert ET.parse(icons_dir / "star.svg").getroot().get("fill") == "none"
    licence = (icons_dir / "LICENSE.md").read_text(encoding="utf-8")
    assert "Lucide" in licence and "ISC" in licence


VIEW_SIZES = [(320, 320), (480, 320), (512, 288)]  # square, 3:2 and 16:9, small to keep the test quick


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("size", VIEW_SIZES, ids=["square", "wide", "wide-16x9"])
def test_every_view_renders_square_and_wide_with_an_aligned_mask(view, size):
    base = render_base(*size, view=view)
    mask_image = render_mask(*size, view=view)
    assert base.size == size and base.mode == "RGB"
    assert mask_image.size == size and mask_image.mode == "L"
    mask = np.asarray(mask_image) > 127
    # The car is letterboxed whole, a sensible share of the frame, roughly centred.
    assert 0.12 <= mask.mean() <= 0.60
    assert not mask[0].any() and not mask[-1].any() and not mask[:, 0].any() and not mask[:, -1].any()
    cols = np.flatnonzero(mask.any(axis=0))
    assert abs((cols[0] + cols[-1]) / 2 - size[0] / 2) < size[0] * 0.08
    # The mask's edge is where the picture changes: just outside it is backdrop (checked above the car's shadow).
    art = np.asarray(base).astype(float)
    diff = np.abs(art - art[0, 0]).sum(axis=2)
    from PIL import ImageFilter

    grown = np.asarray(mask_image.filter(ImageFilter.MaxFilter(9))) > 127
    rows = np.flatnonzero(mask.any(axis=1))
    upper = np.zeros_like(mask)
    upper[: rows[0] + int(0.6 * (rows[-1] - rows[0]))] = True
    ring = grown & ~mask & upper
    assert diff[ring].mean() < 0.25 * diff[mask].mean()
    assert diff[mask].mean() > 120


def test_the_three_views_are_different_pictures():
    masks = [np.asarray(render_mask(320, 320, view=view)) > 127 for view in VIEWS]
    for i in range(len(masks)):
        for j in range(i + 1, len(masks)):
            overlap = (masks[i] & masks[j]).sum() / (masks[i] | masks[j]).sum()
            assert overlap < 0.85


def test_the_three_quarter_views_show_the_car_in_perspective():
    for view in ("front34", "rear34"):
        mask = np.asarray(render_mask(512, 320, view=view)) > 127
        cols = np.flatnonzero(mask.any(axis=0))
        rows = np.flatnonzero(mask.any(axis=1))
        # Seen from a corner the car is shorter and taller on the page than side on (2.5..4 there).
        assert 1.4 < (cols[-1] - cols[0]) / (rows[-1] - rows[0]) < 2.8


@pytest.mark.parametrize("view", ["front34", "rear34"])
def test_three_quarter_masks_share_the_artworks_outline(view):
    art = ET.parse(resource("art", f"sm6_{view}.svg")).getroot()
    mask = ET.parse(resource("art", f"sm6_{view}_mask.svg")).getroot()
    assert art.get("viewBox") == mask.get("viewBox") == "0 0 1024 640"
    body_clip = next(el for el in art.iter(f"{SVG_NS}clipPath") if el.get("id") == "bodyClip")
    outline = next(iter(body_clip)).get("d")
    body = next(el for el in mask.iter(f"{SVG_NS}path") if el.get("id") == "body")
    assert body.get("d") == outline
    art_paths = {el.get("d") for el in art.iter(f"{SVG_NS}path")}
    assert all(el.get("d") in art_paths for el in mask.iter(f"{SVG_NS}path"))


def test_an_unknown_view_is_refused():
    with pytest.raises(ValueError):
        render_base(512, 512, view="top")
    with pytest.raises(ValueError):
        render_mask(512, 512, view="")
