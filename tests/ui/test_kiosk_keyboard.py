"""The kiosk's on-screen keyboard: a visitor without a physical keyboard types Korean (Hangul composed as typed)
and English into the kiosk's fields, and the keyboard takes room in the layout only while a field wants input.

Qt reads the input method when the QApplication starts, so these tests run in a process of their own
(`tests/ui/kiosk_keyboard_driver.py`), started the way the kiosk starts the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.own_process import run_driver

DRIVER = Path(__file__).with_name("kiosk_keyboard_driver.py")


@pytest.fixture(scope="module")
def typed(tmp_path_factory):
    out = tmp_path_factory.mktemp("keyboard")
    return run_driver(DRIVER, out, timeout=120), out


def test_the_keyboard_loads(typed):
    result, _ = typed
    assert result["available"], result["problem"]


def test_a_visitor_types_korean_through_the_keyboard(typed):
    result, _ = typed
    assert result["input_locale_ko"] == "ko_KR"
    assert result["korean"] == "한글 디자인"  # ㅎㅏㄴㄱㅡㄹ ㄷㅣㅈㅏㅇㅣㄴ, composed into syllables as typed


def test_the_keyboard_follows_the_language_switch(typed):
    result, _ = typed
    assert result["input_locale_en"] == "en_GB"
    assert result["english"] == "gold sm6"


def test_a_field_for_latin_letters_only_gets_english_keys_in_a_korean_kiosk(typed):
    result, _ = typed
    assert result["input_locale_latin_field_in_ko"] == "en_GB"  # a wallet address: no Hangul to switch away from
    assert result["input_locale_back_in_ko"] == "ko_KR"


def test_the_keyboard_takes_room_only_while_a_field_wants_input(typed):
    result, _ = typed
    assert not result["shown_before_focus"]
    assert result["shown_with_focus"] and result["keyboard_height"] > 150
    assert result["field_bottom_with_keyboard"] <= result["keyboard_top"]  # the field moved up, not covered
    assert not result["shown_after_focus_left"]


def test_prepare_environment_keeps_a_chosen_input_method():
    from ui.kiosk.keyboard import prepare_environment

    env = {"QT_IM_MODULE": "ibus"}
    prepare_environment(env)
    assert env["QT_IM_MODULE"] == "ibus" and env["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] == "1"
    fresh: dict[str, str] = {"QT_QPA_PLATFORM": "offscreen"}
    prepare_environment(fresh)
    assert fresh["QT_IM_MODULE"] == "qtvirtualkeyboard" and fresh["QT_QUICK_BACKEND"] == "software"
