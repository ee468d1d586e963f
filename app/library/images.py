"""The design images, content-addressed: a PNG's name is the SHA-256 of its bytes, so the same picture is one file.

Layout (unchanged since the first library, and relied on by recovery.py's rebuild from images and by people's
backups): `<data folder>/images/<first two hex digits>/<sha256>.png`.

`put` is idempotent (the same bytes again find their file and write nothing), atomic (temp file, fsync, rename:
a file under a final name is always whole) and durable (the new sub-folder's entry is fsynced too). Which images
are still shown is the design store's business: it calls `discard` only once no design refers to an image.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from app.fsutil import _fsync_dir, atomic_write_bytes
from app.library import messages as msgs
from app.messages import Message
from app.storage_errors import LIBRARY_STORE, storage_error

log = logging.getLogger(__name__)

IMAGES_DIR = "images"


def sha256_of(png: bytes) -> str:
    return hashlib.sha256(png).hexdigest()


def _checked(sha256: str) -> str:
    # A name from a row or a caller becomes a path: only a real digest may, never "../x" or an absolute path.
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256 image name: {sha256[:80]!r}")
    return sha256


class FileImageStore:
    """PNG files in a folder, named by their SHA-256 (see the module docstring for the layout)."""

    def __init__(self, root: Path, *, store_name: str | Message = LIBRARY_STORE()) -> None:
        self.root = Path(root)
        self._store_name = store_name

    def path(self, sha256: str) -> Path:
        """Where the image with this digest is (or would be): a file path any image viewer can open."""
        return self.root / sha256[:2] / f"{sha256}.png"

    def has(self, sha256: str) -> bool:
        """Whether the image's file is here (whole: files only ever appear under their name complete)."""
        try:
            return self.path(_checked(sha256)).is_file()
        except (ValueError, OSError):
            return False

    def put(self, png: bytes) -> str:
        """Keep `png`; returns its SHA-256. StorageError (in words) when the disk refuses it."""
        sha = sha256_of(png)
        path = self.path(sha)
        try:
            if path.is_file() and path.stat().st_size == len(png):
                return sha  # content-addressed: same name, same bytes (written atomically, so complete)
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True)
                _fsync_dir(self.root)  # make the new sub-folder's entry durable too
            atomic_write_bytes(path, png)
        except OSError as exc:
            raise storage_error(
                exc, msgs.IMAGE_NOT_SAVED(), folder=self.root, file=path, store=self._store_name
            ) from exc
        return sha

    def open(self, sha256: str) -> bytes:
        """The image's bytes. KeyError when it is not here; OSError when it cannot be read."""
        try:
            return self.path(_checked(sha256)).read_bytes()
        except (ValueError, FileNotFoundError) as exc:
            raise KeyError(sha256) from exc

    def discard(self, sha256: str) -> None:
        """Remove the image (the store calls this once no design shows it). Never raises: a file left behind is
        only an orphan, reused if the same picture is saved again."""
        try:
            self.path(_checked(sha256)).unlink(missing_ok=True)
        except (ValueError, OSError) as exc:
            log.info("image %s left in place: %s", sha256[:80], exc)

    def files(self) -> list[Path]:
        """Every image file here, oldest first: what a new library is rebuilt from (recovery.py)."""
        try:
            found = [f for f in self.root.glob("??/*.png") if f.is_file()]
            return sorted(found, key=lambda f: (f.stat().st_mtime_ns, f.name))
        except OSError:
            return []
