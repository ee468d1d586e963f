"""Files the previous version wrote open with this one, upgraded in place, with everything a person saw still there;
a file a newer version wrote is refused without a byte changed; foreign keys hold from now on.

The old files are written with the previous version's own CREATE statements (tests/fixtures/old_stores.py)."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.chain.mint_outbox import MintOutbox
from app.chain.sandbox import _SqliteKV
from app.library import store
from app.library.store import Library
from app.sqlite_db import open_durable
from app.storage_errors import DAMAGED, NEWER, StorageFailure
from app.token import publish
from app.token.cid import file_cid
from app.token.publish import Outbox
from tests.fixtures.designs import add_plain_design
from tests.fixtures.old_stores import (
    CONTRACT,
    ORPHAN_RAW,
    SENDER,
    write_library_v2,
    write_mint_outbox,
    write_publish_outbox,
    write_sandbox,
)


def _raw(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, params).fetchall()


def _version(path: Path) -> int:
    return _raw(path, "PRAGMA user_version")[0][0]


def _schema(path: Path) -> set[tuple]:
    return set(_raw(path, "SELECT type, name, sql FROM sqlite_master"))


# --- the previous version's files open, upgraded, with their data ------------------------------------------------


def test_a_library_from_the_previous_version_opens_with_its_designs_and_descriptions(tmp_path):
    data = tmp_path / "data"
    old = write_library_v2(data)
    db = data / store.DB_NAME
    schema_before = _schema(db)
    with Library.open(data) as lib:
        assert [d.id for d in lib.list()] == [old.child, old.root]
        child = lib.get(old.child)
        assert child.favourite and child.parent_id == old.root and child.request.prompt == "pearl white SM6 빨간 휠"
        assert [d.id for d in lib.lineage(old.child)] == [old.root, old.child]
        assert [d.id for d in lib.list(search="빨간")] == [old.child] and len(lib.list(search="pearl")) == 2
        assert lib.description(old.root, "ko").text == "진주색 SM6, 부산의 밤"
        assert [d.text for d in lib.drafts(old.root)] == ["A pearl white SM6", "진주색 SM6 초안"]
        assert lib.descriptions(old.gone) == {} and lib.drafts(old.gone) == []
        added = add_plain_design(lib, "after the upgrade")  # and it goes on working
        lib.save_description(added.id, "en", "new after the upgrade")
        lib.remove(old.root)  # and a removal can be undone
        assert [d.id for d in lib.list(search="pearl")] == [old.child] and lib.count() == 2
        assert lib.restore(old.root).id == old.root and lib.description(old.root, "ko").text == "진주색 SM6, 부산의 밤"
    assert _version(db) == store.SCHEMA_VERSION == 4
    # Upgraded in place: one column more on the designs (ALTER TABLE … ADD COLUMN) and its index; nothing rebuilt.
    after = _schema(db)
    assert {name for _type, name, _sql in after - schema_before} == {"designs", "designs_removed"}
    assert {name for _type, name, _sql in schema_before - after} == {"designs"}
    assert _raw(db, "PRAGMA foreign_key_check") == [] and _raw(db, "PRAGMA integrity_check") == [("ok",)]
    # The orphans of the design deleted by hand are gone, and nothing else.
    assert _raw(db, "SELECT id FROM description_drafts ORDER BY seq") == [("01HDRAFT1",), ("01HDRAFT2",)]
    assert _raw(db, "SELECT count(*) FROM descriptions") == [(2,)]


def test_a_read_only_library_from_the_previous_version_is_read_as_it_is(tmp_path, monkeypatch):
    data = tmp_path / "data"
    old = write_library_v2(data)
    db = data / store.DB_NAME
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    monkeypatch.setattr(store, "check_writable", lambda folder: f"Cannot write to {folder}: Read-only file system.")
    with Library.open(data) as lib:
        assert lib.is_read_only and [d.id for d in lib.list()] == [old.child, old.root]
        assert lib.description(old.root, "ko").text == "진주색 SM6, 부산의 밤"
    assert _version(db) == 2 and hashlib.sha256(db.read_bytes()).hexdigest() == before  # never migrated


def test_a_publishing_outbox_from_the_previous_version_opens_with_its_jobs(tmp_path):
    db = tmp_path / "publish" / "outbox.sqlite3"
    cid = file_cid(b"{}")
    write_publish_outbox(db, cid)
    schema_before = _schema(db)
    with Outbox(db) as outbox:
        jobs = {job.key: job for job in outbox.jobs()}
        assert sorted(jobs) == ["token-1", "token-2"]
        assert jobs["token-1"].state == "pinning" and jobs["token-2"].state == "pinned"
        pins = [(item.name, item.uploaded, item.pin_request, item.pin_status) for item in jobs["token-1"].items]
        assert pins == [("image.png", True, "", ""), ("metadata.json", True, "req-7", "queued")]
        outbox.enqueue("token-3", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
    assert _version(db) == publish.SCHEMA_VERSION == 2 and _schema(db) == schema_before
    assert _raw(db, "SELECT name FROM items WHERE job_seq NOT IN (SELECT seq FROM jobs)") == []  # "lost.json" went
    assert _raw(db, "PRAGMA foreign_key_check") == []


@pytest.mark.parametrize("with_transfers", [False, True], ids=["first release", "with transfers"])
def test_a_minting_outbox_from_earlier_versions_keeps_every_signature(tmp_path, with_transfers):
    db = tmp_path / "chain" / "mints.sqlite3"
    write_mint_outbox(db, with_transfers=with_transfers)
    outbox = MintOutbox(db)
    try:
        first, second = outbox.mints()
        assert (first.state, first.token_id, first.signatures, first.kind) == ("minted", 41, 1, "mint")
        assert (second.state, second.signatures, second.value, second.memo) == ("signed", 2, 0, "")
        assert outbox.orphan_signatures() == [(3, f"0x{3:064x}", 3)]  # reported, and kept
        third = outbox.queue("sandbox", 31337, CONTRACT, SENDER, SENDER, "ipfs://cid-3", b"\x03" * 32)
        assert third.id == 3 and third.signatures == 0  # the orphan is not taken for this mint's
    finally:
        outbox.close()
    assert _raw(db, "SELECT raw_tx FROM orphan_signatures") == [(ORPHAN_RAW,)]
    assert _raw(db, "SELECT count(*) FROM signatures") == [(3,)]
    assert _version(db) == 2 and _raw(db, "PRAGMA foreign_key_check") == []


def test_the_sandbox_chain_from_the_previous_version_keeps_its_state(tmp_path):
    db = tmp_path / "chain" / "sandbox.sqlite3"
    write_sandbox(db)
    kv = _SqliteKV(db)
    try:
        assert kv[b"\x01" * 32] == b"trie node" and kv[b"code"] == b"\x60\x80" and kv.meta("contract") == CONTRACT
    finally:
        kv._conn.close()
    assert _version(db) == 1


# --- a file from a newer version ---------------------------------------------------------------------------------


def _library(path: Path) -> None:
    Library.open(path.parent).close()


def _read_only_library(path: Path) -> None:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(store, "check_writable", lambda folder: "read-only for this test")
        Library.open(path.parent).close()


def _read_only_outbox(path: Path) -> None:
    Outbox(path, read_only=True).close()


def _sandbox(path: Path) -> None:
    _SqliteKV(path)._conn.close()


OPENERS = {
    "library": ("library.sqlite3", store.SCHEMA_VERSION, _library),
    "read-only library": ("library.sqlite3", store.SCHEMA_VERSION, _read_only_library),
    "publishing outbox": ("outbox.sqlite3", publish.SCHEMA_VERSION, lambda path: Outbox(path).close()),
    "read-only outbox": ("outbox.sqlite3", publish.SCHEMA_VERSION, _read_only_outbox),
    "minting outbox": ("mints.sqlite3", 2, lambda path: MintOutbox(path).close()),
    "sandbox chain": ("sandbox.sqlite3", 1, _sandbox),
}


def _made_by_this_version(name: str, path: Path) -> None:
    """A file of this version (its schema version is then moved as a newer or a broken app would have left it)."""
    writable = {"read-only library": "library", "read-only outbox": "publishing outbox"}.get(name, name)
    OPENERS[writable][2](path)


def _file_of_version(tmp_path, name: str, version: int, journal: str = "wal") -> Path:
    """A store file of this version, its schema version then moved as a newer or a broken app would have left it."""
    filename = OPENERS[name][0]
    path = tmp_path / "data" / filename
    path.parent.mkdir()
    _made_by_this_version(name, path)
    with contextlib.closing(open_durable(path)) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
        assert conn.execute(f"PRAGMA journal_mode={journal}").fetchone() == (journal,)
    return path


@pytest.mark.parametrize("ahead", [1, 7, None], ids=["next", "far ahead", "largest"])
@pytest.mark.parametrize("name", list(OPENERS))
def test_a_file_from_a_newer_version_is_refused_and_left_as_it_is(tmp_path, name, ahead):
    _filename, known, open_it = OPENERS[name]
    version = 2**31 - 1 if ahead is None else known + ahead
    path = _file_of_version(tmp_path, name, version)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageFailure) as caught:
        open_it(path)
    assert caught.value.kind == NEWER and "newer version of SM6 Design Studio" in caught.value.message
    assert "Update the app" in caught.value.message and str(path) in caught.value.message
    assert f"schema version {version};" in caught.value.details and "schema version" not in caught.value.message
    assert _version(path) == version and hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("name", ["library", "publishing outbox", "minting outbox", "sandbox chain"])
def test_a_newer_file_in_a_rollback_journal_is_not_switched_to_wal_before_it_is_refused(tmp_path, name):
    """A copy a backup tool made, or a newer app that journals differently: opening it here must not write even the
    two header bytes that say WAL."""
    filename, known, open_it = OPENERS[name]
    path = _file_of_version(tmp_path, name, known + 1, journal="delete")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageFailure) as caught:
        open_it(path)
    assert caught.value.kind == NEWER
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not path.with_name(filename + "-wal").exists()


@pytest.mark.parametrize("version", [-1, -(2**31)])
@pytest.mark.parametrize("name", ["library", "publishing outbox", "minting outbox", "sandbox chain"])
def test_a_negative_schema_version_is_a_damaged_file_never_migrated(tmp_path, name, version):
    open_it = OPENERS[name][2]
    path = _file_of_version(tmp_path, name, version)
    with pytest.raises(StorageFailure) as caught:
        open_it(path)
    assert caught.value.kind == DAMAGED and "damaged" in caught.value.message and _version(path) == version


# --- foreign keys hold from now on ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["the library's own connection", "another connection of the app"])
def test_deleting_a_design_takes_its_descriptions_and_drafts_with_it(tmp_path, which):
    with Library.open(tmp_path / "data") as lib:
        gone, kept = add_plain_design(lib, "gone", colour=(1, 2, 3)), add_plain_design(lib, "kept")
        for design_id in (gone.id, kept.id):
            lib.add_draft(
                design_id, language="ko", source="offline", model="", prompt="p", text="초안", finish_reason=None
            )
            lib.save_description(design_id, "ko", "설명")
            lib.save_description(design_id, "en", "description")
        conn = lib._conn if which.startswith("the library") else open_durable(lib.data_dir / store.DB_NAME)
        conn.execute("DELETE FROM designs WHERE id = ?", (gone.id,))
        if conn is not lib._conn:
            conn.close()
        assert lib.get(gone.id) is None and lib.descriptions(gone.id) == {} and lib.drafts(gone.id) == []
        assert set(lib.descriptions(kept.id)) == {"ko", "en"} and len(lib.drafts(kept.id)) == 1
    db = tmp_path / "data" / store.DB_NAME
    assert _raw(db, "SELECT count(*) FROM description_drafts WHERE design_id = ?", (gone.id,)) == [(0,)]


BREAKING_A_MINT = {
    "delete a signed mint": ("DELETE FROM mints WHERE id = 1", ()),
    "give a signed mint another id": ("UPDATE mints SET id = 99 WHERE id = 1", ()),
    "sign for a mint that is not there": (
        "INSERT INTO signatures (mint_id, tx_hash, nonce, raw_tx, signed_at) VALUES (42, '0xabc', 1, x'02', 1.0)",
        (),
    ),
    "move a signature off its mint": ("UPDATE signatures SET mint_id = 42", ()),
}


@pytest.mark.parametrize("name", list(BREAKING_A_MINT))
def test_a_mints_signatures_can_never_be_orphaned(tmp_path, name):
    db = tmp_path / "mints.sqlite3"
    outbox = MintOutbox(db)
    try:
        record = outbox.queue("sandbox", 31337, CONTRACT, SENDER, SENDER, "ipfs://x", b"\x01" * 32)
        outbox._record_signature(record.id, b"\x02signed", "0x" + "ab" * 32, 0)
        sql, params = BREAKING_A_MINT[name]
        with contextlib.closing(open_durable(db)) as other:
            for conn in (outbox._conn, other):  # every connection the app opens enforces them
                with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
                    conn.execute(sql, params)
        assert outbox.get(record.id).signatures == 1
    finally:
        outbox.close()
    assert _raw(db, "SELECT mint_id, raw_tx FROM signatures") == [(1, b"\x02signed")]


@pytest.mark.parametrize("job_seq", [0, 2, -1])
def test_a_publishing_item_needs_its_job(tmp_path, job_seq):
    with Outbox(tmp_path / "outbox.sqlite3") as outbox:
        outbox.enqueue("token-1", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            outbox._conn.execute(
                "INSERT INTO items (job_seq, idx, name, cid, profile, size) VALUES (?, 5, 'x', 'c', 'p', 1)",
                (job_seq,),
            )
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            outbox._conn.execute("DELETE FROM jobs")
