"""The data and config folders are the owner's alone: folders 0700, files 0600 (POSIX).

They hold signed transactions, payout recipients and memos, the library and the publishing outbox. Two guarantees:
while services are open the process creates files owner-only (umask 077: SQLite's database, -wal and -shm files,
images, caches, logs, whoever writes them); and at start, folders and files an older version left readable by
others are tightened. Windows keeps these folders in the user's profile, which others cannot read already.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_BITS = 0o077  # group and other: none
MARKER = ".owner-only"  # written once a folder has been walked and tightened completely

# What the app keeps in a data folder (names, or prefixes of names: "library.sqlite3" covers its -wal and -shm).
# A person may choose any folder, even ~/Documents, so only these are walked; anything else in it is theirs and
# keeps its mode (the folder's own 0700 already keeps others out of all of it).
DATA_ENTRIES = (
    "library.sqlite3",
    "images",
    "publish",
    "chain",
    "wallet",
    "cache",
    "models",
    "logs",
    "recovered",
    "pictures",  # sketches and photos loaded to start from (app/generation/pictures.py)
    "studio-draft.json",  # the prompt and settings being composed (app/generation/studio_draft.py)
    ".sm6-studio.lock",
    MARKER,
)
CONFIG_ENTRIES = ("settings.toml",)  # and its .unreadable-<time> copies

_umask_lock = threading.Lock()
_umask_users = 0
_umask_before: int | None = None


def owner_only_begin() -> None:
    """Create files owner-only from now on, until the matching `owner_only_end()`. Nests."""
    global _umask_users, _umask_before
    if os.name != "posix":
        return
    with _umask_lock:
        if _umask_users == 0:
            _umask_before = os.umask(PRIVATE_BITS)
            os.umask(_umask_before | PRIVATE_BITS)
        _umask_users += 1


def owner_only_end() -> None:
    global _umask_users, _umask_before
    if os.name != "posix":
        return
    with _umask_lock:
        if _umask_users == 0:
            return
        _umask_users -= 1
        if _umask_users == 0 and _umask_before is not None:
            os.umask(_umask_before)
            _umask_before = None


def shareable(path: Path) -> None:
    """Give a file the person saves for others (an exported CAR) the mode their own umask would have given it,
    rather than the owner-only one this process uses while services are open."""
    if os.name != "posix":
        return
    with _umask_lock:
        before = _umask_before
    if before is None:  # services are not open: the file was made with the person's umask already
        return
    try:
        os.chmod(path, 0o666 & ~before)
    except OSError as exc:
        log.info("Could not give %s the usual file mode: %s", path, exc)


def tighten(root: Path, entries: tuple[str, ...]) -> int:
    """Take group and other access away from `root` and the `entries` in it (recursively); returns how many
    entries changed.

    The first run walks the entries' trees; later runs (the marker says it was done, and new files are made
    owner-only by the umask) fix only `root` and the entries themselves, so a start with 100,000 designs stays
    quick.
    Links are never followed. Errors are logged, not raised: privacy is tightened as far as the system allows.
    """
    if os.name != "posix":
        return 0
    root = Path(root)
    try:
        if not stat.S_ISDIR(os.lstat(root).st_mode):
            return 0
    except OSError:
        return 0
    try:
        changed = _fix(root, directory=True)
    except OSError as exc:  # not ours, or on a read-only disk: nothing inside can be changed either
        log.warning("Could not make the folder %s private: %s", root, exc)
        return 0
    problems: list[OSError] = []
    try:
        walked_before = (root / MARKER).is_file()
    except OSError:  # a folder the owner may not search: the scan below says so
        walked_before = False
    try:
        with os.scandir(root) as listing:
            ours = [e for e in listing if e.name.startswith(entries) and not e.is_symlink()]
    except OSError as exc:
        ours, problems = [], [exc]
    for entry in ours:
        is_dir = entry.is_dir(follow_symlinks=False)
        changed += _try_fix(Path(entry.path), is_dir, problems)
        if not is_dir or walked_before:
            continue
        for folder, dirs, files in os.walk(entry.path, onerror=problems.append):
            for name in dirs:
                changed += _try_fix(Path(folder, name), True, problems)
            for name in files:
                changed += _try_fix(Path(folder, name), False, problems)
    if not walked_before and not problems and MARKER in entries:
        try:
            os.close(os.open(root / MARKER, os.O_WRONLY | os.O_CREAT, 0o600))
        except OSError:
            pass  # walked again next time, which is harmless
    if problems:  # one line, not one per file: a folder of 100,000 images would flood the log
        log.warning("Could not make %d entries in %s private, e.g.: %s", len(problems), root, problems[0])
    if changed:
        log.info("Made %d entries in %s readable by their owner only.", changed, root)
    return changed


def _try_fix(path: Path, directory: bool, problems: list[OSError]) -> int:
    try:
        return _fix(path, directory=directory)
    except OSError as exc:
        problems.append(exc)
        return 0


def _fix(path: Path, *, directory: bool) -> int:
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode) or not (mode & PRIVATE_BITS):
        return 0
    if not directory and not stat.S_ISREG(mode):
        return 0  # sockets, fifos: not data
    # Only group and other lose access: the owner's own bits stay, so a folder its owner made read-only stays so.
    os.chmod(path, stat.S_IMODE(mode) & ~PRIVATE_BITS)
    return 1
