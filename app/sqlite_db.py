"""The one way this app opens and writes its SQLite files (library, publishing and minting outboxes, sandbox chain)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def open_durable(path: Path | str) -> sqlite3.Connection:
    """An autocommit connection in WAL mode with synchronous=FULL; callers group writes with `immediate`.

    FULL: in WAL mode each commit fsyncs the log. NORMAL survives an app crash but may drop the last commits on
    power loss; one fsync is nothing next to a generation or a chain round trip, and what the person has seen
    must still be there after a reboot. The connection is shared by threads under the caller's own lock."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error.

    IMMEDIATE takes the write lock up front, so a transaction that reads and then writes never fails halfway
    with SQLITE_BUSY because another connection wrote in between."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
