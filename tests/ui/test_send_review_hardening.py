"""Money goes exactly where the review said (issue 14): driven through the real Send and Mint dialogs on the sandbox
chain, checking the chain's own balances and owners afterwards.

What the review shows is what the form says now, what is signed is what was reviewed, and the same payout,
confirmed twice, across two dialogs or after a crash, is paid once."""

from __future__ import annotations

import pytest
from eth_account import Account
from PySide6.QtWidgets import QWidget

from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from ui.wallet.mint_dialog import MintDialog
from ui.wallet.send_dialog import SendDialog
from ui.wallet.transaction_dialog import FORM_CHANGED

PASSWORD = "harbour lights over busan"
WAIT_MS = 60_000
KAIA = 10**18


class Interrupted(Exception):
    """Stands in for the process dying right after the signed bytes were saved."""


@pytest.fixture
def wallet(tmp_path):
    service = ChainService(tmp_path / "data", lambda: ChainSettings())
    service.store.kdf_n = 2**12  # real scrypt, cheap
    address = service.create_account("Prizes", PASSWORD).result(60).address
    service.unlock(address, PASSWORD).result(60)
    service.faucet(address).result(60)  # 100 test KAIA
    yield service, address
    service.close()


@pytest.fixture
def window(qtbot):
    """The dialogs' parent, as the wallet view is in the app. (A parentless dialog whose finished task is freed by
    pytest-qt's bare processEvents() after a waitSignal crashes inside Qt; the app never has one.)"""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def on_chain(service, fn):
    """Ask the chain on the service's own worker thread (py-evm is not thread-safe)."""
    return service.submit(lambda: fn(service._connect())).result(60)


def balance(service, address: str) -> int:
    return on_chain(service, lambda client: client.balance(address))


def open_send(window, service, address, to="", amount="", note="") -> SendDialog:
    dialog = SendDialog(service, address, window)
    dialog.open()
    dialog.recipient.setText(to)
    dialog.amount.setText(amount)
    dialog.memo.setText(note)
    return dialog


def review(qtbot, dialog) -> dict[str, str]:
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
    return shown(dialog)


def shown(dialog) -> dict[str, str]:
    rows = {}
    for r in range(dialog.review.rowCount()):
        key, value = dialog.review.itemAtPosition(r, 0).widget(), dialog.review.itemAtPosition(r, 1).widget()
        rows[key.text()] = value.full_text() if hasattr(value, "full_text") else value.text()
    return rows


def confirm(qtbot, dialog):
    with qtbot.waitSignal(dialog.sig_finished, timeout=WAIT_MS) as done:
        dialog.next_button.click()
    return done.args[0]


@pytest.mark.parametrize(
    ("first_to", "first_amount", "words"),
    [
        ("winner", "1000", "enough KAIA"),  # refused by the chain: more than the wallet holds
        ("0x" + "0" * 40, "5", "Nobody owns that address"),
        ("0x000000000000000000000000000000000000dEaD", "5", "Nobody owns that address"),
        ("self", "5", "own address"),
        ("winner", "1,5", "point for decimals"),
        ("winner", "²", "digits 0 to 9"),
        ("winner", "1e400", "without an exponent"),
        ("winner", "NaN", "must be a number"),
    ],
)
def test_a_refused_review_then_corrected_shows_and_pays_the_new_values(
    qtbot, window, wallet, first_to, first_amount, words
):
    service, address = wallet
    first, second = Account.create().address, Account.create().address
    typed = {"winner": first, "self": address}.get(first_to, first_to)
    dialog = open_send(window, service, address, typed, first_amount, "Prize #1")
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.next_button.isEnabled(), timeout=WAIT_MS)
    assert words in dialog.error.message() and dialog.step == "recipient"
    assert service.mints().result(60) == []  # a refused review leaves nothing that could be paid later

    dialog.recipient.setText(second)
    dialog.amount.setText("7")
    dialog.memo.setText("Prize #2")
    rows = review(qtbot, dialog)
    assert rows["To"] == second and rows["Amount"] == "7 KAIA" and rows["Note"] == "Prize #2"
    record = confirm(qtbot, dialog)
    assert record.state == "confirmed" and record.recipient == second and record.value == 7 * KAIA
    assert balance(service, second) == 7 * KAIA and balance(service, first) == 0
    assert [m.recipient for m in service.mints().result(60)] == [second]


@pytest.mark.parametrize("how", ["back-button", "edited-under-review", "edited-while-loading"])
def test_a_payout_edited_after_its_review_is_reviewed_again_before_anything_is_signed(qtbot, window, wallet, how):
    service, address = wallet
    old, new = Account.create().address, Account.create().address
    dialog = open_send(window, service, address, old, "5")
    if how == "edited-while-loading":
        dialog.next_button.click()  # the review is on its way ...
        dialog.recipient.setText(new)  # ... when the person corrects the form
        dialog.amount.setText("7")
        qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
    else:
        assert review(qtbot, dialog)["To"] == old
        if how == "back-button":
            dialog.back_button.click()
            assert dialog.step == "recipient" and dialog.request_box.isVisibleTo(dialog)
        dialog.recipient.setText(new)
        dialog.amount.setText("7")
        if how == "back-button":
            review(qtbot, dialog)
        else:
            dialog.next_button.click()  # Confirm, with the form changed since the review: nothing is signed
            assert FORM_CHANGED in dialog.error.message() and dialog.step == "recipient"
            qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
            assert balance(service, old) == 0 and service.mints().result(60) == []
    rows = shown(dialog)
    assert rows["To"] == new and rows["Amount"] == "7 KAIA"
    record = confirm(qtbot, dialog)
    assert record.recipient == new and record.signatures == 1
    assert balance(service, new) == 7 * KAIA and balance(service, old) == 0


def test_confirming_the_same_payout_twice_or_from_two_dialogs_pays_once(qtbot, window, wallet):
    service, address = wallet
    winner = Account.create().address
    first = open_send(window, service, address, winner, "5", "Prize #1")
    second = open_send(window, service, address, winner, "5.0", " Prize   #1 ")  # the same values, written otherwise
    review(qtbot, first)
    review(qtbot, second)  # both reviewed before either is confirmed: neither knows of the other
    first.next_button.click()
    first.next_button.click()  # a double click: the button is already busy
    again = service.confirm(first.quote)  # and the same confirmation once more, straight to the service
    qtbot.waitUntil(lambda: first.step == "done", timeout=WAIT_MS)
    paid = first.record
    assert again.result(60).id == paid.id
    assert confirm(qtbot, second).id == paid.id and second.result_box.title() == "Sent 5 KAIA"
    assert balance(service, winner) == 5 * KAIA
    (record,) = service.mints().result(60)
    assert record.signatures == 1 and record.memo == "Prize #1"


def test_a_payout_cut_off_by_a_crash_is_finished_not_paid_again(qtbot, window, wallet):
    service, address = wallet
    winner = Account.create().address

    def crash(_record):
        raise Interrupted

    dialog = open_send(window, service, address, winner, "5")
    review(qtbot, dialog)
    service.outbox.hooks["signed"] = crash
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT_MS)
    assert "problem in the app" in dialog.error.message() and "Interrupted" not in dialog.error.message()
    assert "Interrupted" in dialog.error.details_box.toPlainText()  # behind "Show details"
    assert [m.state for m in service.mints().result(60)] == ["signed"] and balance(service, winner) == 0
    service.outbox.hooks.clear()

    retry = open_send(window, service, address, winner, "5")  # the person tries again, unsure it went
    retry.next_button.click()
    qtbot.waitUntil(lambda: retry.step == "done", timeout=WAIT_MS)  # the saved bytes are sent, nothing new signed
    (record,) = service.reconcile().result(60)
    assert record.state == "confirmed" and record.signatures == 1
    assert balance(service, winner) == 5 * KAIA


@pytest.mark.parametrize(("note", "asked"), [("Prize #1", True), ("Prize #2", False)])
def test_the_same_values_after_a_landed_payout_are_another_payout_only_on_purpose(qtbot, window, wallet, note, asked):
    service, address = wallet
    winner = Account.create().address
    first = open_send(window, service, address, winner, "5", "Prize #1")
    review(qtbot, first)
    confirm(qtbot, first)
    dialog = open_send(window, service, address, winner, "5", note)
    review(qtbot, dialog)
    assert dialog.error.isVisible() is asked
    if asked:
        assert dialog.error.severity() == "warning" and "already sent to this address" in dialog.error.message()
    record = confirm(qtbot, dialog)  # confirmed on purpose: a second payout
    assert record.state == "confirmed" and record.memo == note
    assert balance(service, winner) == 10 * KAIA and len(service.mints().result(60)) == 2


def owner_of(service, token_id: int) -> str:
    return on_chain(service, lambda client: client.contract.functions.ownerOf(token_id).call())


def test_a_mint_recipient_changed_after_the_review_is_reviewed_again(qtbot, window, wallet, draft):
    service, address = wallet
    visitor = Account.create().address
    dialog = MintDialog(service, draft, address, window)
    dialog.open()
    dialog.to_other.setChecked(True)
    for lost in ("0x" + "0" * 40, "0x000000000000000000000000000000000000dEaD"):
        dialog.other_address.setText(lost)
        dialog.next_button.click()
        assert "Nobody owns that address" in dialog.error.message() and dialog.step == "recipient"
    dialog.to_self.setChecked(True)
    assert review(qtbot, dialog)["To"] == address
    dialog.to_other.setChecked(True)  # changed under the review
    dialog.other_address.setText(visitor)
    dialog.next_button.click()
    assert FORM_CHANGED in dialog.error.message()
    qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
    assert shown(dialog)["To"] == visitor
    with qtbot.waitSignal(dialog.sig_minted, timeout=WAIT_MS) as minted:
        dialog.next_button.click()
    assert minted.args[0].recipient == visitor and owner_of(service, minted.args[0].token_id) == visitor


def test_a_mint_signs_the_review_confirmed_even_after_another_review_of_the_same_design(wallet, draft):
    service, address = wallet
    first, second = Account.create().address, Account.create().address
    reviewed = service.quote_mint(draft, first).result(60)
    service.quote_mint(draft, second).result(60)  # another dialog reviews the same design for someone else
    done = service.confirm(reviewed).result(60)  # the first is confirmed: it is what was reviewed that is signed
    assert done.state == "minted" and done.recipient == first and owner_of(service, done.token_id) == first
    later = service.quote_mint(draft, second).result(60)  # one mint per design: the other review now shows it done
    assert later.record.id == done.id and later.record.done
