"""The error banner says a core error in the language the front end installed (by the error's message id), keeps the
technical details as they are, and falls back to English when there is no translation."""

from __future__ import annotations

import pytest

from app.chain import errors as chain_errors
from app.errors import UserFacingError
from app.generation.messages import SOURCE_GONE, STEPS_OUT_OF_RANGE
from app.messages import set_translator
from ui.widgets.error_banner import GENERIC_MESSAGE, ErrorBanner, plain_words

KOREAN = {
    "chain.insufficient_funds": "이 지갑에는 거래와 수수료를 낼 KAIA가 부족합니다. KAIA를 추가한 뒤 다시 시도하세요.",
    "generation.steps_out_of_range": "단계 수는 1에서 {max_steps} 사이여야 합니다 (입력: {steps}).",
    "generation.source_gone": "다듬을 디자인이 더 이상 라이브러리에 없습니다.",
}


@pytest.fixture
def korean():
    set_translator(lambda id, english: KOREAN.get(id, english))
    yield KOREAN
    set_translator(None)


@pytest.fixture
def banner(qtbot):
    widget = ErrorBanner()
    qtbot.addWidget(widget)
    widget.resize(720, 120)
    return widget


@pytest.mark.parametrize(
    "error, korean_text",
    [
        (
            chain_errors.from_node_message("insufficient funds for gas * price + value"),
            KOREAN["chain.insufficient_funds"],
        ),
        (UserFacingError(STEPS_OUT_OF_RANGE(max_steps=150, steps=0)), "단계 수는 1에서 150 사이여야 합니다 (입력: 0)."),
        (UserFacingError(SOURCE_GONE()), KOREAN["generation.source_gone"]),
    ],
    ids=["node-error", "moved-params", "no-params"],
)
def test_plain_words_render_a_core_error_in_the_installed_language(error, korean_text, korean):
    message, details = plain_words(error)
    assert message == korean_text
    assert details == error.details
    set_translator(None)
    assert plain_words(error)[0] == str(error)  # English again without a translator


def test_an_untranslated_error_stays_english_and_other_exceptions_stay_generic(korean):
    untranslated = chain_errors.unreachable("Kairos", "connect timeout")
    assert plain_words(untranslated) == (untranslated.msg.english(), "connect timeout")
    message, details = plain_words(RuntimeError("internal state 0x1f"))
    assert message == GENERIC_MESSAGE and "0x1f" not in message and "0x1f" in details


def test_the_banner_shows_a_translated_error_with_its_details(banner, korean, tmp_path):
    error = chain_errors.from_node_message("insufficient funds for gas * price + value")
    banner.show_exception(error)
    assert banner.message() == KOREAN["chain.insufficient_funds"]
    assert banner.details_box.toPlainText() == "insufficient funds for gas * price + value"
    banner.show_message(SOURCE_GONE(), severity="warning")  # a Message straight from the core
    assert banner.message() == KOREAN["generation.source_gone"] and banner.severity() == "warning"
    banner.show_exception(error)
    banner.grab().save(str(tmp_path / "banner-korean.png"))
