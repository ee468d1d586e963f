"""The window's last resort: an exception nobody caught (in a slot, a timer, a worker thread) is written to the
crash log and the window says, in plain words, that something went wrong — never the exception's own text.

Qt calls Python slots from C++; an exception escaping one is handed to sys.excepthook and the app carries on, so
without this hook it would only ever reach a terminal nobody at a kiosk reads.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal, Slot

from app import crash_log
from ui.i18n import translate

log = logging.getLogger(__name__)

MESSAGE = QT_TRANSLATE_NOOP("CrashGuard", "Something went wrong inside the app. Your work is kept; try again.")


class _Relay(QObject):
    """Carries a report from any thread to the UI thread: the slot belongs to an object living there, so a report
    emitted on a worker thread is queued to it rather than run on the worker."""

    sig_report = Signal(str)  # where the details were written ("" when nowhere)

    def __init__(self, show: Callable[[str, str], None]) -> None:
        super().__init__()
        self._show = show
        self.sig_report.connect(self._on_report)

    @Slot(str)
    def _on_report(self, where: str) -> None:
        # Said on the UI thread, in the language in use when it is shown.
        details = translate("CrashGuard", "The details were written to {path}.").format(path=where) if where else ""
        self._show(translate("CrashGuard", MESSAGE), details)


class CrashGuard:
    def __init__(self, show: Callable[[str, str], None]) -> None:
        self._relay = _Relay(show)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> "CrashGuard":
        sys.excepthook = self._on_exception
        threading.excepthook = lambda args: self._on_exception(args.exc_type, args.exc_value, args.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _on_exception(self, exc_type, exc, tb) -> None:
        if exc is None or issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log.error("Unhandled %s: %s", exc_type.__name__, exc)
        where = crash_log.write(exc, threading.current_thread().name)
        self._relay.sig_report.emit(str(where) if where else "")
