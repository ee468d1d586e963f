"""The window speaks the person's language from its first paint and switches while it runs: saving Settings with
Korean re-labels everything on screen without a restart, keeps what the person was doing, and English comes back the
same way; core messages on screen are said again in the new language; "system" follows the computer."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel

from app import i18n as core_i18n
from app.config import read_settings, save_settings, settings_path
from tests.ui.studio_helpers import close_app, open_app
from ui.application import open_main_window
from ui.i18n import apply_language, language_for, translate
from ui.widgets.dates import date_text

ROOT = Path(__file__).resolve().parents[2]
KOREAN_NAV = {"design": "디자인", "describe": "설명", "token": "토큰", "wallet": "지갑", "library": "라이브러리"}
ENGLISH_NAV = {"design": "Design", "describe": "Describe", "token": "Token", "wallet": "Wallet", "library": "Library"}


def _hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def _nav(window) -> dict[str, str]:
    return {key: window.nav_rail.item(key).text() for key in KOREAN_NAV}


def _save_language_in_settings(qtbot, app, language: str, title: str) -> None:
    """Choose the language on the Settings page and Save, as a person does; wait for the window to say its words."""
    page = app.settings_page
    page.language_combo.setCurrentIndex(page.language_combo.findData(language))
    with qtbot.waitSignal(page.sig_settings_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window.windowTitle() == title, timeout=5000)


def test_saving_korean_in_settings_relabels_the_window_live_and_keeps_the_work(qtbot, tiny_sd15, back_to_english):
    app = open_app(qtbot)
    try:
        w, controls = app.window, app.studio.controls
        qtbot.keyClicks(controls.prompt, "pearl white SM6 by the harbour")
        assert w.windowTitle() == "SM6 Design Studio" and _nav(w) == ENGLISH_NAV
        assert w.status_texts()[2] == "Ready"
        w.show_workspace("settings")

        _save_language_in_settings(qtbot, app, "ko", "SM6 디자인 스튜디오")
        assert _nav(w) == KOREAN_NAV and w.nav_rail.item("settings").text() == "설정"
        assert w.nav_rail.item("design").toolTip().startswith("디자인 (")  # the shortcut stays beside it
        assert w.status_texts()[2] == "준비됨"
        assert app.settings_page.save_button.text() == "저장"
        assert w.current_workspace() == "settings"  # where the person was, still on screen
        assert app.services.settings.language == "ko" and read_settings().settings.language == "ko"
        w.show_workspace("design")
        assert app.studio.generate.text() == "생성"  # the workspace's own words too
        assert controls.prompt.toPlainText() == "pearl white SM6 by the harbour"  # what was typed is untouched

        w.show_workspace("settings")
        _save_language_in_settings(qtbot, app, "en", "SM6 Design Studio")
        assert _nav(w) == ENGLISH_NAV and w.status_texts()[2] == "Ready"
        assert app.settings_page.save_button.text() == "Save"
        assert w.current_workspace() == "settings"
        w.show_workspace("design")
        assert app.studio.generate.text() == "Generate"
        assert controls.prompt.toPlainText() == "pearl white SM6 by the harbour"
    finally:
        close_app(app)


def test_a_busy_status_follows_the_language_while_it_is_shown(qtbot, back_to_english):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_busy(True, lambda: translate("AppController", "Loading model…"))
    window.set_model(None)
    apply_language("ko")
    qtbot.waitUntil(lambda: window.status_texts()[2] == "모델을 불러오는 중…", timeout=5000)
    assert window.status_texts()[0] == "모델 없음"
    window.set_model("tiny-sd15 · SD 1.x")  # a name from a file is shown as it is, in any language
    assert window.status_texts()[0] == "tiny-sd15 · SD 1.x"
    assert window._model_item.toolTip() == "모델: tiny-sd15 · SD 1.x"


def test_a_core_message_in_the_notice_is_said_again_in_korean(qtbot, isolated_dirs, back_to_english):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('theme = "purple"\n', encoding="utf-8")  # a value no theme has: reset, and said
    loaded = read_settings()
    assert loaded.warning_msg is not None
    app = open_main_window(loaded)
    try:
        qtbot.addWidget(app.window)
        app.window.show()
        notice = app.window.notice.message_label
        assert notice.text() == loaded.warning_msg.english() and app.window.notice.isVisible()
        apply_language("ko")
        qtbot.waitUntil(lambda: app.window.windowTitle() == "SM6 디자인 스튜디오", timeout=5000)
        assert notice.text() == loaded.warning_msg.render() and _hangul(notice.text())  # by its id, in Korean
        apply_language("en")
        qtbot.waitUntil(lambda: notice.text() == loaded.warning_msg.english(), timeout=5000)
    finally:
        close_app(app)


def test_the_storage_error_page_speaks_korean_and_switches_back(qtbot, tmp_path, monkeypatch, back_to_english):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SM6_DATA_DIR", str(blocker / "data"))
    apply_language("ko")
    app = open_app(qtbot)
    try:
        page = app.storage_page
        assert page.title_label.text() == "데이터 폴더를 사용할 수 없습니다"
        assert page.primary_button.text() == "다른 폴더 선택…" and page.secondary_button.text() == "다시 시도"
        assert app.window.nav_rail.item("design").text() == "디자인"
        korean = page.text_label.text()
        assert str(blocker / "data") in korean and _hangul(korean)  # the core's message, by its id
        apply_language("en")
        qtbot.waitUntil(lambda: page.title_label.text() == "Your data folder cannot be used", timeout=5000)
        assert page.primary_button.text() == "Choose another folder…" and page.secondary_button.text() == "Try again"
        english = page.text_label.text()
        assert str(blocker / "data") in english
        texts = " ".join(label.text() for label in page.findChildren(QLabel))
        assert "Your data folder cannot be used" in texts
    finally:
        close_app(app)


PROBE = """
import ui.application as application

class Probe(application.FirstPaint):
    def __init__(self, window, callback):
        def painted():
            rail = window.nav_rail
            print("TITLE", window.windowTitle(), flush=True)
            print("NAV", "|".join(rail.item(k).text() for k in rail.keys()), flush=True)
            print("STATUS", window.status_texts()[2], flush=True)
            callback()
        super().__init__(window, painted)

application.FirstPaint = Probe
raise SystemExit(application.run_app())
"""


def test_a_start_with_korean_settings_paints_the_first_window_in_korean(isolated_dirs):
    save_settings(replace(read_settings().settings, language="ko"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SM6_EXIT_AFTER_FIRST_PAINT": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "TITLE SM6 디자인 스튜디오" in result.stdout
    assert "NAV 디자인|설명|토큰|지갑|라이브러리|큐레이션|설정" in result.stdout
    assert "STATUS 준비됨" in result.stdout


@pytest.mark.parametrize(
    ("system", "expected"), [("ko_KR", "ko"), ("ko", "ko"), ("en_US", "en"), ("fr_FR", "en"), ("C", "en")]
)
def test_system_follows_the_computer(system, expected):
    assert core_i18n.resolve("system", system) == expected
    assert core_i18n.resolve("ko", system) == "ko" and core_i18n.resolve("en", system) == "en"


def test_language_for_reads_the_computer_through_qlocale():
    expected = "ko" if QLocale.system().name().lower().startswith("ko") else "en"
    assert language_for("system") == expected
    assert language_for("ko") == "ko" and language_for("en") == "en"


def test_dates_follow_the_language(back_to_english):
    moment = dt.datetime(2026, 12, 6, 19, 1)
    apply_language("ko")
    assert date_text(moment) == "2026년 12월 6일"
    apply_language("en")
    assert date_text(moment) == "6 Dec 2026"


@pytest.mark.qt_no_exception_capture
def test_the_crash_notice_is_said_in_korean(qtbot, isolated_dirs, back_to_english):
    from PySide6.QtCore import QTimer

    from ui.crash_guard import CrashGuard

    notices: list[tuple[str, str]] = []
    apply_language("ko")
    guard = CrashGuard(lambda message, details: notices.append((message, details))).install()
    try:
        QTimer.singleShot(0, lambda: {}["internal-detail"])
        qtbot.waitUntil(lambda: len(notices) == 1, timeout=5000)
    finally:
        guard.uninstall()
    message, details = notices[0]
    assert message == "앱 내부에서 문제가 발생했습니다. 작업 내용은 그대로 있으니 다시 시도하세요."
    assert details.startswith("자세한 내용을 ") and "internal-detail" not in message + details


def test_a_second_launch_explains_itself_in_korean(qtbot, isolated_dirs, back_to_english):
    from app.data_lock import FolderInUse
    from ui.single_instance import hand_over

    data = isolated_dirs["SM6_DATA_DIR"]
    apply_language("ko")
    shown = []
    assert hand_over(data, FolderInUse(data, 4242), wait_s=0, show=shown.append) == 1  # nothing answers: explained
    (box,) = shown
    qtbot.addWidget(box)
    assert box.windowTitle() == "SM6 디자인 스튜디오가 이미 실행 중입니다"
    assert _hangul(box.text()) and "4242" in box.text() and str(data) in box.text()  # the core's message, in Korean
    assert box.informativeText().startswith("저장한 내용이 사라지지 않도록")
