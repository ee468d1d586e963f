"""What a workspace shows when it has nothing yet: an icon, what this is, and the next action."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ui.i18n import Retranslating
from ui.icons import pixmap
from ui.theme import EMPTY_ICON_BOX, EMPTY_ICON_SIZE, SPACE_M, SPACE_S, SPACE_XL, current_theme
from ui.widgets.centered_column import CenteredColumn
from ui.widgets.words import Words, said

TEXT_WIDTH = 440  # a comfortable line length for the explanation, at any window size


class EmptyState(Retranslating, QWidget):
    """Words given as callables are said again when the language changes (see words.py); words given as a str are
    the owner's to re-set (`set_words`, `set_text`)."""

    sig_primary_clicked = Signal()
    sig_secondary_clicked = Signal()

    def __init__(
        self,
        icon_name: str,
        title: Words,
        text: Words,
        primary_text: Words,
        secondary_text: Words | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._words: dict[str, Words | None] = {}
        self._setup_ui(said(title), said(text), said(primary_text), said(secondary_text))
        self.set_words(title, text, primary_text, secondary_text)
        self._refresh_icon()

    def set_words(self, title: Words, text: Words, primary_text: Words, secondary_text: Words | None = None) -> None:
        """All its words at once (a secondary button that was not made at first stays absent)."""
        self._words = {"title": title, "text": text, "primary": primary_text, "secondary": secondary_text}
        self._say(lambda _words: True)

    def retranslate(self) -> None:
        self._say(callable)

    def _say(self, which) -> None:
        for key, label in (
            ("title", self.title_label),
            ("text", self.text_label),
            ("primary", self.primary_button),
            ("secondary", self.secondary_button),
        ):
            words = self._words.get(key)
            if label is not None and words is not None and which(words):
                label.setText(said(words))

    def _setup_ui(self, title: str, text: str, primary_text: str, secondary_text: str | None) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        outer.setSpacing(0)
        column = CenteredColumn(TEXT_WIDTH)
        body = column.body
        outer.addStretch(1)
        outer.addWidget(column)
        outer.addStretch(1)

        self._icon_label = QLabel()
        self._icon_label.setObjectName("emptyIcon")
        self._icon_label.setFixedSize(EMPTY_ICON_BOX, EMPTY_ICON_BOX)
        self._icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self._icon_label, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addSpacing(SPACE_XL)

        self.title_label = _centred_label(title, "section")
        body.addWidget(self.title_label)
        body.addSpacing(SPACE_S)
        self.text_label = _centred_label(text, "secondary")
        body.addWidget(self.text_label)
        body.addSpacing(SPACE_XL)

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        buttons.addStretch(1)
        self.primary_button = QPushButton(primary_text)
        self.primary_button.setProperty("primary", True)
        self.primary_button.setDefault(True)
        self.primary_button.clicked.connect(self.sig_primary_clicked)
        buttons.addWidget(self.primary_button)
        self.secondary_button: QPushButton | None = None
        if secondary_text:
            self.secondary_button = QPushButton(secondary_text)
            self.secondary_button.clicked.connect(self.sig_secondary_clicked)
            buttons.addWidget(self.secondary_button)
        buttons.addStretch(1)
        body.addLayout(buttons)

    def set_text(self, text: Words) -> None:
        self._words["text"] = text
        self.text_label.setText(said(text))

    def _refresh_icon(self) -> None:
        self._icon_label.setPixmap(pixmap(self._icon_name, current_theme().text_secondary, EMPTY_ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)


def _centred_label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    label.setWordWrap(True)
    return label


def stack_with_empty_state(
    owner: QWidget, empty: EmptyState, workspace: QWidget, header: QWidget | None = None
) -> QStackedWidget:
    """Fill `owner` with `empty` (page 0) and `workspace` (page 1); the owner switches once it has content.

    `header` (the workspace's page title row) stays above both pages, so the title is there while it is empty too."""
    pages = QStackedWidget(owner)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    if header is not None:
        layout.addWidget(header)
    layout.addWidget(pages, 1)
    pages.addWidget(empty)
    pages.addWidget(workspace)
    return pages
