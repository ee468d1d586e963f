"""Screenshots of the studio in live mode (not part of the suite: its name is not test_*): a frame shown, Keep
ready, in English and Korean, at 1280×800 and 1920×1080.

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots18 .venv/bin/python -m pytest -q tests/ui/shots_live.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.i18n import apply_language

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots18"))


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280", "1920"])
def test_live_mode_in_both_languages(qtbot, tiny_sd15, size):
    OUT.mkdir(parents=True, exist_ok=True)
    app = open_app(qtbot, size)
    try:
        vm, studio = app.design_vm, app.studio
        vm.prompt = "pearl white SM6 with rose-gold trim at dusk"
        vm.width = vm.height = 64
        vm.steps, vm.source = 2, "none"
        frames: list = []
        studio.live.sig_frame.connect(frames.append)
        studio.live_switch.click()
        qtbot.waitUntil(lambda: bool(frames) and not vm.backend.jobs(), timeout=120_000)
        for lang in ("en", "ko"):
            apply_language(lang)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            laid_out(qtbot, app.window)
            app.window.grab().save(str(OUT / f"live_{lang}_{size[0]}.png"))
        studio.live.keep()
        qtbot.waitUntil(lambda: vm.current_design is not None, timeout=10_000)
        laid_out(qtbot, app.window)
        app.window.grab().save(str(OUT / f"live_kept_ko_{size[0]}.png"))
    finally:
        apply_language("en")
        close_app(app)
