"""The one way work started from the UI comes back to the UI thread, and the one way core changes reach it.

    deliver(run("disk", library.page, after), on_done, on_error, parent=self)
    run_in_background(fn, on_done, on_error, parent=self, executor="network")
    call_on_ui(fn)                       # from any thread: `fn()` runs on the UI thread, in order
    relay = ChangeRelay(services.changes, parent=self); relay.changed.connect(...)

Work runs on the core's named executors (app/executors.py). Its answer crosses to the UI thread as a queued signal
carrying a callable (PySide6 copies nothing Qt-owned across threads), and `on_done`/`on_error` run there, always
later than the call that asked (never inside it, even when the future is already done), in the order the futures
finished. A `Task` is parented to whoever asked: when that view is deleted first, the answer is dropped, never
called into a dead widget. `Task.pending()` tells a closing dialog that an answer is still on its way
(ui/dialog_lifetime.py). No timer polls a future: the future's own done-callback posts the answer.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from app.changes import Change, ChangeFeed
from app.executors import ExecutorName, run

log = logging.getLogger(__name__)


class _Relay(QObject):
    call = Signal(object)  # at once on the UI thread, queued from any other
    later = Signal(object)  # always queued, even from the UI thread

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)
        self.later.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


_relay: _Relay | None = None
_relay_lock = threading.Lock()


def _the_relay() -> _Relay:
    global _relay
    with _relay_lock:
        if _relay is None or not shiboken6.isValid(_relay):
            relay = _Relay()
            app = QCoreApplication.instance()
            if app is not None and relay.thread() is not app.thread():
                relay.moveToThread(app.thread())  # made on a worker thread: its calls still run on the UI thread
            _relay = relay
        return _relay


def call_on_ui(fn: Callable[[], None]) -> None:
    """Run `fn()` on the UI thread: queued when called from another thread, at once when called on the UI thread."""
    _the_relay().call.emit(fn)


def post_to_ui(fn: Callable[[], None]) -> None:
    """Run `fn()` on the UI thread, always queued: after the caller returns, in the order posted."""
    _the_relay().later.emit(fn)


class Task(QObject):
    """One future's answer on its way back to `parent`'s thread."""

    def __init__(
        self,
        future: Future,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.future = future
        self._on_done, self._on_error = on_done, on_error
        self._pending = True
        _the_relay()  # made now, on the UI thread
        # The answer is looked up here, on the UI thread: the worker that finishes the future never touches this
        # QObject, which its parent may be deleting on the UI thread at that very moment.
        answer = self._answer
        future.add_done_callback(lambda _future: _post_answer(answer))

    def pending(self) -> bool:
        """True until its answer has been handed over (or dropped): a dialog waits for this before it is freed."""
        return self._pending

    def _answer(self) -> None:
        if not shiboken6.isValid(self) or not self._pending:  # its view went first: nobody to tell
            return
        self._pending = False
        try:
            if self.future.cancelled():  # its executor shut down (the app is closing): nobody waits
                return
            error = self.future.exception()
            if error is not None:
                self._on_error(error)
            else:
                self._on_done(self.future.result())
        finally:
            if shiboken6.isValid(self):  # a handler may have deleted the parent, and this with it
                self.deleteLater()


def _post_answer(answer: Callable[[], None]) -> None:
    try:
        post_to_ui(answer)
    except RuntimeError:  # the application is being torn down: nobody is left to tell
        log.debug("an answer arrived after the UI went", exc_info=True)


def deliver(
    future: Future, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None], parent: QObject
) -> Task:
    """Hand `future`'s result (or error) to `on_done` (or `on_error`) on the UI thread, while `parent` lives."""
    return Task(future, on_done, on_error, parent)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject,
    executor: ExecutorName = "disk",
) -> Task:
    return deliver(run(executor, fn), on_done, on_error, parent)


class ChangeRelay(QObject):
    """The core's change feed, delivered on the UI thread as `changed(change)`, in the order it was published."""

    changed = Signal(object)

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self._stop = feed.subscribe(self._on_change)
        self.destroyed.connect(self._stop)

    def _on_change(self, change: Change) -> None:
        call_on_ui(lambda: self.changed.emit(change) if shiboken6.isValid(self) else None)

    def close(self) -> None:
        self._stop()
