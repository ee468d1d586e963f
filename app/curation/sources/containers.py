"""A folder or a ZIP seen the same way: a sorted list of item names, and each item's bytes read under a cap.

Both are hostile: a folder may hold symlinks leading elsewhere, FIFOs and huge files; a ZIP may be a zip bomb, lie
about its sizes, or name paths that climb out of it. A refused item raises `Refused` with the sentence that says why;
the reader turns it into a Candidate with that Problem. Only a source that cannot be opened at all raises a
UserFacingError (`open_container`).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.errors import UserFacingError
from app.messages import Message, Msg

PICTURES = (".png", ".jpg", ".jpeg")
OTHER_PICTURES = (".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".avif")  # listed, so refusing them is seen
METADATA, CAR = ".json", ".car"
ITEM_SUFFIXES = PICTURES + OTHER_PICTURES + (METADATA, CAR)

NOT_A_SOURCE = Msg(
    "curation.import.not_a_source",
    "{file} is neither a folder nor a ZIP archive this app can open (it may be damaged or another kind of file). "
    "Nothing was imported from it.",
)
TOO_MANY_ITEMS = Msg(
    "curation.import.too_many_items",
    "{file} holds more than {limit} files, more than one import takes. Split it into smaller archives.",
)
TOO_LARGE = Msg(
    "curation.import.too_large", "{file} is larger than {limit_mb} MB, more than one entry may be, so it was not read."
)
UNREADABLE = Msg("curation.import.unreadable", "{file} could not be read from the disk or the archive.")
VANISHED = Msg("curation.import.vanished", "{file} was listed but is no longer there.")
NOT_A_FILE = Msg("curation.import.not_a_file", "{file} is not an ordinary file, so it was not read.")
LINK_OUTSIDE = Msg(
    "curation.import.link_outside", "{file} is a link to somewhere outside the folder, so it was not followed."
)
PATH_ESCAPES = Msg(
    "curation.import.path_escapes",
    "{file} names a place outside the archive (“..” or an absolute path), so it was refused.",
)
ZIP_BOMB = Msg(
    "curation.import.zip_bomb",
    "{file} would unpack to {ratio} times its packed size, which only a zip bomb does, so it was not unpacked.",
)
ARCHIVE_BUDGET = Msg(
    "curation.import.archive_budget",
    "{file} was not unpacked: the archive already unpacked to {limit_gb} GB, the most one import reads.",
)
ENTRY_DAMAGED = Msg(
    "curation.import.entry_damaged",
    "{file} cannot be unpacked from the archive (it is damaged, encrypted or packed in a way this app does not read).",
)


@dataclass(frozen=True)
class Limits:
    """Caps on what one source may make this app read. Tests lower them to build small hostile inputs."""

    max_items: int = 200_000
    max_entry_bytes: int = 64 * 1024 * 1024  # one picture or CAR
    max_total_bytes: int = 16 * 1024 * 1024 * 1024  # everything a ZIP unpacks to
    max_ratio: int = 200  # unpacked / packed; honest PNGs and JPEGs barely compress
    ratio_from_bytes: int = 1024 * 1024  # small entries may compress well (JSON text) without being bombs


LIMITS = Limits()


class Refused(Exception):
    """An item this source will not hand over; `reason` is the sentence for the person."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.english())
        self.reason = reason


def is_item(name: str) -> bool:
    parts = PurePosixPath(name).parts
    # Hidden folders and macOS's resource forks are no one's entry; ".." stays, so a path climbing out is seen.
    if not parts or any(_hidden(part) or part == "__MACOSX" for part in parts[:-1]):
        return False
    return not parts[-1].startswith(".") and parts[-1].lower().endswith(ITEM_SUFFIXES)


def _hidden(part: str) -> bool:
    return part.startswith(".") and part not in (".", "..")


class FolderContainer:
    kind = "folder"

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root, self.limits = root, limits
        self._real_root = root.resolve()
        self.label = root.name or str(root)

    def __enter__(self) -> "FolderContainer":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def names(self) -> list[str]:
        found: list[str] = []
        # Never follows directory links: a link to "/" would make the walk read the whole machine.
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__MACOSX"]
            base = Path(dirpath).relative_to(self.root)
            for filename in filenames:
                name = (base / filename).as_posix()
                if is_item(name):
                    found.append(name)
                    if len(found) > self.limits.max_items:
                        raise UserFacingError(TOO_MANY_ITEMS(file=self.label, limit=self.limits.max_items))
        return sorted(found)

    def mtime(self, name: str) -> float | None:
        try:
            return (self.root / name).lstat().st_mtime
        except OSError:
            return None

    def read(self, name: str) -> bytes:
        path = self.root / name
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            raise Refused(VANISHED(file=name)) from None
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop
            raise Refused(UNREADABLE(file=name)) from None
        if not real.is_relative_to(self._real_root):
            raise Refused(LINK_OUTSIDE(file=name))
        try:
            with open(real, "rb", opener=_no_block_opener) as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
                    raise Refused(NOT_A_FILE(file=name))
                if info.st_size > self.limits.max_entry_bytes:
                    raise Refused(too_large(name, self.limits))
                # One byte past the size it had: a file still growing is noticed (and a buffer is never the cap).
                data = handle.read(info.st_size + 1)
        except FileNotFoundError:
            raise Refused(VANISHED(file=name)) from None
        except OSError:
            raise Refused(UNREADABLE(file=name)) from None
        if len(data) > info.st_size:  # still being written: what was read is not the whole file
            raise Refused(UNREADABLE(file=name))
        return data


def _no_block_opener(path: str, flags: int) -> int:
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def too_large(name: str, limits: Limits) -> Message:
    return TOO_LARGE(file=name, limit_mb=limits.max_entry_bytes // (1024 * 1024))
