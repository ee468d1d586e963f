"""The Wallet workspace's view-model on a real ChainService (scrypt keystores, the py-evm sandbox) and its change
feed: a mint asked for before there is a wallet waits through set-up and unlock, and is gone once handed on or
dismissed; what the chain changes elsewhere reaches the page without a refresh."""

from __future__ import annotations

import pytest

from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from app.changes import ChangeFeed
from tests.fixtures.wallet_setup import PASSWORD
from ui.wallet.wallet_view import WalletView
from ui.wallet.wallet_vm import WalletViewModel

WAIT_MS = 60_000
NETWORKS = [("sandbox", "Sandbox (test)"), ("kairos", "Kairos testnet")]


@pytest.fixture
def feed():
    return ChangeFeed()


@pytest.fixture
def chain(tmp_path, feed):
    service = ChainService(tmp_path / "data", lambda: ChainSettings(), changes=feed)
    yield service
    service.close()


@pytest.fixture
def vm(qtbot, chain):
    model = WalletViewModel(chain)
    view = WalletView(model, NETWORKS)  # bound, so every state is also drawn
    qtbot.addWidget(view)
    model.start()
    qtbot.waitUntil(lambda: model.page != "loading", timeout=WAIT_MS)
    return model


def _add_account(qtbot, vm, chain):
    account = chain.create_account("Showroom", PASSWORD).result(WAIT_MS / 1000)
    vm.account_added(account)  # as the account dialog reports it
    qtbot.waitUntil(lambda: vm.page == "locked", timeout=WAIT_MS)
    return account


@pytest.mark.parametrize("wrong", ["", "not the password", PASSWORD.upper()])
def test_a_pending_mint_waits_through_set_up_and_a_wrong_password_then_goes_on(qtbot, vm, chain, draft, wrong):
    assert vm.page == "onboarding"
    handed: list = []
    vm.sig_mint.connect(lambda d, address: handed.append((d, address)))
    vm.request_mint(draft)
    assert vm.pending_mint is draft and vm.pending_text().startswith("Set up a wallet to mint")
    account = _add_account(qtbot, vm, chain)
    assert vm.pending_mint is draft and vm.pending_text().startswith("Unlock your wallet to mint")
    vm.unlock(wrong)
    qtbot.waitUntil(lambda: vm.unlock_error is not None, timeout=WAIT_MS)
    assert vm.pending_mint is draft and handed == [] and vm.page == "locked"
    assert "Errno" not in vm.unlock_error[0] and vm.unlock_error[0].endswith(".")
    vm.unlock(PASSWORD)
    qtbot.waitUntil(lambda: bool(handed), timeout=WAIT_MS)
    assert handed == [(draft, account.address)] and vm.pending_mint is None and vm.pending_text() == ""
    assert vm.page == "panel"


def test_a_dismissed_pending_mint_is_not_minted_after_unlock(qtbot, vm, chain, draft):
    handed: list = []
    vm.sig_mint.connect(lambda d, address: handed.append(d))
    vm.request_mint(draft)
    _add_account(qtbot, vm, chain)
    vm.dismiss_pending()  # "not now"
    assert vm.pending_mint is None
    vm.unlock(PASSWORD)
    qtbot.waitUntil(lambda: vm.page == "panel", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: vm.overview is not None, timeout=WAIT_MS)
    assert handed == []


def test_an_unlocked_wallet_hands_a_mint_on_at_once(qtbot, vm, chain, draft):
    _add_account(qtbot, vm, chain)
    vm.unlock(PASSWORD)
    qtbot.waitUntil(lambda: vm.page == "panel", timeout=WAIT_MS)
    with qtbot.waitSignal(vm.sig_mint, timeout=1000) as handed:
        vm.request_mint(draft)
    assert handed.args == [draft, vm.address] and vm.pending_mint is None


def test_test_kaia_from_anywhere_shows_in_the_balance_without_a_refresh(qtbot, vm, chain):
    _add_account(qtbot, vm, chain)
    vm.unlock(PASSWORD)
    qtbot.waitUntil(lambda: vm.overview is not None, timeout=WAIT_MS)
    assert vm.overview.balance == 0 and vm.network.is_sandbox
    chain.faucet(vm.address)  # not through the page: e.g. the command line, or another window's button
    qtbot.waitUntil(lambda: vm.overview.balance == 100 * 10**18, timeout=WAIT_MS)
    assert vm.error is None


def test_a_lock_elsewhere_locks_the_page(qtbot, vm, chain):
    _add_account(qtbot, vm, chain)
    vm.unlock(PASSWORD)
    qtbot.waitUntil(lambda: vm.page == "panel", timeout=WAIT_MS)
    chain.lock()  # e.g. the command line locked the session
    qtbot.waitUntil(lambda: vm.page == "locked", timeout=WAIT_MS)
