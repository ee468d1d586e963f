"""Screenshots of the main window in English and Korean, for looking at (not part of the suite: its name is not
test_*): the Design workspace with a design made by the tiny model, at 1280×800 and 1920×1080, light and dark,
with a long busy status in the status bar.

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots16/shell .venv/bin/python -m pytest -q tests/ui/shots_language.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import SOME_SETTINGS_RESET
from tests.ui.studio_helpers import close_app, open_app, settle
from tests.ui.waits import laid_out
from ui.i18n import apply_language, translate
from ui.theme import apply_theme

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots16/shell"))
CASES = [((w, h), theme) for (w, h) in ((1280, 800), (1920, 1080)) for theme in ("dark", "light")]


@pytest.mark.parametrize(("size", "theme"), CASES, ids=[f"{s[0]}-{t}" for s, t in CASES])
def test_main_window_in_both_languages(qtbot, qapp, tiny_sd15, size, theme):
    OUT.mkdir(parents=True, exist_ok=True)
    apply_theme(qapp, theme)
    app = open_app(qtbot, size)
    try:
        vm = app.design_vm
        vm.prompt = "pearl white SM6 with rose-gold trim at dusk"
        vm.width = vm.height = 64
        vm.steps = 2
        assert vm.generate()
        settle(qtbot, app)
        app.window.show_workspace("design")
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(lambda: app.window.windowTitle() == translate("MainWindow", "SM6 Design Studio"))
            laid_out(qtbot, app.window)
            app.window.grab().save(str(OUT / f"main-{lang}-{size[0]}x{size[1]}-{theme}.png"))
            app.window.set_busy(True, lambda: translate("AppController", "Building the demo model on this computer…"))
            laid_out(qtbot, app.window)
            app.window.grab().save(str(OUT / f"main-{lang}-{size[0]}x{size[1]}-{theme}-busy.png"))
            app.window.set_busy(False)
        app.window.show_notice(SOME_SETTINGS_RESET(path="/home/you/.config/SM6Studio/settings.toml", names="theme"))
        for lang in ("ko", "en"):
            apply_language(lang)
            qtbot.waitUntil(lambda: app.window.windowTitle() == translate("MainWindow", "SM6 Design Studio"))
            laid_out(qtbot, app.window)
            app.window.grab().save(str(OUT / f"main-{lang}-{size[0]}x{size[1]}-{theme}-notice.png"))
    finally:
        apply_language("en")
        close_app(app)
        apply_theme(qapp, "dark")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_storage_error_page(qtbot, tmp_path, monkeypatch, lang):
    OUT.mkdir(parents=True, exist_ok=True)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SM6_DATA_DIR", str(blocker / "data"))
    apply_language(lang)
    app = open_app(qtbot, (1280, 800))
    try:
        laid_out(qtbot, app.window)
        app.window.grab().save(str(OUT / f"storage-error-{lang}-1280x800.png"))
    finally:
        apply_language("en")
        close_app(app)
