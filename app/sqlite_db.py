"""The one way this app opens, migrates and writes its SQLite files (library, publishing and minting outboxes,
sandbox chain).

A failure here is an `sqlite3.Error` (or OSError); `app.storage_errors.storage_error` turns it into words. A file
made by a newer app is a StorageFailure of kind NEWER, already in words.

Schemas: every store lists its steps once (`migrate`); step N turns schema version N-1 into N, and the version is
SQLite's own `PRAGMA user_version`. All pending steps run in one IMMEDIATE transaction, so a crash or a failure
mid-way leaves the file exactly as it was, and two processes cannot both migrate. A read-only open never migrates:
it reads what is there (`check_version` still refuses a file from a newer app).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from app.messages import Message
from app.storage_errors import (
    DAMAGED,
    READ_ONLY,
    StorageFailure,
    cannot_be_opened,
    classify,
    describe,
    newer_version,
)

log = logging.getLogger(__name__)

# One schema step: SQL statements (`;`-separated, triggers allowed) or a function given the connection.
Step = Callable[[sqlite3.Connection], None] | str


# The last second Python's calendar (and the window's dates) can show: 9999-12-31 23:59:59 UTC.
LAST_MOMENT = 253_402_300_799


def is_moment(value: object) -> bool:
    """Whether a time read back from a store is one this app could have written: seconds since 1970 that a calendar
    can show (SQLite keeps any value in any column; NaN and infinity fail the comparison)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= LAST_MOMENT


def open_durable(path: Path | str, *, newest: int | None = None, store: "str | Message" = "") -> sqlite3.Connection:
    """An autocommit connection in WAL mode with synchronous=FULL; callers group writes with `immediate`.

    FULL: in WAL mode each commit fsyncs the log. NORMAL survives an app crash but may drop the last commits on
    power loss; one fsync is nothing next to a generation or a chain round trip, and what the person has seen
    must still be there after a reboot. The connection is shared by threads under the caller's own lock.

    Foreign keys are enforced (SQLite leaves them off unless each connection asks): a design's descriptions go with
    it, and a mint's signatures can never lose their mint.

    `newest`: the schema version this app knows for `store`. A file from a newer app is refused (`check_version`)
    before anything is written, so it is left byte for byte: switching it to WAL would already change its header."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    try:
        with _schema_read():
            if newest is not None:
                check_version(conn, newest, store=store, file=path)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def _schema_read() -> Iterator[None]:
    """The first statement reads the file's schema. SQLite's error about a damaged schema quotes its bytes, and
    Python cannot decode them when they are not UTF-8: that is a damaged file too, never a UnicodeDecodeError."""
    try:
        yield
    except UnicodeDecodeError as exc:
        damaged = sqlite3.DatabaseError(f"malformed database schema: {exc.object[:200]!r}")
        damaged.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
        raise damaged from exc


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
            with _schema_read():
                conn.execute("PRAGMA foreign_keys=ON")  # nothing is written here, but every connection says the same
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


# --- schema versions ----------------------------------------------------------------------------------------------


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, known: int, *, store: "str | Message", file: Path | str) -> int:
    """The file's schema version; StorageFailure (kind NEWER) when a newer app made it, so nothing here touches it.

    A negative version (SQLite stores a signed number) is no version this app or any other of its versions wrote:
    the file is treated as damaged, never migrated."""
    version = schema_version(conn)
    if version > known:
        raise newer_version(store, file, version, known)
    if version < 0:
        message = describe(DAMAGED, cannot_be_opened(store), folder=Path(file).parent, file=file, store=store)
        raise StorageFailure(message, details=f"schema version {version}", kind=DAMAGED)
    return version


def migrate(conn: sqlite3.Connection, steps: Sequence[Step], *, store: "str | Message", file: Path | str) -> int:
    """Bring the file to version len(steps) with the steps it has not had; returns the version it had.

    `store` ("the design library") and `file` word the error for a file from a newer app. Steps must be safe on the
    files earlier versions left (an outbox from before user_version was kept has version 0 with tables present:
    its first step uses CREATE … IF NOT EXISTS and `add_missing_columns`)."""
    with immediate(conn):  # the version is read under the write lock: another process may be migrating too
        version = check_version(conn, len(steps), store=store, file=file)
        for target in range(version + 1, len(steps) + 1):
            step = steps[target - 1]
            if isinstance(step, str):
                run_script(conn, step)
            else:
                step(conn)
            conn.execute(f"PRAGMA user_version = {target}")
        if version < len(steps):
            left = orphans(conn)
            if left:  # each store's own step decides what to do with orphans; this is the net under it
                log.warning("%s: rows whose parent is missing after migrating: %s", store, left)
    return version


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Each statement of `script` inside the caller's transaction (executescript would COMMIT it first)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):  # a `;` inside a trigger, a string or a comment waits for the rest
            if pending.strip(" \t\r\n;"):
                conn.execute(pending)
            pending = ""
    if pending.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement in a schema step: {pending[:80]!r}")


def add_missing_columns(conn: sqlite3.Connection, table: str, columns: Sequence[tuple[str, str]]) -> list[str]:
    """ALTER TABLE … ADD COLUMN for each (name, definition) the table lacks; returns the names added.

    For files written before their schema had a version: which columns they have is the only record."""
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    added = [name for name, _ in columns if name not in present]
    for name, definition in columns:
        if name in added:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {definition}")
    return added


def orphans(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows whose REFERENCES point at a row that is not there, counted per table (PRAGMA foreign_key_check).

    Files written before foreign keys were enforced may hold some; a store's migration step decides, table by
    table, whether such rows are removed or kept and reported."""
    found: dict[str, int] = {}
    for table, *_ in conn.execute("PRAGMA foreign_key_check").fetchall():
        found[table] = found.get(table, 0) + 1
    return found
