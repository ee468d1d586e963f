"""One process owns a data folder at a time.

Two processes writing one folder fork the sandbox chain (each keeps its own copy of the chain and saves it over
the other's), so a token minted in one disappears. The owner holds an OS lock on `<data>/.sm6-studio.lock`
(flock on POSIX, LockFileEx on Windows, through `filelock`): the kernel drops it when the process ends, however it
ends, so a crash or `kill -9` never leaves the folder locked, and a lock file left behind blocks nobody. The
owner's process id is written into the file so that a second process can say who holds the folder.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from app.errors import StorageError
from app.messages import Msg

IN_USE = Msg(
    "storage.folder_in_use", "The data folder {folder} is in use by {who}. Close it or let it finish, then try again."
)
ANOTHER_APP = Msg("storage.another_app", "another SM6 Design Studio")
ANOTHER_APP_PID = Msg("storage.another_app_pid", "another SM6 Design Studio (process {pid})")

log = logging.getLogger(__name__)

LOCK_NAME = ".sm6-studio.lock"
_PID_BYTES = 32

_registry_lock = threading.Lock()
_held: dict[str, list] = {}  # resolved folder → [FileLock, holders in this process]


class FolderInUse(StorageError):
    """Another process owns the data folder. A StorageError, so every caller that explains a folder it cannot use
    explains this one too."""

    def __init__(self, folder: Path, pid: int | None) -> None:
        who = ANOTHER_APP_PID(pid=pid) if pid else ANOTHER_APP()
        super().__init__(IN_USE(folder=folder, who=who))
        self.folder = folder
        self.pid = pid


class DataLock:
    """This process's hold on a data folder; `release()` once when done (the process ending releases it too)."""

    def __init__(self, key: str, folder: Path) -> None:
        self._key = key
        self.folder = folder
        self._released = False

    def release(self) -> None:
        with _registry_lock:
            if self._released:
                return
            self._released = True
            entry = _held.get(self._key)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _held[self._key]
            lock: FileLock = entry[0]
            _clear_pid(Path(lock.lock_file))
            lock.release(force=True)


def lock_path(folder: Path) -> Path:
    return Path(folder) / LOCK_NAME


def hold(folder: Path, wait_s: float = 0.0, on_wait: Callable[[int | None], None] | None = None) -> DataLock | None:
    """Own `folder` for this process, waiting up to `wait_s` seconds for another owner to finish.

    Raises FolderInUse when another process still owns it. Returns None when the folder cannot hold a lock file
    at all (it cannot be created, or is read-only): nothing can be written there then, so there is nothing to
    guard, and opening the folder goes on to explain the real problem. Holding a folder this process already
    holds only counts one more holder.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = str(folder.resolve())
    except OSError as exc:
        log.info("No lock for the data folder %s: %s", folder, exc)
        return None
    with _registry_lock:
        entry = _held.get(key)
        if entry is not None:
            entry[1] += 1
            return DataLock(key, folder)
        lock = FileLock(
            lock_path(folder),
            mode=0o600,
            thread_local=False,  # taken on one thread, released on another at shutdown
            fallback_to_soft=False,  # a soft lock outlives a killed process; only a kernel lock dies with it
            on_acquired=_write_pid,
        )
        try:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if wait_s <= 0:
                    raise
                if on_wait is not None:
                    on_wait(owner_pid(folder))
                lock.acquire(timeout=wait_s)
        except Timeout:
            raise FolderInUse(folder, owner_pid(folder)) from None
        except (OSError, NotImplementedError, RuntimeError) as exc:  # read-only, or a file system with no locks
            log.warning("The data folder %s cannot be locked, so it is used without a lock: %s", folder, exc)
            return None
        _held[key] = [lock, 1]
        return DataLock(key, folder)


def owner_pid(folder: Path) -> int | None:
    """The process id written by the folder's last owner, if that process is still running. Never blocks."""
    try:
        with open(lock_path(folder), "rb") as fh:
            text = fh.read(_PID_BYTES).decode("ascii", "replace").strip()
    except OSError:  # no lock file, or (Windows) the owner's lock keeps its bytes from being read
        return None
    if not text.isascii() or not text.isdigit():
        return None
    pid = int(text)
    return pid if pid > 0 and _running(pid) else None


def _write_pid(fd: int) -> None:
    data = f"{os.getpid()}\n".encode("ascii")
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
    except OSError as exc:  # only informative: the lock itself is held
        log.info("Could not note the owner in %s: %s", LOCK_NAME, exc)


def _clear_pid(path: Path) -> None:
    try:
        os.truncate(path, 0)
    except OSError:
        pass


def _running(pid: int) -> bool:
    if os.name != "posix":
        # os.kill on Windows terminates the process; without a safe probe, assume the noted owner still runs.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    except OSError:
        return False
    return True
