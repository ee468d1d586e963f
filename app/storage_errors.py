"""What went wrong with a file the app keeps (SQLite or plain), said in words a person can act on.

One place decides, for every store (the library, the publishing and minting outboxes, the sandbox chain):
a library another program holds, a full disk, a folder that cannot be written, a damaged file and a failing
disk each need a different next step, and telling one for another sends the person the wrong way. SQLite's
own result codes decide where it gave one (Python 3.11+ `sqlite_errorcode`); an OSError's errno otherwise.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from app.errors import StorageError
from app.messages import Message, Msg

LOCKED = "locked"  # another process (or connection) holds the database
FULL = "full"  # no space left (or the quota is used up)
READ_ONLY = "read_only"  # the folder or file cannot be written: permissions, a read-only disk, not a folder
DAMAGED = "damaged"  # the file is not a database, or one of its pages is malformed
DISK = "disk"  # the disk itself reported an error (failing, unplugged, a network share gone)
NEWER = "newer"  # made by a newer version of the app (its schema version is past what this one knows)
OTHER = "other"

KINDS = (LOCKED, FULL, READ_ONLY, DAMAGED, DISK, NEWER, OTHER)

# Primary result codes (the low byte of an extended code) -> kind.
_SQLITE_KINDS = {
    sqlite3.SQLITE_BUSY: LOCKED,
    sqlite3.SQLITE_LOCKED: LOCKED,
    sqlite3.SQLITE_PROTOCOL: LOCKED,  # the locking protocol kept failing: someone else holds the file
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: READ_ONLY,
    sqlite3.SQLITE_PERM: READ_ONLY,
    sqlite3.SQLITE_AUTH: READ_ONLY,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
    sqlite3.SQLITE_IOERR: DISK,
}
# Only for sqlite3 errors raised without a code (none should be, on 3.11+): the library's fixed message texts.
_SQLITE_TEXTS = (
    ("database is locked", LOCKED),
    ("database or disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("unable to open database", READ_ONLY),
    ("malformed", DAMAGED),
    ("not a database", DAMAGED),
    ("could not decode to utf-8", DAMAGED),  # Python's own: a text value whose bytes are not UTF-8 (no code)
    ("disk i/o error", DISK),
)
_ERRNO_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EROFS: READ_ONLY,
    errno.ENOTDIR: READ_ONLY,  # a file where a folder should be: the folder cannot be written either
    errno.EISDIR: READ_ONLY,
    errno.EEXIST: READ_ONLY,
    errno.EIO: DISK,
    errno.ENXIO: DISK,
    errno.ENODEV: DISK,
    errno.ESTALE: DISK,
    errno.ENOTCONN: DISK,
    errno.EAGAIN: LOCKED,
    errno.EBUSY: LOCKED,
}


# Each starts with what failed ("The design could not be saved"), then why and what to do next.
_SENTENCES = {
    LOCKED: Msg(
        "storage.locked",
        "{failed}: another program is using {store} in {folder}. Close that program (it may be a second SM6 Design "
        "Studio window) or wait a moment, then try again.",
    ),
    FULL: Msg("storage.full", "{failed}: the disk holding {folder} is full. Free some space on it, then try again."),
    READ_ONLY: Msg(
        "storage.read_only",
        "{failed}: {folder} cannot be written to. Check that it is a folder you are allowed to change and that its "
        "disk is not read-only, or choose another data folder.",
    ),
    DAMAGED: Msg("storage.damaged", "{failed}: the file {file} is damaged. It has been left exactly as it is. {hint}"),
    NEWER: Msg(
        "storage.newer",
        "{failed}: {file} was made by a newer version of SM6 Design Studio. Update the app to open it; the file is "
        "left exactly as it is.",
    ),
    DISK: Msg(
        "storage.disk",
        "{failed}: the disk holding {folder} reported an error. Check that it is still connected and healthy, then "
        "try again.",
    ),
    OTHER: Msg(
        "storage.other",
        "{failed} in {folder}. Try again; if it keeps happening, Show details says what the system reported.",
    ),
}
RESTORE_HINT = Msg("storage.restore_hint", "Restore it from a backup, or move it out of {folder} to start afresh.")
CANNOT_BE_OPENED = Msg("storage.cannot_be_opened", "{store} cannot be opened")  # for a store named by plain text

# The stores, named for a person (`store=` of the functions below), each with the sentence start that says it will
# not open: a name is never capitalised in code, since only English capitalises and a translation may reorder.
LIBRARY_STORE = Msg("storage.store.library", "the design library")
PUBLISH_OUTBOX_STORE = Msg("storage.store.publish_outbox", "the publishing outbox")
MINT_OUTBOX_STORE = Msg("storage.store.mint_outbox", "the minting outbox")
SANDBOX_CHAIN_STORE = Msg("storage.store.sandbox_chain", "the sandbox chain")
SOME_LIBRARY_STORE = Msg("storage.store.some_library", "the library")  # when a caller names none
_CANNOT_BE_OPENED = {
    LIBRARY_STORE.id: Msg("storage.cannot_open.library", "The design library cannot be opened"),
    PUBLISH_OUTBOX_STORE.id: Msg("storage.cannot_open.publish_outbox", "The publishing outbox cannot be opened"),
    MINT_OUTBOX_STORE.id: Msg("storage.cannot_open.mint_outbox", "The minting outbox cannot be opened"),
    SANDBOX_CHAIN_STORE.id: Msg("storage.cannot_open.sandbox_chain", "The sandbox chain cannot be opened"),
    SOME_LIBRARY_STORE.id: Msg("storage.cannot_open.some_library", "The library cannot be opened"),
}


class StorageFailure(StorageError):
    """A StorageError that knows its cause (`kind`, one of KINDS), so callers can act on it (keep an image aside)."""

    def __init__(self, message: str | Message, details: str = "", kind: str = OTHER) -> None:
        super().__init__(message, details)
        self.kind = kind


def classify(exc: BaseException) -> str:
    """The kind of failure `exc` is: LOCKED, FULL, READ_ONLY, DAMAGED, DISK or OTHER."""
    if isinstance(exc, StorageFailure):
        return exc.kind
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_KINDS.get(code & 0xFF, OTHER)
        text = str(exc).casefold()
        return next((kind for fragment, kind in _SQLITE_TEXTS if fragment in text), OTHER)
    if isinstance(exc, OSError):
        return _ERRNO_KINDS.get(exc.errno, OTHER) if exc.errno is not None else OTHER
    return OTHER


def storage_error(
    exc: BaseException,
    failed: str | Message,
    *,
    folder: Path | str,
    file: Path | str | None = None,
    store: str | Message | None = None,
    damaged_hint: str | Message = "",
) -> StorageFailure:
    """A StorageFailure whose message starts with `failed` ("The design could not be saved") and says why and what
    to do next. `store` names what another program may hold ("the design library"); `damaged_hint` replaces the
    generic advice for a damaged file. The raw error goes into `details` only."""
    kind = classify(exc)
    message = describe(kind, failed, folder=folder, file=file, store=store, damaged_hint=damaged_hint)
    return StorageFailure(message, details=error_details(exc), kind=kind)


def _named(store: str | Message | Msg | None) -> str | Message:
    if store is None:
        return SOME_LIBRARY_STORE()
    return store() if isinstance(store, Msg) else store


def describe(
    kind: str,
    failed: str | Message,
    *,
    folder: Path | str,
    file: Path | str | None = None,
    store: str | Message | None = None,
    damaged_hint: str | Message = "",
) -> Message:
    """The plain message for a failure of `kind` (see `storage_error`), by id."""
    where = {"failed": failed, "folder": folder, "store": _named(store), "file": file or folder}
    if kind == DAMAGED:
        return _SENTENCES[DAMAGED](hint=damaged_hint or RESTORE_HINT(folder=folder), **where)
    return _SENTENCES.get(kind, _SENTENCES[OTHER])(**where)


def newer_version(store: str | Message, file: Path | str, found: int, known: int) -> StorageFailure:
    """The file's schema version `found` is past the `known` one: only a newer app can read it, and none of its data
    may be touched (an older app's migration could lose what the newer one added)."""
    message = describe(NEWER, cannot_be_opened(store), folder=Path(file).parent, file=file, store=store)
    return StorageFailure(message, details=f"schema version {found}; this app knows up to {known}", kind=NEWER)


def cannot_be_opened(store: str | Message | Msg | None) -> Message:
    """ "The design library cannot be opened": the start of a message about a store that will not open. A store named
    by plain text (a test's own) is capitalised as English is; a named store has its own sentence."""
    named = _named(store)
    if isinstance(named, Message):
        sentence = _CANNOT_BE_OPENED.get(named.id)
        return sentence() if sentence is not None else CANNOT_BE_OPENED(store=named)
    return CANNOT_BE_OPENED(store=f"{named[:1].upper()}{named[1:]}")


def error_details(exc: BaseException) -> str:
    """The raw error for "Show details" and the log: type, text, and SQLite's code name or the errno name."""
    parts = [f"{type(exc).__name__}: {exc}"]
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        parts.append(f"({name})")
    elif isinstance(exc, OSError) and exc.errno in errno.errorcode:
        parts.append(f"({errno.errorcode[exc.errno]})")
    return " ".join(parts)
