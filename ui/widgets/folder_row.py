"""Small pieces shared by the model screens and Settings: a folder row with "Open", sizes, safe tooltips."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_M, SPACE_XS, current_theme
from ui.widgets.elided_label import ElidedLabel, plain_tooltip
from ui.widgets.words import Words, said

__all__ = ["FolderRow", "human_size", "open_folder", "plain_tooltip"]  # plain_tooltip: ui/widgets/elided_label.py

log = logging.getLogger(__name__)

ICON_SIZE = 18


def open_folder(path: Path, create: bool = True) -> bool:
    """Show `path` in the system file manager, creating it first so the user has somewhere to drop files."""
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # e.g. the app folder is read-only once installed
            log.info("cannot create %s: %s", path, exc)
    if not path.is_dir():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def human_size(n: int) -> str:
    """Sizes the way a file manager shows them (decimal units), e.g. "2.1 GB", "840 MB"; digits follow the locale."""
    value = float(n)
    if value < 1000:
        return translate("FolderRow", "{n} bytes").format(n=QLocale().toString(int(n)))
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            digits = 0 if unit in ("KB", "MB") else 1
            return f"{QLocale().toString(value, 'f', digits)} {unit}"
    return ""  # not reached: TB takes everything left


class FolderRow(Retranslating, QWidget):
    """Title above its path (selectable, plain text), an "Open" button to the right. Title and button words may be
    callables, asked again when the language changes (see words.py); the button says "Open" unless told."""

    def __init__(
        self, title: Words, path: Path, button_text: Words | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._title = title
        self._button_text = button_text
        self._missing = False
        self._setup_ui()
        self._refresh_icon()
        self.retranslate()

    def set_words(self, title: Words, button_text: Words | None = None) -> None:
        self._title, self._button_text = title, button_text
        self.title_label.setText(said(title))
        self.open_button.setText(said(button_text))
        self.retranslate()

    def retranslate(self) -> None:
        # Words given as a str are the owner's to say again (it may set the labels itself); a callable is asked here.
        title = said(self._title) if callable(self._title) else self.title_label.text() or self._title
        if self._button_text is None:
            button = translate("FolderRow", "Open")
        else:
            button = (
                said(self._button_text) if callable(self._button_text) else self.open_button.text() or self._button_text
            )
        self.title_label.setText(title)
        self.open_button.setText(button)
        self.open_button.setAccessibleName(
            translate("FolderRow", "{button}: {title}").format(button=button, title=title)
        )
        tip = (
            translate("FolderRow", "{path} does not exist and cannot be created here")
            if self._missing
            else translate("FolderRow", "Show {path} in your file manager")
        )
        self.open_button.setToolTip(plain_tooltip(tip.format(path=self.path)))

    def _setup_ui(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_M)
        text = QVBoxLayout()
        text.setSpacing(SPACE_XS)
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label = ElidedLabel(str(self.path), mode=Qt.TextElideMode.ElideMiddle)  # "/home/…/models"
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        self.path_label.setAccessibleName(str(self.path))
        self.path_label.setProperty("role", "caption")
        text.addWidget(self.title_label)
        text.addWidget(self.path_label)
        row.addLayout(text, 1)
        self.open_button = QPushButton()
        self.open_button.setProperty("flat", True)
        self.open_button.clicked.connect(self._on_open)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _on_open(self) -> None:
        if not open_folder(self.path):
            self._missing = True
            self.retranslate()

    def _refresh_icon(self) -> None:
        self.open_button.setIcon(icon("folder", current_theme().text_secondary, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)
