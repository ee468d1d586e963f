"""Keeping Python's full garbage collections short. A gen-2 collection walks every object the process holds, and
torch, diffusers and transformers alone are 440,000 of them: a quarter of a second a collection on a 2-core machine,
with the GIL held, so the window stops for it; the engine runs one whenever it frees a model. Qt's bindings, Pillow
and the stores add more: while a 100,000-entry gallery was dragged, collections paused the UI thread 16-68 ms at
random moments (measured with gc.callbacks; the paints themselves took under 15 ms of CPU).

What is alive at such a moment (the libraries' modules, the window) lives as long as the process, so it is frozen out
of the collector's walks (`gc.freeze`). What is made later is collected as before, and plain objects are still freed
by their reference counts. A full collection runs first (once), so no garbage is frozen with them. The price: an
object alive at that moment that later becomes part of a reference cycle is never collected. It happens once per
moment, so it is bounded; for that reason the engine freezes before a model's weights load, never after.

Where a window runs, collections belong to its UI thread (`ui/ui_thread_gc.py`): a collection finalises the garbage
it finds, and a Qt object finalised on a worker thread is destroyed on a thread that does not own it. The window
hands its thread to `hand_collections_to`; the core's own collections (a model freed, libraries frozen) then go
through `collect`, which asks that thread rather than collecting where it is called."""

from __future__ import annotations

import gc
import threading
from typing import Callable

_moments: set[str] = set()
_lock = threading.Lock()
# (the owning thread's ident, how to ask it for a full collection: it sets the event once done)
_owner: tuple[int, Callable[[threading.Event], None]] | None = None


def hand_collections_to(thread_id: int | None, ask: Callable[[threading.Event], None] | None = None) -> None:
    """From now on full collections asked for on another thread run on `thread_id`, through `ask`; None: anywhere."""
    global _owner
    _owner = (thread_id, ask) if thread_id is not None and ask is not None else None


def collect(wait_s: float | None = None) -> bool:
    """A full collection, on the thread that owns collections when there is one. True once it ran; False when it was
    asked of the owner and had not run within `wait_s` seconds (it still runs there, later): a caller the owner
    itself is waiting on (the engine's release while the window shuts down) passes 0 and never blocks it; None waits
    `OWNER_WAIT_S`."""
    owner = _owner
    if owner is None or owner[0] == threading.get_ident():
        gc.collect()
        return True
    done = threading.Event()
    try:
        owner[1](done)
    except RuntimeError:  # the owner is gone (the window closed while this thread still ran): as CPython would
        gc.collect()
        return True
    wait_s = OWNER_WAIT_S if wait_s is None else wait_s
    return done.wait(wait_s) if wait_s > 0 else False


def freeze_long_lived_once(moment: str) -> None:
    """Freeze what the process holds now, the first time `moment` comes."""
    with _lock:
        if moment in _moments:
            return
        _moments.add(moment)
    freeze_what_lives()


def freeze_what_lives() -> None:
    """Collect, then freeze what is left. Garbage the owner had not collected in time is frozen with the rest: never
    collected, so never finalised on the wrong thread, and bounded like any other moment's."""
    collect()
    gc.freeze()


# How long a worker waits for the owning thread's collection: a full one takes about a quarter of a second here.
OWNER_WAIT_S = 2.0
