"""Small pictures of curation entries: made once at import and kept in the store (`stored_thumbnail`, the
`thumbnails` table), else — for a store from before that has none yet — built here from the original and kept on
disk, so a gallery of 100,000 entries decodes each original at most once.

A thumbnail is named by its image's sha256 and side: `<folder>/<sha[:2]>/<sha>_<side>.webp`. The store holds the
originals (a few megabytes each); reading one, decoding it and scaling it down costs far more than reading a 20 KB
WebP, and the same picture is shown again every time a judge scrolls back or opens the workspace the next day.

- `get_or_build` runs off the UI thread (the thumbnail loader's disk job calls it).
- Files are written atomically (`app/fsutil.py`): a crash leaves the old file or the new one.
- A damaged file (cut short, not a picture) is noticed when it fails to open and built again.
- Originals declaring more than MAX_PIXELS are refused before any pixel is decoded (an image bomb); JPEGs are
  decoded at reduced scale (`Image.draft`), others reduced while loading (`Image.reduce`).
- The folder is kept under a size cap: past it, the files used longest ago go first (their modification time is
  refreshed when they are served, so it records the last use).
"""

from __future__ import annotations

import io
import logging
import os
import re
import threading
import time
import warnings
from pathlib import Path
from typing import Callable

from PIL import Image, ImageOps

from app import paths
from app.curation.sources.image_check import MAX_PIXELS as ENTRY_MAX_PIXELS
from app.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)

MAX_PIXELS = 64_000_000  # 8000×8000: more is refused unread (Pillow's own bomb limit is about 179 M)
DEFAULT_CAP_BYTES = 512 * 1024 * 1024  # about 25,000 thumbnails of 256 px
QUALITY = 82
STORED_SIDE = 256  # the short side of the thumbnails kept in the store (the gallery's tiles)
SUFFIX = ".webp"
TOUCH_EVERY_S = 3600  # a served file's time is refreshed at most this often (one utime per hour, not per paint)
_SHA = re.compile(r"[0-9a-f]{64}")


def default_folder() -> Path:
    """Where the window keeps curation thumbnails: a cache under the data folder, safe to delete."""
    return paths.data_dir() / "cache" / "curation-thumbnails"


class ThumbnailCache:
    """Thread-safe: several disk workers may build thumbnails at once (each file is written whole, by rename)."""

    def __init__(self, folder: Path, *, cap_bytes: int = DEFAULT_CAP_BYTES) -> None:
        self.folder = Path(folder)
        self.cap_bytes = cap_bytes
        self._lock = threading.Lock()
        self._size: int | None = None  # bytes in the folder, counted on the first write
        self.built = 0  # thumbnails made from originals by this cache (what a test counts)

    def path_for(self, sha256: str, side: int) -> Path:
        return self.folder / sha256[:2] / f"{sha256}_{int(side)}{SUFFIX}"

    def get_or_build(self, sha256: str, side: int, load_bytes: Callable[[], bytes | None]) -> Path | None:
        """The thumbnail's path, built from `load_bytes()` when missing or damaged; None when there is no usable
        picture (no bytes, not an image, an image bomb) or the folder cannot be written."""
        sha256 = sha256.lower()
        if not _SHA.fullmatch(sha256) or side <= 0:
            return None
        path = self.path_for(sha256, side)
        if _usable(path):
            _touch(path)
            return path
        data = load_bytes()
        if not data:
            return None
        encoded = make_thumbnail(data, side)
        if encoded is None:
            return None
        try:
            atomic_write_bytes(path, encoded)
        except OSError as exc:
            log.warning("cannot write the thumbnail %s: %s", path, exc)
            return None
        self.built += 1
        self._grew(len(encoded))
        return path

    # --- the size cap ---------------------------------------------------------------------------

    def _grew(self, added: int) -> None:
        with self._lock:
            if self._size is None:
                self._size = sum(size for _path, size, _time in self._files())
            else:
                self._size += added
            if self._size > self.cap_bytes:
                self._size = self._evict()

    def _files(self) -> list[tuple[Path, int, float]]:
        found = []
        for entry in self.folder.glob(f"??/*{SUFFIX}"):
            try:
                stat = entry.stat()
            except OSError:
                continue  # another worker evicted it meanwhile
            found.append((entry, stat.st_size, stat.st_mtime))
        return found

    def _evict(self) -> int:
        """Delete the files used longest ago until the folder is under 90 % of its cap; the size left."""
        files = sorted(self._files(), key=lambda item: item[2])
        size = sum(item[1] for item in files)
        target = int(self.cap_bytes * 0.9)
        for path, length, _time in files:
            if size <= target:
                break
            try:
                path.unlink()
            except OSError:
                continue
            size -= length
        return size


def stored_thumbnail(data: bytes) -> bytes | None:
    """The thumbnail the store keeps for a picture (module-level: the thumbnail pass runs it in worker processes).
    A picture larger than an import lets in is never decoded: it is an image bomb kept aside for staff."""
    return make_thumbnail(data, STORED_SIDE, max_pixels=ENTRY_MAX_PIXELS)


def make_thumbnail(data: bytes, side: int, *, max_pixels: int = MAX_PIXELS) -> bytes | None:
    """WebP bytes of the picture with its short side at most `side`; None when it is no picture or too large."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size  # read from the header: nothing decoded yet
                if width <= 0 or height <= 0 or width * height > max_pixels:
                    log.info("not decoding a picture that declares %d×%d pixels", width, height)
                    return None
                scale = side / min(width, height)
                wanted = (max(1, round(width * scale)), max(1, round(height * scale))) if scale < 1 else image.size
                image.draft("RGB", wanted)  # JPEG: decode at 1/2, 1/4 or 1/8 straight away
                factor = max(1, min(image.size[0] // wanted[0], image.size[1] // wanted[1]))
                small = image.reduce(factor) if factor > 1 else image.copy()
                small = ImageOps.exif_transpose(small)
                small.thumbnail((max(wanted), max(wanted)), Image.Resampling.LANCZOS)
                clear = small.mode in ("RGBA", "LA", "PA") or "transparency" in small.info
                small = small.convert("RGBA" if clear else "RGB")
                out = io.BytesIO()
                small.save(out, "WEBP", quality=QUALITY, method=4)
                return out.getvalue()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        log.info("cannot make a thumbnail: %s", exc)
        return None


def _usable(path: Path) -> bool:
    """The file is a whole WebP: its RIFF header names WEBP and its length (a file cut short or overwritten with
    something else is built again). Checked without decoding: this runs for every tile shown."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(12)
            length = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.info("rebuilding the unreadable thumbnail %s: %s", path, exc)
        return False
    whole = (
        len(header) == 12
        and header[:4] == b"RIFF"
        and header[8:12] == b"WEBP"
        and int.from_bytes(header[4:8], "little") + 8 == length
    )
    if not whole:
        log.info("rebuilding the damaged thumbnail %s", path)
    return whole


def _touch(path: Path) -> None:
    try:
        if time.time() - path.stat().st_mtime > TOUCH_EVERY_S:
            os.utime(path)
    except OSError:
        pass
