"""One window per data folder: a second launch brings the first window forward, or says the folder is in use.

Real processes: the window is `python -m ui.entry` (the installed `sm6-studio` command), started and killed here.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from app import data_lock
from ui.single_instance import hand_over, server_name

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 90
HOLDER = (
    "import sys, time\n"
    "from app import data_lock\n"
    "lock = data_lock.hold(sys.argv[1])\n"
    "print('HELD', flush=True)\n"
    "time.sleep(300)\n"
)


class Window:
    """`sm6-studio` with no command, its log lines collected as they come."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ui.entry"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line)

    def wait_for(self, words: str, timeout: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        while not any(words in line for line in self.seen):
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None and self.lines.empty():
                raise AssertionError(f"{words!r} never came; the window said:\n{''.join(self.seen)[-3000:]}")
            try:
                self.seen.append(self.lines.get(timeout=min(left, 0.5)))
            except queue.Empty:
                pass

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)


def launch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_second_launch_brings_the_first_window_forward_and_a_killed_window_frees_the_folder(isolated_dirs):
    first = Window()
    later = None
    try:
        first.wait_for("Listening for later launches")
        second = launch()
        assert second.returncode == 0, second.stderr[-2000:]
        assert "its window was brought forward" in second.stdout
        first.wait_for("brought the window forward")  # the first window heard it: the "raise" arrived

        first.kill()  # no clean-up at all: the kernel drops the lock, the socket file stays behind
        assert (isolated_dirs["SM6_DATA_DIR"] / data_lock.LOCK_NAME).exists()
        later = Window()
        later.wait_for("Listening for later launches")  # it owns the folder now, stale socket and lock file or not
        assert later.proc.poll() is None
    finally:
        first.kill()
        if later is not None:
            later.kill()
        Path(QDir.tempPath(), server_name(isolated_dirs["SM6_DATA_DIR"])).unlink(missing_ok=True)  # killed: no tidy-up


@pytest.mark.parametrize("answer_wait_s", [0.0, 0.4])
def test_when_the_owner_has_no_window_the_second_launch_says_who_holds_the_folder(qtbot, isolated_dirs, answer_wait_s):
    data = isolated_dirs["SM6_DATA_DIR"]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )  # a headless owner, like `sm6-studio generate`: nothing listens for a "raise"
    try:
        assert holder.stdout.readline().strip() == "HELD"
        with pytest.raises(data_lock.FolderInUse) as refused:
            data_lock.hold(data)
        shown = []
        status = hand_over(data, refused.value, wait_s=answer_wait_s, show=shown.append)
        assert status == 1
        (box,) = shown
        qtbot.addWidget(box)
        assert f"in use by another SM6 Design Studio (process {holder.pid})" in box.text()
        assert str(data) in box.text() and "Close it" in box.text()
        assert "one SM6 Design Studio can use a data folder at a time" in box.informativeText()
    finally:
        holder.kill()
        holder.wait(30)
