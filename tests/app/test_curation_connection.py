"""The curation server's connection as Settings makes it: the password comes from the keyring (never the URL or
settings.toml), a password written in the setting itself wins, the URL round-trips odd names, and the connection
check reads a real PostgreSQL server without changing it."""

from __future__ import annotations

import socket

import pytest

from app.curation.connection import (
    DatabasePasswordStore,
    ServerParts,
    check_connection,
    server_parts,
    server_url,
    stored_password,
)
from app.curation.store import open_store
from app.errors import UserFacingError
from app.storage_errors import StorageFailure


def _password_used(store) -> str | None:
    return store._db._connection().info.password


def test_open_store_uses_the_keyring_password_when_the_setting_has_none(pg_conninfo, tmp_path):
    DatabasePasswordStore().set("  s3cret with spaces ")
    assert stored_password() == "  s3cret with spaces "  # a password is kept exactly as typed
    store = open_store(pg_conninfo, tmp_path / "unused.db")
    try:
        assert _password_used(store) == "  s3cret with spaces "
    finally:
        store.close()


def test_a_password_written_in_the_setting_wins_over_the_keyring(pg_conninfo, tmp_path):
    DatabasePasswordStore().set("from-keyring")
    with_password = pg_conninfo.replace("sm6@", "sm6:in-url@")
    store = open_store(with_password, tmp_path / "unused.db")
    try:
        assert _password_used(store) == "in-url"
    finally:
        store.close()


def test_no_password_anywhere_connects_without_one(pg_conninfo, tmp_path):
    store = open_store(pg_conninfo, tmp_path / "unused.db")
    try:
        assert not _password_used(store)
    finally:
        store.close()


def test_a_password_with_a_line_break_is_refused_in_words():
    with pytest.raises(UserFacingError, match="line breaks"):
        DatabasePasswordStore().set("two\nlines")
    assert stored_password() is None


def test_the_server_url_round_trips_odd_names_and_never_holds_a_password():
    parts = ServerParts("judging.example.com", 6543, "sm6 curation", "kim@studio")
    url = server_url(parts)
    assert url == "postgresql://kim%40studio@judging.example.com:6543/sm6%20curation"
    assert server_parts(url) == parts
    assert server_parts("host=10.0.0.5 dbname=c user=j") == ServerParts("10.0.0.5", 5432, "c", "j")
    assert server_parts("postgresql://[") == ServerParts()  # unreadable: an empty form, not an exception
    assert server_url(ServerParts("::1", 5432, "c", "")) == "postgresql://[::1]:5432/c"


def test_check_connection_reads_what_is_there_and_changes_nothing(pg_conninfo, tmp_path):
    empty = check_connection(pg_conninfo, tmp_path / "unused.db")
    assert empty.kind == "postgresql" and empty.server_version.startswith("1") and empty.schema_version == 0
    assert empty.submissions == 0
    assert check_connection(pg_conninfo, tmp_path / "unused.db").schema_version == 0  # still not set up
    open_store(pg_conninfo, tmp_path / "unused.db").close()
    ready = check_connection(pg_conninfo, tmp_path / "unused.db")
    assert ready.schema_version >= 1 and ready.submissions == 0


def test_check_connection_to_a_port_nothing_listens_on_says_so_in_words(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StorageFailure) as caught:
        check_connection(f"postgresql://sm6@127.0.0.1:{port}/curation", tmp_path / "unused.db", "pw")
    assert f"127.0.0.1:{port}/curation cannot be reached" in caught.value.message
    assert "pw" not in caught.value.message
