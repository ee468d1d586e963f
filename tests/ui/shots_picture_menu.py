"""Screenshots of the studio's picture menu (Copy image, Save as…) and the note a saved copy leaves, in English and
Korean, for looking at (not part of the suite: its name is not test_*).

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots .venv/bin/python -m pytest -q tests/ui/shots_picture_menu.py
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint

from tests.fixtures.designs import add_plain_design
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.i18n import apply_language
from ui.widgets.design_files import show_saved

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots"))


def test_the_picture_menu_in_both_languages(qtbot, tiny_sd15):
    OUT.mkdir(parents=True, exist_ok=True)
    app = open_app(qtbot)
    try:
        design = add_plain_design(app.services.library, "matte black with gold wheels", size=(768, 512))
        app.window.show_workspace("design")
        app.design_vm.open_design(design)
        studio = app.studio
        qtbot.waitUntil(lambda: studio.preview.canvas.image() is not None, timeout=10_000)
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(
                lambda: studio.picture_menu.copy_action.text() == ("이미지 복사" if lang == "ko" else "Copy image")
            )
            show_saved(studio.error, OUT / "sm6-matte-black-with-gold-wheels-1.png")  # as a save leaves it
            laid_out(qtbot, app.window)
            studio.picture_menu._open_menu(QPoint(300, 200))
            laid_out(qtbot, studio.picture_menu.menu)
            studio.picture_menu.menu.grab().save(str(OUT / f"studio-menu-{lang}.png"))
            studio.picture_menu.menu.close()
            app.window.grab().save(str(OUT / f"studio-saved-{lang}.png"))
    finally:
        apply_language("en")
        close_app(app)
