"""Keeping Python's full garbage collections off the scroll: a gen-2 collection walks every object the process holds
(Qt bindings, Pillow, numpy, the stores' modules: hundreds of thousands), and on a 2-core machine it paused the UI
thread 16-68 ms at random moments while a 100,000-entry gallery was dragged (measured with gc.callbacks; the paints
themselves took under 15 ms of CPU). Freezing what exists once the first big listing is shown moves it out of the
collector's walks (`gc.freeze`); what is made later is collected as before, and plain objects are still freed by
their reference counts. A full collection runs first (once, tens of milliseconds), so no garbage is frozen with them."""

from __future__ import annotations

import gc

_moments: set[str] = set()


def freeze_long_lived_once(moment: str) -> None:
    """Freeze what the process holds now, the first time `moment` comes."""
    if moment not in _moments:
        _moments.add(moment)
        gc.collect()
        gc.freeze()
