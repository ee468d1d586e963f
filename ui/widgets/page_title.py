"""The workspace title every workspace shows at its top left: one size (STYLE.md's 28 px workspace title), one look.

Workspaces differ in what sits beside the title (actions, tabs, a chip), so `PageHeader` is a row with the title on
the left and room on the right; `PageTitle` alone is for a workspace that lays out its own row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.i18n import Retranslating
from ui.theme import SPACE_M
from ui.widgets.words import Words, said


class PageTitle(Retranslating, QLabel):
    """A title given as a callable is said again when the language changes (see words.py); a str is the owner's
    to re-set (`setText` keeps the accessible name in step)."""

    def __init__(self, text: Words, parent: QWidget | None = None) -> None:
        super().__init__(said(text), parent)
        self._words = text
        self.setObjectName("pageTitle")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "title")  # styled by the application stylesheet (ui/theme_qss.py)
        self.setAccessibleName(said(text))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setAccessibleName(text)

    def retranslate(self) -> None:
        if callable(self._words):
            self.setText(said(self._words))


class PageHeader(QWidget):
    """The title, then whatever `add_widget` puts on the right (aligned to the title's middle)."""

    def __init__(self, text: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(SPACE_M)
        self.title = PageTitle(text)
        self.row.addWidget(self.title, 0, Qt.AlignmentFlag.AlignVCenter)
        self.row.addStretch(1)

    def add_widget(self, widget: QWidget) -> None:
        self.row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
