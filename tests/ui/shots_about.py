"""Screenshots for issue 19's About box, over the window and from the foot of Settings, for looking at (not part of
the suite: its name is not test_*). English and Korean at 1280×800, a source checkout and a packaged CPU build.

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots19 .venv/bin/python -m pytest -q -p no:cacheprovider \
        tests/ui/shots_about.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication

from app import build_info
from app.build_info import BuildInfo
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.i18n import apply_language
from ui.widgets.about_dialog import AboutDialog

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots19"))
PACKAGED = BuildInfo("cpu", torch="2.13.0+cpu", packager="PyInstaller 6.22.3", built="2026-12-07T06:44:16+00:00")


@pytest.mark.parametrize("build", ["source", "packaged"])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_about_over_the_window(qtbot, monkeypatch, back_to_english, language, build):
    OUT.mkdir(parents=True, exist_ok=True)
    if build == "packaged":
        monkeypatch.setattr(build_info, "current", lambda: PACKAGED)
        monkeypatch.setattr(build_info, "nvidia_gpu_present", lambda markers=None: True)  # to see the note
    app = open_app(qtbot, (1280, 800))
    try:
        apply_language(language)
        app.window.show_workspace("settings")
        page = app.window.workspace("settings")
        laid_out(qtbot, app.window)
        qtbot.wait(50)
        app.window.grab().save(str(OUT / f"settings-foot-{language}.png"))
        page.about_button.click()
        qtbot.waitUntil(
            lambda: any(isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        )
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
        qtbot.waitUntil(lambda: dialog.device_label.text() not in ("Finding out…", "확인하는 중…"), timeout=60_000)
        laid_out(qtbot, dialog)
        qtbot.wait(50)
        shot = app.window.grab()
        painter = QPainter(shot)
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 150))  # the window dimmed under its dialog
        inner = dialog.grab()
        painter.drawPixmap(QPoint((shot.width() - inner.width()) // 2, (shot.height() - inner.height()) // 2), inner)
        painter.end()
        shot.save(str(OUT / f"about-{build}-{language}.png"))
        dialog.close_button.click()
    finally:
        close_app(app)
