"""The Settings page's content safety card: both studio checks off by default, each switch and the threshold saved
at once, a threshold out of range said under the field and not saved, and kept when the page is saved afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from app.config import load_settings
from app.safety.settings import SafetySettings
from tests.ui.settings_helpers import open_settings_page
from ui.i18n import apply_language


@pytest.fixture
def page(qtbot):
    return open_settings_page(qtbot)


def set_threshold(card, text: str) -> None:
    card.threshold.setFocus()
    card.threshold.selectAll()
    QTest.keyClicks(card.threshold, text)
    card.threshold.editingFinished.emit()


def test_off_by_default_then_each_change_is_saved_at_once(qtbot, page):
    card = page.safety_card
    assert card.isVisible() and not card.prompt_check.isChecked() and not card.picture_check.isChecked()
    assert card.threshold.text() == "0.6"
    card.prompt_check.click()
    assert load_settings().safety == SafetySettings(studio_prompt_filter=True)
    assert card.message.text() == "Content safety settings saved."
    card.picture_check.click()
    set_threshold(card, "0.35")
    assert load_settings().safety == SafetySettings(True, True, 0.35)


def test_a_threshold_out_of_range_is_said_and_not_saved(qtbot, page):
    card = page.safety_card
    card.picture_check.click()
    set_threshold(card, "1.5")
    assert card.threshold.message_label.isVisible() and "0.05" in card.threshold.message_label.text()
    assert load_settings().safety.image_threshold == 0.6
    set_threshold(card, "0.8")
    assert not card.threshold.message_label.isVisible() and load_settings().safety.image_threshold == 0.8


def test_the_page_save_afterwards_keeps_the_safety_section(qtbot, page):
    page.safety_card.picture_check.click()
    page.theme_radios["light"].setChecked(True)
    page.save_button.click()
    saved = load_settings()
    assert saved.theme == "light" and saved.safety.studio_image_filter


def test_the_card_speaks_korean(qtbot, page):
    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: page.safety_card.title() == "콘텐츠 안전")
        assert "단어 목록" in page.safety_card.prompt_check.text()
    finally:
        apply_language("en")
