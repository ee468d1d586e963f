"""The payouts page on the sandbox chain: it lists nothing until reviewed, shows the review sheet (prizes, recipients
read from the chain, the token-less entry left out, total and balance), sends on Confirm, and then shows every
winner paid with the transaction; a round that is not locked pays nothing; a locked wallet is told to unlock."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.chain.networks import KEI_PER_KAIA
from app.chain.settings import ChainSettings
from app.curation.payout_store import PAID, PayoutLedger
from app.curation.store import open_store
from tests.fixtures.curation_chain import campaign
from tests.fixtures.curation_payouts import CAMPAIGN, SETTINGS, winners_ready
from tests.fixtures.shots import save_shot
from tests.fixtures.wallet_setup import PASSWORD
from ui.curation.payouts_page import PayoutsPage
from ui.i18n import apply_language

WAIT_MS = 60_000
SETTINGS_BOTH = SimpleNamespace(curation=SETTINGS, chain=ChainSettings())


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "curation.db"), tmp_path / "unused.db")
    yield opened
    opened.close()


def winners_on_sandbox(tmp_path, store, lock=True):
    """The campaign minted into the sandbox the chain service will open (closed before it does)."""
    with campaign(tmp_path / "data" / "chain" / "sandbox", 3) as c:
        return winners_ready(store, c, lock=lock)


def unlocked_wallet(chain_service) -> str:
    account = chain_service.create_account("Prize desk", PASSWORD).result(WAIT_MS / 1000)
    chain_service.unlock(account.address, PASSWORD).result(WAIT_MS / 1000)
    chain_service.faucet(account.address).result(WAIT_MS / 1000)
    return account.address


def open_page(qtbot, store, chain_service, ready) -> PayoutsPage:
    page = PayoutsPage(store, chain_service, SETTINGS_BOTH, ready.judge_id, ready.round_id)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.round is not None, timeout=WAIT_MS)
    return page


def test_the_page_reviews_sends_and_shows_each_transaction(qtbot, store, chain_service, tmp_path):
    ready = winners_on_sandbox(tmp_path, store)
    sender = unlocked_wallet(chain_service)
    page = open_page(qtbot, store, chain_service, ready)
    assert page.primary_button.text() == "Review and send…" and page.primary_button.isEnabled()
    save_shot(page, "payouts-empty-en")
    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: page.primary_button.text() != "Review and send…")
        save_shot(page, "payouts-empty-ko")
    finally:
        apply_language("en")

    page.primary_button.click()
    qtbot.waitUntil(lambda: page.review is not None and page.review.isVisible(), timeout=WAIT_MS)
    review = page.review
    plan = review.plan
    assert [line.rank for line in plan.payable] == [1, 2, 3] and plan.sender == sender
    assert plan.total == 6 * KEI_PER_KAIA and review.confirm_button.isEnabled()
    shown = " ".join(label.text() for label in review.findChildren(type(review.title)))
    assert "6 KAIA in 3 payouts" in shown and "No token: cannot be paid on chain." in shown
    review.resize(1280, 800)
    save_shot(review, "payouts-review-en")
    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: review.confirm_button.text() != "Confirm and send")
        save_shot(review, "payouts-review-ko")
    finally:
        apply_language("en")

    review.confirm_button.click()
    qtbot.waitUntil(lambda: len(page.rows) == 3 and all(r.state == PAID for r in page.rows), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    assert not page.primary_button.isVisible()
    for row in page.rows:
        label = page.findChild(type(page.title), f"tx-{row.rank}")
        assert label.toolTip() == row.tx_hash and row.tx_hash[:12] in label.text()
    assert page.findChild(type(page.total)).parent() is not None
    assert "3 of 3 paid" in page.total.text()
    save_shot(page, "payouts-paid-en")
    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: page.close_button.text() != "Close")
        save_shot(page, "payouts-paid-ko")
    finally:
        apply_language("en")

    out = tmp_path / "receipts.csv"
    page.export_to(out)
    qtbot.waitUntil(lambda: out.exists() and page.banner.isVisible(), timeout=WAIT_MS)
    assert out.read_text(encoding="utf-8-sig").count("paid") == 3
    page.close()


def test_a_round_not_locked_pays_nothing(qtbot, store, chain_service, tmp_path):
    ready = winners_on_sandbox(tmp_path, store, lock=False)
    page = open_page(qtbot, store, chain_service, ready)

    assert not page.primary_button.isEnabled()
    assert page.empty.text().startswith("Winners are paid only from a locked result.")
    page.close()


def test_a_locked_wallet_is_told_to_unlock_and_nothing_is_recorded(qtbot, store, chain_service, tmp_path):
    ready = winners_on_sandbox(tmp_path, store)
    page = open_page(qtbot, store, chain_service, ready)

    page.primary_button.click()

    assert page.banner.isVisible() and page.review is None
    assert PayoutLedger(store).rows(CAMPAIGN, ready.round_id) == []
    page.close()
