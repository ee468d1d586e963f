"""Waiting for what a UI test means to wait for, instead of a guessed number of milliseconds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QWidget


def laid_out(qtbot, widget: QWidget, timeout: int = 5_000) -> None:
    """Wait until `widget` has done the layout its last change asked for, e.g. before a screenshot.

    Qt lays out in posted events, and some dialogs fit themselves to a new step in a zero-time timer; both are
    conditions to wait on. A screenshot taken before them shows the previous step's size.
    """

    def done() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        timers = widget.findChildren(QTimer)
        return not any(t.isActive() and t.isSingleShot() and t.interval() == 0 for t in timers)

    qtbot.waitUntil(done, timeout=timeout)
