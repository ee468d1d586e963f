"""Types through the kiosk's on-screen keyboard in a fresh process and writes what happened to <out>/result.json
(tests/ui/test_kiosk_keyboard.py). Not collected by pytest."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ui.kiosk.keyboard import prepare_environment

prepare_environment()

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget  # noqa: E402

from ui.fonts import register_bundled_fonts  # noqa: E402
from ui.i18n import apply_language  # noqa: E402
from ui.kiosk.keyboard import OnScreenKeyboard  # noqa: E402

HANGUL = [
    ("ㅎ", Qt.Key.Key_G),
    ("ㅏ", Qt.Key.Key_K),
    ("ㄴ", Qt.Key.Key_S),
    ("ㄱ", Qt.Key.Key_R),
    ("ㅡ", Qt.Key.Key_M),
    ("ㄹ", Qt.Key.Key_F),
    (" ", Qt.Key.Key_Space),
    ("ㄷ", Qt.Key.Key_E),
    ("ㅣ", Qt.Key.Key_L),
    ("ㅈ", Qt.Key.Key_W),
    ("ㅏ", Qt.Key.Key_K),
    ("ㅇ", Qt.Key.Key_D),
    ("ㅣ", Qt.Key.Key_L),
    ("ㄴ", Qt.Key.Key_S),
]


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(out: Path) -> int:
    app = QApplication(sys.argv)
    register_bundled_fonts()
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addStretch(1)
    field = QLineEdit()
    layout.addWidget(field)
    other = QPushButton("Next")  # i18n: not shown
    layout.addWidget(other)
    keyboard = OnScreenKeyboard(window)
    layout.addWidget(keyboard)
    window.resize(1280, 800)
    window.show()
    other.setFocus()  # a screen opens with nothing to type: the keyboard stays away
    settle(app, 20)
    result: dict = {"available": keyboard.available, "problem": keyboard.problem}
    result["shown_before_focus"] = keyboard.active

    apply_language("ko")
    field.setFocus()
    settle(app, 20)
    result["shown_with_focus"] = keyboard.active
    result["keyboard_height"] = keyboard.height()
    result["keyboard_top"] = keyboard.mapTo(window, QPoint(0, 0)).y()
    result["field_bottom_with_keyboard"] = field.mapTo(window, QPoint(0, field.height())).y()
    result["input_locale_ko"] = keyboard.input_locale()
    for text, key in HANGUL:
        keyboard.type_key(key, text)
        settle(app, 2)
    settle(app)
    result["korean"] = field.text()
    window.grab().save(str(out / "keyboard_ko.png"))

    apply_language("en")
    settle(app, 10)
    result["input_locale_en"] = keyboard.input_locale()
    field.clear()
    for ch in "gold sm6":
        keyboard.type_key(Qt.Key.Key_Space if ch == " " else getattr(Qt.Key, f"Key_{ch.upper()}"), ch)
        settle(app, 2)
    settle(app)
    result["english"] = field.text()
    window.grab().save(str(out / "keyboard_en.png"))

    apply_language("ko")
    address = QLineEdit()
    address.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly)
    layout.insertWidget(1, address)
    address.setFocus()
    settle(app, 20)
    result["input_locale_latin_field_in_ko"] = keyboard.input_locale()
    field.setFocus()
    settle(app, 20)
    result["input_locale_back_in_ko"] = keyboard.input_locale()
    apply_language("en")

    field.clearFocus()
    other.setFocus()
    settle(app, 20)
    result["shown_after_focus_left"] = keyboard.active or keyboard.height() > 0
    (out / "result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
