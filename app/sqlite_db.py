"""The one way this app opens and writes its SQLite files (library, publishing and minting outboxes, sandbox chain).

A failure here is an `sqlite3.Error` (or OSError); `app.storage_errors.storage_error` turns it into words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.storage_errors import READ_ONLY, classify


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


def open_read_only(path: Path | str, probe: str = "PRAGMA user_version") -> sqlite3.Connection:
    """A connection that can never write, for a data folder the app may not change; `probe` must read.

    mode=ro reads a WAL database when its -shm file exists or can be created; in a read-only folder after a clean
    shutdown it cannot, and immutable=1 (no locking at all) is the way to read it then. immutable=1 is tried only
    for that: a database another process may be writing must keep its locks. Raises the last sqlite3.Error."""
    uri = Path(path).absolute().as_uri()
    last: sqlite3.Error | None = None
    for params in ("mode=ro", "mode=ro&immutable=1"):
        conn = None
        try:
            conn = sqlite3.connect(f"{uri}?{params}", uri=True, check_same_thread=False, isolation_level=None)
            conn.execute(probe).fetchall()
            return conn
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            last = exc
            if classify(exc) != READ_ONLY:
                break
    assert last is not None
    raise last
