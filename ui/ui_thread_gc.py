"""Python's cyclic garbage collector, run on the UI thread only.

CPython starts a collection on whichever thread happens to allocate past the threshold; in this app that is mostly
the engine's and the chain's worker threads, which allocate far more than the window. A collection finalises all the
garbage it finds, and when that garbage holds a Qt wrapper (a closed dialog in a reference cycle, a view's closure),
its C++ object is destroyed on a thread that does not own it: a crash no binding can guard against, rare and at
random (the kind seen, now and then, in the wallet's tests). So while the window runs, automatic collection is off
and a timer on the UI thread collects instead, by CPython's own generation thresholds; the core's explicit
collections (a model freed, the libraries frozen) are asked of this thread through `app.gc_pauses`.
"""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app import gc_pauses

TICK_MS = 200
# CPython runs a full collection only once the objects that survived since the last one are a quarter of all the
# long-lived ones; that count is not exposed, so full collections are spaced in time instead.
FULL_EVERY_S = 10.0


class UiThreadCollector(QObject):
    sig_collect = Signal(object)  # a worker's request: the threading.Event to set once collected

    def __init__(self) -> None:
        super().__init__()  # made on the UI thread, so its slot and its timer run there
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.sig_collect.connect(self._collect_for)
        self._was_enabled = gc.isenabled()
        self._last_full = time.monotonic()
        self._installed = False

    def install(self) -> "UiThreadCollector":
        self._was_enabled = gc.isenabled()
        gc.disable()
        gc_pauses.hand_collections_to(threading.get_ident(), self.sig_collect.emit)
        self._timer.start()
        self._installed = True
        return self

    def uninstall(self) -> None:
        """Collections go back to CPython, after one last full collection here for what is left."""
        if not self._installed:
            return
        self._installed = False
        self._timer.stop()
        gc_pauses.hand_collections_to(None)
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def tick(self) -> None:
        """CPython's rule: the oldest generation whose count passed its threshold (full ones spaced in time)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if thresholds[0] <= 0 or counts[0] <= thresholds[0]:
            return
        generation = 1 if counts[1] > thresholds[1] else 0
        if generation == 1 and counts[2] > thresholds[2] and time.monotonic() - self._last_full >= FULL_EVERY_S:
            generation = 2
        gc.collect(generation)
        if generation == 2:
            self._last_full = time.monotonic()

    @Slot(object)
    def _collect_for(self, done: threading.Event) -> None:
        try:
            gc.collect()
            self._last_full = time.monotonic()
        finally:
            done.set()
