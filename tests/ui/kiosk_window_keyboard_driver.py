"""Opens the real kiosk window the way the app starts it in kiosk mode (`create_qapplication(KIOSK)` asks Qt for the
on-screen keyboard before the QApplication exists; the controller adds the keyboard and the staff gate), types
Korean into the design step's prompt through the keyboard, and writes what happened to <out>/result.json
(tests/ui/test_kiosk_window_keyboard.py), with screenshots of each screen that has a text field, keyboard up, in
English and Korean (<out>/<screen>-<lang>.png). Not collected by pytest."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from app.kiosk import KIOSK
from ui.application import create_qapplication

HANGUL = [
    ("ㄱ", Qt.Key.Key_R),
    ("ㅡ", Qt.Key.Key_M),
    ("ㅁ", Qt.Key.Key_A),
    ("ㅅ", Qt.Key.Key_T),
    ("ㅐ", Qt.Key.Key_O),
    ("ㄱ", Qt.Key.Key_R),
]  # 금색, gold


def main(out: Path) -> int:
    app = create_qapplication(KIOSK)  # the kiosk's start: the input method chosen before this line made the app

    from app.config import load_settings
    from tests.fixtures.wallet_setup import cheap_keystores
    from ui.app_controller import AppController
    from ui.fonts import register_bundled_fonts
    from ui.i18n import apply_language
    from ui.theme import apply_theme

    register_bundled_fonts()
    apply_theme(app, "dark", policy=KIOSK)
    controller = AppController(load_settings(), policy=KIOSK)
    window = controller.kiosk_window
    keyboard = window.keyboard

    def settle(rounds: int = 20) -> None:
        for _ in range(rounds):
            app.processEvents()

    def top(widget) -> int:
        return widget.mapTo(window, QPoint(0, 0)).y()

    def bottom(widget) -> int:
        return widget.mapTo(window, QPoint(0, widget.height())).y()

    def shoot(name: str, field) -> dict:
        seen = {}
        for lang in ("en", "ko"):
            apply_language(lang)
            field.clearFocus()  # the keyboard goes, then comes back for the field as at a tap on it
            settle(10)
            field.setFocus()
            settle(30)
            window.grab().save(str(out / f"{name}-{lang}.png"))
            seen[lang] = {
                "up": keyboard.active,
                "field_top": top(field),
                "field_bottom": bottom(field),
                "keyboard_top": top(keyboard),
            }
        apply_language("en")
        return seen

    window.resize(1280, 800)
    window.show()
    window.idle.set_times(3600, 7200)
    settle()
    result: dict = {"available": keyboard.available, "problem": keyboard.problem}
    result["attract_room"] = keyboard.height()  # nothing to type on the attract screen: no room taken
    window.start_visit()
    prompt = window.design.prompt
    apply_language("ko")
    prompt.setFocus()
    settle(30)
    result["up_for_prompt"] = keyboard.active and keyboard.height() > 150
    result["prompt_bottom"], result["keyboard_top"] = bottom(prompt), top(keyboard)
    result["prompt_top"] = top(prompt)
    for text, key in HANGUL:
        keyboard.type_key(key, text)
        settle(2)
    settle()
    result["prompt"] = prompt.text()
    apply_language("en")
    result["design"] = shoot("design", prompt)
    window.go("describe")
    result["describe"] = shoot("describe", window.describe.editor)
    window.go("submit")
    result["submit"] = shoot("submit", window.submit.address)
    window.go("attract")  # the address field had focus: leaving its screen sends the keyboard away
    settle(30)
    result["attract_room_after"] = keyboard.height()
    cheap_keystores(controller.services.chain)  # the panel's layout is the point, not a second of scrypt
    controller.services.chain.create_account("Kiosk", "harbour lights over busan").result(timeout=60)
    gate = controller.staff_gate
    gate.open_panel()
    panel = gate.panel
    deadline = time.monotonic() + 60
    while panel.wallet.state != "locked" and time.monotonic() < deadline:  # the account list, read on the worker
        settle(2)
        time.sleep(0.02)
    settle()
    result["panel_password"] = shoot("staff-panel", panel.wallet.password)
    result["panel_bottom"] = bottom(panel)
    panel.close_overlay()
    gate.close()
    (out / "result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    controller.shutdown()
    controller.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
