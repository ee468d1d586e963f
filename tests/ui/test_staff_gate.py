"""Staff reach their panel from the kiosk through a PIN pad inside the kiosk window; the panel pauses the kiosk,
shows its health, exports the day's submissions and leaves kiosk mode. Driven on the real services (the sandbox
chain, the library, the generation backend) with a stand-in for the kiosk window's two-member interface."""

from __future__ import annotations

import csv
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.config import load_settings, save_settings
from app.showroom.staff import MAX_WRONG, hash_pin
from tests.fixtures.designs import add_plain_design
from ui.kiosk.kiosk_style import kiosk_stylesheet
from ui.kiosk.staff_gate import install_staff_gate
from ui.theme import TOUCH_LARGE, current_theme

PIN = "2580"
SIZE = (1280, 800)


class KioskStandIn(QWidget):
    """What the staff gate needs of the kiosk window: its hidden gesture's signal and a pause switch."""

    staff_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kiosk")  # the kiosk's stylesheet is scoped to it
        self.setStyleSheet(kiosk_stylesheet(current_theme()))
        self.paused = False
        self.pause_calls: list[bool] = []

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.pause_calls.append(paused)


class Clock:
    now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def services():
    from app.services import open_services

    settings = load_settings()
    settings.kiosk = replace(settings.kiosk, enabled=True, pin_hash=hash_pin(PIN), wrong_pin_lockout_s=60)
    save_settings(settings)
    opened = open_services()
    yield opened
    opened.close()


@pytest.fixture
def kiosk(qtbot, services):
    window = KioskStandIn()
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    exits: list[bool] = []
    clock = Clock()
    gate = install_staff_gate(
        window, SimpleNamespace(services=services), on_exit=lambda: exits.append(True), clock=clock
    )
    yield SimpleNamespace(window=window, gate=gate, exits=exits, clock=clock, services=services)
    gate.close()


def type_pin(pad, pin: str) -> None:
    for digit in pin:
        QTest.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.keys[">"], Qt.MouseButton.LeftButton)


def test_the_staff_gesture_opens_a_big_pin_pad_inside_the_kiosk_window(qtbot, kiosk):
    windows_before = set(QApplication.topLevelWidgets())
    kiosk.window.staff_requested.emit()
    pad = kiosk.gate.pad
    assert pad.isVisible() and pad.parentWidget() is kiosk.window and pad.geometry() == kiosk.window.rect()
    assert set(QApplication.topLevelWidgets()) == windows_before  # no window of its own
    assert all(key.height() >= TOUCH_LARGE and key.width() >= TOUCH_LARGE for key in pad.keys.values())
    QTest.mouseClick(pad.keys["1"], Qt.MouseButton.LeftButton)
    assert pad.digits == "1" and "1" not in pad.dots.text()  # shown as a dot, never the digit
    QTest.keyClicks(pad, "2x3")  # a keyboard works too, digits only
    QTest.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.digits == "12"
    QTest.mouseClick(pad.cancel, Qt.MouseButton.LeftButton)
    assert pad.closed and not pad.isVisible()


def test_wrong_pins_are_refused_then_locked_out_with_the_time_left(qtbot, kiosk):
    kiosk.window.staff_requested.emit()
    pad = kiosk.gate.pad
    type_pin(pad, "1111")
    qtbot.waitUntil(lambda: pad.message.isVisible() and not pad.checking)
    assert "4 more tries" in pad.message.text() and kiosk.gate.panel is None
    for _ in range(MAX_WRONG - 1):
        type_pin(pad, "1111")
        qtbot.waitUntil(lambda: not pad.checking)
    assert pad.message.text() == "Too many wrong PINs. Try again in 1:00."
    assert not any(key.isEnabled() for key in pad.keys.values()) and pad.countdown.isActive()
    kiosk.clock.now += 45
    pad.countdown.timeout.emit()  # the next tick of the countdown
    assert pad.message.text().endswith("0:15.")
    kiosk.clock.now += 15
    pad.countdown.timeout.emit()
    assert not pad.countdown.isActive() and not pad.message.isVisible() and pad.keys["5"].isEnabled()
    type_pin(pad, PIN)
    qtbot.waitUntil(lambda: kiosk.gate.panel is not None and kiosk.gate.panel.isVisible())
    assert pad.closed and kiosk.gate.panel.parentWidget() is kiosk.window


def test_the_panel_shows_health_pauses_the_kiosk_and_closes_itself_when_left(qtbot, kiosk):
    kiosk.gate.open_panel()
    panel = kiosk.gate.panel
    values = panel.values
    qtbot.waitUntil(lambda: panel.health is not None and (panel.chain is not None or panel.chain_error), timeout=60_000)
    assert values["device"].text() == "CPU"
    assert values["chain"].text() == "Sandbox · reachable · block 1"
    assert values["queue"].text() == "Nothing waiting"
    assert " free of " in values["disk"].text()
    assert values["model"].text()  # a model's name, or why none can be used
    QTest.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert kiosk.window.pause_calls == [True] and panel.pause_button.text() == "Resume the kiosk"
    QTest.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert kiosk.window.pause_calls == [True, False]
    panel.idle.setInterval(50)  # a minute, shortened
    panel.idle.start()
    qtbot.waitUntil(lambda: panel.closed)
    assert kiosk.gate.panel is None or kiosk.gate.panel.closed


def test_exporting_today_writes_the_csv_and_pictures_to_the_folder_staff_chose(qtbot, kiosk, tmp_path):
    services = kiosk.services
    design = add_plain_design(services.library)
    visitor = "0x" + "5a" * 20
    queued = services.chain.submit(
        lambda: services.chain.outbox.queue(
            "sandbox",
            5459254,
            "0x" + "cc" * 20,
            "0x" + "11" * 20,
            visitor,
            "ipfs://meta",
            bytes.fromhex(design.image_sha256),
            design.id,
        )
    )
    queued.result(timeout=30)
    usb = tmp_path / "usb"
    usb.mkdir()
    kiosk.gate.open_panel()
    panel = kiosk.gate.panel
    panel.choose_folder = lambda _parent: usb  # what staff picked in the folder dialog
    QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.note is not None, timeout=30_000)
    assert panel.note[0] == "done", panel.message.text()
    (folder,) = usb.iterdir()
    assert panel.message.text() == f"1 submission exported to {folder}."
    with open(folder / "submissions.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["design id"], r["recipient address"].lower(), r["state"]) for r in rows] == [
        (design.id, visitor, "waiting")
    ]
    assert (folder / f"{design.id}.png").is_file()


def test_exit_kiosk_mode_turns_the_setting_off_before_the_desktop_restart(qtbot, kiosk):
    kiosk.gate.open_panel()
    QTest.mouseClick(kiosk.gate.panel.exit_button, Qt.MouseButton.LeftButton)
    assert kiosk.exits == [True]
    assert load_settings().kiosk.enabled is False and load_settings().kiosk.pin_hash  # the PIN stays
    assert kiosk.gate.panel is None


def test_the_pad_and_panel_speak_korean(qtbot, kiosk):
    from ui.i18n import apply_language

    kiosk.window.staff_requested.emit()
    pad = kiosk.gate.pad
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: pad.title.text() == "직원 전용")  # the language change arrives as an event
        assert pad.cancel.text() == "취소" and pad.keys["<"].text() == "지우기"
        type_pin(pad, "1111")
        qtbot.waitUntil(lambda: pad.message.isVisible() and not pad.checking)
        assert pad.message.text() == "PIN이 맞지 않습니다. 4번 더 틀리면 직원 패널이 잠시 잠깁니다."
        kiosk.gate.open_panel()
        panel = kiosk.gate.panel
        assert panel.exit_button.text() == "키오스크 모드 종료" and panel.title.text() == "직원 패널"
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: panel.title.text() == "Staff panel")
