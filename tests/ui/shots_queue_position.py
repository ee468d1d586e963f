"""Screenshots of a design waiting in the generation server's line, for looking at (not part of the suite: its name is
not test_*).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/shots_queue_position.py

Writes to $SM6_SHOTS_DIR (default /tmp/shots20), each in en and ko: kiosk_waiting_<lang>.png (1920×1080),
kiosk_waiting_1280_<lang>.png, kiosk_running_1280_<lang>.png (the same step once the design runs),
kiosk_waiting_again_<lang>.png (a second Generate over an earlier design) and studio_waiting_<lang>.png (1280×800).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui.kiosk_flow_helpers import Kiosk, tap
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.test_queue_position_ui import WAIT_MS, _start, fleet  # noqa: F401 - the fixture, used by name
from ui.i18n import apply_language

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots20"))


def _shoot(widget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ko"):
        apply_language(lang)
        for _ in range(10):  # a new language's sizes take several rounds of layout requests to settle
            QApplication.processEvents()
        widget.grab().save(str(OUT / f"{name}_{lang}.png"))
    apply_language("en")


def test_kiosk_shots(qtbot, qapp, fleet):  # noqa: F811 - the fixture
    _server, job = fleet
    kiosk = Kiosk(qtbot, qapp, size=(1920, 1080))
    try:
        step, vm = _start(qtbot, kiosk)
        qtbot.waitUntil(lambda: step.hint == "Your SM6 is number 3 in line…", timeout=WAIT_MS)
        _shoot(kiosk.window, "kiosk_waiting")
        kiosk.window.resize(1280, 800)
        _shoot(kiosk.window, "kiosk_waiting_1280")
        for _ in range(3):
            job.advance()
        qtbot.waitUntil(lambda: step.hint == "Your SM6 is taking shape…", timeout=WAIT_MS)
        _shoot(kiosk.window, "kiosk_running_1280")  # the same column once it runs: nothing may move or leave
        job.advance()
        qtbot.waitUntil(lambda: len(vm.variations) == 2 and not vm.busy and not vm.reading, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in step.thumbs[:2]), timeout=WAIT_MS)
        tap(qtbot, step.generate)  # again, over the design shown: it waits in line again
        qtbot.waitUntil(lambda: vm.waiting_position is not None, timeout=WAIT_MS)
        _shoot(kiosk.window, "kiosk_waiting_again")
        tap(qtbot, step.generate)
        qtbot.waitUntil(lambda: not vm.busy, timeout=WAIT_MS)
    finally:
        kiosk.close()


def test_studio_shots(qtbot, fleet):  # noqa: F811 - the fixture
    app = open_app(qtbot)
    try:
        vm = app.design_vm
        vm.width = vm.height = 64
        vm.steps, vm.batch, vm.prompt = 3, 1, "pearl white"
        assert vm.generate()
        qtbot.waitUntil(lambda: vm.waiting_position == 2, timeout=WAIT_MS)
        _shoot(app.window, "studio_waiting")
        vm.cancel_current()
        qtbot.waitUntil(lambda: not vm.busy, timeout=WAIT_MS)
    finally:
        close_app(app)
