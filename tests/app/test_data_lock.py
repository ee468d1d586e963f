"""One process owns a data folder at a time; the lock dies with its process; read-only commands never wait.

Real processes on one data folder: a second `sm6-studio generate` waits or refuses in one line, a `kill -9` of the
owner frees the folder, and a lock file left behind blocks nobody.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import data_lock
from app.services import open_services

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys, time\n"
    "from app import data_lock\n"
    "lock = data_lock.hold(sys.argv[1])\n"
    "print('HELD', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
)
TRY = (
    "import sys\n"
    "from app import data_lock\n"
    "try:\n"
    "    data_lock.hold(sys.argv[1])\n"
    "    print('GOT')\n"
    "except data_lock.FolderInUse as exc:\n"
    "    print('BUSY', exc.pid)\n"
)
GENERATE = ["generate", "gold wheels", "--steps", "2", "--size", "64x64", "--seed", "3"]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process ids as on POSIX")


def env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def start_holder(folder: Path, seconds: float = 300) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder), str(seconds)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "HELD"
    return holder


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env()
    )


def try_from_another_process(folder: Path) -> str:
    return subprocess.run(
        [sys.executable, "-c", TRY, str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env()
    ).stdout.strip()


@pytest.fixture
def data_dir(isolated_dirs) -> Path:
    return isolated_dirs["SM6_DATA_DIR"]


def test_a_second_generate_refuses_or_waits_and_a_killed_owner_frees_the_folder(tiny_sd15, data_dir):
    owner = start_holder(data_dir)
    try:
        for wait in ("0", "0.5"):
            refused = cli(*GENERATE, "--wait", wait)
            assert refused.returncode == 1, refused.stdout
            lines = refused.stderr.strip().splitlines()
            assert len(lines) == 1 and f"in use by another SM6 Design Studio (process {owner.pid})" in lines[0]
            assert ("waiting up to 0.5 s" in refused.stdout) == (wait == "0.5")
        assert not (data_dir / "library.sqlite3").exists()  # refused before anything was opened

        waiting = subprocess.Popen(
            [sys.executable, "-m", "ui.entry", *GENERATE, "--wait", "120"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        assert "waiting up to 120 s" in waiting.stdout.readline()
        owner.send_signal(signal.SIGKILL)  # no clean-up: only the kernel can let go of the lock now
        owner.wait(30)
        out, err = waiting.communicate(timeout=300)
        assert waiting.returncode == 0, err[-2000:]
        assert "Saved design" in out
        assert (data_dir / data_lock.LOCK_NAME).exists()  # the killed owner's file stayed, and blocked nobody
    finally:
        owner.kill()
        owner.wait(30)


@pytest.mark.parametrize("content", [b"999999999\n", b"garbage \xff\x00", b"", b"1\n"])
def test_a_lock_file_left_behind_blocks_nobody(data_dir, content):
    data_dir.mkdir(parents=True)
    (data_dir / data_lock.LOCK_NAME).write_bytes(content)  # pid 1 runs, but holds no lock here
    services = open_services()
    try:
        assert services.folder_lock is not None
        assert try_from_another_process(data_dir) == f"BUSY {os.getpid()}"
        assert data_lock.owner_pid(data_dir) == os.getpid()
    finally:
        services.close()
    assert try_from_another_process(data_dir) == "GOT"


def test_the_window_and_its_services_hold_one_folder_until_both_let_go(data_dir):
    window_hold = data_lock.hold(data_dir)  # as ui.application does before it builds the window
    services = open_services()  # as the window's controller does: the same process, so no wait
    try:
        services.close()
        assert try_from_another_process(data_dir) == f"BUSY {os.getpid()}"
    finally:
        window_hold.release()
        services.close()  # twice is harmless
    assert try_from_another_process(data_dir) == "GOT"
    assert data_lock.owner_pid(data_dir) is None


def test_read_only_commands_never_wait_for_the_owner(tiny_sd15, data_dir):
    owner = start_holder(data_dir)
    try:
        started = time.monotonic()
        doctor = cli("doctor", timeout=120)
        presets = cli("presets", timeout=60)
        assert time.monotonic() - started < 100
        assert doctor.returncode == 0, doctor.stderr
        assert f"SM6 Design Studio, process {owner.pid}" in doctor.stdout
        assert presets.returncode == 0 and "busan-night" in presets.stdout
    finally:
        owner.kill()
        owner.wait(30)


@pytest.mark.parametrize("kind", ["under-a-file", "unwritable-parent"])
def test_a_folder_that_cannot_hold_a_lock_is_left_to_the_library_to_explain(tmp_path, kind):
    if kind == "under-a-file":
        (tmp_path / "blocker").write_text("x")
        folder = tmp_path / "blocker" / "data"
    else:
        folder = Path("/proc/sm6-studio-data")
    assert data_lock.hold(folder) is None
