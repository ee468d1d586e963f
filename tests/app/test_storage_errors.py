"""Every storage failure is told apart and put in words: each made for real (SQLite and the kernel report it)."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import StorageError
from app.sqlite_db import open_durable, open_read_only
from app.storage_errors import DAMAGED, DISK, FULL, LOCKED, OTHER, READ_ONLY, classify, describe, storage_error
from tests.app.storage_conditions import (
    damage_pages,
    fill,
    held_by_another_program,
    make_read_only,
    remount_read_only,
    shared_folder,
    small_disk,
    unprivileged,
)


def table_db(path: Path, rows: int = 200, *, wal: bool = True) -> Path:
    conn = open_durable(path) if wal else sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (v) VALUES (?)", [("x" * 500,) for _ in range(rows)])
    conn.execute("COMMIT")
    conn.close()
    return path


def raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except (sqlite3.Error, OSError) as exc:
        return exc
    raise AssertionError("the storage operation was expected to fail")


# --- another program holds the database -----------------------------------------------------------------------


def _locked(tmp_path: Path, statement: str, wal: bool = True) -> BaseException:
    db = table_db(tmp_path / "db.sqlite3", wal=wal)
    with held_by_another_program(db):
        conn = sqlite3.connect(db, isolation_level=None, timeout=0.05)
        with contextlib.closing(conn):
            return raised(lambda: conn.execute(statement).fetchall())


LOCKED_CASES = {
    "begin a write": lambda tmp: _locked(tmp, "BEGIN IMMEDIATE"),
    "insert": lambda tmp: _locked(tmp, "INSERT INTO t (v) VALUES ('y')"),
    "change the schema": lambda tmp: _locked(tmp, "CREATE TABLE u (v)"),
    "read a rollback-journal file": lambda tmp: _locked(tmp, "SELECT count(*) FROM t", wal=False),
}


# --- the disk is full -----------------------------------------------------------------------------------------


def _capped(tmp_path: Path, statement: str, params: tuple = ()) -> BaseException:
    # max_page_count makes SQLite meet the end of its space exactly as on a full disk: SQLITE_FULL.
    conn = sqlite3.connect(table_db(tmp_path / "db.sqlite3", rows=5), isolation_level=None)
    with contextlib.closing(conn):
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return raised(lambda: conn.execute(statement, params))


def _device_full(_tmp_path: Path) -> BaseException:
    def write() -> None:
        with open("/dev/full", "wb") as fh:
            fh.write(b"design")
            fh.flush()

    return raised(write)


def _small_disk_full(tmp_path: Path) -> BaseException:
    with small_disk(tmp_path / "disk", "256k") as disk:
        conn = sqlite3.connect(disk / "db.sqlite3", isolation_level=None)
        with contextlib.closing(conn):
            conn.execute("CREATE TABLE t (v BLOB)")
            fill(disk)
            return raised(lambda: conn.execute("INSERT INTO t VALUES (?)", (os.urandom(200_000),)))


FULL_CASES = {
    "a big row": lambda tmp: _capped(tmp, "INSERT INTO t (v) VALUES (?)", ("y" * 50_000,)),
    "an index": lambda tmp: _capped(tmp, "CREATE INDEX t_v ON t(v)"),
    "many rows": lambda tmp: _capped(tmp, "INSERT INTO t (v) SELECT t.v || u.v FROM t, t AS u"),
    "a file on a full device": _device_full,
    "a database on a disk that filled up": _small_disk_full,
}


# --- the folder or the disk cannot be written -------------------------------------------------------------------


def _through_read_only_connection(tmp_path: Path) -> BaseException:
    conn = open_read_only(table_db(tmp_path / "db.sqlite3"))
    with contextlib.closing(conn):
        return raised(lambda: conn.execute("INSERT INTO t (v) VALUES ('y')"))


def _in_missing_folder(tmp_path: Path) -> BaseException:
    return raised(lambda: sqlite3.connect(tmp_path / "no such folder" / "db.sqlite3").execute("SELECT 1"))


def _read_only_file_as_a_user(_tmp_path: Path) -> BaseException:
    with shared_folder("sm6-classify-") as base:
        db = table_db(base / "db.sqlite3", wal=False)
        make_read_only(base)
        with unprivileged():
            conn = sqlite3.connect(db, isolation_level=None)
            with contextlib.closing(conn):
                return raised(lambda: conn.execute("INSERT INTO t (v) VALUES ('y')"))


def _file_in_read_only_folder(_tmp_path: Path) -> BaseException:
    with shared_folder("sm6-classify-") as base:
        make_read_only(base)
        with unprivileged():
            return raised(lambda: (base / "design.png").write_bytes(b"png"))


def _folder_under_a_file(tmp_path: Path) -> BaseException:
    (tmp_path / "a file").write_text("not a folder")
    return raised(lambda: (tmp_path / "a file" / "data").mkdir(parents=True))


def _read_only_disk(tmp_path: Path) -> BaseException:
    with small_disk(tmp_path / "disk") as disk:
        (disk / "designs").mkdir()
        remount_read_only(disk)
        return raised(lambda: (disk / "designs" / "design.png").write_bytes(b"png"))


READ_ONLY_CASES = {
    "a read-only connection": _through_read_only_connection,
    "a database in a missing folder": _in_missing_folder,
    "a read-only database file": _read_only_file_as_a_user,
    "a file in a read-only folder": _file_in_read_only_folder,
    "a folder where a file is": _folder_under_a_file,
    "a read-only disk": _read_only_disk,
}


# --- the file is damaged ----------------------------------------------------------------------------------------


def _damaged(tmp_path: Path, how: Callable[[Path], None], statement: str = "SELECT count(*) FROM t") -> BaseException:
    db = table_db(tmp_path / "db.sqlite3")
    how(db)
    conn = sqlite3.connect(db, isolation_level=None)
    with contextlib.closing(conn):
        return raised(lambda: conn.execute(statement).fetchall())


def _overwrite(offset: int, data: bytes) -> Callable[[Path], None]:
    def how(db: Path) -> None:
        with open(db, "r+b") as fh:
            fh.seek(offset)
            fh.write(data)

    return how


DAMAGED_CASES = {
    "random header": lambda tmp: _damaged(tmp, _overwrite(0, os.urandom(100))),
    "zeroed header": lambda tmp: _damaged(tmp, _overwrite(0, b"\0" * 100)),
    "garbage pages, read": lambda tmp: _damaged(tmp, damage_pages),
    "garbage pages, write": lambda tmp: _damaged(tmp, damage_pages, "INSERT INTO t (v) VALUES ('y')"),
    "cut in half": lambda tmp: _damaged(tmp, lambda db: os.truncate(db, db.stat().st_size // 2)),
    "a text file": lambda tmp: _damaged(tmp, lambda db: db.write_text("these are my notes, not a library\n" * 200)),
}

ALL_CASES = [
    pytest.param(kind, make, id=f"{kind}: {name}")
    for kind, cases in (
        (LOCKED, LOCKED_CASES),
        (FULL, FULL_CASES),
        (READ_ONLY, READ_ONLY_CASES),
        (DAMAGED, DAMAGED_CASES),
    )
    for name, make in cases.items()
]


@pytest.mark.parametrize("kind, make", ALL_CASES)
def test_each_real_failure_is_told_apart_and_put_in_plain_words(tmp_path, kind, make):
    exc = make(tmp_path)
    assert classify(exc) == kind, f"{type(exc).__name__}: {exc}"
    error = storage_error(exc, "The design could not be saved", folder=tmp_path, file=tmp_path / "db.sqlite3")
    assert isinstance(error, StorageError) and error.kind == kind
    message = error.message
    assert message.startswith("The design could not be saved") and str(tmp_path) in message
    raw = str(exc)
    assert raw not in message and "SQLITE_" not in message and "Errno" not in message  # raw text: details only
    assert raw in error.details
    next_step = {
        LOCKED: "another program is using",
        FULL: "is full. Free some space",
        READ_ONLY: "cannot be written to",
        DAMAGED: "is damaged. It has been left exactly as it is",
    }[kind]
    assert next_step in message


@pytest.mark.parametrize(
    "code, kind",
    [
        (errno.ENOSPC, FULL),
        (errno.EDQUOT, FULL),
        (errno.EACCES, READ_ONLY),
        (errno.EPERM, READ_ONLY),
        (errno.EROFS, READ_ONLY),
        (errno.EIO, DISK),
        (errno.ESTALE, DISK),
        (errno.EINVAL, OTHER),
    ],
)
def test_errno_values_the_kernel_gives_map_to_their_cause(code, kind):
    assert classify(OSError(code, os.strerror(code))) == kind


def test_unknown_failures_still_get_a_sentence_without_raw_text(tmp_path):
    error = storage_error(RuntimeError("weird internal state 0x1f"), "The design could not be saved", folder=tmp_path)
    assert error.kind == OTHER and "0x1f" not in error.message and "0x1f" in error.details
    for kind in (LOCKED, FULL, READ_ONLY, DAMAGED, DISK, OTHER):
        text = str(describe(kind, "The favourite could not be saved", folder=tmp_path))
        assert text.startswith("The favourite could not be saved") and text.endswith(".")
