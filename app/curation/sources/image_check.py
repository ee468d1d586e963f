"""Is this a picture a judge can look at? Checked from its header first (an image bomb declares its size there, so
it is refused before a single pixel is decoded), then decoded once to find damage.

Shared by every source that reads image bytes: folders, ZIPs, CARs and this machine's library.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image

from app.curation.models import UNREADABLE_IMAGE, Problem
from app.messages import Msg

MAX_SIDE = 8192
MAX_PIXELS = 40_000_000  # a 40-megapixel picture decodes to 160 MB; anything larger is not a campaign entry
FORMATS = ("PNG", "JPEG")
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")

NOT_A_PICTURE = Msg("curation.import.not_a_picture", "{file} is not a PNG or JPEG picture, so it cannot be judged.")
DAMAGED_PICTURE = Msg("curation.import.damaged_picture", "{file} is damaged: the picture cannot be read to its end.")
IMAGE_BOMB = Msg(
    "curation.import.image_bomb",
    "{file} says it is {width}×{height} pixels, larger than this app opens (at most {max_side} pixels a side and "
    "{max_mp} megapixels), so it was not opened.",
)
IMAGE_BOMB_UNSIZED = Msg(
    "curation.import.image_bomb_unsized",
    "{file} declares a picture far larger than this app opens, so it was not opened.",
)


@dataclass(frozen=True)
class Picture:
    sha256: str
    width: int
    height: int
    format: str  # "PNG" or "JPEG"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_picture(data: bytes, file: str) -> Picture | Problem:
    """The picture's size and hash, or the Problem that keeps it aside (`file` names it in the sentence)."""
    try:
        # Opening reads the header only. PIL refuses a picture over twice its own pixel limit here (and merely warns
        # between; its warning filter is process-wide, so it is left alone): our smaller caps decide the rest.
        with Image.open(io.BytesIO(data), formats=list(FORMATS)) as img:
            width, height = img.size
            kind = img.format or ""
            if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and width * height <= MAX_PIXELS):
                reason = IMAGE_BOMB(
                    file=file, width=width, height=height, max_side=MAX_SIDE, max_mp=MAX_PIXELS // 1_000_000
                )
                return Problem(UNREADABLE_IMAGE, reason)
            img.load()  # decodes every byte: a truncated or corrupted picture fails here
    except Image.DecompressionBombError:
        return Problem(UNREADABLE_IMAGE, IMAGE_BOMB_UNSIZED(file=file))
    except Image.UnidentifiedImageError:
        # A PNG or JPEG cut short before its header ends starts like one: it is damaged, not another kind of file.
        damaged = data.startswith(_SIGNATURES)
        return Problem(UNREADABLE_IMAGE, (DAMAGED_PICTURE if damaged else NOT_A_PICTURE)(file=file))
    except Exception:  # noqa: BLE001 - any decoder failure means the same to a judge: the picture is damaged
        return Problem(UNREADABLE_IMAGE, DAMAGED_PICTURE(file=file))
    return Picture(sha256_hex(data), width, height, kind)
