"""Screenshots of the Wallet in English and Korean, for looking at (not part of the suite: its name is not test_*).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -p no:cacheprovider tests/ui/shots_wallet_korean.py

Writes <page>-<lang>-<W>x<H>.png to $SM6_SHOTS_DIR (default /tmp/shots16/wallet): the set-up page, the locked page, the
unlocked panel with a payout in its activity, the payout's review, the import dialog and the mint dialog.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from app.kiosk import DESKTOP, KIOSK
from tests.fixtures.wallet_setup import PASSWORD
from tests.ui.waits import laid_out
from ui.i18n import apply_language
from ui.theme import apply_theme
from ui.wallet.mint_dialog import MintDialog
from ui.wallet.wallet_view import WalletView
from ui.wallet.wallet_vm import PAGES, WalletViewModel

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots16/wallet"))
WAIT_MS = 60_000
NETWORKS = [("sandbox", "Sandbox (test)"), ("kairos", "Kairos testnet"), ("mainnet", "Kaia Mainnet")]
CASES = [((1280, 800), DESKTOP), ((1920, 1080), KIOSK)]


@pytest.mark.parametrize(("size", "policy"), CASES, ids=[f"{s[0]}-{p.name}" for s, p in CASES])
def test_wallet_pages_in_both_languages(qtbot, qapp, tmp_path, draft, size, policy):
    OUT.mkdir(parents=True, exist_ok=True)
    apply_theme(qapp, "dark", policy)
    service = ChainService(tmp_path / "data", lambda: ChainSettings())
    view = WalletView(WalletViewModel(service), NETWORKS, policy)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    tag = f"{size[0]}x{size[1]}" + ("-kiosk" if policy is KIOSK else "")
    wait = {"timeout": WAIT_MS}

    def both(name: str, widget=None) -> None:
        widget = widget or view
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.wait(50)  # the LanguageChange events are posted
            laid_out(qtbot, widget)
            widget.grab().save(str(OUT / f"{name}-{lang}-{tag}.png"))

    try:
        view.start()
        qtbot.waitUntil(lambda: PAGES[view.pages.currentIndex()] == "onboarding", **wait)
        both("wallet-onboarding")
        dialog = view.open_account_dialog("import" if policy.may_manage_keys else "create")
        both("wallet-account-dialog", dialog)
        dialog.password.setText(PASSWORD)
        dialog.confirmation.setText(PASSWORD)
        if policy.may_manage_keys:
            dialog.private_key.setText("0x" + "4c" * 32)
            dialog.kind_tabs.setCurrentIndex(1)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: PAGES[view.pages.currentIndex()] == "locked", **wait)
        both("wallet-locked")
        view.password.setText(PASSWORD)
        view.unlock_button.click()
        qtbot.waitUntil(lambda: view.overview is not None, **wait)
        view.faucet_button.click()
        qtbot.waitUntil(lambda: view.balance.text() == "100 KAIA", **wait)
        if policy.may_manage_keys:
            send = view.open_send_dialog()
            send.recipient.setText("0x" + "7" * 40)
            send.amount.setText("12.5")
            send.memo.setText("Prize #1")
            send.next_button.click()
            qtbot.waitUntil(lambda: send.step == "review", **wait)
            both("wallet-send-review", send)
            send.next_button.click()
            qtbot.waitUntil(lambda: send.step == "done", **wait)
            both("wallet-send-done", send)
            send.reject()
            qtbot.waitUntil(lambda: len(view.activity.rows) == 1, **wait)
        both("wallet-panel")
        mint = MintDialog(service, draft, view.address, view, policy, files_state=lambda: "local", publish=lambda: 0)
        mint.open()
        if policy.mints_to_visitor:
            mint.other_address.setText("0x" + "7" * 40)
        mint.next_button.click()
        qtbot.waitUntil(lambda: mint.step == "review", **wait)
        both("wallet-mint-review", mint)
        mint.reject()
        mint.deleteLater()
    finally:
        apply_language("en")
        view.close()
        service.close()
