"""The staff panel's kiosk wallet: whether the wallet that pays for visitors' mints is unlocked, its address and KAIA
balance (gas for the mints, with a warning when low), and its unlock.

A kiosk runs unattended: once staff unlock the wallet here it stays unlocked while the kiosk runs (no auto-lock,
app/chain/session.py `keep_unlocked`), until staff pause the kiosk, leave kiosk mode or the app quits. The password
is read from its field into the one unlock call and the field is emptied at once: nothing keeps it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.chain.networks import format_kaia
from app.changes import WalletChanged
from app.errors import UserFacingError
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import words
from ui.kiosk.staff_section import section_column
from ui.tasks import ChangeRelay, deliver

log = logging.getLogger(__name__)

LOW_BALANCE_KEI = 10**18  # 1 KAIA: a few dozen mints at Kaia's fees; below it, staff should top up before a busy day


def short_address(address: str) -> str:
    return f"{address[:8]}…{address[-6:]}" if len(address) > 16 else address


class StaffWalletSection(Retranslating, QWidget):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chain = services.chain
        self.settings = lambda: services.settings
        self.address = ""  # the kiosk's wallet account ("" when none is set up)
        self.state = "checking"  # checking · none · locked · unlocked · unreadable
        self.balance: int | None = None
        self.unlocking = False
        self.problem = None  # the last unlock's message (a Message, or None for the generic sentence)
        self.failed = False
        self._setup_ui()
        if self.chain is not None:
            self.relay = ChangeRelay(self.chain.changes, self)
            self.relay.changed.connect(self._on_change)
        self.retranslate()
        self.refresh()

    def _setup_ui(self) -> None:
        lay, self.heading = section_column(self)
        self.status = words("body", centred=False)
        lay.addWidget(self.status)
        self.low = words("message", centred=False)
        self.low.hide()
        lay.addWidget(self.low)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        hints = Qt.InputMethodHint  # nothing of it is learned or suggested by the on-screen keyboard
        self.password.setInputMethodHints(hints.ImhSensitiveData | hints.ImhNoPredictiveText | hints.ImhNoAutoUppercase)
        self.password.returnPressed.connect(self.unlock)
        row.addWidget(self.password, 1)
        self.unlock_button = QPushButton()
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.unlock_button.clicked.connect(self.unlock)
        row.addWidget(self.unlock_button)
        self.unlock_row = QWidget()
        self.unlock_row.setLayout(row)
        lay.addWidget(self.unlock_row)
        self.message = words("message", centred=False)
        self.message.hide()
        lay.addWidget(self.message)

    # --- reading -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.chain is None:
            self.state = "none"
            self._show()
            return
        deliver(self.chain.accounts(), self._on_accounts, self._on_unreadable, self)

    def _on_accounts(self, accounts) -> None:
        known = [a.address for a in accounts]
        chosen = self.settings().chain.account
        unlocked = self.chain.unlocked_address()
        self.address = unlocked or (chosen if chosen in known else (known[0] if known else ""))
        self.balance = None
        if not self.address:
            self.state = "none"
        elif unlocked:
            self.state = "unlocked"
            deliver(self.chain.overview(unlocked), self._on_overview, lambda _e: None, self)
        else:
            self.state = "locked"
        self._show()

    def _on_overview(self, overview) -> None:
        if overview.address == self.address:
            self.balance = overview.balance
            self._show()

    def _on_unreadable(self, error: BaseException) -> None:
        log.warning("the kiosk wallet could not be read: %s", error)
        self.state = "unreadable"
        self._show()

    def _on_change(self, change) -> None:
        if isinstance(change, WalletChanged) and change.what in ("lock", "accounts", "balance"):
            self.refresh()

    # --- unlocking ---------------------------------------------------------------------------------

    def unlock(self) -> None:
        if self.unlocking or self.state != "locked" or not self.password.text():
            return
        password = self.password.text()
        self.password.setText("")  # not kept on screen, nor in the field's undo history
        self.unlocking = True
        self.failed, self.problem = False, None
        future = self.chain.unlock(self.address, password, keep_unlocked=True)
        del password
        deliver(future, self._on_unlocked, self._on_unlock_failed, self)
        self._show()

    def _on_unlocked(self, _address: str) -> None:
        self.unlocking = False
        self.refresh()

    def _on_unlock_failed(self, error: BaseException) -> None:
        self.unlocking = False
        self.failed = True
        self.problem = error.msg if isinstance(error, UserFacingError) else None
        if self.problem is None:
            log.warning("the kiosk wallet could not be unlocked: %s", type(error).__name__)
        self._show()
        self.password.setFocus()

    # --- showing -----------------------------------------------------------------------------------

    def _show(self) -> None:
        address = short_address(self.address)
        if self.state == "checking":
            text = translate("StaffWalletSection", "Checking…")
        elif self.state == "none":
            text = translate("StaffWalletSection", "No wallet is set up. Set one up in the desktop app's Wallet.")
        elif self.state == "unreadable":
            text = translate("StaffWalletSection", "The wallet could not be read. Check again in a moment.")
        elif self.state == "locked":
            text = translate("StaffWalletSection", "Locked · {address} · visitors cannot submit").format(
                address=address
            )
        elif self.balance is None:
            text = translate("StaffWalletSection", "Unlocked · {address}").format(address=address)
        else:
            text = translate("StaffWalletSection", "Unlocked · {address} · {balance}").format(
                address=address, balance=format_kaia(self.balance)
            )
        self.status.setText(text)
        low = self.state == "unlocked" and self.balance is not None and self.balance < LOW_BALANCE_KEI
        self.low.setVisible(low)
        self.unlock_row.setVisible(self.state == "locked")
        self.password.setEnabled(not self.unlocking)
        self.unlock_button.setEnabled(not self.unlocking)
        if self.unlocking:
            self.unlock_button.setText(translate("StaffWalletSection", "Unlocking…"))
        else:
            self.unlock_button.setText(translate("StaffWalletSection", "Unlock the kiosk wallet"))
        if self.failed and self.state == "locked":
            self.message.setText(
                str(self.problem)
                if self.problem is not None
                else translate("StaffWalletSection", "The wallet could not be unlocked. Try again.")
            )
            self.message.show()
        else:
            self.message.hide()

    def retranslate(self) -> None:
        self.heading.setText(translate("StaffWalletSection", "Kiosk wallet"))
        self.password.setPlaceholderText(translate("StaffWalletSection", "The wallet's password"))
        self.password.setAccessibleName(translate("StaffWalletSection", "The kiosk wallet's password"))
        self.low.setText(
            translate(
                "StaffWalletSection",
                "Low on KAIA for the mints' fees: add KAIA to this wallet before visitors' submissions fail.",
            )
        )
        self._show()
