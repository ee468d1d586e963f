"""The Wallet in Korean and back to English while it runs: the same widgets, nothing rebuilt, what the person typed
or chose kept, and the words that follow the state (the lock note, the minter note, the network, the review, a
banner) said again in the new language. Real parts: scrypt keystores and the py-evm sandbox chain."""

from __future__ import annotations

import pytest

from tests.fixtures.wallet_setup import PASSWORD, open_new_wallet
from tests.ui.wallet_helpers import WAIT_MS, open_wallet_view, wallet_page
from ui.i18n import apply_language
from ui.wallet.mint_dialog import PUBLISHING_STARTED, MintDialog

WINNER = "0x" + "7" * 40


@pytest.fixture
def language():
    """Switch the running app's language; English again afterwards, whatever happened."""
    yield apply_language
    apply_language("en")


@pytest.fixture
def view(qtbot, chain_service):
    return open_wallet_view(qtbot, chain_service, (1280, 800))


def test_set_up_and_unlock_switch_language_keeping_what_was_typed(qtbot, view, language):
    assert wallet_page(view) == "onboarding"
    language("ko")
    qtbot.waitUntil(lambda: view.title.text() == "지갑")
    assert view.onboarding.primary_button.text() == "지갑 만들기"
    assert view.onboarding.secondary_button.text() == "지갑 가져오기"
    language("en")
    qtbot.waitUntil(lambda: view.title.text() == "Wallet")
    assert view.onboarding.primary_button.text() == "Create a wallet"

    dialog = view.open_account_dialog("create")
    dialog.name.setText("쇼룸 지갑")
    dialog.password.setText(PASSWORD)
    language("ko")
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "지갑 만들기")
    assert dialog.windowTitle() == "지갑 만들기" and dialog.cancel_button.text() == "취소"
    assert dialog.name.text() == "쇼룸 지갑" and dialog.password.text() == PASSWORD  # typed, kept
    dialog.confirmation.setText(PASSWORD)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: wallet_page(view) == "locked", timeout=WAIT_MS)
    assert view.unlock_button.text() == "잠금 해제" and view.password.placeholderText() == "비밀번호"
    assert view.lock_note.text() == "방금 설정한 비밀번호로 새 계정의 잠금을 해제하세요."

    view.password.setText("한글 비밀번호 아님")
    language("en")
    qtbot.waitUntil(lambda: view.unlock_button.text() == "Unlock")
    assert view.lock_note.text() == "Unlock the new account with the password you just set."  # the note, said again
    assert view.password.text() == "한글 비밀번호 아님"  # typed, kept
    assert view.account_combo.currentData() == view.vm.address and view.account_combo.count() == 1


def test_the_unlocked_wallet_and_a_payout_review_follow_the_language(qtbot, view, language, tmp_path):
    open_new_wallet(view, lambda ready, what: qtbot.waitUntil(ready, timeout=WAIT_MS), funded=True)
    qtbot.waitUntil(lambda: "can mint" in view.minter_note.text(), timeout=WAIT_MS)
    view.network_combo.setCurrentIndex(view.network_combo.findData("sandbox"))
    language("ko")
    qtbot.waitUntil(lambda: view.lock_button.text() == "잠그기")
    assert view.network_chip.text() == "샌드박스 · 실제 돈 아님"
    assert view.minter_note.text() == "이 지갑은 캠페인 컨트랙트에서 민팅할 수 있습니다."
    assert view.faucet_button.text() == "테스트 KAIA 받기" and view.activity_card.title() == "활동 내역"
    assert [view.network_combo.itemText(i) for i in range(2)] == ["샌드박스 (테스트)", "Kairos 테스트넷"]
    assert view.network_combo.currentData() == "sandbox" and view.balance.text() == "100 KAIA"  # the choice, kept

    (tmp_path / "not a folder.txt").write_text("")
    send = view.open_send_dialog()
    qtbot.waitUntil(lambda: send.windowTitle() == "KAIA 보내기")
    send.recipient.setText(WINNER)
    send.amount.setText("12.5")
    send.memo.setText("경품 #1")
    assert send.form.labelForField(send.amount).text() == "금액 (KAIA)" and send.next_button.text() == "검토"
    send.next_button.click()
    qtbot.waitUntil(lambda: send.step == "review", timeout=WAIT_MS)
    assert send.next_button.text() == "확인 후 보내기" and send.review_box.title() == "서명할 내용"
    assert "받는 주소" in _review_names(send) and "최대 합계" in _review_names(send)

    language("en")
    qtbot.waitUntil(lambda: send.next_button.text() == "Confirm and send")
    assert send.step == "review" and send.back_button.text() == "Back"  # still the same review, said again
    assert "To" in _review_names(send) and "Total at most" in _review_names(send)
    assert "Sandbox · not real money" == send.network_chip.text()
    send.back_button.click()
    assert (send.recipient.text(), send.amount.text(), send.memo.text()) == (WINNER, "12.5", "경품 #1")
    send.reject()
    qtbot.waitUntil(lambda: view.lock_button.text() == "Lock")
    assert view.network_chip.text() == "Sandbox · not real money" and "can mint" in view.minter_note.text()

    view.vm.export_keystore(tmp_path / "not a folder.txt" / "keystore.json")  # a file where the folder should be
    qtbot.waitUntil(lambda: view.panel_error.isVisible(), timeout=WAIT_MS)
    assert view.panel_error.message() == "The keystore could not be saved there. Choose another folder."
    language("ko")
    qtbot.waitUntil(
        lambda: view.panel_error.message() == "그 위치에는 키스토어를 저장할 수 없습니다. 다른 폴더를 선택하세요."
    )


def test_a_mint_dialog_says_its_banner_again_in_the_new_language(qtbot, draft, language):
    dialog = MintDialog(None, draft, "0x" + "1" * 40, files_state=lambda: "local", publish=lambda: None)
    qtbot.addWidget(dialog)
    dialog.to_other.setChecked(True)
    dialog.other_address.setText(WINNER)
    dialog._on_publish_now()
    assert dialog.error.message() == PUBLISHING_STARTED
    language("ko")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Kaia에서 민팅")
    assert dialog.error.message().startswith("게시를 시작했습니다.")
    assert dialog.to_other.text() == "다른 주소" and dialog.recipient_box.title() == "받는 사람"
    assert dialog.to_other.isChecked() and dialog.other_address.text() == WINNER  # the choice and the address, kept
    language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Mint on Kaia")
    assert dialog.error.message() == PUBLISHING_STARTED and dialog.next_button.text() == "Review"


def _review_names(dialog) -> list[str]:
    grid = dialog.review
    return [
        grid.itemAtPosition(row, 0).widget().text() for row in range(grid.rowCount()) if grid.itemAtPosition(row, 0)
    ]
