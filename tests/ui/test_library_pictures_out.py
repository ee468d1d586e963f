"""Save as… and Copy image in the Library: the design's own PNG leaves the app byte for byte (its provenance
inside), where the person chose or on the clipboard; a folder that cannot be written says so in words and saves
nothing; a kiosk offers neither. (A held-back picture: tests/ui/test_library_content_safety.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication

from app.kiosk import KIOSK
from tests.ui.test_library_view import new_design
from ui.library.library_view import LibraryView
from ui.library.library_vm import LibraryViewModel
from ui.widgets import design_files

WAIT_MS = 5000


@pytest.fixture
def shown(qtbot, library, library_views):
    design = library.add(new_design("Pearl white, rose-gold trim!", 7))
    view = library_views(library)
    qtbot.waitUntil(lambda: view.selected_design() is not None, timeout=WAIT_MS)
    return view, design


def test_save_a_copy_writes_the_designs_own_png_where_the_person_chose(qtbot, shown, monkeypatch, tmp_path):
    view, design = shown
    asked = []

    def ask(_parent, title, name, file_filter):
        asked.append((title, name, file_filter))
        return tmp_path / "my sm6"  # typed without ".png"

    monkeypatch.setattr(design_files, "ask_save_path", ask)
    assert view.details.save_button.isVisible() and view.details.save_button.text() == "Save as…"
    qtbot.mouseClick(view.details.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.saved_banner.isVisible, timeout=WAIT_MS)

    assert asked == [("Save a copy", "sm6-pearl-white-rose-gold-trim-1007.png", "PNG images (*.png)")]
    assert (tmp_path / "my sm6.png").read_bytes() == Path(design.image_path).read_bytes()
    assert view.saved_banner.message() == "Saved a copy as my sm6.png."
    assert view.saved_banner.action_button.text() == "Show in folder"
    qtbot.mouseClick(view.saved_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert view.vm.saved is None and view.design_actions.isHidden()  # the note and its room go


def test_a_folder_that_cannot_be_written_says_so_and_saves_nothing(qtbot, shown, monkeypatch):
    view, _design = shown
    monkeypatch.setattr(design_files, "ask_save_path", lambda *_args: Path("/proc/sm6.png"))
    view.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(view.error_banner.isVisible, timeout=WAIT_MS)
    assert view.error_banner.message() == "The copy could not be saved. Choose another folder and try again."
    assert view.error_banner.details_box.toPlainText()  # the system's own reason, behind Show details
    assert not view.saved_banner.isVisible() and not Path("/proc/sm6.png").exists()


def test_copy_picture_puts_the_picture_and_its_png_on_the_clipboard(qtbot, shown):
    view, design = shown
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something copied before")
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.details.copy_button.text() == "Copied", timeout=WAIT_MS)
    mime = clipboard.mimeData()
    assert bytes(mime.data("image/png").data()) == Path(design.image_path).read_bytes()
    assert clipboard.image().size() == QSize(design.width, design.height)
    qtbot.waitUntil(lambda: view.details.copy_button.text() == "Copy image", timeout=WAIT_MS)


def test_a_kiosk_library_offers_neither(qtbot, library):
    library.add(new_design("pearl white", 1))
    view = LibraryView(LibraryViewModel(library, policy=KIOSK))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.selected_design() is not None, timeout=WAIT_MS)
    QGuiApplication.clipboard().setText("the kiosk's own")
    assert not view.details.save_button.isVisible() and not view.details.copy_button.isVisible()
    view.design_actions.copy_selected()
    view.design_actions.save_selected()  # no dialog opens: nothing to answer
    done = []
    view.vm.worker.run(lambda: None, done.append, done.append)  # one at a time: a copy asked for is done first
    qtbot.waitUntil(lambda: done == [None], timeout=WAIT_MS)
    assert QGuiApplication.clipboard().text() == "the kiosk's own" and view.vm.saved is None
