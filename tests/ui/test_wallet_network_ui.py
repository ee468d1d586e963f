"""The wallet against a real JSON-RPC node (Anvil on 127.0.0.1, chain id 1001 like Kairos): explorer links on the
receipt, a restart that settles what an earlier session left signed, and a mint asked for while offline."""

from __future__ import annotations

import pytest
from eth_account import Account
from PySide6.QtWidgets import QWidget

from app.chain import errors
from app.chain.client import ChainClient
from app.chain.mint_outbox import MintOutbox
from app.chain.service import OFFLINE_QUEUED, ChainService
from app.chain.settings import ChainSettings
from tests.ui.waits import laid_out
from ui.wallet.mint_dialog import MintDialog
from ui.wallet.wallet_view import WalletView
from ui.wallet.wallet_vm import PAGES, WalletViewModel

EXPLORER = "https://kairos.kaiascan.io"
WAIT_MS = 60_000
PASSWORD = "harbour lights over busan"


class Interrupted(Exception):
    pass


def _settings(node, token) -> ChainSettings:
    return ChainSettings(
        network="custom",
        custom_rpc=node.rpc_url,
        custom_chain_id=1001,
        custom_explorer=EXPLORER,
        custom_contract=token,
    )


def _unlocked(qtbot, service) -> str:
    account = service.create_account("Kiosk", PASSWORD).result(WAIT_MS / 1000)
    service.unlock(account.address, PASSWORD).result(WAIT_MS / 1000)
    return account.address


def test_the_receipt_links_to_kaiascan(qtbot, make_anvil, tmp_path, draft):
    node = make_anvil()
    token = node.deploy_token()
    service = ChainService(tmp_path / "data", lambda: _settings(node, token))
    try:
        address = _unlocked(qtbot, service)
        node.fund(token, address)
        window = QWidget()  # the app always parents the dialog to its main window
        qtbot.addWidget(window)
        dialog = MintDialog(service, draft, address, window)
        dialog.open()
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.step == "review", timeout=WAIT_MS)
        with qtbot.waitSignal(dialog.sig_minted, timeout=WAIT_MS) as minted:
            dialog.next_button.click()
        record = minted.args[0]
        assert dialog.tx_link.isVisibleTo(dialog) and dialog.token_link.isVisibleTo(dialog)
        assert dialog.tx_link.property("url") == f"{EXPLORER}/tx/{record.tx_hash}"
        assert dialog.token_link.property("url") == f"{EXPLORER}/nft/{token}/1"
        laid_out(qtbot, dialog)  # the dialog fits itself to the step on the next pass
        dialog.grab().save(str(tmp_path / "mint-receipt-links.png"))
    finally:
        service.close()


def test_a_restart_settles_what_was_left_signed_before_any_unlock(qtbot, make_anvil, tmp_path, draft):
    node = make_anvil()
    token = node.deploy_token()
    settings = _settings(node, token)
    account = Account.create()
    node.fund(token, account.address)
    client = ChainClient.connect(settings.selected_network(), timeout_s=5)

    def crash(_record):
        raise Interrupted

    outbox = MintOutbox(tmp_path / "data" / "chain" / "mints.sqlite3", hooks={"signed": crash})
    record = outbox.queue("custom", 1001, token, account.address, account.address, draft.token_uri, b"\x05" * 32)
    with pytest.raises(Interrupted):
        outbox.sign_and_send(record.id, account, client)  # signed and saved; the app died before broadcasting
    outbox.close()

    service = ChainService(tmp_path / "data", lambda: settings)
    view = WalletView(WalletViewModel(service), [("custom", "Custom node")])
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.sig_reconciled, timeout=WAIT_MS) as settled:
            view.start()
        (after,) = settled.args[0]
        if after.state == "sent":  # rebroadcast; anvil mines right after answering
            qtbot.waitUntil(lambda: client.receipt(after.tx_hash) is not None, timeout=WAIT_MS)
            after = service.reconcile().result(WAIT_MS / 1000)[0]
        assert after.state == "minted" and after.signatures == 1
        assert client.contract.functions.totalMinted().call() == 1
        assert PAGES[view.pages.currentIndex()] == "onboarding"  # no account here: nothing was unlocked to do it
    finally:
        service.close()


def test_a_mint_asked_for_offline_waits_unsigned_until_confirmed_online(qtbot, make_anvil, tmp_path, draft):
    node = make_anvil(state=tmp_path / "anvil-state.json")
    token = node.deploy_token()
    settings = _settings(node, token)
    service = ChainService(tmp_path / "data", lambda: settings)
    try:
        address = _unlocked(qtbot, service)
        node.fund(token, address)
        node.stop()  # offline
        with pytest.raises(errors.ChainError) as err:
            service.quote_mint(draft, address).result(WAIT_MS / 1000)
        assert err.value.msg == OFFLINE_QUEUED
        (waiting,) = service.mints().result(WAIT_MS / 1000)
        assert waiting.state == "waiting" and waiting.signatures == 0
        node.start()  # online again: confirming now signs, once
        quote = service.quote_mint(draft, address).result(WAIT_MS / 1000)
        assert quote.record.id == waiting.id
        done = service.confirm(quote).result(WAIT_MS / 1000)
        assert done.state == "minted" and done.signatures == 1 and done.token_id == 1
    finally:
        service.close()
