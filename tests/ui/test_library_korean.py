"""The Library in Korean and back to English while it runs: the view on screen is re-labelled (never rebuilt), the
search typed and the design selected stay, the count and the empty states are said again in the new language, and so
is an error the Library showed."""

from __future__ import annotations

import pytest

from tests.ui.test_library_view import new_design, reloaded
from ui.i18n import apply_language


@pytest.fixture
def make_view(library_views, library, qtbot):
    """A Library view once its first listing has come back from the worker thread."""

    def make():
        view = library_views(library)
        qtbot.waitUntil(lambda: view.model.is_ready, timeout=5000)
        return view

    return make


def search_for(qtbot, view, text: str) -> None:
    with reloaded(qtbot, view):
        view.search_edit.setText(text)
        view.search_edit.returnPressed.emit()


def test_the_library_switches_to_korean_and_back_keeping_the_search_and_the_selection(
    qtbot, make_view, library, back_to_english
):
    for i, prompt in enumerate(["gold sm6", "silver sm6", "gold trim at dusk"]):
        library.add(new_design(prompt, i))
    view = make_view()
    search_for(qtbot, view, "gold")
    view.select_design(view.model.design_at(1).id)
    chosen = view.selected_design().id
    assert view.count_label.full_text() == "2 designs matching “gold”"

    apply_language("ko")
    qtbot.waitUntil(lambda: view.title_label.text() == "라이브러리", timeout=5000)
    assert view.favourites_button.text() == "즐겨찾기"
    assert view.search_edit.placeholderText() == "프롬프트 검색…"
    assert view.count_label.full_text() == "“gold” 검색 결과 디자인 2개"
    details = view.details
    assert details.open_button.text() == "스튜디오에서 열기" and details.prompt_caption.text() == "프롬프트"
    assert [c.text() for c in details.fact_captions] == ["스타일", "시드", "크기", "모델", "만든 날짜"]
    assert details.delete_button.text() == "라이브러리에서 삭제"
    assert details.favourite_button.accessibleName() == "즐겨찾기에 추가"
    # The open button still fits beside the star, however long its Korean words are.
    assert details.open_button.width() >= details.open_button.fontMetrics().horizontalAdvance("스튜디오에서 열기")
    # The person's work is untouched: the search typed and the design selected.
    assert view.search_edit.text() == "gold" and view.selected_design().id == chosen

    apply_language("en")
    qtbot.waitUntil(lambda: view.title_label.text() == "Library", timeout=5000)
    assert view.favourites_button.text() == "Favourites" and details.open_button.text() == "Open in the studio"
    assert view.count_label.full_text() == "2 designs matching “gold”"
    assert view.search_edit.text() == "gold" and view.selected_design().id == chosen


def test_empty_states_and_errors_are_said_again_in_the_new_language(qtbot, make_view, library, back_to_english):
    gone = library.add(new_design("gold sm6", 0))
    view = make_view()
    search_for(qtbot, view, "zeppelin")
    assert view.stack.currentWidget() is view.no_results
    library.delete(gone.id)
    view.vm.toggle_favourite(gone)  # a star on a design that has just left the library
    qtbot.waitUntil(lambda: view.error_banner.isVisible(), timeout=5000)

    apply_language("ko")
    qtbot.waitUntil(lambda: view.no_results.primary_button.text() == "검색어 지우기", timeout=5000)
    assert view.no_results.title_label.text() == "“zeppelin”와(과) 일치하는 디자인이 없습니다"
    assert view.no_results.text_label.text().startswith("맞춤법을 확인하거나")
    assert view.error_banner.message() == "이 디자인은 더 이상 라이브러리에 없습니다. 새로 고쳐 목록을 업데이트하세요."
    assert view.search_edit.text() == "zeppelin"

    apply_language("en")
    qtbot.waitUntil(lambda: view.no_results.primary_button.text() == "Clear search", timeout=5000)
    assert view.no_results.title_label.text() == "No designs match “zeppelin”"
    assert view.error_banner.message().startswith("This design is no longer in the library.")


def test_the_empty_library_and_the_undo_offer_speak_korean(qtbot, make_view, library, back_to_english):
    apply_language("ko")
    empty = make_view()
    qtbot.waitUntil(lambda: empty.stack.currentWidget() is empty.empty_library, timeout=5000)
    assert empty.empty_library.title_label.text() == "만든 디자인이 여기에 표시됩니다"
    assert empty.empty_library.primary_button.text() == "디자인 스튜디오로 이동"

    library.add(new_design("gold sm6", 0))
    library.add(new_design("pearl sm6", 1))
    view = make_view()
    qtbot.waitUntil(lambda: view.selected_design() is not None, timeout=5000)
    view.remove_selected()
    qtbot.waitUntil(lambda: view.removed_banner.isVisible(), timeout=5000)
    assert view.removed_banner.message() == "“pearl sm6” 디자인을 라이브러리에서 삭제했습니다."
    assert view.removed_banner.action_button.text() == "실행 취소"
    view.remove_selected()
    qtbot.waitUntil(lambda: len(view.vm.removed) == 2, timeout=5000)
    assert view.removed_banner.message() == "디자인 2개를 라이브러리에서 삭제했습니다."
    apply_language("en")  # said again in the new language
    qtbot.waitUntil(lambda: view.removed_banner.message() == "2 designs were removed from the library.", timeout=5000)
    assert view.removed_banner.action_button.text() == "Undo"
