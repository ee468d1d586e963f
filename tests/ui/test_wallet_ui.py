"""The Wallet workspace and minting, with real parts: keystore files encrypted with scrypt, the py-evm sandbox
chain in process, the exactly-once mint outbox, and the Token view's "Mint on Kaia" leading to a receipt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.chain.networks import checked_address
from app.kiosk import KIOSK
from app.library.store import Library
from app.token.assemble import assemble_token
from tests.fixtures.designs import add_plain_design
from tests.fixtures.wallet_setup import open_new_wallet
from tests.ui.token_helpers import token_ready
from tests.ui.waits import laid_out
from tests.ui.wallet_helpers import NETWORKS, WAIT_MS, open_wallet_view, wallet_page
from ui.wallet import wallet_view
from ui.wallet.mint_dialog import MintDialog
from ui.wallet.wallet_view import WalletView
from ui.wallet.wallet_vm import WalletViewModel

PASSWORD = "harbour lights over busan"


@pytest.fixture
def view(qtbot, chain_service):
    return open_wallet_view(qtbot, chain_service, (1184, 752))


def create_and_unlock(qtbot, view, name="Showroom wallet"):
    assert wallet_page(view) == "onboarding"
    dialog = view.open_account_dialog("create")
    dialog.name.setText(name)
    dialog.password.setText("short")
    dialog.confirmation.setText("short")
    dialog.ok_button.click()
    assert "at least 8" in dialog.error.message()  # refused at once, nothing written
    dialog.password.setText(PASSWORD)
    dialog.confirmation.setText(PASSWORD)
    assert dialog.strength_label.text() in ("Good", "Strong")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: wallet_page(view) == "locked", timeout=WAIT_MS)
    view.password.setText(PASSWORD)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: wallet_page(view) == "panel", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.overview is not None, timeout=WAIT_MS)


def test_create_unlock_fund_lock_and_unlock_again(qtbot, view, chain_service, tmp_path):
    create_and_unlock(qtbot, view)
    address = view.address
    assert view.address_field.value() == address and address == checked_address(address)
    assert view.balance.text() == "0 KAIA"
    assert view.network_chip.text() == "Sandbox · not real money" and view.network_chip.variant() == "warning"
    assert not view.qr.pixmap().isNull()
    view.faucet_button.click()
    qtbot.waitUntil(lambda: view.balance.text() == "100 KAIA", timeout=WAIT_MS)
    assert "can mint" in view.minter_note.text()
    view.grab().save(str(tmp_path / "wallet-panel.png"))

    view.lock_button.click()
    qtbot.waitUntil(lambda: wallet_page(view) == "locked", timeout=WAIT_MS)
    assert chain_service.unlocked_address() is None
    view.password.setText("not the password")
    view.unlock_button.click()
    qtbot.waitUntil(lambda: view.unlock_error.isVisible(), timeout=WAIT_MS)
    assert "password is not right" in view.unlock_error.message()
    view.grab().save(str(tmp_path / "wallet-locked.png"))
    view.password.setText(PASSWORD)
    qtbot.keyClick(view.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wallet_page(view) == "panel" and view.balance.text() == "100 KAIA", timeout=WAIT_MS)


def test_wallet_locks_itself_when_idle(qtbot, view, chain_service):
    create_and_unlock(qtbot, view)
    chain_service.session.idle_timeout_s = 0.05
    qtbot.waitUntil(lambda: wallet_page(view) == "locked", timeout=WAIT_MS)
    assert "automatically" in view.lock_note.text()


def test_mint_the_previewed_token_to_a_receipt(qtbot, view, chain_service, tmp_path):
    create_and_unlock(qtbot, view)
    view.faucet_button.click()
    qtbot.waitUntil(lambda: view.balance.text() == "100 KAIA", timeout=WAIT_MS)
    library = Library.open(tmp_path / "library")
    try:
        design = add_plain_design(library)
        library.save_description(design.id, "en", "A pearl white SM6 under Busan's harbour lights.")
        draft = assemble_token(library, design, language="en")
    finally:
        library.close()

    dialog = MintDialog(chain_service, draft, view.address, view)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.to_other.setChecked(True)
    dialog.other_address.setText(view.address[:-1])  # a character short
    dialog.next_button.click()
    assert "not a Kaia address" in dialog.error.message()
    typo = view.address[:2] + view.address[2:].swapcase()  # every capital wrong: fails the checksum
    dialog.other_address.setText(typo)
    dialog.next_button.click()
    assert "typo" in dialog.error.message() and dialog.step == "recipient"
    dialog.to_self.setChecked(True)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
    shown = {}
    for r in range(dialog.review.rowCount()):
        key, value = dialog.review.itemAtPosition(r, 0).widget(), dialog.review.itemAtPosition(r, 1).widget()
        shown[key.text()] = value.full_text() if hasattr(value, "full_text") else value.text()
    assert shown["From"] == view.address and shown["To"] == view.address
    assert shown["Token URI"] == draft.token_uri and shown["Nonce"] == "0" and shown["Value"] == "0 KAIA"
    assert shown["Network"].startswith("Sandbox") and "at most" in shown["Fee"]
    laid_out(qtbot, dialog)  # the dialog fits itself to the step on the next pass
    dialog.grab().save(str(tmp_path / "mint-review.png"))
    with qtbot.waitSignal(dialog.sig_minted, timeout=WAIT_MS) as minted:
        dialog.next_button.click()
    record = minted.args[0]
    assert record.state == "minted" and record.token_id == 1 and record.signatures == 1
    assert dialog.result_box.title() == "Minted token #1"
    laid_out(qtbot, dialog)
    dialog.grab().save(str(tmp_path / "mint-done.png"))

    view.refresh_overview()
    qtbot.waitUntil(lambda: len(view.activity.rows) == 1, timeout=WAIT_MS)
    assert view.activity.rows[0].chip.text() == "Minted" and "Token #1" in view.activity.rows[0].title.text()
    view.grab().save(str(tmp_path / "wallet-activity.png"))

    again = MintDialog(chain_service, draft, view.address, view)  # a second attempt at the same token signs nothing
    qtbot.addWidget(again)
    again.open()
    with qtbot.waitSignal(again.sig_minted, timeout=WAIT_MS) as second:
        again.next_button.click()
    assert second.args[0].id == record.id and second.args[0].signatures == 1


def test_mint_from_the_token_view_unlocks_first_then_shows_the_token(qtbot, tmp_path):
    from tests.ui.studio_helpers import close_app, open_app

    app = open_app(qtbot)
    try:
        app.start_background_work()
        library = app.services.library
        design = add_plain_design(library)
        library.save_description(design.id, "ko", "부산의 밤을 닮은 펄 화이트 SM6.")
        wallet = app.wallet_view
        qtbot.waitUntil(lambda: wallet_page(wallet) == "onboarding", timeout=WAIT_MS)
        dialog = wallet.open_account_dialog("create")
        dialog.password.setText(PASSWORD)
        dialog.confirmation.setText(PASSWORD)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: wallet_page(wallet) == "locked", timeout=WAIT_MS)

        app.token_view.set_design(design)
        app.window.show_workspace("token")
        token_ready(qtbot, app.token_view)
        app.token_view.mint_button.click()  # locked: the wallet asks for the password first
        assert app.window.current_workspace() == "wallet"
        assert "Unlock your wallet to mint" in wallet.pending_note.message() and wallet.pending_note.isVisible()
        wallet.password.setText(PASSWORD)
        wallet.unlock_button.click()
        qtbot.waitUntil(lambda: getattr(app, "mint_dialog", None) is not None, timeout=WAIT_MS)
        wallet.faucet_button.click()  # a newcomer's test KAIA and minter role
        qtbot.waitUntil(lambda: wallet.balance.text() == "100 KAIA", timeout=WAIT_MS)
        mint = app.mint_dialog
        mint.next_button.click()
        qtbot.waitUntil(lambda: mint.step == "review", timeout=WAIT_MS)
        with qtbot.waitSignal(mint.sig_minted, timeout=WAIT_MS):
            mint.next_button.click()
        assert app.token_view.token_id.text() == "#1" and app.token_view.mint_chip.text() == "minted"
        assert app.token_view.owner.full_text() == wallet.address and not app.token_view.mint_button.isEnabled()
        app.window.show_workspace("token")
        laid_out(qtbot, app.window)
        app.window.grab().save(str(tmp_path / "token-minted.png"))
    finally:
        close_app(app)


def test_network_settings_are_checked_and_a_dead_node_is_said_plainly(qtbot, tmp_path):
    from app.config import load_settings
    from tests.ui.studio_helpers import close_app, open_app

    app = open_app(qtbot)
    try:
        app.start_background_work()
        app.window.show_workspace("settings")
        page = app.settings_page
        card = page.chain_card
        card.kairos_contract.setText("0x1234")
        page.save_button.click()
        assert "Kairos contract address is not a valid address" in page.error_banner.message()
        assert page.focusWidget() is card.kairos_contract  # the cursor goes to the mistake
        card.kairos_contract.setText("")
        card.custom_rpc.setText("http://127.0.0.1:9")  # the discard port: nothing answers
        page.save_button.click()
        assert "chain id too" in page.error_banner.message()
        card.custom_chain_id.setText("1001")
        with qtbot.waitSignal(page.sig_settings_changed, timeout=WAIT_MS):
            page.save_button.click()
        assert load_settings().chain.custom_rpc == "http://127.0.0.1:9"
        laid_out(qtbot, app.window)
        app.window.grab().save(str(tmp_path / "settings-wallet.png"))

        wallet = app.wallet_view
        app.window.show_workspace("wallet")
        open_new_wallet(wallet, lambda ready, _what: qtbot.waitUntil(ready, timeout=WAIT_MS))
        wallet.network_combo.setCurrentIndex(wallet.network_combo.findData("custom"))
        wallet.network_combo.activated.emit(wallet.network_combo.currentIndex())
        assert wallet.network_chip.text() == "Kairos Testnet (custom node) · not real money"
        assert wallet.network_chip.variant() == "warning"
        qtbot.waitUntil(lambda: wallet.panel_error.isVisible(), timeout=WAIT_MS)
        assert "cannot be reached" in wallet.panel_error.message() and wallet.balance.text() == "—"
        assert wallet.faucet_button.isHidden() and wallet.minter_note.text() == ""  # nothing left from the sandbox
        assert load_settings().chain.network == "custom"
        laid_out(qtbot, app.window)
        app.window.grab().save(str(tmp_path / "wallet-offline.png"))
    finally:
        close_app(app)


def test_send_kaia_shows_what_is_signed_and_pays_once(qtbot, view, chain_service, tmp_path):
    from eth_account import Account

    create_and_unlock(qtbot, view)
    view.faucet_button.click()
    qtbot.waitUntil(lambda: view.balance.text() == "100 KAIA", timeout=WAIT_MS)
    winner = Account.create().address
    dialog = view.open_send_dialog()
    dialog.recipient.setText(winner)
    dialog.amount.setText("twelve")
    dialog.next_button.click()
    assert "not an amount of KAIA" in dialog.error.message() and dialog.step == "recipient"
    dialog.amount.setText("12.5")
    dialog.memo.setText("Prize #3")
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
    shown = {}
    for r in range(dialog.review.rowCount()):
        key, value = dialog.review.itemAtPosition(r, 0).widget(), dialog.review.itemAtPosition(r, 1).widget()
        shown[key.text()] = value.full_text() if hasattr(value, "full_text") else value.text()
    assert shown["To"] == winner and shown["Amount"] == "12.5 KAIA" and shown["Total at most"].startswith("12.5")
    laid_out(qtbot, dialog)
    dialog.grab().save(str(tmp_path / "send-review.png"))
    with qtbot.waitSignal(dialog.sig_finished, timeout=WAIT_MS) as sent:
        dialog.next_button.click()
    assert sent.args[0].state == "confirmed" and dialog.result_box.title() == "Sent 12.5 KAIA"
    qtbot.waitUntil(lambda: view.balance.text().startswith("87.4"), timeout=WAIT_MS)  # 100 − 12.5 − the fee
    dialog.close()
    # The same payout asked for again is shown as paid before; not confirmed, it pays nothing more.
    again = view.open_send_dialog()
    again.recipient.setText(winner)
    again.amount.setText("12.5")
    again.memo.setText("Prize #3")
    again.next_button.click()
    qtbot.waitUntil(lambda: again.step == "review", timeout=WAIT_MS)
    assert again.error.severity() == "warning" and "already sent to this address" in again.error.message()
    again.close()
    assert chain_service.outbox.get(sent.args[0].id).signatures == 1 and len(chain_service.outbox.mints()) == 1
    view.refresh_overview()
    qtbot.waitUntil(lambda: any("12.5 KAIA to" in row.title.text() for row in view.activity.rows), timeout=WAIT_MS)
    row = next(row for row in view.activity.rows if "12.5 KAIA" in row.title.text())
    assert row.chip.text() == "Sent" and row.detail.text() == "Prize #3"
    view.grab().save(str(tmp_path / "wallet-after-send.png"))


def test_rename_then_remove_with_a_warning_keeps_the_encrypted_file(qtbot, view, chain_service, tmp_path):
    create_and_unlock(qtbot, view)
    address = view.address
    view.rename_action.trigger()
    view._dialog.setTextValue("Prize wallet")
    view._dialog.accept()
    qtbot.waitUntil(lambda: view.account_name.text() == "Prize wallet", timeout=WAIT_MS)

    view.remove_action.trigger()
    box = view._question
    warning = box.text() + box.informativeText()
    assert "cannot be reached from this computer" in warning and address in warning
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)
    laid_out(qtbot, box)
    box.grab().save(str(tmp_path / "remove-warning.png"))
    box.button(box.StandardButton.Cancel).click()  # cancelling changes nothing
    qtbot.waitUntil(lambda: view._question is None)  # the answer was handled and the question freed
    assert wallet_page(view) == "panel" and chain_service.store.accounts()[0].name == "Prize wallet"

    view.remove_action.trigger()
    box = view._question
    next(b for b in box.buttons() if b.text() == "Remove").click()
    qtbot.waitUntil(lambda: wallet_page(view) == "onboarding", timeout=WAIT_MS)
    kept = list((tmp_path / "data" / "wallet" / "removed").glob(f"{address}*.json"))
    assert len(kept) == 1 and '"crypto"' in kept[0].read_text().lower()


def test_kiosk_wallet_offers_no_key_export_send_or_import(qtbot, chain_service):
    kiosk = WalletView(WalletViewModel(chain_service, show_activity=False), NETWORKS, policy=KIOSK)
    qtbot.addWidget(kiosk)
    kiosk.show()
    kiosk.start()
    qtbot.waitUntil(lambda: wallet_page(kiosk) == "onboarding", timeout=WAIT_MS)
    assert kiosk.onboarding.secondary_button is None or kiosk.onboarding.secondary_button.isHidden()
    assert kiosk.more_button.isHidden() and kiosk.send_button.isHidden() and kiosk.network_combo.isHidden()
    assert kiosk.activity.parentWidget().isHidden()  # no earlier visitor's token or address on screen


def test_at_a_kiosk_the_token_goes_to_the_visitors_address(qtbot, view, chain_service, tmp_path):
    from eth_account import Account

    create_and_unlock(qtbot, view)
    view.faucet_button.click()
    qtbot.waitUntil(lambda: view.balance.text() == "100 KAIA", timeout=WAIT_MS)
    library = Library.open(tmp_path / "library")
    try:
        design = add_plain_design(library)
        library.save_description(design.id, "ko", "부산의 밤을 닮은 펄 화이트 SM6.")
        draft = assemble_token(library, design)
    finally:
        library.close()
    dialog = MintDialog(chain_service, draft, view.address, view, policy=KIOSK)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.to_self.isHidden() and dialog.other_address.isEnabled()
    dialog.next_button.click()
    assert "not a Kaia address" in dialog.error.message()  # the kiosk's own wallet is never the default owner
    visitor = Account.create().address
    dialog.other_address.setText(visitor)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.sig_minted, timeout=WAIT_MS) as minted:
        dialog.next_button.click()
    assert minted.args[0].recipient == visitor


def test_a_refused_review_leaves_nothing_and_a_payout_that_never_landed_is_sent_again_once(qtbot, view, chain_service):
    from eth_account import Account

    create_and_unlock(qtbot, view)
    winner = Account.create().address
    dialog = view.open_send_dialog()
    dialog.recipient.setText(winner)
    dialog.amount.setText("5")
    dialog.next_button.click()  # no KAIA yet: refused at the review, and nothing is recorded that could pay later
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT_MS)
    assert "enough KAIA" in dialog.error.message() and dialog.step == "recipient"
    assert chain_service.outbox.mints() == []
    view.faucet_button.click()
    qtbot.waitUntil(lambda: view.balance.text() == "100 KAIA", timeout=WAIT_MS)
    dialog.next_button.click()  # reviewed again, now with KAIA
    qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)

    other = view.open_send_dialog()  # meanwhile another payout takes the wallet's next nonce
    other.recipient.setText(Account.create().address)
    other.amount.setText("1")
    other.next_button.click()
    qtbot.waitUntil(lambda: other.step == "review", timeout=WAIT_MS)
    with qtbot.waitSignal(other.sig_finished, timeout=WAIT_MS):
        other.next_button.click()
    other.close()
    dialog.next_button.click()  # signed with the nonce just used: refused by the node, it never lands
    qtbot.waitUntil(lambda: dialog.step == "recipient" and dialog.error.isVisible(), timeout=WAIT_MS)
    dialog.close()

    view.refresh_overview()
    qtbot.waitUntil(lambda: any(r.again_button for r in view.activity.rows), timeout=WAIT_MS)
    row = next(r for r in view.activity.rows if r.again_button)
    assert row.chip.text() == "Failed" and row.again_button.text() == "Send again…"
    row.again_button.click()
    again = view._dialog
    assert again.recipient.text() == winner and again.amount.text() == "5"
    again.next_button.click()
    qtbot.waitUntil(lambda: again.step == "review", timeout=WAIT_MS)
    assert not again.error.isVisible()  # it never landed: nothing to warn about
    with qtbot.waitSignal(again.sig_finished, timeout=WAIT_MS) as sent:
        again.next_button.click()
    assert sent.args[0].id == row.record.id and sent.args[0].state == "confirmed" and sent.args[0].signatures == 2
    assert chain_service._client.balance(winner) == 5 * 10**18  # paid once


def _answer_save_dialog(path) -> None:
    """Fill in Qt's own save dialog when it opens (it is modal: the answer is queued before the click)."""

    def answer(tries_left: int = 100) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):  # not open yet on a slow machine: look again shortly
            if tries_left:
                QTimer.singleShot(50, lambda: answer(tries_left - 1))
            return
        dialog.setDirectory(str(Path(path).parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    QTimer.singleShot(50, answer)


def test_export_keystore_saves_the_encrypted_file_and_a_bad_folder_is_said_plainly(
    qtbot, view, chain_service, tmp_path, monkeypatch
):
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # where the dialog starts: never the real home
    create_and_unlock(qtbot, view)
    address = view.address
    target = tmp_path / "exports" / "mine.json"
    target.parent.mkdir()
    _answer_save_dialog(target)
    view.export_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and view.panel_error.isVisible(), timeout=WAIT_MS)
    assert target.read_text() == chain_service.store.export_keystore(address)  # the stored bytes, still encrypted
    assert "still encrypted" in view.panel_error.message()

    # A folder nobody may write to, root included (the CI runs as root, so a chmod would not do). Chosen without the
    # dialog: Qt's dialog, shown /proc, reads /proc/kmsg to guess its type and hangs the window until the kernel logs.
    monkeypatch.setattr(wallet_view, "ask_save_path", lambda *args, **kwargs: Path("/proc/mine.json"))
    view.export_action.trigger()
    qtbot.waitUntil(lambda: "Choose another folder" in view.panel_error.message(), timeout=WAIT_MS)
    assert target.read_text() == chain_service.store.export_keystore(address)
