"""Run a slow function off the UI thread and get its result back on the UI thread.

The worker never touches Qt; a timer on the UI thread polls the future. That keeps every Qt call on one thread,
which also sidesteps PySide6's history of reference bugs in signals emitted from Python threads.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer

POLL_MS = 30
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sm6-ui-bg")


class BackgroundTask(QObject):
    def __init__(
        self,
        future: Future,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error
        self.future = future
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def pending(self) -> bool:
        """True until its answer has been handed over (or dropped): a dialog waits for this before it is freed."""
        return self._timer.isActive()

    def _poll(self) -> None:
        if not self.future.done():
            return
        self._timer.stop()
        if self.future.cancelled():  # its executor shut down (the app is closing): nobody waits for an answer
            self.deleteLater()
            return
        error = self.future.exception()
        try:
            if error is not None:
                self._on_error(error)
            else:
                self._on_done(self.future.result())
        finally:
            self.deleteLater()


def run_in_background(
    fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None], parent: QObject
) -> BackgroundTask:
    return BackgroundTask(_pool.submit(fn), on_done, on_error, parent)


def watch(
    future: Future, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None], parent: QObject
) -> BackgroundTask:
    """Deliver a future made elsewhere (the chain service's own worker thread) back on the UI thread."""
    return BackgroundTask(future, on_done, on_error, parent)
