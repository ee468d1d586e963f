"""The shared SQLite helpers: a failed write leaves nothing half-done, the files are WAL + FULL with foreign keys
enforced, and a schema migrates in one step or not at all."""

import contextlib
import sqlite3

import pytest

from app.sqlite_db import (
    add_missing_columns,
    immediate,
    migrate,
    open_durable,
    open_read_only,
    orphans,
    run_script,
    schema_version,
)
from app.storage_errors import NEWER, StorageFailure


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


# --- migrate: one schema helper for every store --------------------------------------------------------------------

TRIGGERED = [
    "CREATE TABLE a (x INTEGER); CREATE TABLE log (x INTEGER)",
    # A `;` inside a trigger body, a string and a comment: still one statement each.
    "CREATE TRIGGER a_log AFTER INSERT ON a BEGIN INSERT INTO log VALUES (new.x); INSERT INTO log VALUES (-new.x); END;"
    "INSERT INTO a VALUES (length('one;two')); -- a comment; with a semicolon\n",
    lambda conn: conn.execute("ALTER TABLE a ADD COLUMN y TEXT NOT NULL DEFAULT 'b'"),
]


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def test_migrate_runs_each_pending_step_once_in_order(tmp_path):
    path = tmp_path / "db.sqlite3"
    with contextlib.closing(open_durable(path)) as conn:
        assert migrate(conn, TRIGGERED[:1], store="the test store", file=path) == 0
        assert schema_version(conn) == 1 and _tables(conn) == ["a", "log"]
        assert migrate(conn, TRIGGERED, store="the test store", file=path) == 1  # a newer app: only steps 2 and 3
        assert migrate(conn, TRIGGERED, store="the test store", file=path) == 3  # nothing left to do
        assert schema_version(conn) == 3
        assert conn.execute("SELECT x, y FROM a").fetchall() == [(7, "b")]
        assert conn.execute("SELECT x FROM log ORDER BY x").fetchall() == [(-7,), (7,)]  # the trigger ran once


def _fails(conn: sqlite3.Connection) -> None:
    raise sqlite3.OperationalError("database or disk is full")


@pytest.mark.parametrize(
    "steps",
    [
        [TRIGGERED[0], _fails],
        [TRIGGERED[0], TRIGGERED[1], "CREATE TABLE a (duplicate INTEGER)"],
        [TRIGGERED[0], "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1)"],
        [TRIGGERED[0], "CREATE TABLE b (x); CREATE TRIGGER unfinished AFTER INSERT ON b BEGIN SELECT 1;"],
    ],
    ids=["a step raises", "a step conflicts", "the second statement fails", "an unfinished statement"],
)
def test_a_failing_step_leaves_the_file_exactly_as_it_was(tmp_path, steps):
    path = tmp_path / "db.sqlite3"
    with contextlib.closing(open_durable(path)) as conn:
        with pytest.raises((sqlite3.Error, ValueError)):
            migrate(conn, steps, store="the test store", file=path)
        assert schema_version(conn) == 0 and _tables(conn) == [] and not conn.in_transaction
        conn.execute("CREATE TABLE still_usable (x)")


@pytest.mark.parametrize("version", [2, 9, 2**31 - 1])
def test_a_newer_file_is_refused_before_any_step_runs(tmp_path, version):
    path = tmp_path / "db.sqlite3"
    with contextlib.closing(open_durable(path)) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
        with pytest.raises(StorageFailure) as caught:
            migrate(conn, TRIGGERED[:1], store="the test store", file=path)
        assert caught.value.kind == NEWER and caught.value.message.startswith("The test store cannot be opened")
        assert _tables(conn) == [] and schema_version(conn) == version


def test_add_missing_columns_adds_only_what_is_missing(tmp_path):
    with contextlib.closing(open_durable(tmp_path / "db.sqlite3")) as conn:
        conn.execute("CREATE TABLE t (a INTEGER, b TEXT)")
        conn.execute("INSERT INTO t VALUES (1, 'kept')")
        columns = [("b", "TEXT NOT NULL DEFAULT 'x'"), ("c", "TEXT NOT NULL DEFAULT 'new'")]
        assert add_missing_columns(conn, "t", columns) == ["c"]
        assert add_missing_columns(conn, "t", columns) == []
        assert conn.execute("SELECT a, b, c FROM t").fetchall() == [(1, "kept", "new")]


def test_run_script_stays_inside_the_callers_transaction(tmp_path):
    with contextlib.closing(open_durable(tmp_path / "db.sqlite3")) as conn:
        with pytest.raises(RuntimeError):
            with immediate(conn):
                run_script(conn, "CREATE TABLE t (x); INSERT INTO t VALUES (1);")
                assert conn.in_transaction  # executescript would have committed here
                raise RuntimeError("stop")
        assert _tables(conn) == []


def test_every_connection_the_app_opens_enforces_foreign_keys(tmp_path):
    path = tmp_path / "db.sqlite3"
    with contextlib.closing(open_durable(path)) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id))")
        conn.execute("INSERT INTO parent VALUES (1)")
        conn.execute("INSERT INTO child VALUES (1)")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO child VALUES (2)")
    with contextlib.closing(open_read_only(path)) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    with contextlib.closing(sqlite3.connect(path)) as raw:  # what another program sees: its own choice
        raw.execute("INSERT INTO child VALUES (3)")
        raw.commit()
    with contextlib.closing(open_durable(path)) as conn:
        assert orphans(conn) == {"child": 1}
