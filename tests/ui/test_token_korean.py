"""The Token workspace in Korean and back to English while it runs: its words switch on the widget already on screen
(never rebuilt), what the person chose stays chosen, and what it last said (a saved CAR file) is said again in the new
language."""

from __future__ import annotations

import pytest

from tests.fixtures.designs import add_plain_design
from tests.ui.token_helpers import open_token_view, token_ready, token_view_for
from ui.i18n import apply_language
from ui.token.publish_card import PublishCard

KO = "부산의 밤을 닮은 펄 화이트 SM6."
EN = "A pearl white SM6 that looks like a Busan night."


@pytest.fixture
def view(qtbot, library):
    design = add_plain_design(library, "pearl white with rose-gold trim", size=(96, 64))
    library.save_description(design.id, "ko", KO)
    library.save_description(design.id, "en", EN)
    return open_token_view(qtbot, library, design)


def test_the_token_listing_switches_to_korean_and_back_keeping_the_choices_and_the_notice(
    qtbot, view, tmp_path, back_to_english
):
    view.set_language("en")  # the token's own language, which the window's language must not change
    token_ready(qtbot, view)
    view.tabs.setCurrentIndex(1)  # the JSON tab
    view.vm.export_car(tmp_path / "token.car")
    qtbot.waitUntil(lambda: view.notice.message().startswith("Saved token.car"), timeout=5000)
    built = view.mint_button

    apply_language("ko")
    qtbot.waitUntil(lambda: view.mint_button.text() == "Kaia에서 민팅", timeout=5000)
    assert view.header.title.text() == "토큰"
    assert [view.tabs.tabText(0), view.tabs.tabText(1)] == ["미리 보기", "JSON"]
    assert view.traits_title.text() == "속성" and view.files.title() == "파일"
    assert view.mint_chip.text() == "아직 민팅되지 않음" and view.token_id.text() == "아직 민팅되지 않음"
    assert view.proof.keys[1].text() == "토큰 ID" and view.proof.token_link.text() == "KaiaScan에서 보기"
    assert view.json_page.keys[0].text() == "메타데이터 CID"
    assert view.profile_combo.currentText() == "IPFS 2025 (CIDv1)" and view.profile_combo.itemText(1).startswith("Kubo")
    assert view.export_button.text() == "CAR 내보내기…"
    assert view.mint_button.toolTip().startswith("이 토큰을 Kaia에서 민팅합니다")
    # The notice the CAR export left is said again, in Korean, with the file's name kept.
    assert view.notice.message() == "token.car 파일을 저장했습니다. CAR 파일을 받는 고정 서비스 어디에나 업로드하세요."
    # What the person chose is untouched: the token's language, the tab, the description shown.
    assert view.language == "en" and view.language_buttons["en"].isChecked()
    assert view.tabs.currentIndex() == 1 and view.description.text() == EN
    assert view.mint_button is built  # the same widget, re-labelled

    apply_language("en")
    qtbot.waitUntil(lambda: view.mint_button.text() == "Mint on Kaia", timeout=5000)
    assert view.header.title.text() == "Token" and view.tabs.tabText(0) == "Preview"
    assert view.mint_chip.text() == "not minted yet" and view.files.title() == "Files"
    assert view.notice.message().startswith("Saved token.car: upload it")
    assert view.language == "en" and view.tabs.currentIndex() == 1


def test_the_empty_token_page_speaks_korean(qtbot, library, back_to_english):
    view = token_view_for(library)
    qtbot.addWidget(view)
    apply_language("ko")
    qtbot.waitUntil(lambda: view.empty.primary_button.text() == "디자인 선택", timeout=5000)
    assert view.empty.title_label.text() == "디자인을 골라 토큰을 미리 보세요"
    assert "라이브러리에서 디자인을 고르고" in view.empty.text_label.text()
    apply_language("en")
    qtbot.waitUntil(lambda: view.empty.primary_button.text() == "Pick a design", timeout=5000)


def test_the_publish_card_says_its_state_again_in_the_new_language(qtbot, back_to_english):
    card = PublishCard()
    qtbot.addWidget(card)
    card.show_job(None, busy=False, setup_problem="", can_publish=True)
    assert card.chip.text() == "Local only" and card.button.text() == "Publish"

    apply_language("ko")
    qtbot.waitUntil(lambda: card.button.text() == "게시", timeout=5000)
    assert card.chip.text() == "이 컴퓨터에만 있음"
    assert card.text.text().startswith("이미지와 메타데이터가 아직 이 컴퓨터에만 있습니다.")
    assert card.state == "local" and card.button.isEnabled()

    apply_language("en")
    qtbot.waitUntil(lambda: card.button.text() == "Publish", timeout=5000)
    assert card.chip.text() == "Local only" and card.text.text().startswith("The image and metadata are only")
