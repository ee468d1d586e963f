"""The Wallet workspace's pages, laid out: the unlock page and the unlocked panel. Like a Designer form's setupUi,
these build the widgets onto the view (`view.balance`, `view.faucet_button`, …); the behaviour stays in
ui/wallet/wallet_view.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from ui.wallet.activity import ActivityList
from ui.wallet.words import choice_label
from ui.widgets.card import Card
from ui.widgets.centered_column import CenteredColumn
from ui.widgets.copy_field import CopyField
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.status_chip import StatusChip

COLUMN_WIDTH = 880
QR_SIZE = 148


def column() -> tuple[QScrollArea, QVBoxLayout]:
    """A page of the wallet: a centred column of COLUMN_WIDTH that scrolls when the window is short."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    column = CenteredColumn(COLUMN_WIDTH)
    column.body.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_XL)  # under the page title
    column.body.setSpacing(SPACE_L)
    scroll.setWidget(column)
    return scroll, column.body


def build_locked(view) -> QWidget:
    """The unlock page: the account, its password, and (not at a kiosk) more accounts."""
    scroll, body = column()
    view.unlock_card = card = Card(" ")
    view.account_combo = QComboBox()
    view.account_combo.currentIndexChanged.connect(view._on_account_chosen)
    card.add_widget(view.account_combo)
    row = QHBoxLayout()
    row.setSpacing(SPACE_S)
    view.password = QLineEdit()
    view.password.setEchoMode(QLineEdit.EchoMode.Password)
    view.password.returnPressed.connect(view._on_unlock_clicked)
    row.addWidget(view.password, 1)
    view.unlock_button = QPushButton()
    view.unlock_button.setProperty("primary", True)
    view.unlock_button.clicked.connect(view._on_unlock_clicked)
    row.addWidget(view.unlock_button)
    card.add_layout(row)
    view.lock_note = QLabel()
    view.lock_note.setProperty("role", "caption")
    view.lock_note.setWordWrap(True)
    card.add_widget(view.lock_note)
    view.unlock_error = ErrorBanner()
    card.add_widget(view.unlock_error)
    body.addWidget(card)
    view.more_account_buttons = {}  # mode → button; none at a kiosk
    if view.policy.may_manage_keys:
        more = QHBoxLayout()
        more.addStretch(1)
        for mode in ("create", "import"):
            button = QPushButton()
            button.setProperty("flat", True)
            button.clicked.connect(lambda _c=False, m=mode: view.open_account_dialog(m))
            more.addWidget(button)
            view.more_account_buttons[mode] = button
        body.addLayout(more)
    body.addStretch(1)
    return scroll


def build_panel(view) -> QWidget:
    """The unlocked wallet: network, account card (address, QR, balance, actions), activity."""
    scroll, body = column()
    header = QHBoxLayout()
    header.setSpacing(SPACE_M)
    view.network_chip = StatusChip("", "warning", "warning")
    header.addWidget(view.network_chip)
    header.addStretch(1)
    view.network_combo = QComboBox()
    for key, label in view._network_keys:
        view.network_combo.addItem(label, key)
    view.network_combo.activated.connect(view._on_network_activated)
    view.network_combo.setVisible(view.policy.may_switch_network)
    header.addWidget(view.network_combo)
    view.lock_button = QPushButton()
    view.lock_button.clicked.connect(lambda: view.lock())
    header.addWidget(view.lock_button)
    body.addLayout(header)

    account = Card()
    grid = QGridLayout()
    grid.setHorizontalSpacing(SPACE_XL)
    grid.setVerticalSpacing(SPACE_S)
    view.account_name = QLabel()
    view.account_name.setProperty("role", "emphasis")
    view.account_name.setTextFormat(Qt.TextFormat.PlainText)
    grid.addWidget(view.account_name, 0, 0)
    view.address_field = CopyField(lambda: translate("WalletPages", "Address"))
    grid.addWidget(view.address_field, 1, 0)
    view.balance = QLabel("—")
    view.balance.setObjectName("walletBalance")
    grid.addWidget(view.balance, 2, 0)
    view.minter_note = QLabel()
    view.minter_note.setProperty("role", "caption")
    view.minter_note.setWordWrap(True)
    grid.addWidget(view.minter_note, 3, 0)
    actions = QHBoxLayout()
    actions.setSpacing(SPACE_S)
    view.faucet_button = QPushButton()
    view.faucet_button.clicked.connect(view._on_faucet_clicked)
    actions.addWidget(view.faucet_button)
    view.send_button = QPushButton()
    view.send_button.setVisible(view.policy.may_manage_keys)  # a visitor never moves the kiosk's money
    view.send_button.clicked.connect(lambda: view.open_send_dialog())  # not `checked` as the record to send again
    actions.addWidget(view.send_button)
    view.explorer_button = QPushButton()
    view.explorer_button.clicked.connect(view._open_account_in_explorer)
    actions.addWidget(view.explorer_button)
    # Account housekeeping in one menu; a kiosk never hands out, renames or removes keys.
    view.more_button = QToolButton()
    view.more_button.setProperty("labelArrow", True)
    view.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(view.more_button)
    view.rename_action = menu.addAction("", view._on_rename_clicked)
    view.export_action = menu.addAction("", view._on_export_clicked)
    menu.addSeparator()
    view.remove_action = menu.addAction("", view._on_remove_clicked)
    view.more_button.setMenu(menu)
    view.more_button.setVisible(view.policy.may_manage_keys)
    actions.addWidget(view.more_button)
    actions.addStretch(1)
    grid.addLayout(actions, 4, 0)
    view.qr = QLabel()
    view.qr.setFixedSize(QR_SIZE, QR_SIZE)
    grid.addWidget(view.qr, 0, 1, 5, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
    grid.setColumnStretch(0, 1)
    account.add_layout(grid)
    body.addWidget(account)
    view.panel_error = ErrorBanner()
    body.addWidget(view.panel_error)

    view.activity_card = activity = Card(" ")
    view.activity = ActivityList()
    view.activity.sig_confirm_again.connect(view._on_confirm_again)
    activity.add_widget(view.activity)
    activity.setVisible(view.policy.sees_every_design)  # else it lists earlier visitors' tokens and addresses
    body.addWidget(activity)
    body.addStretch(1)
    return scroll


def retranslate_pages(view) -> None:
    """The pages' fixed words, in the language of the moment (the view's retranslate() calls this)."""
    view.unlock_card.set_title(translate("WalletPages", "Unlock your wallet"))
    view.account_combo.setAccessibleName(translate("WalletPages", "Account"))
    view.password.setPlaceholderText(translate("WalletPages", "Password"))
    view.password.setAccessibleName(translate("WalletPages", "Wallet password"))
    for mode, text in (
        ("create", translate("WalletPages", "Create another account")),
        ("import", translate("WalletPages", "Import an account")),
    ):
        if mode in view.more_account_buttons:
            view.more_account_buttons[mode].setText(text)
    view.network_combo.setAccessibleName(translate("WalletPages", "Network"))
    for index, (key, label) in enumerate(view._network_keys):
        view.network_combo.setItemText(index, choice_label(key, label))  # the item's data, the key, stays
    view.lock_button.setText(translate("WalletPages", "Lock"))
    view.lock_button.setToolTip(translate("WalletPages", "Lock the wallet: its password is needed to sign again"))
    view.balance.setAccessibleName(translate("WalletPages", "Balance"))
    view.faucet_button.setText(translate("WalletPages", "Get test KAIA"))
    view.faucet_button.setToolTip(translate("WalletPages", "Sandbox only: 100 test KAIA and permission to mint"))
    view.send_button.setText(translate("WalletPages", "Send KAIA…"))
    view.send_button.setToolTip(translate("WalletPages", "Send KAIA from this wallet, e.g. a prize payout"))
    view.explorer_button.setText(translate("WalletPages", "View on KaiaScan"))
    view.more_button.setText(translate("WalletPages", "Account ▾"))
    view.more_button.setAccessibleName(translate("WalletPages", "Account actions"))
    view.rename_action.setText(translate("WalletPages", "Rename…"))
    view.export_action.setText(translate("WalletPages", "Export keystore…"))
    view.remove_action.setText(translate("WalletPages", "Remove from this computer…"))
    view.qr.setAccessibleName(translate("WalletPages", "Address as a QR code"))
    view.activity_card.set_title(translate("WalletPages", "Activity"))
