"""A ZIP of submissions, read in memory entry by entry (never extracted, so a path climbing out of it cannot write
anywhere; it is still refused, with its reason). Sizes in the archive's directory are claims: every read is capped
whatever they say, and the whole archive has a budget of unpacked bytes."""

from __future__ import annotations

import lzma
import zipfile
import zlib
from datetime import datetime
from pathlib import Path, PurePosixPath

from app.curation.sources.containers import (
    ARCHIVE_BUDGET,
    ENTRY_DAMAGED,
    NOT_A_SOURCE,
    PATH_ESCAPES,
    TOO_MANY_ITEMS,
    ZIP_BOMB,
    Limits,
    Refused,
    is_item,
    too_large,
)
from app.errors import UserFacingError


class ZipContainer:
    kind = "zip"

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.limits, self.label = path, limits, path.name
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError) as exc:
            raise UserFacingError(NOT_A_SOURCE(file=path.name), f"{type(exc).__name__}: {exc}") from None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._unpacked = 0
        self._counted: set[str] = set()  # an entry read twice (metadata looked at before its turn) counts once

    def __enter__(self) -> "ZipContainer":
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_items:
            raise UserFacingError(TOO_MANY_ITEMS(file=self.label, limit=self.limits.max_items))
        for info in infos:
            # A name listed twice keeps its first entry: the later one cannot quietly replace what was checked.
            # endswith, not is_dir(): an empty name (which is no item) would make is_dir() raise IndexError.
            name = info.filename
            if name and not name.endswith("/") and is_item(name) and name not in self._infos:
                self._infos[name] = info
        return sorted(self._infos)

    def mtime(self, name: str) -> float | None:
        info = self._infos.get(name)
        if info is None:
            return None
        try:
            return datetime(*info.date_time).timestamp()
        except (ValueError, OverflowError):
            return None

    def read(self, name: str) -> bytes:
        info = self._infos[name]
        if _escapes(name):
            raise Refused(PATH_ESCAPES(file=name))
        limits = self.limits
        if info.file_size > limits.ratio_from_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise Refused(ZIP_BOMB(file=name, ratio=info.file_size // max(info.compress_size, 1)))
        if info.file_size > limits.max_entry_bytes:
            raise Refused(too_large(name, limits))
        if name not in self._counted and self._unpacked + info.file_size > limits.max_total_bytes:
            raise Refused(ARCHIVE_BUDGET(file=name, limit_gb=limits.max_total_bytes // 1024**3))
        try:
            with self._zip.open(info) as handle:
                # Reads one byte past the claim: an entry that unpacks to more than its header says is refused.
                data = handle.read(min(info.file_size, limits.max_entry_bytes) + 1)
        except (
            zipfile.BadZipFile,
            RuntimeError,
            NotImplementedError,
            zlib.error,
            lzma.LZMAError,
            EOFError,
            OSError,
            ValueError,
        ):
            raise Refused(ENTRY_DAMAGED(file=name)) from None
        if len(data) > info.file_size:
            raise Refused(ENTRY_DAMAGED(file=name))
        if name not in self._counted:
            self._counted.add(name)
            self._unpacked += len(data)
        return data


def _escapes(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")
