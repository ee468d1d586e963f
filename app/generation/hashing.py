"""Content hashes of model files, cached by (path, size, mtime) so a 4 GB file is hashed once, not every launch."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from pathlib import Path

from app import safejson
from app.fsutil import atomic_write_text
from app.safejson import BadJSON

log = logging.getLogger(__name__)

CHUNK = 8 * 1024 * 1024
SHORT_HASH_LEN = 10  # AUTOMATIC1111's "AutoV2" model hash: the first 10 hex digits of the file's sha256
_SHA256 = re.compile(r"[0-9a-f]{64}")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class HashCache:
    """A small JSON file mapping absolute paths to their last known hash; thread-safe.

    Only a cache: a damaged or hostile file is ignored (the hashes are computed again and the file rewritten), and
    an entry of the wrong shape is dropped, so it can cost time but never a wrong hash or a crash.
    """

    def __init__(self, cache_file: Path) -> None:
        self._file = cache_file
        self._lock = threading.Lock()
        self._entries: dict[str, dict] = self._load()

    def _load(self) -> dict[str, dict]:
        try:
            data = safejson.load_object(self._file, safejson.MODEL_HASH_CACHE())
        except FileNotFoundError:  # the first start
            return {}
        except (OSError, BadJSON) as exc:  # info, not warning: nothing is lost but time
            log.info("Ignoring the model hash cache %s, it will be rebuilt: %s %s", self._file, exc, _details(exc))
            return {}
        return {key: entry for key, entry in data.items() if _valid_entry(entry)}

    def cached(self, path: Path) -> str | None:
        try:
            key, stamp = self._stamp(path)
        except OSError:  # gone or unreadable: nothing to reuse
            return None
        with self._lock:
            entry = self._entries.get(key)
        if entry and entry.get("size") == stamp[0] and entry.get("mtime_ns") == stamp[1]:
            return entry.get("sha256")
        return None

    def sha256(self, path: Path) -> str:
        hit = self.cached(path)
        if hit:
            return hit
        digest = sha256_file(path)
        key, (size, mtime_ns) = self._stamp(path)
        with self._lock:
            self._entries[key] = {"size": size, "mtime_ns": mtime_ns, "sha256": digest}
            snapshot = json.dumps(self._entries, sort_keys=True)
        try:
            atomic_write_text(self._file, snapshot)
        except OSError as exc:  # a read-only data dir only costs a rehash next launch
            log.warning("Could not save the model hash cache: %s", exc)
        return digest

    @staticmethod
    def _stamp(path: Path) -> tuple[str, tuple[int, int]]:
        st = path.stat()
        return str(path.resolve()), (st.st_size, st.st_mtime_ns)


def _valid_entry(entry) -> bool:
    if not isinstance(entry, dict):
        return False
    size, mtime_ns, digest = entry.get("size"), entry.get("mtime_ns"), entry.get("sha256")
    return (
        all(isinstance(n, int) and not isinstance(n, bool) for n in (size, mtime_ns))
        and isinstance(digest, str)
        and _SHA256.fullmatch(digest) is not None
    )


def _details(exc: BaseException) -> str:
    return getattr(exc, "details", "") or ""


def folder_sha256(folder: Path, files: list[Path], cache: HashCache) -> str:
    """A diffusers folder's hash: sha256 over its weight files' relative paths and hashes, in sorted order."""
    digest = hashlib.sha256()
    for f in sorted(files):
        digest.update(f.relative_to(folder).as_posix().encode())
        digest.update(cache.sha256(f).encode())
    return digest.hexdigest()
