"""Settings in the window: a settings file that could not be used is said above the workspaces (not just logged),
and the settings form refuses a number out of its range with a sentence under the field, never clamping it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.config import Settings, read_settings, settings_path
from tests.ui.studio_helpers import OPEN, close_app
from ui.application import open_main_window
from ui.settings.settings_dialog import SettingsDialog


@contextlib.contextmanager
def opened(qtbot, loaded):
    """The real window as ui.application builds it; deleted afterwards (a closed window otherwise stays alive, and
    every later theme change in the session re-polishes its thousand widgets)."""
    controller = open_main_window(loaded)
    OPEN.append(controller)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    try:
        yield controller
    finally:
        close_app(controller)
        controller.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def write_settings(data: bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_the_window_says_the_settings_file_could_not_be_read_and_where_it_was_kept(qtbot, tmp_path):
    write_settings('theme = "dark"\n# 한국어 설명\n'.encode("cp949"))
    loaded = read_settings()
    with opened(qtbot, loaded) as controller:
        notice = controller.window.notice
        assert notice.isVisible() and notice.severity() == "warning"
        text = notice.message()
        assert "settings file could not be read" in text and "default settings are in use" in text
        assert "not UTF-8" in text and "Traceback" not in text and "codec" not in text
        assert str(loaded.kept_as) in text and loaded.kept_as.exists()
        controller.window.grab().save(str(tmp_path / "settings-warning.png"))
        notice.dismiss_button.click()
        assert not notice.isVisible()
    assert read_settings().warning == ""  # kept aside once; the next start is quiet


def test_values_out_of_range_in_the_file_are_named_in_the_window(qtbot):
    write_settings(b"[describe]\ntimeout_s = -1\nmax_retries = -5\n[chain]\nauto_lock_minutes = 0\n")
    with opened(qtbot, read_settings()) as controller:
        text = controller.window.notice.message()
        assert "describe.timeout_s" in text and "chain.auto_lock_minutes" in text and "defaults are in use" in text
        assert controller.services.settings.describe.timeout_s == 30.0


FIELDS = {
    "creativity": (
        lambda d: d.describe_card.temperature,
        ["-0.1", "2.5", "nan", "inf", "abc", "", "1e0"],
        "0.9",
        lambda s: s.describe.temperature == 0.9,
    ),
    "longest draft": (
        lambda d: d.describe_card.max_tokens,
        ["0", "-5", "4001", "1e3", "²", "12.5", ""],
        "1,200",
        lambda s: s.describe.max_tokens == 1200,
    ),
    "description limit": (
        lambda d: d.describe_card.char_limit,
        ["99", "5001", "-1000", "١٠٠٠", "0x400"],
        "800",
        lambda s: s.describe.char_limit == 800,
    ),
    "lock after": (
        lambda d: d.chain_card.auto_lock,
        ["0", "121", "-1", "", "5.5", "99999999999999999999999999999999999"],
        "30",
        lambda s: s.chain.auto_lock_minutes == 30,
    ),
    "chain id": (
        lambda d: d.chain_card.custom_chain_id,
        ["0", "-1", "²", "1.5", "9007199254740992", "0x3e9"],
        "1001",
        lambda s: s.chain.custom_chain_id == 1001,
    ),
}


@pytest.mark.parametrize("name", list(FIELDS))
def test_a_number_out_of_range_is_refused_beside_its_field_and_nothing_is_saved(qtbot, name):
    get_field, bad_values, good, saved_ok = FIELDS[name]
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    field = get_field(dialog)
    for bad in bad_values:
        field.setText(bad)
        assert field.message_label.isVisibleTo(dialog), bad
        rule = field.message_label.text()
        assert "must be" in rule and " from " in rule, rule
        with qtbot.assertNotEmitted(dialog.sig_settings_changed):
            dialog.save_button.click()
        assert dialog.error_banner.message() == rule and "Traceback" not in dialog.error_banner.message()
        assert field.text() == bad  # what was typed stays, to be corrected, not silently replaced
        assert dialog.focusWidget() is field
        assert not settings_path().exists()
    field.setText(good)
    assert not field.message_label.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.sig_settings_changed, timeout=5000) as saved:
        dialog.save_button.click()
    assert saved_ok(saved.args[0]) and Path(settings_path()).exists()
