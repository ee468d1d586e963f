"""A secret kept in the system keyring, edited in Settings: where it comes from now (masked), a field to paste a
new one, Save and Remove. Keyring calls can block (D-Bus, an unlock prompt), so they never run on the UI thread.

What was typed stays in the field until it is safely kept: a refusal (no keyring, a locked one) says so under the
field, and where there is no keyring at all it offers to use the secret until the app quits, written nowhere."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.description.keys import ApiKeyStore, KeyLookup, NoKeyring
from ui.tasks import run_in_background
from ui.theme import SPACE_S
from ui.widgets.error_banner import ErrorBanner, plain_words

FOR_THIS_SESSION = "Use until I quit"


class SecretRow(QWidget):
    sig_changed = Signal(object)  # the KeyLookup after each refresh

    def __init__(
        self,
        store: ApiKeyStore,
        placeholder: str,
        describe: Callable[[KeyLookup], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._describe = describe
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_S)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "caption")
        lay.addWidget(self.status)
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        self.input = QLineEdit()
        self.input.setEchoMode(QLineEdit.EchoMode.Password)
        self.input.setPlaceholderText(placeholder)
        self.input.setAccessibleName(store.what)
        row.addWidget(self.input, 1)
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip(f"Keep the {store.what} in the system keyring")
        self.save_button.clicked.connect(self._on_save)
        row.addWidget(self.save_button)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._on_remove)
        row.addWidget(self.remove_button)
        lay.addLayout(row)
        self.error = ErrorBanner()
        lay.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        run_in_background(self.store.get, self._show_lookup, self._show_error, self)

    def _show_lookup(self, lookup: KeyLookup) -> None:
        text = self._describe(lookup)
        if lookup.problem:
            text += " " + lookup.problem
        self.status.setText(text)
        self.remove_button.setEnabled(lookup.source in ("keyring", "session"))
        self.sig_changed.emit(lookup)

    def _show_error(self, error: BaseException) -> None:
        message, details = plain_words(error, f"The {self.store.what} was not saved: the key store refused. Try again.")
        action = None
        if isinstance(error, NoKeyring):
            store = self.store
            message = (
                f"Not saved: this system has no keyring to keep the {store.what} safe. Use it until you quit (kept "
                f"in memory only, never on disk), or set the {store.env_var} environment variable before starting "
                "SM6 Design Studio."
            )
            action = (FOR_THIS_SESSION, self._on_use_for_session)
        self.error.show_message(message, details, "warning", action=action)

    def _on_save(self) -> None:
        secret = self.input.text()
        self.error.clear()
        # The field keeps what was typed until the keyring has it: a refusal must not silently lose a pasted key.
        run_in_background(lambda: self.store.set(secret), lambda _r: self._on_kept(secret), self._show_error, self)

    def _on_use_for_session(self) -> None:
        try:
            self.store.use_for_session(self.input.text())
        except ValueError as exc:  # InvalidApiKey: empty, or spaces inside
            self._show_error(exc)
            return
        self._on_kept(self.input.text())

    def _on_kept(self, secret: str) -> None:
        if self.input.text() == secret:  # not something typed since
            self.input.clear()
        self.error.clear()
        self.refresh()

    def _on_remove(self) -> None:
        self.error.clear()
        run_in_background(self.store.clear, lambda _r: self.refresh(), self._show_error, self)
