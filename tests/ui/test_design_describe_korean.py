"""The Design studio and Describe in Korean and back in English, switched while they are open (no rebuild): the
words change, what the person typed, chose and made stays, and the status lines are said again in the new language."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFontMetrics

from tests.ui.studio_helpers import close_app, open_app, studio_on
from tests.ui.test_describe import aio, describe, run_until  # noqa: F401 - aio is a fixture used here
from tests.ui.test_design_backend_interface import ScriptedBackend
from tests.ui.test_design_layout import (
    LONG_PROMPT,
    _inside,
    check_advanced_fits,
    check_header,
    check_starting_point,
    open_kiosk,
)
from ui.i18n import apply_language


def switch(lang: str) -> None:
    """What the language setting does: the language changes and every open widget hears of it."""
    apply_language(lang)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


@pytest.fixture
def english_after():
    yield
    switch("en")  # the other tests read English


@pytest.fixture
def studio(qtbot, tmp_path, english_after):
    backend = ScriptedBackend()
    with studio_on(qtbot, tmp_path, backend) as (view, vm, library):
        yield view, vm, backend


def test_the_studio_switches_to_korean_and_back_keeping_the_work(qtbot, studio):
    view, vm, backend = studio
    qtbot.keyClicks(view.controls.prompt, "pearl white at dusk")
    view.controls.preset.setCurrentIndex(2)
    preset = vm.preset
    qtbot.mouseClick(view.generate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.preview.status.text() == "Done · 2 designs saved", timeout=10_000)
    qtbot.waitUntil(lambda: not vm.reading)
    shown = vm.current_design

    switch("ko")
    assert view.generate.text() == "생성" and view.cancel.text() == "취소"
    assert view.title.text() == "디자인 스튜디오" and view.use.toolTip() == "이 디자인을 설명하고 토큰으로 만듭니다"
    assert view.preview.status.text() == "완료 · 디자인 2개 저장됨"  # the status line, said again
    assert view.variations.title.text() == "변형 · 2개"
    controls = view.controls
    assert controls.source_buttons["base"].text() == "SM6 형태" and controls.advanced_toggle.text() == "고급 설정"
    assert controls.batch.suffix() == "장" and controls.size.itemText(0) == "정사각형 · 512 × 512"
    assert controls.prompt.placeholderText().startswith("색상, 휠")
    # What the person typed, chose and made is all still there.
    assert controls.prompt.toPlainText() == "pearl white at dusk" and vm.prompt == "pearl white at dusk"
    assert vm.preset == preset and controls.preset.currentData() == preset and controls.batch.value() == 2
    assert vm.current_design is shown and [d.seed for d in view.variations.designs()] == [5, 6]
    assert view.variations.list.item(0).toolTip() == "시드 5"

    switch("en")
    assert view.generate.text() == "Generate" and view.title.text() == "Design studio"
    assert view.preview.status.text() == "Done · 2 designs saved"
    assert view.variations.title.text() == "Variations · 2 variations"
    assert controls.source_buttons["base"].text() == "SM6 shape" and controls.batch.suffix() == " images"
    assert controls.prompt.toPlainText() == "pearl white at dusk" and vm.current_design is shown


def test_a_running_job_is_described_in_the_language_chosen_while_it_runs(qtbot, studio):
    view, vm, backend = studio
    backend.gate = threading.Event()  # the job holds after its first step
    vm.prompt = "coastal road"
    vm.generate()
    qtbot.waitUntil(lambda: view.preview.status.text() == "Step 1 of 4 · variation 1 of 2", timeout=10_000)
    queue = view.controls.queue
    qtbot.waitUntil(lambda: queue.job_ids() and "Running" in queue._rows[queue.job_ids()[0]].state.text())
    row = queue._rows[queue.job_ids()[0]]
    switch("ko")
    assert view.preview.status.text() == "4단계 중 1단계 · 변형 2개 중 1번째"
    assert view.generate.text() == "대기열에 추가"  # busy: another press queues
    assert queue.title.text() == "대기열 · 1" and row.state.text() == "실행 중 · 변형 2개"
    assert row.title.text() == "coastal road"  # the person's words stay as typed
    switch("en")
    assert view.preview.status.text() == "Step 1 of 4 · variation 1 of 2" and view.generate.text() == "Add to queue"
    assert queue.title.text() == "Queue · 1" and row.state.text() == "Running · 2 variations"
    backend.gate.set()
    qtbot.waitUntil(lambda: not vm.busy, timeout=10_000)


def test_describe_switches_to_korean_and_back_keeping_the_text(qtbot, aio, english_after):  # noqa: F811
    app, vm, view, design = describe(qtbot)
    try:
        editor = view.editors["ko"]
        editor.setFocus()
        qtbot.keyClicks(editor, "my own words")
        qtbot.waitUntil(lambda: view.saved.text().startswith("Saved · "), timeout=5_000)

        switch("ko")
        assert view.header.title.text() == "설명" and view.offline_button.text() == "오프라인 초안"
        assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["한국어", "영어"]
        assert view.compare_button.text() == "비교" and view.draft_button.text() == "ChatGPT로 초안 작성"
        assert view.saved.text().startswith("저장됨 · ")  # said again, the save's time as Korean writes it
        assert editor.toPlainText() == "my own words" and vm.texts["ko"] == "my own words"
        assert view.tabs.currentIndex() == 0 and vm.language == "ko"

        vm.start_draft(online=False)  # a template draft, beside the person's text (theirs is kept)
        run_until(aio, lambda: not vm.streaming and vm.info["ko"])
        assert view.info.text().startswith("오프라인 초안 · ") and editor.toPlainText() == "my own words"
        assert vm.error[0].startswith("수정한 글은 그대로 있습니다")

        switch("en")
        assert view.header.title.text() == "Describe" and view.tabs.tabText(1) == "English"
        assert view.info.text().startswith("Offline draft · ") and view.saved.text().startswith("Saved · ")
        assert view.error.message().startswith("Your edits are kept.")  # the view-model's own message, said again
        assert editor.toPlainText() == "my own words"
    finally:
        close_app(app)


def test_describe_with_nothing_to_describe_says_what_to_do_in_korean(qtbot, english_after):
    app = open_app(qtbot)
    try:
        view = app.describe_view
        switch("ko")
        assert view.empty.title_label.text() == "설명할 디자인을 고르세요"
        assert view.empty.primary_button.text() == "라이브러리 열기"
        switch("en")
        assert view.empty.title_label.text() == "Pick a design to describe"
    finally:
        close_app(app)


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
def test_in_korean_the_studio_cuts_no_words(qtbot, qapp, tiny_sd15, english_after, kiosk):
    app = open_kiosk(qtbot, qapp, (1280, 800)) if kiosk else open_app(qtbot, (1280, 800))
    try:
        app.design_vm.prompt = LONG_PROMPT
        switch("ko")
        qtbot.wait(10)  # laid out again with the Korean words
        studio, controls = app.studio, app.studio.controls
        check_header(studio)
        check_starting_point(controls)
        tiles = controls.base_options.views.tiles.values()
        for widget in (*tiles, controls.keep_shape):  # the SM6 artwork's views in view (Repaint: designers only)
            assert controls.viewport().rect().contains(_inside(widget, controls.viewport())), widget.accessibleName()
        if not kiosk:  # the designer's views and Repaint push "What the model sees" down: without them, all fits
            app.design_vm.source = "none"
            qtbot.wait(10)
        assert controls.verticalScrollBar().maximum() == 0  # everything still fits without scrolling
        for button in (studio.generate, studio.cancel):
            words = QFontMetrics(button.font()).horizontalAdvance(button.text()) + button.iconSize().width()
            assert button.width() >= words, f"{button.text()} is cut"
        if not kiosk:
            check_advanced_fits(qtbot, controls)
    finally:
        close_app(app)
