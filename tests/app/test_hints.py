"""What a ControlNet is shown: clean edges of the SM6 artwork or a sketch, and a depth-like map of the body."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from app.errors import RequestError
from app.generation import hints
from app.generation.base_art import VIEWS, render_mask


@pytest.mark.parametrize("view", VIEWS)
def test_edges_of_the_artwork_are_thin_white_lines_on_black(view):
    edges = hints.base_hint("edges", view, 480, 320)
    assert edges.size == (480, 320) and edges.mode == "RGB"
    pixels = np.asarray(edges)
    assert set(np.unique(pixels)) <= {0, 255}
    lines = pixels[..., 0] == 255
    assert 0.005 < lines.mean() < 0.06  # the body's lines, not the paint's texture
    # The lines are on the car: nearly all within a few pixels of its silhouette.
    car = np.asarray(render_mask(480, 320, view)) > 127
    from scipy import ndimage

    near_car = ndimage.binary_dilation(car, iterations=6)
    assert (lines & near_car).sum() > 0.85 * lines.sum()


@pytest.mark.parametrize("view", VIEWS)
def test_depth_is_bright_and_rounded_inside_the_body_and_black_outside(view):
    depth = np.asarray(hints.base_hint("depth", view, 320, 320))[..., 0].astype(int)
    car = np.asarray(render_mask(320, 320, view)) > 127
    assert (depth[~car] == 0).all()
    assert depth[car].min() > 40
    # Rounded: the middle of the body is brighter than its outline.
    from scipy import ndimage

    inner = ndimage.binary_erosion(car, iterations=12)
    outline = car & ~ndimage.binary_erosion(car, iterations=2)
    assert depth[inner].mean() > depth[outline].mean() + 40


def test_base_hints_are_cached_copies():
    first = hints.base_hint("edges", "side", 256, 256)
    first.paste((255, 0, 0), (0, 0, 256, 256))
    assert hints.base_hint("edges", "side", 256, 256).getpixel((0, 0)) == (0, 0, 0)


def test_unknown_hints_and_views_are_refused():
    with pytest.raises(ValueError):
        hints.base_hint("pose", "side", 256, 256)
    with pytest.raises(ValueError):
        hints.base_hint("edges", "top", 256, 256)


def car_sketch() -> Image.Image:
    image = Image.new("RGB", (640, 400), (250, 248, 244))
    draw = ImageDraw.Draw(image)
    draw.polygon([(60, 280), (80, 200), (220, 180), (290, 120), (450, 120), (520, 190), (590, 210), (590, 280)],
                 outline=(30, 30, 30), width=4)  # fmt: skip
    for cx in (170, 470):
        draw.ellipse((cx - 45, 240, cx + 45, 330), outline=(30, 30, 30), width=4)
    return image


def test_a_sketch_gives_edges_and_a_depth_map_of_its_shape():
    sketch = car_sketch()
    edges = np.asarray(hints.picture_hint("edges", sketch))[..., 0] == 255
    assert edges.shape == (400, 640) and 0.005 < edges.mean() < 0.1
    depth = np.asarray(hints.picture_hint("depth", sketch))[..., 0]
    assert depth[200, 350] > 100  # inside the body
    assert depth[20, 20] == 0 and depth[380, 620] == 0  # the paper around it


def test_a_picture_without_an_outline_says_to_use_edges():
    noise = Image.effect_noise((320, 240), 90).convert("RGB")
    blank = Image.new("RGB", (320, 240), (128, 128, 128))
    for picture in (noise, blank):
        with pytest.raises(RequestError) as caught:
            hints.picture_hint("depth", picture)
        assert caught.value.message == "This picture has no clear outline to take depth from; use Edges as the guide."
    assert np.asarray(hints.picture_hint("edges", blank)).max() == 0


def test_the_names_match_what_a_request_accepts():
    from app.generation import request

    assert hints.HINTS == request.HINTS
    assert VIEWS == request.VIEWS
