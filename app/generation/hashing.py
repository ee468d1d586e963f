"""Content hashes of model files, cached by (path, size, mtime) so a 4 GB file is hashed once, not every launch."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path

from app.fsutil import atomic_write_text

log = logging.getLogger(__name__)

CHUNK = 8 * 1024 * 1024
SHORT_HASH_LEN = 10  # AUTOMATIC1111's "AutoV2" model hash: the first 10 hex digits of the file's sha256


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class HashCache:
    """A small JSON file mapping absolute paths to their last known hash; thread-safe."""

    def __init__(self, cache_file: Path) -> None:
        self._file = cache_file
        self._lock = threading.Lock()
        self._entries: dict[str, dict] = self._load()

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def cached(self, path: Path) -> str | None:
        key, stamp = self._stamp(path)
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


def folder_sha256(folder: Path, files: list[Path], cache: HashCache) -> str:
    """A diffusers folder's hash: sha256 over its weight files' relative paths and hashes, in sorted order."""
    digest = hashlib.sha256()
    for f in sorted(files):
        digest.update(f.relative_to(folder).as_posix().encode())
        digest.update(cache.sha256(f).encode())
    return digest.hexdigest()
