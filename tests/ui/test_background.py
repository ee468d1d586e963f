"""Slow work off the UI thread comes back on the UI thread: its result, its error, or (at shutdown) nothing."""

from __future__ import annotations

from concurrent.futures import Future

import shiboken6
from PySide6.QtCore import QObject, QThread

from ui.background import POLL_MS, run_in_background, watch


def test_result_and_error_come_back_on_the_ui_thread(qtbot):
    owner = QObject()
    seen = []
    run_in_background(lambda: QThread.currentThread(), lambda t: seen.append(("done", t)), seen.append, owner)
    run_in_background(lambda: 1 / 0, lambda _r: None, lambda e: seen.append(("error", type(e))), owner)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    done = next(item for item in seen if item[0] == "done")
    assert done[1] is not QThread.currentThread()  # the work ran elsewhere…
    assert ("error", ZeroDivisionError) in seen  # …and its failure reached the UI thread's handler


def test_a_future_cancelled_at_shutdown_calls_nothing(qtbot):
    owner = QObject()
    calls = []
    future: Future = Future()
    task = watch(future, calls.append, calls.append, owner)
    future.cancel()
    # Its poll sees the cancelled future and the task goes; without the guard that poll raised CancelledError.
    qtbot.waitUntil(lambda: not shiboken6.isValid(task), timeout=100 * POLL_MS)
    assert calls == []
