"""Keeping Python's full garbage collections short. A gen-2 collection walks every object the process holds, and
torch, diffusers and transformers alone are 440,000 of them: a quarter of a second a collection on a 2-core machine,
with the GIL held, so the window stops for it; the engine runs one whenever it frees a model. Qt's bindings, Pillow
and the stores add more: while a 100,000-entry gallery was dragged, collections paused the UI thread 16-68 ms at
random moments (measured with gc.callbacks; the paints themselves took under 15 ms of CPU).

What is alive at such a moment (the libraries' modules, the window) lives as long as the process, so it is frozen out
of the collector's walks (`gc.freeze`). What is made later is collected as before, and plain objects are still freed
by their reference counts. A full collection runs first (once), so no garbage is frozen with them. The price: an
object alive at that moment that later becomes part of a reference cycle is never collected. It happens once per
moment, so it is bounded; for that reason the engine freezes before a model's weights load, never after."""

from __future__ import annotations

import gc
import threading

_moments: set[str] = set()
_lock = threading.Lock()


def freeze_long_lived_once(moment: str) -> None:
    """Freeze what the process holds now, the first time `moment` comes."""
    with _lock:
        if moment in _moments:
            return
        _moments.add(moment)
    freeze_what_lives()


def freeze_what_lives() -> None:
    """Collect, then freeze what is left."""
    gc.collect()
    gc.freeze()
