"""The publishing outbox's file under real failures: held by another program, full, damaged, or in a folder the app
may not change. Each is told apart in plain words; a damaged file is never rewritten; a read-only one still shows
what waits."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app.errors import StorageError
from app.storage_errors import DAMAGED, FULL, LOCKED, READ_ONLY
from app.token.publish import WAITING_FOR_NETWORK, Outbox
from tests.app.storage_conditions import (
    damage_pages,
    held_by_another_program,
    make_read_only,
    shared_folder,
    short_busy_timeout,
    unprivileged,
    write_outbox_from_before_pinning,
)

PROFILE = "unixfs-v1-2025"


def items(i: int) -> list:
    return [("metadata.json", f'{{"name": "SM6 #{i}", "pad": "{"x" * 3000}"}}'.encode(), None, PROFILE)]


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "publish" / "outbox.sqlite3"
    with Outbox(path) as box:
        for i in range(3):
            box.enqueue(f"token-{i}", items(i))
    return path


def no_raw_text(error: StorageError) -> None:
    for raw in ("database is locked", "disk is full", "malformed", "not a database", "SQLITE_", "Errno"):
        assert raw not in error.message
    assert error.details  # what the system said is kept for "Show details"


# --- another program, a full disk ---------------------------------------------------------------------------------

WRITES = {
    "queue a token": lambda box: box.enqueue("token-new", items(9)),
    "retry a job": lambda box: box.retry("token-1"),
    "record progress": lambda box: box._set("token-1", "uploading"),
}


@pytest.mark.parametrize("write", WRITES)
def test_an_outbox_another_program_holds_says_so(db, write):
    with Outbox(db) as box:
        short_busy_timeout(box._connection())
        with held_by_another_program(db):
            with pytest.raises(StorageError) as info:
                WRITES[write](box)
        assert info.value.kind == LOCKED and "another program is using the publishing outbox" in info.value.message
        no_raw_text(info.value)
        assert [job.state for job in box.jobs()] == ["local"] * 3  # nothing half-done


def test_an_outbox_whose_disk_fills_up_says_so_and_keeps_what_it_had(db):
    with Outbox(db) as box:
        conn = box._connection()
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        with pytest.raises(StorageError) as info:
            for i in range(10, 200):
                box.enqueue(f"token-{i}", items(i))
        assert info.value.kind == FULL and "is full. Free some space" in info.value.message
        no_raw_text(info.value)
        assert {job.key for job in box.jobs()} >= {"token-0", "token-1", "token-2"}


# --- a damaged file -------------------------------------------------------------------------------------------------


def _header(db: Path) -> None:
    with open(db, "r+b") as fh:
        fh.write(os.urandom(100))


DAMAGE = {
    "garbage pages": damage_pages,
    "garbage header": _header,
    "cut short": lambda db: os.truncate(db, 4096 + 100),
    "a text file": lambda db: db.write_text("my shopping list\n" * 300),
}


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_outbox_is_called_damaged_and_never_rewritten(db, how):
    DAMAGE[how](db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(StorageError) as info:
        with Outbox(db) as box:
            box.jobs()
    assert info.value.kind == DAMAGED and f"the file {db} is damaged" in info.value.message
    assert "move it out of" in info.value.message and "published again" in info.value.message
    no_raw_text(info.value)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


# --- read-only ----------------------------------------------------------------------------------------------------


def test_a_read_only_outbox_shows_its_jobs_and_refuses_to_queue(db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with Outbox(db, read_only=True) as box:
        assert box.read_only and [job.key for job in box.jobs()] == ["token-0", "token-1", "token-2"]
        for write in WRITES.values():
            with pytest.raises(StorageError) as info:
                write(box)
            assert info.value.kind == READ_ONLY and info.value.message == box.read_only_reason
        assert box.run_once(client=object()) == box.jobs()
        box.enqueue("token-1", items(1))  # already queued: answered without writing
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_read_only_folder_without_an_outbox_has_nothing_waiting(tmp_path):
    with Outbox(tmp_path / "never-published" / "outbox.sqlite3", read_only=True) as box:
        assert box.jobs() == [] and box.read_only
        with pytest.raises(StorageError, match="read-only"):
            box.enqueue("token-1", items(1))
    assert not (tmp_path / "never-published" / "outbox.sqlite3").exists()


def test_a_read_only_outbox_from_before_pinning_still_shows_its_jobs():
    with shared_folder("sm6-old-outbox-") as base:
        db = base / "outbox.sqlite3"
        write_outbox_from_before_pinning(db, "bafkreiabc", PROFILE, 10)
        make_read_only(base)
        with unprivileged():  # the folder really cannot be written: the outbox finds that out itself
            with Outbox(db) as box:
                (job,) = box.jobs()
                assert box.read_only and (job.key, job.error) == ("token-1", WAITING_FOR_NETWORK)
                assert (job.items[0].pin_request, job.items[0].pin_status) == ("", "")
