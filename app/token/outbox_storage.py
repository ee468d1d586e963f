"""The publishing outbox's file, opened for writing or, in a folder the app may not change, for reading only.

Kept apart from app/token/publish.py (the HTTP clients and the Outbox's logic) so what can go wrong with the
file is decided in one place: app/storage_errors.py words every failure, and a read-only data folder still shows
what waits to be published instead of stopping the app from starting.
"""

from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path
from typing import Any

from app.fsutil import check_writable
from app.messages import Message
from app.sqlite_db import check_version, open_read_only
from app.storage_errors import DAMAGED, PUBLISH_OUTBOX_STORE, READ_ONLY, StorageFailure, describe, storage_error
from app.token import messages as msgs
from app.token.ipfs_clients import profile_named

STORE = PUBLISH_OUTBOX_STORE()


def writable_problem(db_path: Path) -> str:
    """ "" when the outbox can be written; else the system's reason (for "Show details")."""
    reason = check_writable(db_path.parent)
    if reason is None and db_path.exists() and not os.access(db_path, os.W_OK):
        reason = str(msgs.OUTBOX_FILE_READ_ONLY(db_path=db_path))
    return reason or ""


def read_only_reason(db_path: Path) -> str:
    """What every refused write says, in words."""
    return str(msgs.OUTBOX_READ_ONLY(parent=db_path.parent))


def refuse(db_path: Path, details: str) -> StorageFailure:
    return StorageFailure(msgs.OUTBOX_READ_ONLY(parent=db_path.parent), details, READ_ONLY)


def failure(exc: BaseException, failed: str | Message, db_path: Path) -> StorageFailure:
    """`failed` ("The publishing outbox cannot be opened") and why, for any sqlite3.Error or OSError."""
    return storage_error(
        exc,
        failed,
        folder=db_path.parent,
        file=db_path,
        store=STORE,
        damaged_hint=msgs.OUTBOX_DAMAGED_HINT(parent=db_path.parent),
    )


def damaged(db_path: Path, details: str) -> StorageFailure:
    """The outbox holds a row this app never writes: refused as a damaged file, left as it is."""
    hint = msgs.OUTBOX_DAMAGED_HINT(parent=db_path.parent)
    where = {"folder": db_path.parent, "file": db_path, "store": STORE, "damaged_hint": hint}
    return StorageFailure(describe(DAMAGED, msgs.OUTBOX_CANNOT_BE_READ(), **where), details, DAMAGED)


def check_rows(jobs: list[tuple[Any, ...]], items: list[tuple[Any, ...]], states: tuple[str, ...]) -> None:
    """ValueError unless every row holds what the outbox writes (SQLite keeps whatever a damaged file or an edit
    left). A CID names a file in the blobs folder, so only letters and digits may: never "../x"."""
    for seq, key, state, error, created, updated in jobs:
        moments = all(isinstance(t, (int, float)) and math.isfinite(t) for t in (created, updated))
        if not (isinstance(seq, int) and isinstance(key, str) and state in states and isinstance(error, str)):
            raise ValueError(f"job row {seq!r} holds what the outbox never writes")
        if not moments:
            raise ValueError(f"job row {seq!r}: its times are not numbers")
    for seq, name, cid, profile, size, uploaded, pin_request, pin_status in items:
        texts = (name, pin_request, pin_status)
        if not (isinstance(seq, int) and all(isinstance(t, str) for t in texts) and isinstance(uploaded, int)):
            raise ValueError(f"item row of job {seq!r} holds what the outbox never writes")
        if not (isinstance(cid, str) and 0 < len(cid) <= 200 and cid.isascii() and cid.isalnum()):
            raise ValueError(f"item row of job {seq!r}: {str(cid)[:80]!r} is not a CID")
        if not (isinstance(size, int) and size >= 0 and isinstance(profile, str)):
            raise ValueError(f"item row of job {seq!r}: its size or CID profile is damaged")
        profile_named(profile)  # ValueError for one this app never wrote


def connect_read_only(
    db_path: Path, added_columns: tuple[tuple[str, str, str], ...], known_version: int
) -> sqlite3.Connection | None:
    """A connection that cannot write, or None when there is no outbox file yet (so nothing waits).

    An outbox older than some `added_columns` cannot be migrated here; temporary views (which SQLite looks up
    before the file's own tables) show the missing columns with their defaults instead. One made by a newer app
    (schema version past `known_version`) is refused with a StorageFailure."""
    if not db_path.is_file():
        return None
    conn = None
    try:
        conn = open_read_only(db_path, "SELECT count(*) FROM jobs")
        check_version(conn, known_version, store=STORE, file=db_path)
        for table in sorted({table for table, _, _ in added_columns}):
            present = {row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")}
            missing = [(column, definition) for t, column, definition in added_columns if t == table]
            missing = [(column, definition) for column, definition in missing if column not in present]
            if missing:
                extra = ", ".join(f"{_default(definition)} AS {column}" for column, definition in missing)
                conn.execute(f"CREATE TEMP VIEW {table} AS SELECT *, {extra} FROM main.{table}")
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if not isinstance(exc, sqlite3.Error):
            raise
        raise failure(exc, msgs.OUTBOX_CANNOT_BE_OPENED(), db_path) from exc
    return conn


def _default(definition: str) -> str:
    # "TEXT NOT NULL DEFAULT ''" -> "''": the definitions are this app's own constants.
    return definition.partition("DEFAULT")[2].strip() or "NULL"
