"""A secret kept in the system keyring, edited in Settings: where it comes from now (masked), a field to paste a
new one, Save and Remove. Keyring calls can block (D-Bus, an unlock prompt), so they never run on the UI thread.

What was typed stays in the field until it is safely kept: a refusal (no keyring, a locked one) says so under the
field, and where there is no keyring at all it offers to use the secret until the app quits, written nowhere."""

from __future__ import annotations

import traceback
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.description.keys import ApiKeyStore, KeyLookup, NoKeyring
from app.errors import UserFacingError
from ui.i18n import Retranslating, translate
from ui.tasks import run_in_background
from ui.theme import SPACE_S
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.words import Words, said

FOR_THIS_SESSION = QT_TRANSLATE_NOOP("SecretRow", "Use until I quit")  # English; shown through translate()


class SecretRow(Retranslating, QWidget):
    """`placeholder`, `what` (the secret's name in a sentence, "OpenAI API key") and the Save button's words may be
    callables, said again when the language changes (see words.py); `describe` is asked again then too."""

    sig_changed = Signal(object)  # the KeyLookup after each refresh

    def __init__(
        self,
        store: ApiKeyStore,
        placeholder: Words,
        describe: Callable[[KeyLookup], str],
        parent: QWidget | None = None,
        *,
        what: Words | None = None,
        save_text: Words | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._describe = describe
        self._placeholder = placeholder
        self._what = what if what is not None else store.what
        self._save_text = save_text
        self._lookup: KeyLookup | None = None
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
        row.addWidget(self.input, 1)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._on_save)
        row.addWidget(self.save_button)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._on_remove)
        row.addWidget(self.remove_button)
        lay.addLayout(row)
        self.error = ErrorBanner()
        lay.addWidget(self.error)
        self.retranslate()
        self.refresh()

    def set_save_text(self, words: Words) -> None:
        self._save_text = words
        self.save_button.setText(said(words))

    def retranslate(self) -> None:
        what = said(self._what)
        self.input.setPlaceholderText(said(self._placeholder))
        self.input.setAccessibleName(what)
        self.save_button.setText(
            said(self._save_text) if self._save_text is not None else translate("SecretRow", "Save")
        )
        self.save_button.setToolTip(translate("SecretRow", "Keep the {what} in the system keyring").format(what=what))
        self.remove_button.setText(translate("SecretRow", "Remove"))
        if self._lookup is not None:
            self._say_lookup(self._lookup)
            if self._lookup.problem:  # the core's words for the problem come with a fresh look
                self.refresh()

    def refresh(self) -> None:
        run_in_background(self.store.get, self._show_lookup, self._show_error, self)

    def _show_lookup(self, lookup: KeyLookup) -> None:
        self._lookup = lookup
        self._say_lookup(lookup)
        self.remove_button.setEnabled(lookup.source in ("keyring", "session"))
        self.sig_changed.emit(lookup)

    def _say_lookup(self, lookup: KeyLookup) -> None:
        text = self._describe(lookup)
        if lookup.problem:
            text = translate("SecretRow", "{status} {problem}").format(status=text, problem=lookup.problem)
        self.status.setText(text)

    def _show_error(self, error: BaseException) -> None:
        # Callables and core Messages, so the banner says them again if the language changes while it shows.
        action = None
        if isinstance(error, NoKeyring):
            message, details = self._no_keyring, error.details
            action = (lambda: translate("SecretRow", FOR_THIS_SESSION), self._on_use_for_session)
        elif isinstance(error, UserFacingError):
            message, details = error.msg, error.details
        else:
            message, details = self._refused, _trace(error)
        self.error.show_message(message, details, "warning", action=action)

    def _refused(self) -> str:
        return translate("SecretRow", "The {what} was not saved: the key store refused. Try again.").format(
            what=said(self._what)
        )

    def _no_keyring(self) -> str:
        return translate(
            "SecretRow",
            "Not saved: this system has no keyring to keep the {what} safe. Use it until you quit (kept in memory "
            "only, never on disk), or set the {env_var} environment variable before starting SM6 Design Studio.",
        ).format(what=said(self._what), env_var=self.store.env_var)

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


def _trace(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))
