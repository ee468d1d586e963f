"""Stores whose file was damaged on disk (a bad copy, a failing card, a person's edit): each is refused or its damaged
rows left out, in words (a StorageFailure), and the file is left exactly as it is."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.chain.mint_outbox import MintOutbox
from app.chain.sandbox import SandboxChain
from app.library.store import DB_NAME, Library
from app.storage_errors import DAMAGED, StorageFailure
from app.token.publish import Outbox
from tests.fixtures.designs import add_plain_design

A, B, C = "0x" + "11" * 20, "0x" + "22" * 20, "0x" + "33" * 20


def _edit(db: Path, sql: str, params: tuple = ()) -> None:
    """What a damaged file or a person's edit may leave: SQLite keeps any value in any column."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_schema_whose_damaged_bytes_are_not_utf8_is_a_damaged_file(tmp_path):
    with Library.open(tmp_path):
        pass
    db = tmp_path / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema=ON")  # as a flipped byte in page 1 would leave it: a name not UTF-8
    conn.execute("UPDATE sqlite_master SET name = CAST(x'74a9' AS TEXT) WHERE name = 'designs'")
    conn.commit()
    conn.close()
    before = _digest(db)
    with pytest.raises(StorageFailure) as raised:
        Library.open(tmp_path)
    assert raised.value.kind == DAMAGED
    with pytest.raises(StorageFailure):
        Outbox(db)  # every store opens through app.sqlite_db
    assert _digest(db) == before


@pytest.mark.parametrize(
    "column, value",
    [
        ("created_at", ""),
        ("created_at", b"\x00"),
        ("created_at", 1e300),
        ("width", ""),
        ("image_sha256", "../../x" * 10),
        ("image_sha256", b"\xff"),
        ("seed", 1.5),
        ("parent_id", b"\x07"),
    ],
)
def test_a_design_row_holding_what_the_library_never_writes_is_left_out(tmp_path, column, value):
    with Library.open(tmp_path) as library:
        kept, damaged = add_plain_design(library, "kept"), add_plain_design(library, "damaged", colour=(1, 2, 3))
    _edit(tmp_path / DB_NAME, f"UPDATE designs SET {column} = ? WHERE id = ?", (value, damaged.id))
    with Library.open(tmp_path) as library:
        assert [d.id for d in library.list()] == [kept.id]
        assert library.get(damaged.id) is None and library.damaged_count == 1


def test_a_description_with_a_time_no_calendar_has_is_left_out(tmp_path):
    with Library.open(tmp_path) as library:
        design = add_plain_design(library)
        library.save_description(design.id, "en", "Pearl white.")
    _edit(tmp_path / DB_NAME, "UPDATE descriptions SET created_at = x'00'")
    with Library.open(tmp_path) as library:
        assert library.descriptions(design.id) == {}


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE items SET cid = '../../../secret'",  # a blob path outside the blobs folder: read and uploaded
        "UPDATE items SET cid = x'ff00'",
        "UPDATE items SET profile = 'unixfs-v9'",
        "UPDATE jobs SET created_at = 'yesterday'",
        "UPDATE jobs SET state = 'elsewhere'",
    ],
)
def test_a_publishing_row_holding_what_the_outbox_never_writes_refuses_the_outbox(tmp_path, sql):
    db = tmp_path / "outbox.sqlite3"
    with Outbox(db) as outbox:
        outbox.enqueue("job", [("a.png", b"png bytes", None, "unixfs-v1-2025")])
    _edit(db, sql)
    before = _digest(db)
    with Outbox(db) as outbox:
        with pytest.raises(StorageFailure) as raised:
            outbox.jobs()
    assert raised.value.kind == DAMAGED
    assert _digest(db) == before


def _mint_outbox_edited(tmp_path, sql: str) -> MintOutbox:
    """A minting outbox holding one mint, changed by `sql` behind the app's back, then opened again."""
    db = tmp_path / "mints.sqlite3"
    outbox = MintOutbox(db)
    outbox._insert_mint("sandbox", 1001, A, B, C, "ipfs://x", b"\x01" * 32, "design")
    outbox.close()
    _edit(db, sql)
    return MintOutbox(db)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE mints SET content_hash = 9223372036854775807",  # bytes(n) made n zero bytes: a MemoryError
        "UPDATE mints SET content_hash = 'text'",
        "UPDATE mints SET value = 'lots'",
        "UPDATE mints SET sender = CAST(x'ff' AS TEXT)",  # not UTF-8: Python's decoding error, not SQLite's
        "UPDATE mints SET state = 'gone'",
    ],
)
def test_a_mint_row_holding_what_the_outbox_never_writes_refuses_the_outbox(tmp_path, sql):
    outbox = _mint_outbox_edited(tmp_path, sql)
    try:
        with pytest.raises(StorageFailure) as raised:
            outbox.mints()
        assert raised.value.kind == DAMAGED
    finally:
        outbox.close()


def test_a_signed_transaction_that_is_not_bytes_is_never_sent_as_zeros(tmp_path):
    outbox = _mint_outbox_edited(tmp_path, "UPDATE mints SET raw_tx = 1000")
    try:
        with pytest.raises(StorageFailure):
            outbox.signed_transaction(1)
    finally:
        outbox.close()


def test_a_signed_mint_whose_bytes_are_gone_is_never_broadcast_or_signed_again(tmp_path):
    signed_without_bytes = (
        "UPDATE mints SET state = 'signed', tx_hash = '0x' || hex(zeroblob(32)), nonce = 0, raw_tx = NULL"
    )
    outbox = _mint_outbox_edited(tmp_path, signed_without_bytes)
    try:
        with pytest.raises(StorageFailure) as raised:
            outbox._broadcast(outbox.get(1), client=None, wait=False)  # before any node is asked
        assert raised.value.kind == DAMAGED
        assert outbox.get(1).state == "signed"
    finally:
        outbox.close()


def test_a_sandbox_whose_saved_state_is_damaged_is_refused_in_words(tmp_path):
    SandboxChain(tmp_path / "chain").close()
    db = tmp_path / "chain" / "sandbox.sqlite3"
    _edit(db, "UPDATE kv SET value = x'00'")  # every block header and trie node unreadable
    before = _digest(db)
    with pytest.raises(StorageFailure) as raised:
        SandboxChain(tmp_path / "chain")
    assert raised.value.kind == DAMAGED
    assert _digest(db) == before
