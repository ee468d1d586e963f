"""Small pieces shared by the model screens and Settings: a folder row with "Open", sizes, safe tooltips."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.icons import icon
from ui.theme import SPACE_M, SPACE_XS, current_theme
from ui.widgets.elided_label import ElidedLabel, plain_tooltip

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
    """Sizes the way a file manager shows them (decimal units), e.g. "2.1 GB", "840 MB"."""
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit in ("bytes", "KB", "MB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{n} bytes"


class FolderRow(QWidget):
    """Title above its path (selectable, plain text), an "Open" button to the right."""

    def __init__(self, title: str, path: Path, button_text: str = "Open", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._setup_ui(title, button_text)
        self._refresh_icon()

    def _setup_ui(self, title: str, button_text: str) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_M)
        text = QVBoxLayout()
        text.setSpacing(SPACE_XS)
        self.title_label = QLabel(title)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label = ElidedLabel(str(self.path), mode=Qt.TextElideMode.ElideMiddle)  # "/home/…/models"
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        self.path_label.setAccessibleName(str(self.path))
        self.path_label.setProperty("role", "caption")
        text.addWidget(self.title_label)
        text.addWidget(self.path_label)
        row.addLayout(text, 1)
        self.open_button = QPushButton(button_text)
        self.open_button.setProperty("flat", True)
        self.open_button.setToolTip(plain_tooltip(f"Show {self.path} in your file manager"))
        self.open_button.setAccessibleName(f"{button_text}: {title}")
        self.open_button.clicked.connect(self._on_open)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _on_open(self) -> None:
        if not open_folder(self.path):
            self.open_button.setToolTip(plain_tooltip(f"{self.path} does not exist and cannot be created here"))

    def _refresh_icon(self) -> None:
        self.open_button.setIcon(icon("folder", current_theme().text_secondary, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)
