"""An exception nobody caught — in a slot, a timer or a worker thread — reaches the crash log with its traceback,
and the window says only, in plain words, that something went wrong."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from app import crash_log
from ui.crash_guard import MESSAGE, CrashGuard

SECRET_TEXT = "KeyError: 'internal-detail-42'"


@pytest.fixture
def guard_and_notices(qtbot):
    notices: list[tuple[str, str]] = []
    guard = CrashGuard(lambda message, details: notices.append((message, details)))
    # pytest-qt installs its own hook to fail tests on slot exceptions; this test is about the app's hook.
    guard.install()
    try:
        yield notices
    finally:
        guard.uninstall()


def _raise() -> None:
    raise KeyError("internal-detail-42")


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize(
    "source",
    ["button slot", "timer", "worker thread", "a second worker thread"],
)
def test_an_uncaught_exception_is_logged_and_said_plainly(qtbot, guard_and_notices, isolated_dirs, source):
    notices = guard_and_notices
    if source == "button slot":
        button = QPushButton()
        qtbot.addWidget(button)
        button.clicked.connect(_raise)
        button.click()
    elif source == "timer":
        QTimer.singleShot(0, _raise)
    else:
        threads = [
            threading.Thread(target=_raise, name=f"sm6-worker-{i}") for i in range(1 + (source != "worker thread"))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    qtbot.waitUntil(lambda: len(notices) >= 1, timeout=5000)
    message, details = notices[0]
    assert message == MESSAGE and "internal-detail-42" not in message and "KeyError" not in message
    log_file = isolated_dirs["SM6_DATA_DIR"] / "logs" / crash_log.CRASH_LOG
    assert str(log_file) in details
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and SECRET_TEXT in logged
    assert (log_file.stat().st_mode & 0o077) == 0
