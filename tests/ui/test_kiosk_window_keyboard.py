"""The real kiosk window, started as the app starts a kiosk, carries the on-screen keyboard: a visitor types Korean
into the design step's prompt through it, the field being typed into stays above it on every screen that has one,
and a screen with nothing to type gives it no room.

Qt reads the input method when the QApplication is made, so the window runs in a process of its own
(`tests/ui/kiosk_window_keyboard_driver.py`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.own_process import ROOT, run_driver

DRIVER = Path(__file__).with_name("kiosk_window_keyboard_driver.py")


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    out = tmp_path_factory.mktemp("kiosk-keyboard")
    for name in ("data", "config", "user-models", "models", "xdg-data"):
        (out / name).mkdir()
    folders = dict(
        SM6_DATA_DIR=str(out / "data"),
        SM6_CONFIG_DIR=str(out / "config"),
        SM6_MODELS_DIR=str(out / "user-models"),
        SM6_BUNDLED_MODELS_DIR=str(out / "models"),
        XDG_DATA_HOME=str(out / "xdg-data"),
    )
    return run_driver(DRIVER, out, timeout=180, env=folders)


def test_the_kiosk_opens_with_its_keyboard(walked):
    assert walked["available"], walked["problem"]


def test_a_visitor_types_korean_into_the_prompt_above_the_keyboard(walked):
    assert walked["up_for_prompt"]
    assert walked["prompt"] == "금색"  # ㄱㅡㅁㅅㅐㄱ, composed as typed
    assert 0 <= walked["prompt_top"] and walked["prompt_bottom"] <= walked["keyboard_top"]


@pytest.mark.parametrize("screen", ["design", "describe", "submit"])
def test_the_field_being_typed_into_is_not_covered(walked, screen):
    for lang in ("en", "ko"):
        seen = walked[screen][lang]
        assert seen["up"], (screen, lang)
        if screen == "describe":  # a tall editor: its first lines (where the caret is) stay in view
            assert 0 <= seen["field_top"] and seen["field_top"] + 80 <= seen["keyboard_top"], seen
        else:
            assert seen["field_bottom"] <= seen["keyboard_top"], (screen, lang, seen)


def test_no_room_is_taken_where_there_is_nothing_to_type(walked):
    assert walked["attract_room"] == 0 and walked["attract_room_after"] == 0


def test_staff_type_the_wallet_password_above_the_keyboard(walked):
    seen = walked["panel_password"]
    assert all(seen[lang]["up"] and seen[lang]["field_bottom"] <= seen[lang]["keyboard_top"] for lang in seen)
    assert walked["panel_bottom"] <= walked["keyboard_top"]  # the panel covers the screen above it, not the keys


def test_the_desktop_app_never_asks_for_the_on_screen_keyboard():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_IM_MODULE", "QT_QUICK_BACKEND")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    probe = (
        "import os; from app.kiosk import DESKTOP; from ui.application import create_qapplication; "
        "create_qapplication(DESKTOP); print(repr(os.environ.get('QT_IM_MODULE')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "None"
