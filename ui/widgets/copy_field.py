"""Addresses and hashes as people copy them: one line elided in the middle, a copy button, monospace type.

Shared by the Token workspace (CIDs, contract, owner) and the Wallet (addresses, transaction hashes), so it lives
here rather than in either workspace (workspaces do not import each other: pyproject.toml's import contracts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import FONT_CAPTION, MONOSPACE_FAMILIES, RADIUS, SPACE_XS, Theme, current_theme
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.words import Words, said

COPY_ICON = 16
COPIED_MS = 1400  # how long the copy button says "Copied"


def address_stylesheet(theme: Theme) -> str:
    """The rules an address needs (monospace, the compact copy button), for a page or dialog that shows one."""
    mono = ", ".join(f'"{f}"' for f in MONOSPACE_FAMILIES[:-1]) + ", monospace"
    return (
        f"QLabel#address {{ font-family: {mono}; font-size: {FONT_CAPTION}px; }}\n"  # i18n: not shown (a style sheet)
        f"QToolButton#copyButton {{ min-width: 0; min-height: 0; padding: {SPACE_XS}px; border-radius: {RADIUS}px;"
        f" font-size: {FONT_CAPTION}px; }}\n"
    )


class AddressLabel(ElidedLabel):
    """An address or hash on one line, "…" in its middle when narrow (both ends identify it), selectable."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent, mode=Qt.TextElideMode.ElideMiddle)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # the row decides its width
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class CopyField(Retranslating, QWidget):
    """A monospace address, elided in the middle, with a button that puts `value` on the clipboard.

    `what` names the value ("Address"); a callable is asked again when the language changes (see words.py)."""

    def __init__(self, what: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self._value = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_XS)
        self.label = AddressLabel()
        self.label.setObjectName("address")
        layout.addWidget(self.label, 1)
        self.button = QToolButton()
        self.button.setObjectName("copyButton")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.button.clicked.connect(self.copy)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._reset_timer = QTimer(self, singleShot=True, interval=COPIED_MS)
        self._reset_timer.timeout.connect(self._show_copy_icon)
        self.refresh_icons()
        self.retranslate()

    def set_what(self, what: Words) -> None:
        self._what = what
        self.retranslate()

    def retranslate(self) -> None:
        what = said(self._what)
        if not self._value:  # once there is a value, the label's name is the value itself (ElidedLabel)
            self.label.setAccessibleName(what)
        copy_words = translate("CopyField", "Copy {what}").format(what=_lower_first(what))
        self.button.setAccessibleName(copy_words)
        self.button.setToolTip(translate("CopyField", "Copied") if self._reset_timer.isActive() else copy_words)

    def value(self) -> str:
        return self._value

    def set_value(self, value: str, shown: str | None = None) -> None:
        self._value = value
        self.label.set_full_text(shown if shown is not None else value)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._value)
        self.button.setIcon(icon("success", current_theme().success, COPY_ICON))
        self._reset_timer.start()
        self.retranslate()

    def _show_copy_icon(self) -> None:
        self.retranslate()
        self.refresh_icons()

    def refresh_icons(self) -> None:
        self.button.setIcon(icon("copy", current_theme().text_secondary, COPY_ICON))


def _lower_first(words: str) -> str:
    """ "Metadata CID" → "metadata CID" inside a sentence; an acronym ("CID") and Korean stay as they are."""
    if len(words) > 1 and words[0].isupper() and not words[1].isupper():
        return words[0].lower() + words[1:]
    return words
