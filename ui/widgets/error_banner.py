"""The one visible error path (DESIGN.md rule 6): a plain sentence, its severity in words, details on demand.

Message and details often come from outside (a model, an API, a node), so both are shown as plain
text only: a `<b>` or `<img>` in them is displayed literally, never interpreted.
"""

from __future__ import annotations

import traceback
from typing import Callable, Literal

from PySide6.QtCore import QEvent, Qt, Signal
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
from ui.icons import icon, pixmap
from ui.theme import SPACE_L, SPACE_M, SPACE_S, current_theme, repolish

Severity = Literal["error", "warning", "info"]
SEVERITY_WORDS: dict[str, str] = {"error": "Error", "warning": "Warning", "info": "Note"}
GENERIC_MESSAGE = "Something went wrong. Try again; if it keeps happening, copy the details for support."
DETAILS_MAX_HEIGHT = 180


def plain_words(exc: BaseException, fallback: "str | Message" = GENERIC_MESSAGE) -> tuple[str, str]:
    """(message, details) a person may see for `exc`: its own words when it was written for them (a
    UserFacingError), else `fallback`, with the exception only behind "Show details"."""
    if isinstance(exc, UserFacingError):
        return exc.msg.render(), exc.details  # by its id: translated once a translator is installed
    return str(fallback), "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class ErrorBanner(QFrame):
    sig_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._severity: str = "error"
        self._action: Callable[[], None] | None = None
        self._setup_ui()
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

        self.details_button = QPushButton("Show details")
        self.details_button.setProperty("flat", True)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._on_details_toggled)
        row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.dismiss_button = QToolButton()
        # No Esc shortcut: Esc belongs to cancelling a busy task, which matters more than a banner.
        self.dismiss_button.setToolTip("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss")
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
        message: str | Message,
        details: str = "",
        severity: Severity = "error",
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """`action`: (button text, callback) for the one thing to do about it, shown beside the message. A core
        Message is shown in the installed language."""
        message = str(message)
        if severity not in SEVERITY_WORDS:
            raise ValueError(f"unknown severity {severity!r}")
        self._severity = severity
        self.setProperty("severity", severity)
        repolish(self)
        self.severity_label.setText(SEVERITY_WORDS[severity])
        self.message_label.setText(message)
        self.details_box.setPlainText(details)
        self.details_button.setVisible(bool(details.strip()))
        self.details_button.setChecked(False)
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self._on_details_toggled(False)
        self._refresh_icons()
        self.setAccessibleName(f"{SEVERITY_WORDS[severity]}: {message}")
        self.show()

    def show_exception(self, exc: BaseException) -> None:
        """A UserFacingError speaks for itself; anything else gets a generic sentence and its traceback."""
        self.show_message(*plain_words(exc))

    def clear(self) -> None:
        self.message_label.clear()
        self.details_box.clear()
        self._action = None
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
        self.details_button.setText("Hide details" if checked else "Show details")

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
