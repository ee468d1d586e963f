"""Temp files of writes a crash cut short: hidden, each as large as what was being written (a design, an export),
and removed once the data folder is the app's again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from app import paths
from app.fsutil import remove_leftover_temps
from app.services import open_services

REPO_ROOT = Path(__file__).resolve().parents[2]
AN_HOUR_AGO = time.time() - 3700

# Writes a design-sized file through the app's atomic writer and is killed in the middle of it.
_WRITER = textwrap.dedent(
    """
    import sys, time
    from app.fsutil import atomic_writer
    with atomic_writer(sys.argv[1]) as fh:
        fh.write(b"half a design " * 40_000)
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
    """
)


def _aged(path: Path) -> Path:
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    return path


def _write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_write_killed_midway_leaves_a_temp_file_that_the_next_start_removes(tmp_path):
    data = paths.data_dir()
    target = data / "exports" / "campaign.json"
    _write(target, b"the export before")
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    (left,) = [p for p in target.parent.iterdir() if p != target]
    assert left.name.startswith(".campaign.json.") and left.stat().st_size > 500_000
    assert target.read_bytes() == b"the export before"  # the write was all or nothing

    fresh = _write(data / "designs" / ".abc.png.k2j4h5g6.tmp")  # as if written a moment ago: maybe in progress
    _aged(left)
    services = open_services()
    try:
        assert services.tidied is not None and services.tidied.result(timeout=30) == 1
    finally:
        services.close()
    assert not left.exists() and fresh.exists()
    assert target.read_bytes() == b"the export before"


def test_only_the_atomic_writers_own_old_files_go(tmp_path):
    root = tmp_path / "data"
    gone = [
        _aged(_write(root / ".settings.toml.a1b2c3d4.tmp")),
        _aged(_write(root / "images" / "ab" / ".ab12.png.zz_9yy8x.tmp")),
    ]
    kept = [
        _write(root / ".settings.toml.q1w2e3r4.tmp"),  # a write of a moment ago
        _aged(_write(root / "notes.a1b2c3d4.tmp")),  # not hidden: a person's own file
        _aged(_write(root / ".hidden.tmp")),  # not mkstemp's name
        _aged(_write(root / ".settings.toml.A1B2C3D4.tmp")),
        _aged(_write(root / "a" / "b" / "c" / "d" / "e" / ".deep.png.a1b2c3d4.tmp")),  # deeper than the app writes
    ]
    (root / ".folder.a1b2c3d4.tmp").mkdir()  # a folder of that name is not a leftover file
    outside = tmp_path / "elsewhere"
    elsewhere = _aged(_write(outside / ".theirs.png.a1b2c3d4.tmp"))
    (root / "linked").symlink_to(outside, target_is_directory=True)  # a link is never followed
    (root / ".link.png.a1b2c3d4.tmp").symlink_to(elsewhere)

    assert remove_leftover_temps(root) == 2
    assert not any(p.exists() for p in gone)
    assert all(p.exists() for p in kept) and elsewhere.exists() and (root / ".folder.a1b2c3d4.tmp").is_dir()
    assert remove_leftover_temps(tmp_path / "not there") == 0
