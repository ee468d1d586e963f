"""The shared SQLite helpers: a failed write leaves nothing half-done, and the files are WAL + FULL."""

import sqlite3

import pytest

from app.sqlite_db import immediate, open_durable


def test_an_error_inside_a_transaction_leaves_none_of_its_rows(tmp_path):
    conn = open_durable(tmp_path / "db.sqlite3")
    conn.execute("CREATE TABLE t (v INTEGER)")
    with pytest.raises(RuntimeError):
        with immediate(conn):
            conn.execute("INSERT INTO t VALUES (1)")
            raise RuntimeError("the process was told to stop here")
    assert not conn.in_transaction
    with immediate(conn):  # the connection is still usable
        conn.execute("INSERT INTO t VALUES (2)")
    other = sqlite3.connect(tmp_path / "db.sqlite3")
    assert other.execute("SELECT v FROM t").fetchall() == [(2,)]


def test_a_second_writer_waits_for_the_first_instead_of_interleaving(tmp_path):
    path = tmp_path / "db.sqlite3"
    first = open_durable(path)
    first.execute("CREATE TABLE t (v INTEGER)")
    second = sqlite3.connect(path, isolation_level=None, timeout=0.05)
    with immediate(first):
        first.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            second.execute("BEGIN IMMEDIATE")
    assert second.execute("SELECT count(*) FROM t").fetchone() == (1,)


def test_files_are_opened_in_wal_mode_with_full_sync(tmp_path):
    conn = open_durable(tmp_path / "db.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
