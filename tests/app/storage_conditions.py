"""Real storage failures for tests: a folder the process may not write, a disk that is full or read-only, a database
another connection holds, a database with damaged pages. Nothing here fakes an error: each makes the condition and
lets SQLite or the kernel report it."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Make permission bits bite. Root ignores chmod, so act as `nobody` for the duration."""
    if os.geteuid() != 0:
        yield
        return
    try:
        os.seteuid(NOBODY)
    except PermissionError:
        pytest.skip("running as root without the right to drop privileges: chmod cannot block writes here")
    try:
        yield
    finally:
        os.seteuid(0)


@contextlib.contextmanager
def shared_folder(prefix: str) -> Iterator[Path]:
    """A folder `nobody` can reach (pytest's own base folder is private to root), removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix=prefix))
    base.chmod(0o755)
    try:
        yield base
    finally:
        make_writable(base)
        shutil.rmtree(base, ignore_errors=True)


def make_read_only(folder: Path, *, files_too: bool = True) -> None:
    """0555 folders and 0444 files: readable by anyone (nobody stands in for the owner), writable by no one."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)
        elif files_too:
            path.chmod(0o444)


def make_writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


@contextlib.contextmanager
def person_folders(monkeypatch) -> Iterator[Path]:
    """A base folder with the config, models and temporary folders of a person played by `nobody` (root ignores
    permissions), pointed to by the app's environment variables; the data folder is the test's to make there."""
    with shared_folder("sm6-person-") as base:
        for name, sub in (
            ("SM6_CONFIG_DIR", "config"),
            ("SM6_MODELS_DIR", "user-models"),
            ("SM6_BUNDLED_MODELS_DIR", "models"),
            ("XDG_DATA_HOME", "xdg"),
            ("", "system-temp"),
        ):
            (base / sub).mkdir()
            os.chown(base / sub, NOBODY, NOBODY)
            if name:
                monkeypatch.setenv(name, str(base / sub))
        monkeypatch.setattr("tempfile.tempdir", str(base / "system-temp"))
        yield base


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "512k") -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder`: a disk that really fills up (and can really turn read-only)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Write until the disk holding `folder` has no space left."""
    with open(folder / "filler.bin", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


@contextlib.contextmanager
def held_by_another_program(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A second, independent connection holding the write lock, as another process would."""
    # It may wait for a write of the app's to finish (as a real program would); the app is the one that must not wait.
    other = sqlite3.connect(db_path, isolation_level=None, timeout=5)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def damage_pages(db_path: Path, first_page: int = 2, pattern: bytes = b"\xff") -> None:
    """Overwrite every page from `first_page` on (page 1 holds the header and the schema: opening still works)."""
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_path.stat().st_size
    with open(db_path, "r+b") as fh:
        fh.seek((first_page - 1) * page_size)
        fh.write((pattern * size)[: size - (first_page - 1) * page_size])


def short_busy_timeout(conn: sqlite3.Connection) -> None:
    """The app waits 10 s for another program's lock; a test need not wait that long to see it fail."""
    conn.execute("PRAGMA busy_timeout = 50")


def write_outbox_from_before_pinning(db: Path, cid: str, profile: str, size: int) -> None:
    """An outbox file as the version before pinning wrote it: one job waiting for the network, one item."""
    from app.token.publish import WAITING_FOR_NETWORK

    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.executescript(
            f"""
            CREATE TABLE jobs (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, state TEXT NOT NULL,
                               error TEXT NOT NULL DEFAULT '', created_at REAL NOT NULL, updated_at REAL NOT NULL);
            CREATE TABLE items (job_seq INTEGER NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL, cid TEXT NOT NULL,
                                profile TEXT NOT NULL, size INTEGER NOT NULL, uploaded INTEGER NOT NULL DEFAULT 0,
                                PRIMARY KEY (job_seq, idx));
            INSERT INTO jobs VALUES (1, 'token-1', 'local', '{WAITING_FOR_NETWORK}', 1.0, 1.0);
            INSERT INTO items VALUES (1, 0, 'metadata.json', '{cid}', '{profile}', {size}, 0);
            """
        )
