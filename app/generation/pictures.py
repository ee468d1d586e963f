"""Sketches and photos a person loads to start a design from, kept by content hash so Verify finds them again.

Every picture comes from outside and is hostile until proven otherwise: its file size is capped before a byte is
read, its declared pixel size is checked from the header before anything is decoded, only everyday formats are
opened (Pillow's EPS reader, for one, would run Ghostscript), and any decoder failure becomes one plain sentence.
What is kept is a normalised copy: upright (EXIF orientation applied), RGB (transparency flattened on white), the
first frame of an animation, at most 2048 pixels on its longest side, as a PNG named by the sha256 of its bytes.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import threading
from pathlib import Path
from typing import Protocol

import numpy as np
from PIL import Image, ImageOps

from app import paths
from app.errors import RequestError
from app.fsutil import atomic_write_bytes
from app.messages import Msg
from app.storage_errors import storage_error

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_SIDE_IN = 8192  # the largest picture decoded at all
MAX_SIDE_KEPT = 2048  # the largest picture kept (generation never asks for more)
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")  # JPEG includes cameras' multi-picture (MPO) files
_SHA256 = re.compile(r"[0-9a-f]{64}")

NOT_A_PICTURE = Msg(
    "generation.picture.not_a_picture",
    "This file is not a picture the app can open. Load a PNG, JPEG, WebP, GIF, BMP or TIFF file.",
)
FILE_TOO_LARGE = Msg(
    "generation.picture.file_too_large",
    "This picture's file is larger than {max_mb} MB. Save a smaller copy and load that.",
)
TOO_MANY_PIXELS = Msg(
    "generation.picture.too_many_pixels",
    "This picture is {width}×{height} pixels, more than the app opens (at most {max_side} pixels a side). "
    "Save a smaller copy and load that.",
)
FAR_TOO_LARGE = Msg(
    "generation.picture.far_too_large",
    "This picture declares a size far larger than the app opens, so it was not opened. Save a smaller copy and "
    "load that.",
)
DAMAGED = Msg(
    "generation.picture.damaged",
    "This picture is damaged and cannot be read to its end. Save it again and load the new copy.",
)
UNREADABLE_FILE = Msg(
    "generation.picture.unreadable_file",
    "The file cannot be read. Check that it still exists and that you may open it.",
)
GONE = Msg(
    "generation.picture.gone",
    "The loaded sketch or photo is no longer in the app's picture folder. Load it again.",
)
CANNOT_KEEP = Msg("generation.picture.cannot_keep", "The picture could not be kept")


def default_store() -> PictureStore:
    """The store in the current data folder (read each time: tests and the Settings page may move it)."""
    return PictureStore(paths.data_dir() / "pictures")


class PictureStore:
    """Loaded pictures under `root`, one `<sha256>.png` each. Safe to use from several threads: files are written
    whole by rename, and the same picture always makes the same name."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else paths.data_dir() / "pictures"

    def add_file(self, path: Path | str) -> str:
        """Keep the picture in the file at `path`; its sha256. RequestError in plain words when it is not a usable
        picture (nothing is stored then)."""
        try:
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size > MAX_FILE_BYTES:  # refused from its size alone: not a byte of it is read
                    raise RequestError(FILE_TOO_LARGE(max_mb=MAX_FILE_BYTES // (1024 * 1024)), f"{size} bytes")
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise RequestError(UNREADABLE_FILE(), f"{type(exc).__name__}: {exc}") from exc
        return self.add_bytes(data)

    def add_bytes(self, data: bytes) -> str:
        png = normalised_png(data)
        sha = hashlib.sha256(png).hexdigest()
        target = self.root / f"{sha}.png"
        if not target.is_file():  # the same picture twice is one file
            try:
                atomic_write_bytes(target, png)
            except OSError as exc:
                raise storage_error(exc, CANNOT_KEEP(), folder=self.root, file=target) from exc
        return sha

    def path_of(self, sha256: str) -> Path | None:
        """The stored file of `sha256`, or None when there is none (or the name is no sha256 at all)."""
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            return None
        path = self.root / f"{sha256}.png"
        return path if path.is_file() else None

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256) is not None

    def load(self, sha256: str, size: tuple[int, int]) -> Image.Image:
        """The picture as RGB of exactly `size`: centre-cropped to its aspect ratio, then resized. RequestError
        when it is gone or its file is damaged."""
        path = self.path_of(sha256)
        if path is None:
            raise RequestError(GONE(), f"no stored picture {str(sha256)[:80]}")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RequestError(GONE(), f"{type(exc).__name__}: {exc}") from exc
        return _fitted(data, size)  # the store's own file is checked like any other: the disk may have damaged it


class PictureSource(Protocol):
    """Where a job finds the picture it starts from: the PictureStore on a desktop or kiosk, HeldPictures on a
    generation server."""

    def has(self, sha256: str) -> bool: ...

    def load(self, sha256: str, size: tuple[int, int]) -> Image.Image: ...


class HeldBytes:
    """Bytes held in memory by key while the jobs that sent them run: held once for each `hold`, gone after as
    many `release`s. Safe to use from several threads."""

    def __init__(self) -> None:
        self._held: dict[str, tuple[bytes, int]] = {}  # key -> bytes, jobs here now that sent them
        self._lock = threading.Lock()

    def hold(self, key: str, data: bytes) -> None:
        with self._lock:
            self._held[key] = (data, self._held.get(key, (data, 0))[1] + 1)

    def release(self, key: str) -> None:
        with self._lock:
            data, count = self._held.get(key, (b"", 0))
            if count > 1:
                self._held[key] = (data, count - 1)
            else:
                self._held.pop(key, None)

    def get(self, key: str) -> bytes | None:
        with self._lock:
            return self._held.get(key, (None, 0))[0]

    def __len__(self) -> int:
        return len(self._held)


class HeldPictures(HeldBytes):
    """The pictures a generation server's jobs start from, held in memory only while the jobs that sent them run:
    a visitor's sketch or photo never touches the server's disk, and a server stopped hard leaves none behind.
    Named like the store names them (sha256 of the normalised PNG), so a kiosk's request finds its picture."""

    def hold_picture(self, data: bytes) -> str:
        """Held until `release`d once for each hold; its sha256. RequestError when it is no usable picture."""
        png = normalised_png(data)
        sha = hashlib.sha256(png).hexdigest()
        self.hold(sha, png)
        return sha

    def has(self, sha256: str) -> bool:
        return self.get(sha256) is not None

    def load(self, sha256: str, size: tuple[int, int]) -> Image.Image:
        png = self.get(sha256)
        if png is None:
            raise RequestError(GONE(), f"no held picture {str(sha256)[:80]}")
        return _fitted(png, size)


def _fitted(data: bytes, size: tuple[int, int]) -> Image.Image:
    return ImageOps.fit(_decode(data), tuple(size), Image.Resampling.LANCZOS)


def normalised_png(data: bytes) -> bytes:
    """The picture in `data` as the store keeps it: upright RGB PNG, longest side at most MAX_SIDE_KEPT."""
    image = _decode(data)
    if max(image.size) > MAX_SIDE_KEPT:
        image.thumbnail((MAX_SIDE_KEPT, MAX_SIDE_KEPT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)  # no metadata: the same pixels always make the same bytes
    return out.getvalue()


def _decode(data: bytes) -> Image.Image:
    """RGB pixels of the first frame, upright and flattened; RequestError for anything else."""
    if len(data) > MAX_FILE_BYTES:
        raise RequestError(FILE_TOO_LARGE(max_mb=MAX_FILE_BYTES // (1024 * 1024)), f"{len(data)} bytes or more")
    try:
        # PIL refuses a picture over twice its pixel limit while opening (and only warns between: its warning filter is
        # process-wide and this runs off the UI thread, so it is left alone); our smaller cap decides the rest.
        with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
            width, height = image.size  # from the header: nothing decoded yet
            if not (0 < width <= MAX_SIDE_IN and 0 < height <= MAX_SIDE_IN):
                raise RequestError(
                    TOO_MANY_PIXELS(width=width, height=height, max_side=MAX_SIDE_IN), f"{width}×{height}"
                )
            image.seek(0)  # an animation or a multi-page file: its first frame
            image.load()  # decodes every byte of it: a truncated file fails here
            upright = ImageOps.exif_transpose(image)
            return _to_rgb(upright)
    except RequestError:
        raise
    except Image.DecompressionBombError as exc:
        raise RequestError(FAR_TOO_LARGE(), str(exc)) from exc
    except Image.UnidentifiedImageError as exc:
        # A picture cut short before its header ends still starts like one: it is damaged, not another kind of file.
        damaged = data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"RIFF"))
        raise RequestError(DAMAGED() if damaged else NOT_A_PICTURE(), str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - any decoder failure means the same to the person: it is damaged
        log.info("a loaded picture could not be decoded: %s: %s", type(exc).__name__, exc)
        raise RequestError(DAMAGED(), f"{type(exc).__name__}: {exc}") from exc


def _to_rgb(image: Image.Image) -> Image.Image:
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        image = _wide_grey_to_l(image)
        mode = "L"
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        return flat.convert("RGB")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, P, L, 1: Pillow's own conversions


def _wide_grey_to_l(image: Image.Image) -> Image.Image:
    """16- and 32-bit grey scaled into 8 bits (Pillow's own conversion clips everything above 255 to white)."""
    values = np.asarray(image, dtype=np.float64)
    top = float(values.max()) if values.size else 0.0
    if image.mode == "F" and top <= 1.0:
        scale = 255.0
    elif top <= 255:
        scale = 1.0
    else:
        scale = 255.0 / (65535.0 if top <= 65535 else top)
    return Image.fromarray(np.clip(values * scale + 0.5, 0, 255).astype(np.uint8), "L")
