"""The Wallet workspace: set up an account, unlock it, see the network, balance, address (with QR) and activity.

Everything slow (key derivation, the node, the sandbox EVM) runs on the chain service's worker thread; this view
only shows results. The network chip always says whether money is real.

A mint asked for before there is an unlocked wallet waits here (`request_mint`): the page says which token is
waiting through set-up and unlock, then `sig_mint` hands it on to be minted.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.chain.networks import format_kaia
from ui.background import watch
from ui.dialog_lifetime import LastDialog, free_when_closed
from ui.icons import icon
from ui.theme import FONT_TITLE, SPACE_L, SPACE_XL, Theme, current_theme, theme_manager
from ui.token.token_widgets import token_stylesheet
from ui.wallet.account_dialog import AccountDialog
from ui.wallet.qr import qr_pixmap
from ui.wallet.wallet_pages import COLUMN_WIDTH, QR_SIZE, build_locked, build_panel
from ui.widgets.centered_column import CenteredColumn
from ui.widgets.dates import time_text
from ui.widgets.empty_state import EmptyState
from ui.widgets.error_banner import ErrorBanner, plain_words
from ui.widgets.page_title import PageTitle

REFRESH_MS = 15_000
IDLE_CHECK_MS = 2_000
PAGES = ("loading", "onboarding", "locked", "panel")


class WalletView(QWidget):
    sig_network_chosen = Signal(str)  # a network key; the app saves it in settings
    sig_unlocked = Signal(str)  # the address just unlocked
    sig_reconciled = Signal(object)  # the outbox's records once an earlier session's leftovers are settled
    sig_mint_again = Signal(str)  # a design id whose mint never landed: the app shows it to mint again
    sig_mint = Signal(object, str)  # a token draft and the unlocked address: the app opens the mint dialog
    # Dialogs and questions are made per use and freed when closed; these read None once they are gone.
    _dialog = LastDialog()
    _question = LastDialog()

    def __init__(self, service, network_keys: list[tuple[str, str]], kiosk: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.kiosk = kiosk
        self.accounts: list = []
        self.address: str = ""  # the account shown (unlocked) or offered (locked)
        self.overview = None
        self.pending_mint = None  # a token draft waiting for a wallet to mint it
        self._reconciled = False
        self._network_keys = network_keys
        self._setup_ui()
        self._on_theme_changed(current_theme())
        theme_manager().theme_changed.connect(self._on_theme_changed)
        self._refresh_timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh_overview)
        self._idle_timer = QTimer(self, interval=IDLE_CHECK_MS, timeout=self._check_idle)
        self._idle_timer.start()
        # Idle means no input anywhere in the app, not just in this view.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- construction ---

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        head = CenteredColumn(COLUMN_WIDTH)  # lined up with the pages' column below
        head.body.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        head.body.setSpacing(SPACE_L)
        head.body.addWidget(PageTitle("Wallet"))
        self.pending_note = ErrorBanner()
        self.pending_note.setAccessibleName("Token waiting to be minted")
        self.pending_note.sig_dismissed.connect(self._on_pending_dismissed)
        head.body.addWidget(self.pending_note)
        outer.addWidget(head)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        loading = QLabel("Opening the wallet…")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading.setProperty("role", "secondary")
        self.pages.addWidget(loading)
        self.onboarding = EmptyState(
            "wallet",
            "Set up your wallet",
            "Mint your SM6 on Kaia from a wallet inside this app. Its key stays on this computer, encrypted with your "
            "password. It starts on the sandbox network, where everything is free and nothing is real money.",
            "Create a wallet",
            None if self.kiosk else "Import a wallet",
        )
        self.onboarding.sig_primary_clicked.connect(lambda: self.open_account_dialog("create"))
        self.onboarding.sig_secondary_clicked.connect(lambda: self.open_account_dialog("import"))
        self.pages.addWidget(self.onboarding)
        self.pages.addWidget(build_locked(self))
        self.pages.addWidget(build_panel(self))

    # --- state ---

    def start(self) -> None:
        """Load the accounts (after the first paint: it imports eth-account on the worker thread). The first time,
        also settle whatever an earlier session left signed: that needs no password, since it never signs."""
        watch(self.service.accounts(), self._on_accounts, self._show_panel_error, self)
        if not self._reconciled:
            self._reconciled = True
            watch(self.service.reconcile(), self._on_reconciled, lambda _e: None, self)

    def _on_reconciled(self, records) -> None:
        self.sig_reconciled.emit(records)
        if self.overview is not None and not self.kiosk:
            self._on_mints(records)

    def _on_accounts(self, accounts) -> None:
        self.accounts = list(accounts)
        unlocked = self.service.unlocked_address()
        self._show_pending()
        if not self.accounts:
            self.pages.setCurrentIndex(PAGES.index("onboarding"))
            return
        if unlocked:
            self._show_panel(unlocked)
            return
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        for account in self.accounts:
            self.account_combo.addItem(
                f"{account.name} · {account.address[:6]}…{account.address[-4:]}", account.address
            )
        preferred = self.account_combo.findData(self.address)
        self.account_combo.setCurrentIndex(max(preferred, 0))
        self.account_combo.blockSignals(False)
        self.address = self.account_combo.currentData() or ""
        self.pages.setCurrentIndex(PAGES.index("locked"))
        self.password.setFocus()

    def _show_panel(self, address: str) -> None:
        self.address = address
        account = next((a for a in self.accounts if a.address == address), None)
        self.account_name.setText(account.name if account else "Account")
        self.address_field.set_value(address)
        theme = current_theme()
        self.qr.setPixmap(qr_pixmap(address, QR_SIZE, theme.text, theme.surface))
        self.pages.setCurrentIndex(PAGES.index("panel"))
        self.refresh_overview()
        self._refresh_timer.start()

    def refresh_overview(self) -> None:
        if not self.address or self.pages.currentIndex() != PAGES.index("panel"):
            return
        watch(self.service.overview(self.address), self._on_overview, self._show_panel_error, self)
        if not self.kiosk:  # its Activity is hidden: no rows are built for it, visitor after visitor
            watch(self.service.mints(), self._on_mints, lambda _e: None, self)

    def _on_overview(self, overview) -> None:
        self.overview = overview
        network = overview.network
        self.panel_error.clear()
        self._show_network(network)
        self.balance.setText(format_kaia(overview.balance))
        self.faucet_button.setVisible(network.is_sandbox)
        self.explorer_button.setVisible(bool(network.account_url(overview.address)))
        self.minter_note.setText(
            "This wallet can mint on the campaign contract."
            if overview.can_mint
            else "This wallet cannot mint yet: "
            + ("use Get test KAIA." if network.is_sandbox else "ask the campaign staff to approve it as a minter.")
        )

    def _on_mints(self, mints) -> None:
        network = self.overview.network if self.overview else None
        self.activity.set_mints([m for m in mints if m.sender == self.address], network)

    def _show_panel_error(self, error: BaseException) -> None:
        self.panel_error.show_message(*plain_words(error, "The wallet could not be read. Try again in a moment."))

    # --- actions ---

    def _on_confirm_again(self, record) -> None:
        if record.kind == "send":
            self.open_send_dialog(record)
        else:
            self.sig_mint_again.emit(record.design_id)

    def open_send_dialog(self, again=None):
        """A new payout, or (`again`) the one in that record, under the same request: it can still be paid once."""
        from ui.wallet.send_dialog import SendDialog

        network = self.overview.network if self.overview is not None else None
        dialog = free_when_closed(SendDialog(self.service, self.address, self, again=again, network=network))
        dialog.sig_finished.connect(lambda _record: self.refresh_overview())
        dialog.open()
        self._dialog = dialog
        return dialog

    def open_account_dialog(self, mode: str) -> AccountDialog:
        dialog = free_when_closed(AccountDialog(self.service, mode, self))
        dialog.sig_account_added.connect(self._on_account_added)
        dialog.open()
        self._dialog = dialog
        return dialog

    def _on_account_added(self, account) -> None:
        self.address = account.address
        self.lock_note.setText("Unlock the new account with the password you just set.")
        self.start()

    def _on_account_chosen(self, _index: int) -> None:
        self.address = self.account_combo.currentData() or ""
        self.unlock_error.clear()

    def _on_unlock_clicked(self) -> None:
        password = self.password.text()
        self.password.clear()
        if not self.address:
            return
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText("Unlocking…")
        self.unlock_error.clear()
        watch(self.service.unlock(self.address, password), self._on_unlocked, self._on_unlock_failed, self)

    def _on_unlocked(self, address: str) -> None:
        self._reset_unlock_button()
        self.lock_note.setText("")
        self._show_panel(address)
        self.sig_unlocked.emit(address)
        self._hand_on_pending(address)

    # --- a mint waiting for a wallet ---

    def request_mint(self, draft) -> None:
        """Mint `draft` from the unlocked wallet now (`sig_mint`), or keep it waiting, said at the top of the page,
        through setting up a wallet and unlocking it."""
        self.pending_mint = draft
        address = self.service.unlocked_address()
        if address is not None:
            self._hand_on_pending(address)
            return
        self._show_pending()
        self.start()

    def _hand_on_pending(self, address: str) -> None:
        draft, self.pending_mint = self.pending_mint, None
        self._show_pending()
        if draft is not None:
            self.sig_mint.emit(draft, address)

    def _show_pending(self) -> None:
        if self.pending_mint is None:
            self.pending_note.clear()
            return
        name = str(self.pending_mint.metadata.get("name", "")) or "your design"
        first = "Set up a wallet" if not self.accounts else "Unlock your wallet"
        self.pending_note.show_message(f"{first} to mint “{name}”; your token is waiting.", severity="info")

    def _on_pending_dismissed(self) -> None:
        self.pending_mint = None  # the person decided not to mint it now; Mint on Kaia asks again

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._reset_unlock_button()
        self.unlock_error.show_message(*plain_words(error, "The wallet could not be unlocked. Try again."))
        self.password.setFocus()

    def _reset_unlock_button(self) -> None:
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText("Unlock")

    def lock(self, note: str = "Locked.") -> None:
        self._refresh_timer.stop()
        watch(self.service.lock(), lambda _r: None, lambda _e: None, self)
        self.lock_note.setText(note)
        self.overview = None
        self.start()

    def _check_idle(self) -> None:
        if self.pages.currentIndex() == PAGES.index("panel") and self.service.unlocked_address() is None:
            self.lock(f"Locked automatically after a while without use ({time_text(time.time())}).")

    def _on_faucet_clicked(self) -> None:
        self.faucet_button.setEnabled(False)
        watch(self.service.faucet(self.address), self._after_faucet, self._after_faucet_error, self)

    def _after_faucet(self, _result) -> None:
        self.faucet_button.setEnabled(True)
        self.refresh_overview()

    def _after_faucet_error(self, error: BaseException) -> None:
        self.faucet_button.setEnabled(True)
        self._show_panel_error(error)

    def _open_account_in_explorer(self) -> None:
        if self.overview is not None:
            QDesktopServices.openUrl(QUrl(self.overview.network.account_url(self.address)))

    def _on_export_clicked(self) -> None:
        from ui.wallet.export import export_keystore

        export_keystore(self, self.service, self.address)

    def _on_rename_clicked(self) -> None:
        dialog = free_when_closed(QInputDialog(self))
        dialog.setWindowTitle("Rename account")
        dialog.setLabelText("A name for this account, shown only in this app:")
        dialog.setTextValue(self.account_name.text())
        dialog.textValueSelected.connect(self._rename)
        dialog.open()
        self._dialog = dialog

    def _rename(self, name: str) -> None:
        watch(self.service.rename(self.address, name), self._after_rename, self._show_panel_error, self)

    def _after_rename(self, account) -> None:
        self.accounts = [account if a.address == account.address else a for a in self.accounts]
        self.account_name.setText(account.name)

    def _on_remove_clicked(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Remove this account?",
            f"Remove “{self.account_name.text()}” from this app?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            f"Without a backup of its keystore file or recovery phrase, the KAIA and tokens of {self.address} "
            "cannot be reached from this computer any more. The encrypted file is kept in the wallet folder's "
            "“removed” folder for support."
        )
        free_when_closed(box)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the safe choice is the one Enter takes
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.finished.connect(lambda _r: self._remove() if box.clickedButton() is remove else None)
        box.open()
        self._question = box

    def _remove(self) -> None:
        self._refresh_timer.stop()
        watch(self.service.remove(self.address), lambda _path: self._after_remove(), self._show_panel_error, self)

    def _after_remove(self) -> None:
        self.address = ""
        self.overview = None
        self.lock_note.setText("The account was removed.")
        self.start()

    def _on_network_activated(self, index: int) -> None:
        key = self.network_combo.itemData(index)
        if key != "mainnet":
            self.sig_network_chosen.emit(key)
            return
        # Real money is always a deliberate choice.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Use Kaia Mainnet?",
            "On Kaia Mainnet, minting and sending spend real KAIA and cannot be undone.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        free_when_closed(box)
        use = box.addButton("Use real KAIA", QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _r: self._after_mainnet_question(box.clickedButton() is use))
        box.open()
        self._question = box

    def _after_mainnet_question(self, confirmed: bool) -> None:
        if confirmed:
            self.sig_network_chosen.emit("mainnet")
        elif self.overview is not None:  # back to the network in use
            self.network_combo.setCurrentIndex(max(self.network_combo.findData(self.overview.network.key), 0))

    def network_changed(self, network) -> None:
        """Called by the app after the network setting changed: say so at once, then ask the new node."""
        self.overview = None
        self.balance.setText("—")
        self.minter_note.setText("")
        self._show_network(network)
        self.refresh_overview()

    def _show_network(self, network) -> None:
        if network.real_money:
            self.network_chip.set_state(network.name, "success", "success")
        else:
            self.network_chip.set_state(network.label, "warning", "warning")
        index = self.network_combo.findData(network.key)
        if index >= 0:
            self.network_combo.setCurrentIndex(index)
        self.faucet_button.setVisible(network.is_sandbox)

    # --- events ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin):
            self.service.touch()
        return False

    def _on_theme_changed(self, theme: Theme) -> None:
        self.setStyleSheet(
            token_stylesheet(theme) + f"QLabel#walletBalance {{ font-size: {FONT_TITLE}px; font-weight: 700; }}"
        )
        self.address_field.refresh_icons()
        self.lock_button.setIcon(icon("lock", theme.text))
        if self.address and self.pages.currentIndex() == PAGES.index("panel"):
            self.qr.setPixmap(qr_pixmap(self.address, QR_SIZE, theme.text, theme.surface))
