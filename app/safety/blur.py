"""A held-back picture as it may be shown: blurred in its pixels until nothing in it can be recognised.

The blur is of the image data (a few pixels' worth of colour, smoothed back up), never an overlay on the original:
a screenshot, a copied pixmap or an accessibility tool sees only the blur.
"""

from __future__ import annotations

import io

from PIL import Image, ImageFilter

from app.safety.image_check import open_picture

DETAIL = 12  # the longest side kept, in pixels: colours and light survive, shapes do not
SHOWN = 256  # the longest side of the blurred picture (it is scaled to fit wherever it is shown)


def blurred_png(png: bytes) -> bytes:
    """A blurred PNG of `png`, keeping its aspect ratio; a plain grey picture when `png` cannot be read."""
    try:
        picture = open_picture(png)
    except Exception:  # noqa: BLE001 - unreadable bytes: shown as a calm grey tile, never the bytes
        picture = Image.new("RGB", (SHOWN, SHOWN), (96, 96, 96))
    out = io.BytesIO()
    blurred(picture).save(out, format="PNG")
    return out.getvalue()


def blurred(picture: Image.Image) -> Image.Image:
    """`picture` blurred beyond recognition (a few milliseconds: fine for a step preview on the UI thread)."""
    picture = picture.convert("RGB")
    width, height = picture.size
    scale = DETAIL / max(width, height, 1)
    small = picture.resize((max(1, round(width * scale)), max(1, round(height * scale))), Image.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(1))
    scale = SHOWN / max(small.size)
    shown = small.resize((max(1, round(small.width * scale)), max(1, round(small.height * scale))), Image.BICUBIC)
    return shown.filter(ImageFilter.GaussianBlur(SHOWN // 16))
