"""The one visible error path (DESIGN.md rule 6): a plain sentence, its severity in words, details on demand.

Message and details often come from outside (a model, an API, a node), so both are shown as plain
text only: a `<b>` or `<img>` in them is displayed literally, never interpreted.
"""

from __future__ import annotations

import traceback
from typing import Callable, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.messages import Message
from ui.i18n import Retranslating, translate
from ui.icons import icon, pixmap
from ui.theme import SPACE_L, SPACE_M, SPACE_S, current_theme, repolish
from ui.widgets.words import Words, said

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
# English, as logs and tests know it; shown through translate() in the person's language.
GENERIC_MESSAGE = QT_TRANSLATE_NOOP(
    "ErrorBanner", "Something went wrong. Try again; if it keeps happening, copy the details for support."
)
DETAILS_MAX_HEIGHT = 180


def severity_word(severity: str) -> str:
    if severity == "warning":
        return translate("ErrorBanner", "Warning")
    if severity == "info":
        return translate("ErrorBanner", "Note")
    return translate("ErrorBanner", "Error")


def plain_words(exc: BaseException, fallback: "str | Message | None" = None) -> tuple[str, str]:
    """(message, details) a person may see for `exc`: its own words when it was written for them (a
    UserFacingError), else `fallback` (the generic sentence), with the exception only behind "Show details"."""
    if isinstance(exc, UserFacingError):
        return exc.msg.render(), exc.details  # by its id: translated once a translator is installed
    words = translate("ErrorBanner", GENERIC_MESSAGE) if fallback is None else str(fallback)
    return words, "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class ErrorBanner(Retranslating, QFrame):
    sig_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._severity: str = "error"
        self._action: Callable[[], None] | None = None
        # What is said, kept as given: a core Message or a callable is said again in a new language.
        self._message: "Words | Message" = ""
        self._action_words: Words = ""
        self._setup_ui()
        self.retranslate()
        self.hide()

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_L, SPACE_M, SPACE_S, SPACE_M)
        outer.setSpacing(SPACE_S)

        row = QHBoxLayout()
        row.setSpacing(SPACE_M)
        self._icon_label = QLabel()
        self._icon_label.setFixedSize(20, 20)
        row.addWidget(self._icon_label, 0, Qt.AlignmentFlag.AlignVCenter)

        self.severity_label = QLabel()
        self.severity_label.setObjectName("errorSeverity")
        self.severity_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.severity_label, 0, Qt.AlignmentFlag.AlignVCenter)

        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.setSpacing(SPACE_S)
        text.addWidget(self.message_label)
        # The next step, right under the problem ("Get test KAIA", "Add a key…"); hidden when there is none. Under
        # it, not beside it: beside it, a long sentence would be squeezed into a narrow column.
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._on_action)
        self.action_button.hide()
        text.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(text, 1)

        self.details_button = QPushButton()
        self.details_button.setProperty("flat", True)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._on_details_toggled)
        row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.dismiss_button = QToolButton()
        # No Esc shortcut: Esc belongs to cancelling a busy task, which matters more than a banner.
        self.dismiss_button.clicked.connect(self._on_dismiss)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(row)

        self.details_box = QPlainTextEdit()
        self.details_box.setObjectName("errorDetails")
        self.details_box.setReadOnly(True)
        self.details_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_box.setMaximumHeight(DETAILS_MAX_HEIGHT)
        self.details_box.hide()
        outer.addWidget(self.details_box)

    # --- API -----------------------------------------------------------------------------------

    def show_message(
        self,
        message: "Words | Message",
        details: str = "",
        severity: Severity = "error",
        action: tuple[Words, Callable[[], None]] | None = None,
    ) -> None:
        """`action`: (button text, callback) for the one thing to do about it, shown beside the message. A core
        Message, or a callable that returns the words, is said again when the language changes; a str stays."""
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")  # i18n: not shown
        self._severity = severity
        self.setProperty("severity", severity)
        repolish(self)
        self._message = message
        self.details_box.setPlainText(details)
        self.details_button.setVisible(bool(details.strip()))
        self.details_button.setChecked(False)
        self._action = action[1] if action else None
        self._action_words = action[0] if action else ""
        self.action_button.setVisible(action is not None)
        self._on_details_toggled(False)
        self._refresh_icons()
        self._say()
        self.show()

    def retranslate(self) -> None:
        self.dismiss_button.setToolTip(translate("ErrorBanner", "Dismiss"))
        self.dismiss_button.setAccessibleName(translate("ErrorBanner", "Dismiss"))
        self._on_details_toggled(self.details_button.isChecked())
        self._say()

    def _say(self) -> None:
        message = said(self._message)  # a callable, a core Message or Msg, or plain words
        self.severity_label.setText(severity_word(self._severity))
        self.message_label.setText(message)
        self.action_button.setText(said(self._action_words))
        self.setAccessibleName(
            translate("ErrorBanner", "{severity}: {message}").format(
                severity=severity_word(self._severity), message=message
            )
            if message
            else ""
        )

    def show_exception(self, exc: BaseException) -> None:
        """A UserFacingError speaks for itself; anything else gets a generic sentence and its traceback."""
        details = plain_words(exc)[1]
        if isinstance(exc, UserFacingError):
            self.show_message(exc.msg, details)  # its Message, so a language change says it again
        else:
            self.show_message(lambda: translate("ErrorBanner", GENERIC_MESSAGE), details)

    def clear(self) -> None:
        self.message_label.clear()
        self.details_box.clear()
        self._message = ""
        self._action = None
        self._action_words = ""
        self.action_button.hide()
        self.hide()

    def message(self) -> str:
        return self.message_label.text()

    def severity(self) -> str:
        return self._severity

    def details_visible(self) -> bool:
        return self.details_box.isVisibleTo(self)

    # --- slots ---------------------------------------------------------------------------------

    def _on_details_toggled(self, checked: bool) -> None:
        self.details_box.setVisible(checked)
        self.details_button.setText(
            translate("ErrorBanner", "Hide details") if checked else translate("ErrorBanner", "Show details")
        )

    def _on_action(self) -> None:
        if self._action is not None:
            self._action()

    def _on_dismiss(self) -> None:
        self.clear()
        self.sig_dismissed.emit()

    def _refresh_icons(self) -> None:
        theme = current_theme()
        name = {"error": "error", "warning": "warning", "info": "info"}[self._severity]
        self._icon_label.setPixmap(pixmap(name, theme.color(self._severity), 20))
        self.dismiss_button.setIcon(icon("cancel", theme.text_secondary, 18))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icons()
        super().changeEvent(event)
