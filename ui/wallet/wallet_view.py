"""The Wallet workspace: set up an account, unlock it, see the network, balance, address (with QR) and activity.

Everything it shows comes from its view-model (ui/wallet/wallet_vm.py), which asks the chain service; this view
calls no service. The network chip always says whether money is real.

A mint asked for before there is an unlocked wallet waits in the view-model (`WalletViewModel.request_mint`): the page
says which token is waiting through set-up and unlock, then `sig_mint` hands it on to be minted.
"""

from __future__ import annotations

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
from app.kiosk import DESKTOP, Policy
from ui.bind import bind
from ui.dialog_lifetime import LastDialog, free_when_closed
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import FONT_TITLE, SPACE_L, SPACE_XL, Theme, current_theme, theme_manager
from ui.wallet.account_dialog import AccountDialog
from ui.wallet.qr import qr_pixmap
from ui.wallet.wallet_pages import COLUMN_WIDTH, QR_SIZE, build_locked, build_panel, retranslate_pages
from ui.wallet.wallet_vm import PAGES, WalletViewModel
from ui.wallet.words import network_label
from ui.widgets.centered_column import CenteredColumn
from ui.widgets.copy_field import address_stylesheet
from ui.widgets.empty_state import EmptyState
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.page_title import PageTitle
from ui.widgets.save_dialog import ask_save_path

REFRESH_MS = 15_000
IDLE_CHECK_MS = 2_000


class WalletView(Retranslating, QWidget):
    sig_network_chosen = Signal(str)  # a network key; the app saves it in settings
    sig_mint_again = Signal(str)  # a design id whose mint never landed: the app shows it to mint again
    # Dialogs and questions are made per use and freed when closed; these read None once they are gone.
    _dialog = LastDialog()
    _question = LastDialog()

    def __init__(self, vm: WalletViewModel, network_keys: list[tuple[str, str]], policy: Policy = DESKTOP, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.policy = policy
        self._network_keys = network_keys
        # The view-model's announcements, under the names the app has long connected to.
        self.sig_mint, self.sig_unlocked, self.sig_reconciled = vm.sig_mint, vm.sig_unlocked, vm.sig_reconciled
        self._setup_ui()
        self._on_theme_changed(current_theme())
        theme_manager().theme_changed.connect(self._on_theme_changed)
        self._refresh_timer = QTimer(self, interval=REFRESH_MS, timeout=vm.refresh_overview)
        self._idle_timer = QTimer(self, interval=IDLE_CHECK_MS, timeout=vm.check_idle)
        self._idle_timer.start()
        self._bind()
        # Idle means no input anywhere in the app, not just in this view.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("WalletView", "Wallet"))
        self.title.setAccessibleName(self.title.text())
        self.pending_note.setAccessibleName(translate("WalletView", "Token waiting to be minted"))
        self.loading.setText(translate("WalletView", "Opening the wallet…"))
        empty = self.onboarding
        empty.title_label.setText(translate("WalletView", "Set up your wallet"))
        empty.set_text(
            translate(
                "WalletView",
                "Mint your SM6 on Kaia from a wallet inside this app. Its key stays on this computer, encrypted with "
                "your password. It starts on the sandbox network, where everything is free and nothing is real money.",
            )
        )
        empty.primary_button.setText(translate("WalletView", "Create a wallet"))
        if empty.secondary_button is not None:
            empty.secondary_button.setText(translate("WalletView", "Import a wallet"))
        retranslate_pages(self)
        # Words that follow the state, said again in the new language.
        self._on_accounts_changed()
        self._on_overview_changed(self.vm.overview)
        self._show_network(self.vm.network)
        self._on_unlocking(self.vm.unlocking)
        self._on_error_changed(self.vm.error)
        _show(self.unlock_error, self.vm.unlock_error)
        self.lock_note.setText(_text(self.vm.lock_note))

    # --- construction ---

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        head = CenteredColumn(COLUMN_WIDTH)  # lined up with the pages' column below
        head.body.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, 0)
        head.body.setSpacing(SPACE_L)
        self.title = PageTitle("")
        head.body.addWidget(self.title)
        self.pending_note = ErrorBanner()
        self.pending_note.sig_dismissed.connect(lambda: self.vm.dismiss_pending())
        head.body.addWidget(self.pending_note)
        outer.addWidget(head)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setProperty("role", "secondary")
        self.pages.addWidget(self.loading)
        # Words set in retranslate(); " " for a secondary button there is (none at a kiosk).
        self.onboarding = EmptyState("wallet", "", "", "", " " if self.policy.may_manage_keys else None)
        self.onboarding.sig_primary_clicked.connect(lambda: self.open_account_dialog("create"))
        self.onboarding.sig_secondary_clicked.connect(lambda: self.open_account_dialog("import"))
        self.pages.addWidget(self.onboarding)
        self.pages.addWidget(build_locked(self))
        self.pages.addWidget(build_panel(self))

    def _bind(self) -> None:
        vm = self.vm
        vm.page_changed.connect(self._on_page_changed)
        # Methods, not lambdas: Qt disconnects a deleted view's methods, while a lambda would outlive the view and
        # reach its deleted widgets when the view-model (which may outlive it) changes.
        vm.accounts_changed.connect(self._on_accounts_changed)
        vm.address_changed.connect(self._on_accounts_changed)
        vm.overview_changed.connect(self._on_overview_changed)
        vm.network_changed.connect(self._show_network)
        vm.mints_changed.connect(self._on_mints_changed)
        vm.pending_mint_changed.connect(self._show_pending)
        vm.error_changed.connect(self._on_error_changed)
        vm.unlock_error_changed.connect(self._on_unlock_error)
        vm.unlocking_changed.connect(self._on_unlocking)
        bind(vm, "lock_note", self.lock_note, "text", to_widget=_text)
        bind(vm, "faucet_busy", self.faucet_button, "enabled", to_widget=lambda busy: not busy)
        self._on_page_changed(vm.page)
        self._on_accounts_changed()
        self._on_overview_changed(vm.overview)

    def _on_mints_changed(self, mints) -> None:
        self.activity.set_mints(mints, self.vm.network)

    def _on_error_changed(self, error) -> None:
        _show(self.panel_error, error)

    # What the page shows, read from the view-model (nothing here keeps its own copy).
    @property
    def accounts(self) -> list:
        return self.vm.accounts

    @property
    def address(self) -> str:
        return self.vm.address

    @property
    def overview(self):
        return self.vm.overview

    # --- what the app asks for, handed to the view-model ---

    def start(self) -> None:
        self.vm.start()

    def refresh_overview(self) -> None:
        self.vm.refresh_overview()

    def request_mint(self, draft) -> None:
        self.vm.request_mint(draft)

    def network_changed(self, network) -> None:
        self.vm.use_network(network)

    def lock(self, note=None) -> None:
        self.vm.lock(note)

    # --- display ---

    def _on_page_changed(self, page: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(page))
        if page == "panel":
            self._refresh_timer.start()
        else:
            self._refresh_timer.stop()
        if page == "locked":
            self.password.setFocus()
        self._show_pending()

    def _on_accounts_changed(self, *_changed) -> None:
        vm = self.vm
        combo = self.account_combo
        combo.blockSignals(True)  # refilled from the model: not a choice the person made
        combo.clear()
        for account in vm.accounts:
            combo.addItem(f"{account.name} · {account.address[:6]}…{account.address[-4:]}", account.address)
        combo.setCurrentIndex(max(combo.findData(vm.address), 0))
        combo.blockSignals(False)
        account = vm.account()
        self.account_name.setText(account.name if account else translate("WalletView", "Account"))
        self.address_field.set_value(vm.address)
        self._show_qr()
        self._show_pending()

    def _show_qr(self) -> None:
        theme = current_theme()
        if self.vm.address:
            self.qr.setPixmap(qr_pixmap(self.vm.address, QR_SIZE, theme.text, theme.surface))
        else:
            self.qr.clear()

    def _on_overview_changed(self, overview) -> None:
        if overview is None:
            self.balance.setText("—")
            self.minter_note.setText("")
            return
        network = overview.network
        self.balance.setText(format_kaia(overview.balance))
        self.faucet_button.setVisible(network.is_sandbox)
        self.explorer_button.setVisible(bool(network.account_url(overview.address)))
        if overview.can_mint:
            note = translate("WalletView", "This wallet can mint on the campaign contract.")
        elif network.is_sandbox:
            note = translate("WalletView", "This wallet cannot mint yet: use Get test KAIA.")
        else:
            note = translate(
                "WalletView", "This wallet cannot mint yet: ask the campaign staff to approve it as a minter."
            )
        self.minter_note.setText(note)

    def _show_network(self, network) -> None:
        if network is None:
            return
        variant = "success" if network.real_money else "warning"
        self.network_chip.set_state(network_label(network), variant, variant)
        index = self.network_combo.findData(network.key)
        if index >= 0:
            self.network_combo.setCurrentIndex(index)
        self.faucet_button.setVisible(network.is_sandbox)

    def _show_pending(self, *_changed) -> None:
        text = self.vm.pending_text()
        if text:
            self.pending_note.show_message(text, severity="info")
        else:
            self.pending_note.clear()

    def _on_unlock_error(self, error) -> None:
        _show(self.unlock_error, error)
        if error is not None:
            self.password.setFocus()

    def _on_unlocking(self, unlocking: bool) -> None:
        self.unlock_button.setEnabled(not unlocking)
        self.unlock_button.setText(
            translate("WalletView", "Unlocking…") if unlocking else translate("WalletView", "Unlock")
        )

    # --- actions ---

    def _on_confirm_again(self, record) -> None:
        if record.kind == "send":
            self.open_send_dialog(record)
        else:
            self.sig_mint_again.emit(record.design_id)

    def open_send_dialog(self, again=None):
        """A new payout, or (`again`) the one in that record, under the same request: it can still be paid once."""
        from ui.wallet.send_dialog import SendDialog

        vm = self.vm
        dialog = free_when_closed(SendDialog(vm.service, vm.address, self, again=again, network=vm.network))
        dialog.sig_finished.connect(lambda _record: vm.refresh_overview())
        dialog.open()
        self._dialog = dialog
        return dialog

    def open_account_dialog(self, mode: str) -> AccountDialog:
        dialog = free_when_closed(AccountDialog(self.vm.service, mode, self))
        dialog.sig_account_added.connect(self.vm.account_added)
        dialog.open()
        self._dialog = dialog
        return dialog

    def _on_account_chosen(self, _index: int) -> None:
        self.vm.choose_account(self.account_combo.currentData() or "")

    def _on_unlock_clicked(self) -> None:
        password = self.password.text()
        self.password.clear()  # the secret leaves the field as soon as it is handed over
        self.vm.unlock(password)

    def _on_faucet_clicked(self) -> None:
        self.vm.faucet()

    def _open_account_in_explorer(self) -> None:
        overview = self.vm.overview
        if overview is not None:
            QDesktopServices.openUrl(QUrl(overview.network.account_url(overview.address)))

    def _on_export_clicked(self) -> None:
        address = self.vm.address
        path = ask_save_path(
            self,
            translate("WalletView", "Export keystore"),
            f"{address}.json",
            translate("WalletView", "Keystore files (*.json)"),
        )
        if path is not None:
            self.vm.export_keystore(path)

    def _on_rename_clicked(self) -> None:
        dialog = free_when_closed(QInputDialog(self))
        dialog.setWindowTitle(translate("WalletView", "Rename account"))
        dialog.setLabelText(translate("WalletView", "A name for this account, shown only in this app:"))
        dialog.setTextValue(self.account_name.text())
        dialog.textValueSelected.connect(self.vm.rename)
        dialog.open()
        self._dialog = dialog

    def _on_remove_clicked(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("WalletView", "Remove this account?"),
            translate("WalletView", "Remove “{name}” from this app?").format(name=self.account_name.text()),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            translate(
                "WalletView",
                "Without a backup of its keystore file or recovery phrase, the KAIA and tokens of {address} cannot be "
                "reached from this computer any more. The encrypted file is kept in the wallet folder's “removed” "
                "folder for support.",
            ).format(address=self.vm.address)
        )
        free_when_closed(box)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the safe choice is the one Enter takes
        remove = box.addButton(translate("WalletView", "Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.finished.connect(lambda _r: self._remove() if box.clickedButton() is remove else None)
        box.open()
        self._question = box

    def _remove(self) -> None:
        self._refresh_timer.stop()
        self.vm.remove()

    def _on_network_activated(self, index: int) -> None:
        key = self.network_combo.itemData(index)
        if key != "mainnet":
            self.sig_network_chosen.emit(key)
            return
        # Real money is always a deliberate choice.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("WalletView", "Use Kaia Mainnet?"),
            translate("WalletView", "On Kaia Mainnet, minting and sending spend real KAIA and cannot be undone."),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        free_when_closed(box)
        use = box.addButton(translate("WalletView", "Use real KAIA"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _r: self._after_mainnet_question(box.clickedButton() is use))
        box.open()
        self._question = box

    def _after_mainnet_question(self, confirmed: bool) -> None:
        if confirmed:
            self.sig_network_chosen.emit("mainnet")
        elif self.vm.network is not None:  # back to the network in use
            self.network_combo.setCurrentIndex(max(self.network_combo.findData(self.vm.network.key), 0))

    # --- events ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin):
            self.vm.touch()
        return False

    def _on_theme_changed(self, theme: Theme) -> None:
        self.setStyleSheet(
            address_stylesheet(theme) + f"QLabel#walletBalance {{ font-size: {FONT_TITLE}px; font-weight: 700; }}"
        )
        self.address_field.refresh_icons()
        self.lock_button.setIcon(icon("lock", theme.text))
        self._show_qr()


def _text(note) -> str:
    """A lock note: the wallet's Words in the language of the moment, or text as given."""
    return str(note or "")


def _show(banner: ErrorBanner, error) -> None:
    """`error` is (message, details) or (message, details, severity), or None for nothing to say."""
    if error is None:
        banner.clear()
    else:
        banner.show_message(*error[:2], severity=error[2] if len(error) > 2 else "error")
