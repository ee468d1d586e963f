from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.waits import laid_out
from ui.main_window import MainWindow
from ui.widgets import NavRail

KEYS = ["design", "describe", "token", "wallet", "library"]


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.add_workspace("design", QLabel("design page"), "Design", "design")
    for key in ("describe", "token", "wallet"):
        win.add_workspace(key, QLabel(f"{key} page"), key.title(), key)
    win.add_workspace("library", QLabel("library page"), "Library", "library")
    win.add_workspace("settings", QLabel("settings page"), "Settings", "settings")
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _checked(rail: NavRail) -> list[str]:
    return [k for k in rail.keys() if rail.item(k).isChecked()]


def test_shell_basics(window, tmp_path):
    window.grab().save(str(tmp_path / "main_window.png"))
    assert window.windowTitle() == "SM6 Design Studio"
    assert window.minimumWidth() <= 1280 and window.minimumHeight() <= 800
    assert window.nav_rail.keys() == KEYS + ["settings"], "settings is pinned last"
    assert window.current_workspace() == "design"
    assert window.stack.currentWidget() is window.workspace("design")
    assert _checked(window.nav_rail) == ["design"]


def test_nav_click_switches_visible_workspace(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.sig_workspace_changed) as blocker:
        qtbot.mouseClick(window.nav_rail.item("token"), Qt.MouseButton.LeftButton)
    window.grab().save(str(tmp_path / "token.png"))
    assert blocker.args == ["token"]
    assert window.current_workspace() == "token"
    assert window.workspace("token").isVisible()
    assert not window.workspace("design").isVisible()
    assert _checked(window.nav_rail) == ["token"]


def test_ctrl_number_switches_workspace(window, qtbot, tmp_path):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    window.grab().save(str(tmp_path / "describe.png"))
    assert window.current_workspace() == "describe"
    assert window.workspace("describe").isVisible()
    assert _checked(window.nav_rail) == ["describe"]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() == "library"
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() == "settings"


def test_shortcuts_are_shown_in_tooltips(window):
    assert "Ctrl+2" in window.nav_rail.item("describe").toolTip()
    assert "Ctrl+1" in window.nav_rail.item("design").toolTip()
    assert "Ctrl+," in window.nav_rail.item("settings").toolTip()


def test_show_workspace_by_api(window):
    window.show_workspace("wallet")
    assert window.current_workspace() == "wallet"
    assert _checked(window.nav_rail) == ["wallet"]
    with pytest.raises(KeyError):
        window.show_workspace("nope")
    with pytest.raises(ValueError):
        window.add_workspace("wallet", QLabel(), "Wallet", "wallet")


def test_status_bar_parts(window, tmp_path):
    window.set_model("SM6 · SDXL 1.0")
    window.set_device("CUDA · RTX 4090")
    window.set_busy(True, "Generating 3/25")
    window.grab().save(str(tmp_path / "busy.png"))
    assert window.status_texts() == ("SM6 · SDXL 1.0", "CUDA · RTX 4090", "Generating 3/25")
    assert window.busy_chip().variant() == "info"
    window.set_busy(False)
    assert window.status_texts()[2] == "Ready"
    assert window.busy_chip().variant() == "neutral"


def test_nothing_overflows_at_minimum_laptop_size(window, qtbot, tmp_path):
    window.resize(1280, 800)
    laid_out(qtbot, window)
    window.grab().save(str(tmp_path / "1280x800.png"))
    assert window.width() == 1280 and window.height() == 800
    rail = window.nav_rail
    settings = rail.item("settings")
    assert settings.geometry().bottom() <= rail.height(), "the pinned item stays on screen"
