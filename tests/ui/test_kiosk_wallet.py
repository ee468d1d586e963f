"""The kiosk runs unattended: staff unlock its wallet once on the staff panel and visitors' submissions mint from it
for as long as the kiosk runs, through the idle auto-lock; pausing locks it again. The kiosk window carries its staff
gate and, where a camera is present, reads a visitor's address from a QR code. Through the real kiosk window, the tiny
model and the sandbox chain."""

from __future__ import annotations

import time

from eth_account import Account
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.kiosk_flow_helpers import WAIT_MS, tap
from tests.ui.test_kiosk_address_scanner import ADDRESS, qr_frame
from ui.kiosk.address_scanner import AddressScanner

PASSWORD = "harbour lights over busan"


def _later(chain, seconds: float) -> None:
    """The wallet session's clock jumps ahead, as if nobody had minted for `seconds`."""
    chain.session.clock = lambda: time.monotonic() + seconds


def _walk_to_submit(qtbot, kiosk) -> None:
    window = kiosk.window
    tap(qtbot, window.attract.start)
    kiosk.generate("champagne gold at dusk")
    tap(qtbot, window.design.next)
    kiosk.draft()
    tap(qtbot, window.describe.next)
    qtbot.waitUntil(lambda: window.preview.next.isEnabled(), timeout=WAIT_MS)
    tap(qtbot, window.preview.next)
    assert window.screen_name == "submit"


def test_staff_unlock_the_kiosk_wallet_and_it_stays_unlocked_until_paused(qtbot, kiosk):
    window, c = kiosk.window, kiosk.controller
    chain = c.services.chain
    address = chain.create_account("Kiosk", PASSWORD).result(timeout=60).address
    window.staff_requested.emit()  # the gesture opens the PIN pad: the gate is wired to the window
    assert c.staff_gate.pad is not None and c.staff_gate.pad.isVisible()
    c.staff_gate.pad.close_overlay()
    c.staff_gate.open_panel()
    panel = c.staff_gate.panel
    wallet = panel.wallet
    qtbot.waitUntil(lambda: wallet.state == "locked", timeout=WAIT_MS)
    assert "Locked" in wallet.status.text() and address[:8] in wallet.status.text()
    assert wallet.unlock_button.isVisible() and wallet.unlock_button.text() == "Unlock the kiosk wallet"

    wallet.password.setFocus()
    QTest.keyClicks(wallet.password, "not the password")
    QTest.mouseClick(wallet.unlock_button, Qt.MouseButton.LeftButton)
    assert wallet.password.text() == ""  # not kept while the key is derived, nor after
    qtbot.waitUntil(lambda: wallet.message.isVisible(), timeout=WAIT_MS)
    assert "password" in wallet.message.text().lower() and chain.unlocked_address() is None

    QTest.keyClicks(wallet.password, PASSWORD)
    QTest.keyClick(wallet.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wallet.state == "unlocked" and wallet.balance is not None, timeout=WAIT_MS)
    assert chain.unlocked_address() == address and not wallet.message.isVisible()
    assert wallet.low.isVisible()  # no KAIA yet: nothing to pay the mints' gas with
    chain.faucet(address).result(timeout=60)
    qtbot.waitUntil(lambda: "100 KAIA" in wallet.status.text() and not wallet.low.isVisible(), timeout=WAIT_MS)
    assert "Unlocked" in wallet.status.text() and not wallet.unlock_row.isVisible()
    panel.close_overlay()

    _later(chain, 3 * 3600)  # hours past the auto-lock: the kiosk keeps minting
    assert chain.unlocked_address() == address
    _walk_to_submit(qtbot, kiosk)
    visitor = Account.create().address
    window.submit.address.setText(visitor)
    tap(qtbot, window.submit.submit)
    qtbot.waitUntil(lambda: window.screen_name == "thanks", timeout=WAIT_MS)
    assert window.thanks.record.state == "minted" and window.thanks.record.recipient == visitor

    c.staff_gate.open_panel()
    panel = c.staff_gate.panel
    tap(qtbot, panel.pause_button)
    qtbot.waitUntil(lambda: chain.unlocked_address() is None, timeout=WAIT_MS)
    assert window.screen_name == "paused"
    qtbot.waitUntil(lambda: panel.wallet.state == "locked", timeout=WAIT_MS)  # the panel says so
    tap(qtbot, panel.pause_button)  # resumed: staff unlock again before visitors can submit

    chain.session.clock = time.monotonic
    chain.unlock(address, PASSWORD).result(timeout=60)  # the desktop's unlock keeps its auto-lock
    _later(chain, 3 * 3600)
    assert chain.unlocked_address() is None


def test_a_wallet_code_read_by_the_camera_fills_the_address(qtbot, kiosk):
    submit = kiosk.window.submit
    assert not submit.scan.isVisible() and not submit.scan.isVisibleTo(submit)  # no camera on this machine
    kiosk.window.go("submit")
    scanner = AddressScanner()  # what the Scan button makes where there is a camera
    submit.open_scanner(scanner)
    assert scanner.isVisible() and not submit.picture.isVisible()
    scanner.offer_frame(qr_frame(f"ethereum:{ADDRESS}@8217"))
    qtbot.waitUntil(lambda: submit.address.text() == ADDRESS, timeout=10_000)
    assert not scanner.isVisible() and submit.picture.isVisible()  # the visitor checks it, then taps Submit
    submit.open_scanner()
    QTest.mouseClick(scanner._cancel, Qt.MouseButton.LeftButton)  # "Type it instead"
    assert not scanner.isVisible() and submit.address.text() == ADDRESS
