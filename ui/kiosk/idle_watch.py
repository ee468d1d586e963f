"""How long the visitor has been gone: an app-wide filter on input (mouse, touch, keys, wheel) and one timer.

After `still_there_s` without input it asks "Still there?" (`sig_still_there`, then `sig_tick` each second with the
seconds left); any input before `reset_s` answers it (`sig_back`); at `reset_s` the visit is over (`sig_reset`).
It runs only while `start()`ed (a visit in progress): on the attract screen there is nothing to protect."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
TICK_MS = 100  # fine enough for a countdown shown in whole seconds, and for tests' fractions of a second


class IdleWatch(QObject):
    sig_still_there = Signal()
    sig_tick = Signal(int)  # whole seconds left before the reset
    sig_back = Signal()  # input while asking: the visitor is still there
    sig_reset = Signal()

    def __init__(self, still_there_s: float, reset_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.still_there_s = still_there_s
        self.reset_s = reset_s
        self.asking = False
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._check)
        self._installed = False

    def set_times(self, still_there_s: float, reset_s: float) -> None:
        """New timings (staff changed them; tests use fractions of a second), counted from the last input."""
        self.still_there_s, self.reset_s = still_there_s, reset_s
        self._fit_interval()

    def _fit_interval(self) -> None:
        self._timer.setInterval(max(10, min(TICK_MS, int(self.still_there_s * 250))))

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._last_input = time.monotonic()
        self.asking = False
        self._fit_interval()
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.asking = False
        if self._installed:
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    def idle_s(self) -> float:
        return time.monotonic() - self._last_input

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
            if self.asking:
                self.asking = False
                self.sig_back.emit()
        return False

    def _check(self) -> None:
        idle = self.idle_s()
        if idle >= self.reset_s:
            self.stop()
            self.sig_reset.emit()
            return
        if idle >= self.still_there_s:
            if not self.asking:
                self.asking = True
                self.sig_still_there.emit()
            self.sig_tick.emit(math.ceil(self.reset_s - idle))
