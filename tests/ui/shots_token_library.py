"""Screenshots of the Token and Library workspaces in English and Korean, for looking at (not part of the suite: its
name is not test_*): a described design's token and a library with a search and a selection, at the workspace's size
in a 1280×800 and a 1920×1080 window.

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots16 .venv/bin/python -m pytest -q tests/ui/shots_token_library.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fixtures.designs import add_plain_design
from tests.ui.test_library_view import new_design, reloaded
from tests.ui.token_helpers import token_ready, token_view_for
from tests.ui.waits import laid_out
from ui.i18n import apply_language
from ui.theme import apply_theme

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots16"))
SIZES = {"1280x800": (1192, 770), "1920x1080": (1832, 1050)}  # the window minus the navigation rail and status bar


@pytest.mark.parametrize("size", SIZES)
def test_token_view_in_both_languages(qtbot, library, size):
    OUT.mkdir(parents=True, exist_ok=True)
    design = add_plain_design(library, "pearl white with rose-gold trim", size=(768, 512))
    library.save_description(
        design.id, "ko", "부산의 밤을 닮은 펄 화이트 SM6. 로즈골드 트림이 항구의 불빛을 받아 빛납니다."
    )
    library.save_description(design.id, "en", "A pearl white SM6 that looks like a Busan night.")
    view = token_view_for(library)
    qtbot.addWidget(view)
    view.resize(*SIZES[size])
    view.set_design(design)
    view.show()
    qtbot.waitExposed(view)
    token_ready(qtbot, view)
    try:
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(lambda: view.mint_button.text() == ("Kaia에서 민팅" if lang == "ko" else "Mint on Kaia"))
            view.publish_card.show()
            view.publish_card.show_job(None, busy=False, setup_problem="", can_publish=True)
            laid_out(qtbot, view)
            view.grab().save(str(OUT / f"token-{lang}-{size}.png"))
            view.tabs.setCurrentIndex(1)
            laid_out(qtbot, view)
            view.grab().save(str(OUT / f"token-json-{lang}-{size}.png"))
            view.tabs.setCurrentIndex(0)
    finally:
        apply_language("en")


@pytest.mark.parametrize("size", SIZES)
def test_library_view_in_both_languages(qtbot, library, library_views, size):
    OUT.mkdir(parents=True, exist_ok=True)
    for i, prompt in enumerate(["gold sm6 at dusk", "silver sm6", "gold trim by the harbour", "pearl white"]):
        library.add(new_design(prompt, i))
    view = library_views(library)
    view.resize(*SIZES[size])
    qtbot.waitUntil(lambda: view.model.is_ready, timeout=5000)
    try:
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(lambda: view.title_label.text() == ("라이브러리" if lang == "ko" else "Library"))
            with reloaded(qtbot, view):
                view.search_edit.setText("gold")
                view.search_edit.returnPressed.emit()
            laid_out(qtbot, view)
            view.grab().save(str(OUT / f"library-{lang}-{size}.png"))
            with reloaded(qtbot, view):
                view.search_edit.setText("zeppelin")
                view.search_edit.returnPressed.emit()
            laid_out(qtbot, view)
            view.grab().save(str(OUT / f"library-none-{lang}-{size}.png"))
            view.clear_search()
    finally:
        apply_language("en")


@pytest.mark.parametrize("size", SIZES)
def test_library_after_a_removal_in_both_languages(qtbot, qapp, library, library_views, size):
    OUT.mkdir(parents=True, exist_ok=True)
    for i, prompt in enumerate(["gold sm6 at dusk", "silver sm6", "gold trim by the harbour", "pearl white"]):
        library.add(new_design(prompt, i))
    view = library_views(library)
    view.resize(*SIZES[size])
    qtbot.waitUntil(lambda: view.selected_design() is not None, timeout=5000)
    view.remove_selected()
    qtbot.waitUntil(view.removed_banner.isVisible, timeout=5000)
    view.vm.saved = OUT / "sm6-gold-trim-by-the-harbour-1002.png"  # as a Save as… leaves it
    try:
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(lambda: view.title_label.text() == ("라이브러리" if lang == "ko" else "Library"))
            laid_out(qtbot, view)
            view.grab().save(str(OUT / f"library-removed-{lang}-{size}.png"))
        apply_theme(qapp, "light")  # the conftest puts the dark theme back afterwards
        laid_out(qtbot, view)
        view.grab().save(str(OUT / f"library-removed-light-{size}.png"))
    finally:
        apply_language("en")
