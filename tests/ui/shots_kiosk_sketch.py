"""Screenshots of the kiosk's sketch pad, for looking at (not part of the suite: its name is not test_*).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/shots_kiosk_sketch.py

Writes kiosk-<screen>-<W>x<H>-<lang>.png to $SM6_SHOTS_DIR (default /tmp/shots18): the pad with a drawing, and the
design step after using it (with its generated variations), at 1280×800 and 1920×1080, in English and Korean.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.ui.kiosk_flow_helpers import WAIT_MS, Kiosk, tap
from tests.ui.shots_kiosk import SIZES
from tests.ui.test_kiosk_sketch import BODY, ROOF, stroke
from ui.i18n import apply_language

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots18"))
WHEELS = [[(0.22 + 0.06 * dx, 0.68 + 0.08 * dy) for dx, dy in ((0, 0), (1, -1), (2, 0), (1, 1), (0, 0))]]
WHEELS.append([(x + 0.5, y) for x, y in WHEELS[0]])


def _shoot(qtbot, window, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ko"):
        apply_language(lang)
        for width, height in SIZES:
            window.resize(width, height)
            for _ in range(10):  # a new language's sizes take several rounds of layout requests to settle
                QApplication.processEvents()
            window.grab().save(str(OUT / f"kiosk-{name}-{width}x{height}-{lang}.png"))
    apply_language("en")


def test_shots(qtbot, qapp, tiny_sd15):
    kiosk = Kiosk(qtbot, qapp)
    try:
        window, vm = kiosk.window, kiosk.controller.design_vm
        window.idle.set_times(3600, 7200)
        tap(qtbot, window.attract.start)
        _shoot(qtbot, window, "sketch-entry")
        vm.width, vm.height = 768, 512
        tap(qtbot, window.design.start_sketch)
        pad = window.design.sketch_pad
        qtbot.waitUntil(lambda: pad.canvas.outline_ready, timeout=WAIT_MS)
        for line in (BODY, ROOF, *WHEELS):
            stroke(pad.canvas, line)
        _shoot(qtbot, window, "sketch-pad")
        tap(qtbot, pad.use)
        qtbot.waitUntil(lambda: not pad.isVisible(), timeout=WAIT_MS)
        vm.width, vm.height = 96, 64
        kiosk.generate("a sketch come to life")
        _shoot(qtbot, window, "sketch-design")
    finally:
        kiosk.close()
