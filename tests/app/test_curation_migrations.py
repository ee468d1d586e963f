"""The curation database's schema versions, on SQLite and on a real PostgreSQL server: an empty database is brought
to the latest version; one from a newer app is refused and left exactly as it was."""

from __future__ import annotations

import pytest

from app.curation import db, schema
from app.curation.store import open_store
from app.storage_errors import StorageFailure
from tests.fixtures import curation_store

store_setting = curation_store.store_setting  # the fixture, on both databases


def _version(database: db.Database) -> int:
    if database.dialect == db.SQLITE:
        return database.read("PRAGMA user_version")[0][0]
    return database.read("SELECT version FROM curation_schema")[0][0]


def test_an_empty_database_migrates_to_the_latest_version(store_setting, tmp_path):
    opened = open_store(store_setting, tmp_path / "unused.db")
    try:
        assert _version(opened._db) == len(schema.STEPS)
        assert opened.counts()["ok"] == 0
    finally:
        opened.close()
    again = open_store(store_setting, tmp_path / "unused.db")  # opening it again runs no step twice
    try:
        assert again._db.migrate(schema.STEPS) == len(schema.STEPS)
    finally:
        again.close()


def test_a_database_from_a_newer_app_is_refused_untouched(store_setting, tmp_path):
    newer = len(schema.STEPS) + 1
    with db.opened(store_setting, tmp_path / "unused.db") as database:

        def from_the_future(tx: db.Tx) -> None:
            tx.execute("CREATE TABLE tomorrow (x INTEGER)")
            tx.execute("INSERT INTO tomorrow (x) VALUES (42)")
            if database.dialect == db.SQLITE:
                tx.execute(f"PRAGMA user_version = {newer}")
            else:
                tx.execute("CREATE TABLE curation_schema (version INTEGER NOT NULL)")
                tx.execute("INSERT INTO curation_schema (version) VALUES (?)", (newer,))

        database.write(from_the_future)
    before = (tmp_path / "curation.db").read_bytes() if store_setting.endswith(".db") else b""

    with pytest.raises(StorageFailure) as raised:
        open_store(store_setting, tmp_path / "unused.db")
    assert "made by a newer version" in raised.value.msg.english()

    with db.opened(store_setting, tmp_path / "unused.db") as database:
        assert _version(database) == newer
        assert database.read("SELECT x FROM tomorrow") == [(42,)]
        tables = (
            database.read("SELECT name FROM sqlite_master WHERE type = 'table'")
            if database.dialect == db.SQLITE
            else database.read("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        )
        assert "submissions" not in {t for (t,) in tables}
    if before:
        assert (tmp_path / "curation.db").read_bytes() == before
