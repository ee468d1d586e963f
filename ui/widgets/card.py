"""A surface for grouping related controls: rounded, bordered, padded, with an optional title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QVBoxLayout, QWidget

from ui.i18n import Retranslating
from ui.theme import SPACE_L, SPACE_M, SPACE_XL
from ui.widgets.words import Words, said


class Card(Retranslating, QFrame):
    """Add content with `add_widget`/`add_layout`, or use `body` (a QVBoxLayout) directly.

    A title given as a callable is said again when the language changes (see words.py); a str is the owner's to
    re-set with `set_title`."""

    def __init__(self, title: Words | None = None, parent: QWidget | None = None, *, padding: int = SPACE_XL) -> None:
        super().__init__(parent)
        self._title_words: Words | None = title
        self.setObjectName("card")
        # Without this, a plain QFrame subclass ignores the stylesheet background.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._title_label: QLabel | None = None
        self._setup_ui(title, padding)

    def _setup_ui(self, title: Words | None, padding: int) -> None:
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(padding, padding, padding, padding)
        self.body.setSpacing(SPACE_M)
        if title:
            self._title_label = QLabel(said(title))
            self._title_label.setTextFormat(Qt.TextFormat.PlainText)
            self._title_label.setProperty("role", "emphasis")
            self.body.addWidget(self._title_label)
            self.body.addSpacing(SPACE_L - SPACE_M)

    def title(self) -> str:
        return self._title_label.text() if self._title_label else ""

    def set_title(self, title: Words) -> None:
        self._title_words = title
        if self._title_label is None:
            self._title_label = QLabel()
            self._title_label.setTextFormat(Qt.TextFormat.PlainText)
            self._title_label.setProperty("role", "emphasis")
            self.body.insertWidget(0, self._title_label)
        self._title_label.setText(said(title))

    def retranslate(self) -> None:
        if callable(self._title_words) and self._title_label is not None:
            self._title_label.setText(said(self._title_words))

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.body.addWidget(widget, stretch)

    def add_layout(self, layout: QLayout, stretch: int = 0) -> None:
        self.body.addLayout(layout, stretch)
