"""The kiosk's guided flow keeps a visitor private and safe, through the real window: no input for a while asks
"Still there?", then starts over with the visit wiped; the language switch relabels every screen live and is not
saved; nothing has a context menu or leads to settings or files; staff's door and pause; the failsafe."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.config import load_settings, settings_path
from tests.fixtures.designs import add_plain_design
from tests.ui.kiosk_flow_helpers import WAIT_MS, opened_kiosk, tap
from ui.crash_guard import CrashGuard
from ui.kiosk.kiosk_window import SCREENS

STILL_THERE_S, RESET_S = 0.3, 1.0


@pytest.fixture
def kiosk(qtbot, qapp):
    """No model needed here (designs are added to the library as if made): the kiosk opens without one."""
    yield from opened_kiosk(qtbot, qapp)


def _visit_with_a_design(qtbot, kiosk):
    """A visitor who started, has a design of their own in the studio, and typed words into every field."""
    window, c = kiosk.window, kiosk.controller
    tap(qtbot, window.attract.start)
    design = add_plain_design(c.services.library, "pearl white by the harbour")  # made during this visit
    c.design_vm.variations = [design]
    c.design_vm.show_design(design)
    qtbot.waitUntil(lambda: window.design.next.isEnabled() and not c.design_vm.reading, timeout=WAIT_MS)
    window.design.prompt.setFocus()
    QTest.keyClicks(window.design.prompt, "pearl white by the harbour")
    return design


def test_no_input_asks_if_the_visitor_is_still_there_then_starts_over_with_the_visit_wiped(qtbot, kiosk):
    window, c = kiosk.window, kiosk.controller
    design = _visit_with_a_design(qtbot, kiosk)
    c.design_vm.view = "rear34"  # the visitor chose another view of the car
    QTest.keyClicks(window.submit.address, "0x52908400098527886E0F7030069857D2E4169EE7")
    QGuiApplication.clipboard().setText("0x52908400098527886E0F7030069857D2E4169EE7")
    window.idle.set_times(STILL_THERE_S, RESET_S)  # only now: a slow machine must not reset the setting-up
    overlay = window.still_there
    qtbot.waitUntil(overlay.isVisible, timeout=5000)
    assert "s" in overlay.countdown.text() and overlay.here.isVisible()
    tap(qtbot, overlay.here)  # the visitor answers: the visit goes on as it was
    assert not overlay.isVisible() and window.screen_name == "design"
    assert window.design.prompt.text() == "pearl white by the harbour"

    qtbot.waitUntil(overlay.isVisible, timeout=5000)  # and walks away this time
    qtbot.waitUntil(lambda: window.screen_name == "attract", timeout=5000)
    assert not overlay.isVisible()
    assert window.design.prompt.text() == "" and c.design_vm.prompt == ""
    assert c.design_vm.view == "side"  # the next visitor starts from the usual view
    assert window.design.picture.image is None and c.design_vm.current_design is None and not c.design_vm.variations
    assert window.submit.address.text() == "" and window.describe.editor.toPlainText() == ""
    undo = (window.design.prompt.isUndoAvailable(), window.submit.address.isUndoAvailable())
    assert undo == (False, False) and not window.describe.editor.document().isUndoAvailable()  # not even by Undo
    assert not QGuiApplication.clipboard().text()
    assert c.services.library.get(design.id) is None and c.services.library.count() == 0  # hidden from every listing
    tap(qtbot, window.attract.start)  # the next visitor starts from nothing
    assert window.design.prompt.text() == "" and not any(b.isVisible() for b in window.design.thumbs)


def test_the_language_switch_relabels_every_screen_live_and_is_not_saved(qtbot, kiosk):
    window, c = kiosk.window, kiosk.controller
    before = settings_path().read_bytes() if settings_path().exists() else None
    assert window.attract.start.text() == "Start"
    tap(qtbot, window.header.language.buttons["ko"])
    qtbot.waitUntil(lambda: window.attract.start.text() == "시작하기", timeout=2000)  # Qt posts LanguageChange
    assert window.attract.headline.text() == "나만의 SM6를 디자인하세요"
    assert [label.text() for label in window.header.step_labels.values()] == [
        "1 디자인",
        "2 설명",
        "3 토큰 미리보기",
        "4 제출",
    ]
    korean = {
        "design": (window.design.generate, "생성"),
        "describe": (window.describe.next, "다음"),
        "preview": (window.preview.back, "뒤로"),
        "submit": (window.submit.submit, "제출"),
        "thanks": (window.thanks.done, "완료"),
        "failed": (window.failed.action, "다시 시작"),
        "paused": (window.paused_screen.title, "키오스크가 잠시 쉬고 있습니다"),
    }
    for screen, (widget, words) in korean.items():
        window.go(screen)
        assert window.header.language.isVisible(), screen  # the switch is on every screen
        assert widget.text() == words, screen
    window.go("design")
    tap(qtbot, window.header.language.buttons["en"])  # and back, live, on any screen
    qtbot.waitUntil(lambda: window.design.generate.text() == "Generate", timeout=2000)
    assert window.header.step_labels["design"].text() == "1 Design"
    assert c.services.settings.language == load_settings().language == "system"  # the kiosk's own choice stays
    assert (settings_path().read_bytes() if settings_path().exists() else None) == before


def test_nothing_in_the_kiosk_has_a_context_menu_or_leads_to_settings_or_files(qtbot, kiosk):
    window = kiosk.window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert (window.idle.still_there_s, window.idle.reset_s) == (60, 90)  # Settings.kiosk's, as staff left them
    for screen in SCREENS:
        window.go(screen)
        widgets = [window, *window.findChildren(QWidget)]
        menus = [w for w in widgets if w.contextMenuPolicy() != Qt.ContextMenuPolicy.NoContextMenu]
        assert not menus, [type(w).__name__ for w in menus]
        words = " ".join(w.text() for w in widgets if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible())
        for forbidden in ("Settings", "Import", "Export", "Folder", "folder", "file", "Seed", "Advanced"):
            assert forbidden not in words, (screen, forbidden)
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
        assert all(b.height() >= 56 for b in buttons), [(b.text(), b.height()) for b in buttons if b.height() < 56]


def test_staff_are_called_by_five_taps_on_the_logo_or_the_shortcut_and_can_pause(qtbot, kiosk):
    window = kiosk.window
    with qtbot.waitSignal(window.staff_requested, timeout=1000):
        for _ in range(5):
            QTest.mouseClick(window.header.logo, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.staff_requested, timeout=1000):
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    _visit_with_a_design(qtbot, kiosk)
    window.set_paused(True)
    assert window.screen_name == "paused" and window.design.prompt.text() == ""  # the visit in progress is wiped
    window.start_visit()
    assert window.screen_name == "paused"  # no visitor can start
    window.set_paused(False)
    assert window.screen_name == "attract"


def test_an_error_in_the_flow_shows_a_friendly_screen_that_starts_over(qtbot, kiosk):
    window, c = kiosk.window, kiosk.controller
    design = _visit_with_a_design(qtbot, kiosk)
    tap(qtbot, window.design.next)
    kiosk.draft()
    Path(design.image_path).unlink()  # the picture is gone from the disk: the token cannot be assembled
    tap(qtbot, window.describe.next)
    qtbot.waitUntil(lambda: window.screen_name == "failed", timeout=WAIT_MS)
    assert window.failed.title.text().startswith("Something went wrong") and window.failed.action.isVisible()
    assert window.describe.editor.toPlainText() == "" and window.design.prompt.text() == ""  # already wiped
    assert "Traceback" not in " ".join(label.text() for label in window.findChildren(QLabel))
    tap(qtbot, window.failed.action)
    assert window.screen_name == "attract" and c.design_vm.current_design is None


def test_an_error_nobody_caught_brings_the_failsafe_which_starts_over_by_itself(qtbot, kiosk):
    window = kiosk.window
    _visit_with_a_design(qtbot, kiosk)
    window.idle.set_times(STILL_THERE_S, RESET_S)
    guard = CrashGuard(kiosk.controller.show_problem).install()  # as ui/application.py installs it
    try:
        try:
            raise RuntimeError("a bug deep in a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: window.screen_name == "failed", timeout=5000)
    finally:
        guard.uninstall()
    shown = " ".join(label.text() for label in window.findChildren(QLabel) if label.isVisible())
    assert "a bug deep" not in shown and "RuntimeError" not in shown and window.design.prompt.text() == ""
    qtbot.waitUntil(lambda: window.screen_name == "attract", timeout=5000)  # nobody tapped: it starts over alone
    assert not window.still_there.isVisible()


def test_a_korean_visitor_gets_korean_words_and_kind_messages_when_something_is_missing(qtbot, kiosk):
    window, c = kiosk.window, kiosk.controller
    tap(qtbot, window.header.language.buttons["ko"])
    qtbot.waitUntil(lambda: window.attract.start.text() == "시작하기", timeout=2000)
    tap(qtbot, window.attract.start)
    tap(qtbot, window.design.generate)  # no words yet: said plainly, nothing started
    assert window.design.message.isVisible() and window.design.message.text() and not c.design_vm.busy
    design = add_plain_design(c.services.library, "펄 화이트, 부산의 밤")
    c.design_vm.variations = [design]
    c.design_vm.show_design(design)
    qtbot.waitUntil(lambda: window.design.next.isEnabled() and not c.design_vm.reading, timeout=WAIT_MS)
    tap(qtbot, window.design.next)
    kiosk.draft()
    assert c.describe_vm.language == "ko"
    editor = window.describe.editor
    assert any("가" <= ch <= "힣" for ch in editor.toPlainText())  # drafted in the visitor's language
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClicks(editor, " zzz scribble")
    tap(qtbot, window.describe.draft)  # "Write it for me" again: a fresh draft in the box, not kept aside
    kiosk.draft()
    assert "scribble" not in editor.toPlainText() and any("가" <= ch <= "힣" for ch in editor.toPlainText())
    tap(qtbot, window.describe.next)
    qtbot.waitUntil(lambda: window.preview.next.isEnabled(), timeout=WAIT_MS)
    assert window.preview.description.text() == window.describe.editor.toPlainText()
    tap(qtbot, window.preview.next)
    window.submit.address.setText("0x52908400098527886E0F7030069857D2E4169EE7")
    tap(qtbot, window.submit.submit)  # nobody from staff unlocked the kiosk's wallet today
    assert window.submit.message.text() == "지금은 이 키오스크에서 토큰을 보낼 수 없습니다. 직원에게 문의하세요."
    assert window.screen_name == "submit" and window.submit.address.text()  # nothing typed is lost
    window.idle.set_times(STILL_THERE_S, RESET_S)  # the visitor leaves: the next one is greeted in the kiosk's language
    qtbot.waitUntil(lambda: window.screen_name == "attract" and window.attract.start.text() == "Start", timeout=5000)
