"""Stand-in workspaces for Describe, Token and Wallet until their own views land."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.icons import pixmap
from ui.theme import EMPTY_ICON_BOX, EMPTY_ICON_SIZE, SPACE_L, SPACE_XL, SPACE_XXL, current_theme
from ui.widgets.centered_column import CenteredColumn
from ui.widgets.status_chip import StatusChip

TEXT_WIDTH = 520


@dataclass(frozen=True)
class PlaceholderCopy:
    title: str
    icon_name: str
    text: str


PLACEHOLDERS: dict[str, PlaceholderCopy] = {
    "describe": PlaceholderCopy(
        title="Describe",
        icon_name="describe",
        text=(
            "Give your SM6 a story. Here ChatGPT will draft a description of the car you designed, "
            "in Korean or English, and you can rewrite every word before it becomes part of your token. "
            "Nothing is published until you say so."
        ),
    ),
    "token": PlaceholderCopy(
        title="Token",
        icon_name="token",
        text=(
            "See your design as a collectible before it exists. This is where your image, description and "
            "details become NFT metadata, previewed the way a marketplace will show it, together with the "
            "IPFS content address (CID) that will forever point to exactly this picture."
        ),
    ),
    "wallet": PlaceholderCopy(
        title="Wallet",
        icon_name="wallet",
        text=(
            "Mint your SM6 on Kaia with a wallet built into the app, protected by a password only you know. "
            "It starts in a TEST sandbox, so you can try every step for free; switching to the real network "
            "is always a deliberate choice, clearly marked."
        ),
    ),
}


class PlaceholderView(QWidget):
    """A calm, centred page: icon, workspace title, what is coming, and a "Coming soon" chip."""

    def __init__(self, title: str, icon_name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._setup_ui(title, text)
        self._refresh_icon()

    @classmethod
    def for_workspace(cls, key: str, parent: QWidget | None = None) -> PlaceholderView:
        copy = PLACEHOLDERS[key]
        view = cls(copy.title, copy.icon_name, copy.text, parent)
        view.setObjectName(f"{key}Placeholder")
        return view

    def _setup_ui(self, title: str, text: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        layout.setSpacing(0)
        column = CenteredColumn(TEXT_WIDTH)
        body = column.body
        # Slightly above the optical centre, where a calm page rests.
        layout.addStretch(2)
        layout.addWidget(column)
        layout.addStretch(3)

        self._icon_label = QLabel()
        self._icon_label.setObjectName("placeholderIcon")
        self._icon_label.setFixedSize(EMPTY_ICON_BOX, EMPTY_ICON_BOX)
        self._icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self._icon_label, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addSpacing(SPACE_XL)

        self.title_label = QLabel(title)
        self.title_label.setProperty("role", "title")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.title_label)
        body.addSpacing(SPACE_L)

        self.text_label = QLabel(text)
        self.text_label.setProperty("role", "secondary")
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.text_label)
        body.addSpacing(SPACE_XL)

        self.chip = StatusChip("Coming soon", "neutral", "info")
        body.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignHCenter)

    def _refresh_icon(self) -> None:
        self._icon_label.setPixmap(pixmap(self._icon_name, current_theme().text_secondary, EMPTY_ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)
