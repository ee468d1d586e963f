"""About SM6 Design Studio: opened from the foot of Settings and with F1, it says which build runs and on what, where
the files are, the licences, and copies the same facts for a support call. Never at a kiosk."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from app import __version__, build_info, paths
from app.build_info import BuildInfo
from app.config import read_settings
from app.kiosk import KIOSK
from tests.ui.studio_helpers import OPEN, close_app
from ui.application import open_main_window
from ui.i18n import apply_language
from ui.widgets.about_dialog import AboutDialog

FINDING_OUT = "Finding out…"


@contextlib.contextmanager
def opened(qtbot, policy=None):
    """The real window as ui.application builds it (F1 included); deleted afterwards."""
    controller = open_main_window(read_settings(), policy) if policy else open_main_window(read_settings())
    OPEN.append(controller)
    shown = controller.shown_window
    shown.show()
    qtbot.waitExposed(shown)
    try:
        yield controller
    finally:
        close_app(controller)
        controller.window.deleteLater()
        if controller.kiosk_window is not None:
            controller.kiosk_window.close()
            controller.kiosk_window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def about_dialogs() -> list[AboutDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()]


def close_dialog(qtbot, dialog: AboutDialog) -> None:
    with qtbot.waitSignal(dialog.destroyed, timeout=10_000):
        dialog.close_button.click()  # freed once closed (its device question answered first)
    assert not about_dialogs()


def wait_for_device(qtbot, dialog: AboutDialog) -> None:
    qtbot.waitUntil(lambda: dialog.device_label.text() != FINDING_OUT, timeout=60_000)  # torch loads on a worker


def test_settings_opens_the_about_box_with_the_build_and_the_folders(qtbot):
    with opened(qtbot) as controller:
        controller.window.show_workspace("settings")
        page = controller.settings_page
        assert page.about_button.text() == "About SM6 Design Studio…" and page.about_button.isVisible()
        page.about_button.click()
        qtbot.waitUntil(lambda: len(about_dialogs()) == 1)
        dialog = about_dialogs()[0]
        assert dialog.windowTitle() == "About SM6 Design Studio"
        assert dialog.name_label.text() == "SM6 Design Studio"
        assert dialog.version_label.text() == f"Version {__version__}"
        assert dialog.build_label.text() == "Run from source"  # this checkout: no build description
        assert not dialog.icon_label.pixmap().isNull()
        assert dialog.data_row.path == paths.data_dir() and dialog.data_row.path_label.full_text() == str(
            paths.data_dir()
        )
        assert dialog.config_row.path == paths.config_dir() and dialog.models_row.path == paths.user_models_dir()
        assert dialog.data_row.open_button.text() == "Open folder"
        licences = dialog.licences_label.text()
        for words in ("LGPL-3.0", "Qt Virtual Keyboard, GPL-3.0", "BSD", "Apache-2.0", "Noto Sans KR"):
            assert words in licences
        wait_for_device(qtbot, dialog)
        assert dialog.device_label.text().startswith(("CPU", "NVIDIA", "Apple", "CUDA")) or "(CUDA" in (
            dialog.device_label.text()
        )

        dialog.copy_button.click()
        copied = QGuiApplication.clipboard().text()
        assert dialog.copy_button.text() == "Copied"
        assert copied.startswith(f"SM6 Design Studio {__version__}\n")
        for line in (
            "Build: Run from source",
            f"Runs on: {dialog.device_label.text()}",
            f"Designs and library: {paths.data_dir()}",
            f"Settings: {paths.config_dir()}",
            f"Your models: {paths.user_models_dir()}",
        ):
            assert line in copied.splitlines(), line
        QGuiApplication.clipboard().clear()
        close_dialog(qtbot, dialog)


def test_f1_opens_it_from_the_desktop_window(qtbot):
    with opened(qtbot) as controller:
        window = controller.window
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: len(about_dialogs()) == 1)
        dialog = about_dialogs()[0]
        assert dialog.parent() is window
        close_dialog(qtbot, dialog)


def test_a_kiosk_has_no_way_to_it(qtbot):
    with opened(qtbot, KIOSK) as controller:
        kiosk = controller.kiosk_window
        kiosk.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
        qtbot.keyClick(kiosk, Qt.Key.Key_F1)
        qtbot.wait(50)
        assert not about_dialogs()
        assert "settings" not in controller.window.workspace_keys()
        for window in (kiosk, controller.window):  # no F1 anywhere, not even on the hidden desktop window
            assert not [s for s in window.findChildren(QShortcut) if s.key() == QKeySequence("F1")]


def test_it_speaks_korean_and_changes_language_while_open(qtbot, back_to_english):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_device(qtbot, dialog)
    apply_language("ko")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "SM6 Design Studio 정보")  # Qt posts the LanguageChange
    assert dialog.build_label.text() == "소스에서 실행"
    assert dialog.copy_button.text() == "세부 정보 복사" and dialog.close_button.text() == "닫기"
    assert dialog.data_row.open_button.text() == "폴더 열기"
    assert "SM6 Design Studio" in dialog.name_label.text()
    dialog.copy_details()
    assert "빌드: 소스에서 실행" in QGuiApplication.clipboard().text().splitlines()
    QGuiApplication.clipboard().clear()
    apply_language("en")
    qtbot.waitUntil(lambda: dialog.build_label.text() == "Run from source")
    dialog.close()


@pytest.mark.parametrize("flavor", ["cpu", "cuda"])
def test_a_packaged_build_says_which_and_whether_the_other_would_suit_better(qtbot, monkeypatch, flavor):
    info = BuildInfo(
        flavor,
        torch="2.13.0",
        cuda="12.8" if flavor == "cuda" else "",
        packager="PyInstaller 6.22.3",
        built="2026-12-07T06:44:16+00:00",
        commit="2c531b8f1431",
    )
    monkeypatch.setattr(build_info, "current", lambda: info)  # as if this copy had been packaged so
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_device(qtbot, dialog)
    assert dialog.build_label.text() == build_info.describe(info)
    assert "· PyInstaller package · built 2026-12-07" in dialog.build_label.text()
    note = build_info.note(info, dialog._cuda_usable)
    assert dialog.note_label.isVisible() == (note is not None)
    if note is not None:
        assert dialog.note_label.text() == str(note)
    copied = dialog.details_text()
    assert "Packaged by: PyInstaller 6.22.3" in copied and "Source commit: 2c531b8f1431" in copied
    dialog.close()
