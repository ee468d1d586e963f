"""The Wallet workspace as its tests open it: a WalletView on a chain service, shown at a screen's size and past its
loading page (the `chain_service` fixture in conftest.py gives the sandbox chain)."""

from __future__ import annotations

from ui.wallet.wallet_view import WalletView
from ui.wallet.wallet_vm import PAGES, WalletViewModel

WAIT_MS = 60_000
NETWORKS = [("sandbox", "Sandbox (test)"), ("kairos", "Kairos testnet")]


def open_wallet_view(qtbot, service, size: tuple[int, int]) -> WalletView:
    widget = WalletView(WalletViewModel(service), NETWORKS)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.start()
    qtbot.waitUntil(lambda: widget.pages.currentIndex() != PAGES.index("loading"), timeout=WAIT_MS)
    return widget


def wallet_page(view) -> str:
    return PAGES[view.pages.currentIndex()]
