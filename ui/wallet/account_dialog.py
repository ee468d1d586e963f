"""Create or import a wallet account: a name, the secret to import (if any), and a password that encrypts it.

Key derivation (scrypt, about a second) runs on the chain service's worker thread; the dialog stays responsive and
says what it is doing. Secrets leave the text fields as soon as they are handed over. Names, account numbers and
keystore files are checked by the core (app.chain.user_input, app.chain.keystore_format), so every front end
refuses the same things in the same words.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.chain.networks import ETHEREUM_PATH, KAIA_PATH
from app.chain.passwords import password_problem, password_strength
from app.chain.user_input import InputError, path_with_index
from app.chain.wallet_index import MAX_NAME_LENGTH
from app.errors import UserFacingError
from ui.i18n import Retranslating, translate
from ui.tasks import deliver as watch
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.form_layout import form_layout
from ui.widgets.start_folder import remember, start_folder

log = logging.getLogger(__name__)

DIALOG_WIDTH = 560
IMPORT_KINDS = (
    ("mnemonic", QT_TRANSLATE_NOOP("AccountDialog", "Recovery phrase")),
    ("private_key", QT_TRANSLATE_NOOP("AccountDialog", "Private key")),
    ("keystore", QT_TRANSLATE_NOOP("AccountDialog", "Keystore file")),
)
APP_PROBLEM = QT_TRANSLATE_NOOP(
    "AccountDialog",
    "The account could not be saved because of a problem in the app. Nothing was changed. Try again; if it keeps "
    "happening, copy the details for support.",
)


class AccountDialog(Retranslating, QDialog):
    sig_account_added = Signal(object)  # WalletAccount

    def __init__(self, service, mode: str = "create", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.mode = mode  # "create" or "import"
        self._busy = False
        self.setMinimumWidth(DIALOG_WIDTH)
        self._setup_ui()
        self.retranslate()

    def retranslate(self) -> None:
        create = self.mode == "create"
        self.setWindowTitle(
            translate("AccountDialog", "Create a wallet") if create else translate("AccountDialog", "Import a wallet")
        )
        self.title.setText(self.windowTitle())
        self.intro.setText(
            translate(
                "AccountDialog",
                "Your wallet's key is created on this computer and kept encrypted with your password. Nobody, not even "
                "SM6 Design Studio, can recover the password: keep it safe.",
            )
            if create
            else translate(
                "AccountDialog",
                "Bring an existing Kaia or Ethereum account. Its key is encrypted with the password you set here and "
                "never leaves this computer.",
            )
        )
        if not create:
            for index, (_key, label) in enumerate(IMPORT_KINDS):
                self.kind_tabs.setTabText(index, translate("AccountDialog", label))
            self.mnemonic.setPlaceholderText(translate("AccountDialog", "The 12 or 24 words, separated by spaces"))
            self.mnemonic.setAccessibleName(translate("AccountDialog", "Recovery phrase"))
            self.kaia_path.setText(translate("AccountDialog", "Kaia ({path})").format(path=KAIA_PATH))
            self.eth_path.setText(translate("AccountDialog", "Ethereum / MetaMask ({path})").format(path=ETHEREUM_PATH))
            self.number_label.setText(translate("AccountDialog", "Account number"))
            self.account_index.setAccessibleName(translate("AccountDialog", "Account number"))
            self.account_index.setToolTip(
                translate("AccountDialog", "0 is the phrase's first account, 1 its second, and so on")
            )
            self.private_key.setPlaceholderText(
                translate("AccountDialog", "64 hexadecimal characters, with or without 0x")
            )
            self.private_key.setAccessibleName(translate("AccountDialog", "Private key"))
            self.keystore.setPlaceholderText(
                translate("AccountDialog", "Paste the keystore JSON (UTC--… file); the password below is the file's")
            )
            self.keystore.setAccessibleName(translate("AccountDialog", "Keystore JSON"))
            self.keystore_file_button.setText(translate("AccountDialog", "Open a keystore file…"))
        self.name.setPlaceholderText(translate("AccountDialog", "e.g. My SM6 wallet"))
        self.name.setAccessibleName(translate("AccountDialog", "Account name"))
        self.form.labelForField(self.name).setText(translate("AccountDialog", "Name"))
        self.password.setAccessibleName(translate("AccountDialog", "Password"))
        self.form.labelForField(self.password).setText(translate("AccountDialog", "Password"))
        self.confirmation.setAccessibleName(translate("AccountDialog", "Repeat the password"))
        self.confirmation_label.setText(translate("AccountDialog", "Repeat"))
        self.strength_bar.setAccessibleName(translate("AccountDialog", "Password strength"))
        self.cancel_button.setText(translate("AccountDialog", "Cancel"))
        self.ok_button.setText(
            translate("AccountDialog", "Create wallet") if create else translate("AccountDialog", "Import")
        )
        self._say_busy()
        self._on_password_changed()

    def _setup_ui(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        lay.setSpacing(SPACE_L)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        lay.addWidget(self.title)
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        intro.setProperty("role", "secondary")
        lay.addWidget(intro)

        if self.mode == "import":
            self.kind_tabs = QTabBar()
            for _key, _label in IMPORT_KINDS:
                self.kind_tabs.addTab("")
            self.kind_tabs.setExpanding(False)
            self.kind_tabs.setDrawBase(False)
            lay.addWidget(self.kind_tabs)
            self.secret_stack = QStackedWidget()
            self.secret_stack.addWidget(self._mnemonic_page())
            self.secret_stack.addWidget(self._private_key_page())
            self.secret_stack.addWidget(self._keystore_page())
            self.kind_tabs.currentChanged.connect(self._on_kind_changed)
            lay.addWidget(self.secret_stack)

        self.form = form = form_layout()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_LENGTH)
        form.addRow(" ", self.name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(self._on_password_changed)
        form.addRow(" ", self.password)
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation.textChanged.connect(self._on_password_changed)
        self.confirmation_label = QLabel()
        form.addRow(self.confirmation_label, self.confirmation)
        lay.addLayout(form)

        strength_row = QHBoxLayout()
        strength_row.setSpacing(SPACE_M)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setFixedHeight(6)
        strength_row.addWidget(self.strength_bar, 1)
        self.strength_label = QLabel()
        self.strength_label.setProperty("role", "caption")
        strength_row.addWidget(self.strength_label)
        lay.addLayout(strength_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "caption")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.hint)

        self.error = ErrorBanner()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        self.busy_label = QLabel()
        self.busy_label.setProperty("role", "caption")
        buttons.addWidget(self.busy_label, 1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.ok_button = QPushButton()
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._on_ok)
        buttons.addWidget(self.ok_button)
        lay.addLayout(buttons)

    def _mnemonic_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_S)
        self.mnemonic = QPlainTextEdit()
        self.mnemonic.setFixedHeight(84)
        lay.addWidget(self.mnemonic)
        row = QVBoxLayout()  # one choice a line: side by side, the Ethereum path is cut off at the dialog's width
        row.setSpacing(SPACE_XS)
        self.path_group = QButtonGroup(self)
        self.kaia_path = QRadioButton()
        self.eth_path = QRadioButton()
        self.kaia_path.setChecked(True)
        for radio in (self.kaia_path, self.eth_path):
            self.path_group.addButton(radio)
            row.addWidget(radio)
        lay.addLayout(row)
        number_row = QHBoxLayout()
        self.number_label = number_label = QLabel()
        number_row.addWidget(number_label)
        self.account_index = QLineEdit("0")
        self.account_index.setMaximumWidth(120)
        number_label.setBuddy(self.account_index)
        number_row.addWidget(self.account_index)
        number_row.addStretch(1)
        lay.addLayout(number_row)
        return page

    def _private_key_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.private_key = QLineEdit()
        self.private_key.setEchoMode(QLineEdit.EchoMode.Password)
        lay.addWidget(self.private_key)
        lay.addStretch(1)
        return page

    def _keystore_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.keystore = QPlainTextEdit()
        self.keystore.setFixedHeight(84)
        # A keystore is one long line with no word breaks: word wrapping a pasted megabyte of it takes minutes.
        self.keystore.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        lay.addWidget(self.keystore)
        row = QHBoxLayout()
        self.keystore_file_button = QPushButton()
        self.keystore_file_button.clicked.connect(self._on_choose_keystore_file)
        row.addWidget(self.keystore_file_button)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    def _on_choose_keystore_file(self) -> None:
        chooser = QFileDialog(self, translate("AccountDialog", "Open a keystore file"), str(start_folder("downloads")))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilters(
            [translate("AccountDialog", "Keystore files (*.json UTC--*)"), translate("AccountDialog", "All files (*)")]
        )
        chooser.fileSelected.connect(lambda path: remember("downloads", path))
        chooser.fileSelected.connect(self.load_keystore_file)
        chooser.open()
        self._chooser = chooser

    def load_keystore_file(self, path: str | Path) -> None:
        """Read a keystore file through the core's checks (size, UTF-8, nesting, a v3 keystore) into the box."""
        self.error.clear()
        self.keystore_file_button.setEnabled(False)
        watch(self.service.read_keystore_file(path), self._on_keystore_file, self._on_keystore_file_failed, self)

    def _on_keystore_file(self, text: str) -> None:
        self.keystore_file_button.setEnabled(True)
        self.keystore.setPlainText(text)

    def _on_keystore_file_failed(self, error: BaseException) -> None:
        self.keystore_file_button.setEnabled(True)
        self._show_error(error)

    # --- behaviour ---

    def kind(self) -> str:
        return IMPORT_KINDS[self.kind_tabs.currentIndex()][0] if self.mode == "import" else "create"

    def _on_kind_changed(self, index: int) -> None:
        self.secret_stack.setCurrentIndex(index)
        self._on_password_changed()

    def _needs_new_password(self) -> bool:
        return self.kind() != "keystore"  # a keystore brings its own password

    def _on_password_changed(self) -> None:
        new = self._needs_new_password()
        self.confirmation.setVisible(new)
        self.confirmation_label.setVisible(new)
        self.strength_bar.setVisible(new)
        self.strength_label.setVisible(new)
        password = self.password.text()
        if not new:
            self.hint.setText(translate("AccountDialog", "The keystore file's own password."))
            return
        if not password:
            self.strength_bar.setValue(0)
            self.strength_label.setText("")
            self.hint.setText(
                translate("AccountDialog", "At least 8 characters. A few unrelated words make a strong password.")
            )
            return
        strength = password_strength(password)
        self.strength_bar.setValue(strength.score)
        self.strength_label.setText(strength.label)
        self.hint.setText(strength.hint or "")

    def _on_ok(self) -> None:
        password = self.password.text()
        if self._needs_new_password():
            problem = password_problem(password, self.confirmation.text())
            if problem:
                self.error.show_message(problem)
                return
        name = self.name.text().strip()
        kind = self.kind()
        if kind == "create":
            future = self.service.create_account(name, password)
        elif kind == "private_key":
            future = self.service.import_private_key(name, self.private_key.text(), password)
        elif kind == "keystore":
            future = self.service.import_keystore(name, self.keystore.toPlainText(), password)
        else:
            try:
                path = path_with_index(
                    KAIA_PATH if self.kaia_path.isChecked() else ETHEREUM_PATH, self.account_index.text()
                )
            except InputError as exc:
                self.error.show_message(exc.msg)
                self.account_index.setFocus()
                return
            future = self.service.import_mnemonic(name, self.mnemonic.toPlainText(), password, path)
        self._set_busy(True)
        watch(future, self._on_added, self._on_failed, self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self._say_busy()
        if busy:
            self.error.clear()

    def _say_busy(self) -> None:
        self.busy_label.setText(
            translate("AccountDialog", "Encrypting the key with your password…") if self._busy else ""
        )

    def _on_added(self, account) -> None:
        self._set_busy(False)
        for field in (self.password, self.confirmation):
            field.clear()
        if self.mode == "import":
            self.private_key.clear()
            self.mnemonic.clear()
            self.keystore.clear()
        self.sig_account_added.emit(account)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.error.show_message(error.msg, error.details)
            return
        # A bug, not the person's doing. By type only: the text of an error around a secret may quote it.
        log.error("Account dialog: %s", type(error).__name__)
        self.error.show_message(lambda: translate("AccountDialog", APP_PROBLEM), type(error).__name__)
