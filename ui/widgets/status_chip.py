"""A small pill with an icon and a word: busy/idle, network badges such as "TEST"."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.icons import pixmap
from ui.theme import SPACE_S, SPACE_XS, current_theme, repolish
from ui.widgets.elided_label import ElidedLabel

ChipVariant = Literal["neutral", "info", "success", "warning", "danger"]
VARIANTS: tuple[str, ...] = ("neutral", "info", "success", "warning", "danger")
ICON_SIZE = 14


class StatusChip(QFrame):
    """Colour marks the variant, but the icon and text always say it too (STYLE.md: never colour alone)."""

    def __init__(
        self,
        text: str = "",
        variant: ChipVariant = "neutral",
        icon_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusChip")
        self._variant: str = "neutral"
        self._icon_name = icon_name
        self._setup_ui()
        self.set_text(text)
        self.set_variant(variant)

    def _setup_ui(self) -> None:
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE_S, 0, SPACE_S + SPACE_XS, 0)
        layout.setSpacing(SPACE_XS + 2)
        self._icon_label = QLabel()
        self._icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        # Its whole text when there is room; "…" rather than a cut word when a crowded row (the status bar of a
        # 1024-pixel window) gives it less.
        self._text_label = ElidedLabel()
        layout.addWidget(self._icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self._text_label, 0, Qt.AlignmentFlag.AlignVCenter)

    def text(self) -> str:
        return self._text_label.full_text()

    def shown_text(self) -> str:
        """The words on screen: the text, or its start and "…" where the chip was given less room."""
        return self._text_label.text()

    def variant(self) -> str:
        return self._variant

    def set_text(self, text: str) -> None:
        self._text_label.set_full_text(text)
        self.setAccessibleName(text)
        self.adjustSize()

    def set_icon(self, icon_name: str | None) -> None:
        self._icon_name = icon_name
        self._refresh_icon()

    def set_variant(self, variant: ChipVariant) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown chip variant {variant!r}; use one of {VARIANTS}")  # i18n: not shown
        self._variant = variant
        self.setProperty("variant", variant)
        repolish(self)
        self._refresh_icon()

    def set_state(self, text: str, variant: ChipVariant, icon_name: str | None = None) -> None:
        self._icon_name = icon_name if icon_name is not None else self._icon_name
        self.set_text(text)
        self.set_variant(variant)

    def _refresh_icon(self) -> None:
        theme = current_theme()
        color = theme.text_secondary if self._variant == "neutral" else theme.color(self._variant)
        pm = pixmap(self._icon_name, color, ICON_SIZE) if self._icon_name else None
        self._icon_label.setVisible(bool(pm) and not pm.isNull())
        if pm is not None and not pm.isNull():
            self._icon_label.setPixmap(pm)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)
