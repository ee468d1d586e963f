"""A held-back picture is shown only as a blur of its pixels: nothing of its shapes survives, its shape (aspect) does,
and bytes that are not a picture become a calm grey tile, never an error."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

from app.safety.blur import SHOWN, blurred_png


def _png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _detail(picture: Image.Image) -> float:
    grey = np.asarray(picture.convert("L").resize((64, 64)), dtype=float)
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())


def test_shapes_are_gone_and_the_aspect_stays():
    picture = Image.new("RGB", (768, 512), "white")
    draw = ImageDraw.Draw(picture)
    for x in range(0, 768, 48):  # stripes and a figure: sharp edges everywhere
        draw.rectangle((x, 0, x + 23, 511), fill="black")
    draw.ellipse((300, 150, 460, 360), fill="red")
    blurred = Image.open(io.BytesIO(blurred_png(_png(picture))))
    assert blurred.size == (SHOWN, round(SHOWN * 512 / 768))
    assert _detail(blurred) < 0.05 * _detail(picture)


def test_bytes_that_are_not_a_picture_become_a_grey_tile():
    blurred = Image.open(io.BytesIO(blurred_png(b"not a picture")))
    assert blurred.size == (SHOWN, SHOWN) and _detail(blurred) == 0


def test_a_picture_declaring_more_pixels_than_any_design_becomes_the_grey_tile_undecoded():
    black = _png(Image.new("1", (6000, 6000)))  # 36 megapixels in a few kilobytes; designs are at most 2048²
    blurred = Image.open(io.BytesIO(blurred_png(black)))
    assert blurred.size == (SHOWN, SHOWN) and blurred.getpixel((0, 0)) == (96, 96, 96)
