"""The studio's picture leaves the app as the Library's does: right-click (or Ctrl+C, Ctrl+Shift+S) copies or saves
the design shown, byte for byte with its provenance; a folder that cannot be written says so; a kiosk offers
neither."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from app.kiosk import KIOSK
from tests.fixtures.designs import add_plain_design
from ui.design.studio_view import StudioView
from ui.widgets import design_files

WAIT_MS = 10_000


@pytest.fixture
def app(studio_app):
    return studio_app


@pytest.fixture
def shown(qtbot, app):
    design = add_plain_design(app.services.library, "Matte black, gold wheels", size=(96, 64))
    app.window.show_workspace("design")
    app.design_vm.open_design(design)
    qtbot.waitUntil(lambda: app.studio.preview.canvas.image() is not None, timeout=WAIT_MS)
    return app.studio, design


def test_right_click_saves_the_design_shown_where_the_person_chose(qtbot, shown, monkeypatch, tmp_path):
    studio, design = shown
    asked = []

    def ask(_parent, title, name, file_filter):
        asked.append((title, name, file_filter))
        return tmp_path / "for the poster.png"

    monkeypatch.setattr(design_files, "ask_save_path", ask)
    studio.picture_menu._open_menu(QPoint(20, 20))
    menu = studio.picture_menu.menu
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Copy image", True), ("Save as…", True)]
    menu.actions()[1].trigger()
    menu.close()
    qtbot.waitUntil(studio.error.isVisible, timeout=WAIT_MS)
    assert asked == [("Save a copy", f"sm6-matte-black-gold-wheels-{design.seed}.png", "PNG images (*.png)")]
    assert (tmp_path / "for the poster.png").read_bytes() == Path(design.image_path).read_bytes()
    assert studio.error.severity() == "info" and studio.error.message() == "Saved a copy as for the poster.png."
    assert studio.error.action_button.text() == "Show in folder"


def test_ctrl_c_copies_the_picture_and_a_folder_that_cannot_be_written_says_so(qtbot, shown, monkeypatch):
    studio, design = shown
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    studio.generate.setFocus()  # anywhere in the studio but a text field
    qtbot.keyClick(studio.generate, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: clipboard.mimeData().hasImage(), timeout=WAIT_MS)
    assert bytes(clipboard.mimeData().data("image/png").data()) == Path(design.image_path).read_bytes()

    monkeypatch.setattr(design_files, "ask_save_path", lambda *_args: Path("/proc/sm6"))
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(studio.generate, Qt.Key.Key_S, keys)
    qtbot.waitUntil(studio.error.isVisible, timeout=WAIT_MS)
    assert studio.error.severity() == "error"
    assert studio.error.message() == "The copy could not be saved. Choose another folder and try again."
    assert not Path("/proc/sm6.png").exists()


def test_a_kiosk_studio_offers_neither(qtbot, shown):
    studio, _design = shown
    kiosk = StudioView(studio.vm, policy=KIOSK)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    assert kiosk.preview.canvas.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu
    assert kiosk.actions() == []  # no Ctrl+C or Ctrl+Shift+S to press
    assert kiosk.picture_menu.design() is None and studio.picture_menu.design() is not None
