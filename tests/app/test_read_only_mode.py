"""The read-only viewing mode the README promises, reached for real: a data folder the app may not change opens, shows
every design and what waits to be published, and refuses every write with one plain sentence. Nothing is changed."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

# The interpreter may live under /root, where `nobody` (see unprivileged) cannot import from: load what the app
# loads lazily while opening a data folder before the test drops privileges.
import encodings.utf_8_sig  # noqa: F401, E402  isort: skip

from app.config import Settings
from app.errors import StorageError
from app.library.store import DB_NAME
from app.services import Services, open_services
from app.storage_errors import READ_ONLY
from app.token.publisher import outbox_path
from tests.app.storage_conditions import (
    make_read_only,
    person_folders,
    remount_read_only,
    small_disk,
    unprivileged,
)
from tests.app.test_library_hardening import made

REPO_ROOT = Path(__file__).resolve().parents[2]


def _png(i: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (i, 0, 0)).save(out, format="PNG")
    return out.getvalue()


def fill_data_folder(services: Services) -> tuple[list[str], str]:
    """Three designs, a star, a description, and a token waiting to be published: what the folder holds."""
    lib = services.library
    designs = [lib.add(made(i)) for i in range(3)]
    lib.set_favourite(designs[1].id, True)
    lib.save_description(designs[1].id, "ko", "읽기 전용으로도 보이는 설명")
    services.publisher.outbox.enqueue("token-1", [("image.png", _png(1), None, "unixfs-v1-2025")])
    return [d.id for d in reversed(designs)], designs[1].id


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


_CRASH = """
import os, sys
from app.library.store import Library
from tests.app.test_library_hardening import made
Library.open(sys.argv[1]).add(made(3))
os._exit(0)  # no close: the design stays in the write-ahead log, as after a crash or a power cut
"""


def another_accounts_folder(data: Path) -> list[str]:
    make_read_only(data)  # owned by root: the person (nobody) can read it but not change it, nor its modes
    return []


def left_by_a_crash(data: Path) -> list[str]:
    subprocess.run([sys.executable, "-c", _CRASH, str(data)], check=True, cwd=REPO_ROOT, timeout=120)
    assert Path(f"{data / DB_NAME}-wal").stat().st_size > 0
    make_read_only(data)
    with contextlib.closing(sqlite3.connect(f"{(data / DB_NAME).as_uri()}?mode=ro", uri=True)) as raw:
        return [raw.execute("SELECT id FROM designs ORDER BY seq DESC LIMIT 1").fetchone()[0]]


def read_only_disk(data: Path) -> list[str]:
    make_read_only(data)
    remount_read_only(data.parent)  # the kernel refuses every write, whoever asks
    return []


HOW: dict[str, Callable[[Path], list[str]]] = {
    "another account's folder": another_accounts_folder,
    "a folder left by a crash": left_by_a_crash,
    "a read-only disk": read_only_disk,
}


@pytest.fixture
def base(monkeypatch) -> Iterator[Path]:
    with person_folders(monkeypatch) as folder:
        yield folder


@pytest.mark.parametrize("how", HOW)
def test_a_data_folder_the_app_may_not_change_opens_for_viewing_and_refuses_writes_plainly(base, monkeypatch, how):
    with contextlib.ExitStack() as stack:
        if how == "a read-only disk":
            data = stack.enter_context(small_disk(base / "disk", "4m")) / "data"
        else:
            data = base / "data"
        monkeypatch.setenv("SM6_DATA_DIR", str(data))
        services = open_services(settings=Settings())
        try:
            shown, starred = fill_data_folder(services)
        finally:
            services.close()
        shown = HOW[how](data) + shown
        before = fingerprint(data)
        with unprivileged():
            services = open_services(settings=Settings())
            try:
                check_viewing_mode(services, shown, starred)
            finally:
                services.close()
        assert fingerprint(data) == before  # not one byte changed


def check_viewing_mode(services: Services, shown: list[str], starred: str) -> None:
    lib, outbox = services.library, services.publisher.outbox
    assert lib.is_read_only and outbox.read_only
    reason = lib.read_only_reason
    assert "read-only" in reason and "can be viewed" in reason and str(lib.data_dir) in reason

    # Everything is there to look at.
    assert [d.id for d in lib.list()] == shown and lib.get(starred).favourite
    assert lib.description(starred, "ko").text == "읽기 전용으로도 보이는 설명"
    assert [job.key for job in outbox.jobs()] == ["token-1"] and outbox.jobs()[0].state == "local"
    assert all(Path(lib.get(i).image_path).is_file() for i in shown)

    # Every write is refused with the sentence that says why.
    refusals = {
        "star": lambda: lib.set_favourite(shown[0], True),
        "describe": lambda: lib.save_description(starred, "en", "new words"),
        "queue a token": lambda: outbox.enqueue("token-2", [("image.png", _png(2), None, "unixfs-v1-2025")]),
        "retry a job": lambda: outbox.retry("token-1"),
    }
    for name, attempt in refusals.items():
        with pytest.raises(StorageError) as info:
            attempt()
        assert info.value.kind == READ_ONLY, name
        assert "read-only" in info.value.message and "Errno" not in info.value.message, name
    assert services.publisher.outbox.run_once(client=object()) == outbox.jobs()  # nothing moves, nothing breaks

    # A design made now is not lost: it is kept outside the folder, and the person is told where.
    new = made(7)
    with pytest.raises(StorageError) as info:
        lib.add(new)
    assert info.value.message.startswith(reason)
    kept = Path(info.value.message.split("kept in ")[1].split(", outside")[0])
    assert kept.read_bytes() == new.png and not kept.is_relative_to(lib.data_dir)


def test_an_empty_folder_the_app_may_not_change_says_designs_cannot_be_saved(base, monkeypatch):
    data = base / "data"
    data.mkdir()
    make_read_only(data)
    monkeypatch.setenv("SM6_DATA_DIR", str(data))
    with unprivileged():
        with pytest.raises(StorageError) as info:
            open_services(settings=Settings())
    assert info.value.kind == READ_ONLY and str(data) in info.value.message
    assert "another data folder" in info.value.message


def test_the_outbox_alone_in_a_read_only_folder_still_opens(base):
    """The outbox decides for itself too: a data folder whose publish/ folder cannot be written."""
    from app.token.publish import Outbox

    db = outbox_path(base / "data")
    with Outbox(db) as box:
        box.enqueue("token-1", [("image.png", _png(1), None, "unixfs-v1-2025")])
    make_read_only(db.parent)
    with unprivileged():
        with Outbox(db) as box:
            assert box.read_only and [job.key for job in box.jobs()] == ["token-1"]
            assert "publishing outbox" in box.read_only_reason and str(db.parent) in box.read_only_reason
