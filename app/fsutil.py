"""Durable file writes: a crash at any instant leaves the old file or the new one, never half of either."""

from __future__ import annotations

import errno
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from app.messages import Message, Msg

log = logging.getLogger(__name__)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


def atomic_write_text(path: Path | str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def atomic_writer(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file to write `path` with, piece by piece if need be (an export larger than memory), made whole by
    rename only when the block ends without an error; an error leaves the old file and no temp file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w+b") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


LEFTOVER_AGE_S = 3600.0  # a write in progress is seconds old; one an hour old was cut short
_LEFTOVER = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # atomic_writer's names: mkstemp's 8 random characters


def remove_leftover_temps(folder: Path, older_than_s: float = LEFTOVER_AGE_S, depth: int = 4) -> int:
    """Delete the temp files of atomic writes that a crash or a power cut stopped before their rename: hidden, but
    each can be a whole design. Only atomic_writer's own names, only files (never a link followed), only those
    older than `older_than_s`, at most `depth` folders down. Returns how many went; a file that cannot be removed
    is left and logged."""
    removed = 0
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth > 0:
                    removed += remove_leftover_temps(Path(entry.path), older_than_s, depth - 1)
            elif (
                _LEFTOVER.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < cutoff
            ):
                os.unlink(entry.path)
                removed += 1
        except OSError as exc:
            log.warning("cannot remove the leftover %s: %s", entry.path, exc)
    return removed


def _fsync_dir(directory: Path) -> None:
    # The rename itself is only durable once the directory entry is flushed (POSIX only).
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_writable(directory: Path) -> str | None:
    """Return None when files can be created in `directory`, else a plain-language reason."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".probe.", dir=directory)
        os.close(fd)
        os.unlink(tmp)
        return None
    except OSError as exc:
        return str(_CANNOT_WRITE(folder=directory, reason=describe_os_error(exc)))


_DISK_FULL = Msg("os.disk_full", "the disk is full")
_QUOTA_USED_UP = Msg("os.quota_used_up", "the disk quota is used up")
_PERMISSION_DENIED = Msg("os.permission_denied", "permission denied")
_READ_ONLY = Msg("os.read_only", "the disk is read-only")
_PATH_PART_IS_FILE = Msg("os.path_part_is_file", "part of the path is a file, not a folder")
_IS_FOLDER = Msg("os.is_folder", "it is a folder")
_MISSING = Msg("os.missing", "it does not exist")
_NAME_TAKEN = Msg("os.name_taken", "something of that name is already there")
_NAME_TOO_LONG = Msg("os.name_too_long", "the name is too long")
_IO_ERROR = Msg("os.io_error", "the disk reported an input/output error")
_IN_USE = Msg("os.in_use", "it is in use")
_REFUSED = Msg("os.refused", "the system refused")
_REFUSED_CODE = Msg("os.refused_code", "the system refused (error {errno})")
_CANNOT_WRITE = Msg("os.cannot_write", "Cannot write to {folder}: {reason}.")
_OS_ERROR_WORDS = {
    errno.ENOSPC: _DISK_FULL,
    errno.EDQUOT: _QUOTA_USED_UP,
    errno.EACCES: _PERMISSION_DENIED,
    errno.EPERM: _PERMISSION_DENIED,
    errno.EROFS: _READ_ONLY,
    errno.ENOTDIR: _PATH_PART_IS_FILE,
    errno.EISDIR: _IS_FOLDER,
    errno.ENOENT: _MISSING,
    errno.EEXIST: _NAME_TAKEN,
    errno.ENAMETOOLONG: _NAME_TOO_LONG,
    errno.EIO: _IO_ERROR,
    errno.EBUSY: _IN_USE,
}


def describe_os_error(exc: OSError) -> Message:
    """A few plain words for an OSError ("the disk is full"), never the exception's own text."""
    words = _OS_ERROR_WORDS.get(exc.errno)
    if words:
        return words()
    return _REFUSED_CODE(errno=exc.errno) if exc.errno else _REFUSED()
