"""Settings in Korean and back to English while it is open: its words switch on the page already on screen (never
rebuilt), what the person typed and chose stays, and what it last said (a number out of range, a refused Save) is
said again in the new language. And the language itself is a choice on the page, saved like the theme."""

from __future__ import annotations

import pytest

from app.config import Settings, load_settings
from tests.fixtures.shots import save_shot
from ui.i18n import apply_language
from ui.settings.settings_dialog import SettingsDialog
from ui.settings.settings_page import SettingsPage

WAIT_MS = 5_000


@pytest.fixture
def page(qtbot):
    page = SettingsPage(Settings())
    qtbot.addWidget(page)
    page.resize(1192, 770)  # the workspace on a 1280×800 screen
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_settings_page_switches_language_live_and_keeps_every_edit(qtbot, page, back_to_english):
    page.describe_card.model.setText("gpt-4.1-mini")
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    page.theme_radios["light"].setChecked(True)
    page.describe_card.temperature.setText("9")  # out of range: a sentence under the field says so
    rule = page.describe_card.temperature.message_label
    assert rule.text() == "Creativity must be a number from 0 to 2, such as 0.8."
    page.save_button.click()  # refused: the banner names the field
    assert page.error_banner.isVisible() and "Creativity" in page.error_banner.message()
    save_shot(page, "settings-en")

    apply_language("ko")  # Qt posts the change to every widget: it arrives at the next turn of the event loop
    qtbot.waitUntil(lambda: page.save_button.text() == "저장", timeout=WAIT_MS)
    save_shot(page, "settings-ko")
    assert page.cancel_button.text() == "되돌리기"
    assert page.theme_radios["light"].text() == "밝게" and page.theme_radios["light"].isChecked()
    assert page.device_combo.currentText() == "CPU" and page.device_combo.currentData() == "cpu"
    assert page.device_combo.itemText(page.device_combo.findData("auto")) == "자동"
    assert page.describe_card.title() == "설명 (ChatGPT)"
    assert page.describe_card.model.text() == "gpt-4.1-mini"  # typed before the switch, still there
    assert page.describe_card.temperature.text() == "9"
    assert rule.text() == "창의성 값은 0에서 2 사이의 숫자(예: 0.8)여야 합니다."  # re-said, not left in English
    assert page.error_banner.message().startswith("창의성 값은") and page.error_banner.severity_label.text() == "오류"
    unit = page.chain_card.auto_lock.unit_label
    assert unit.text() == "분" and unit.isVisible()
    assert page.data_folder_row.title_label.text() == "디자인 및 라이브러리"

    apply_language("en")
    qtbot.waitUntil(lambda: page.save_button.text() == "Save", timeout=WAIT_MS)
    assert page.cancel_button.text() == "Revert"
    assert page.device_combo.currentData() == "cpu" and page.device_combo.itemText(0) == "Auto"
    assert rule.text() == "Creativity must be a number from 0 to 2, such as 0.8."
    assert page.error_banner.message().startswith("Creativity must be") and page.describe_card.title() == (
        "Descriptions (ChatGPT)"
    )


def test_each_language_is_named_in_its_own_words(qtbot, page, back_to_english):
    combo = page.language_combo
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert names["en"] == "English" and names["ko"] == "한국어"
    assert names["system"].startswith("System language (") and names["system"].endswith(("English)", "한국어)"))
    combo.setCurrentIndex(combo.findData("ko"))
    apply_language("ko")
    qtbot.waitUntil(lambda: combo.itemText(combo.findData("system")).startswith("시스템 언어 ("), timeout=WAIT_MS)
    assert combo.itemText(combo.findData("en")) == "English" and combo.currentData() == "ko"  # choice kept


def test_choosing_korean_and_saving_stores_ko(qtbot, tmp_path):
    path = tmp_path / "settings.toml"
    dialog = SettingsDialog(Settings(), settings_path=path)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "system"  # what a fresh install follows
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ko"))
    with qtbot.waitSignal(dialog.sig_settings_changed) as saved:
        dialog.save_button.click()
    assert saved.args[0].language == "ko"
    assert load_settings(path).language == "ko"
    again = SettingsDialog(load_settings(path), settings_path=path)  # shown as saved next time
    qtbot.addWidget(again)
    assert again.language_combo.currentText() == "한국어"
