"""The Settings page's kiosk card: a staff PIN typed twice, kiosk mode only once a PIN is set, idle timings in range;
each change saved at once, and kept when the rest of the page is saved afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.config import load_settings, settings_path
from app.showroom.staff import pin_matches
from tests.ui.settings_helpers import open_settings_page

PIN = "86420135"


@pytest.fixture
def page(qtbot):
    return open_settings_page(qtbot)


def type_into(field, text: str) -> None:
    field.clear()
    QTest.keyClicks(field, text)


def test_kiosk_mode_waits_for_a_pin_typed_twice_alike(qtbot, page):
    card = page.showroom_card
    assert card.isVisible() and card.pin_status.text() == "No staff PIN is set yet."
    assert not card.enabled_check.isEnabled()  # no way to lock this computer into a kiosk nobody can leave
    type_into(card.pin, PIN)
    type_into(card.pin_again, PIN[::-1])
    QTest.mouseClick(card.set_pin_button, Qt.MouseButton.LeftButton)
    assert card.message.text() == "The two PINs are not the same. Type the new PIN in both fields again."
    assert not settings_path().exists() or not load_settings().kiosk.pin_hash
    type_into(card.pin, "12ab")
    assert card.pin.text() == "12"  # digits only
    type_into(card.pin, PIN)
    type_into(card.pin_again, PIN)
    QTest.mouseClick(card.set_pin_button, Qt.MouseButton.LeftButton)
    assert card.message.text() == "Staff PIN saved." and card.pin.text() == "" and card.pin_again.text() == ""
    stored = load_settings().kiosk.pin_hash
    assert pin_matches(PIN, stored) and PIN not in settings_path().read_text()
    assert card.pin_status.text() == "A staff PIN is set." and card.set_pin_button.text() == "Change PIN"
    card.enabled_check.click()
    assert load_settings().kiosk.enabled and card.message.text() == "The app starts in kiosk mode from the next start."


def test_the_page_save_afterwards_keeps_the_kiosk_section(qtbot, page):
    card = page.showroom_card
    type_into(card.pin, PIN)
    type_into(card.pin_again, PIN)
    QTest.mouseClick(card.set_pin_button, Qt.MouseButton.LeftButton)
    card.enabled_check.click()
    page.theme_radios["light"].setChecked(True)
    saved = []
    page.sig_settings_changed.connect(saved.append)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert saved
    settings = load_settings()
    assert settings.theme == "light" and settings.kiosk.enabled and pin_matches(PIN, settings.kiosk.pin_hash)


def test_timings_are_saved_only_within_their_limits_and_in_order(qtbot, page):
    card = page.showroom_card
    still, reset = card.timing_fields["still_there_after_s"], card.timing_fields["reset_after_s"]
    type_into(still, "5")
    still.editingFinished.emit()
    assert still.message_label.isVisible() and load_settings().kiosk.still_there_after_s == 60
    type_into(still, "120")
    still.editingFinished.emit()
    assert card.message.text() == "Starting over must come later than “Still there?”."
    type_into(reset, "180")
    reset.editingFinished.emit()
    kiosk = load_settings().kiosk
    assert (kiosk.still_there_after_s, kiosk.reset_after_s) == (120, 180)
    assert card.message.text() == "Kiosk timings saved."


def test_a_pin_saved_later_keeps_what_the_window_saved_meanwhile(qtbot, page):
    from dataclasses import replace

    from app.config import save_settings

    elsewhere = load_settings()
    elsewhere.chain = replace(
        elsewhere.chain, network="kairos"
    )  # the wallet switched networks while the Settings page stood open
    save_settings(elsewhere)
    card = page.showroom_card
    type_into(card.pin, PIN)
    type_into(card.pin_again, PIN)
    QTest.mouseClick(card.set_pin_button, Qt.MouseButton.LeftButton)
    settings = load_settings()
    assert settings.chain.network == "kairos" and pin_matches(PIN, settings.kiosk.pin_hash)
