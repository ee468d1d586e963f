"""A one-line label that shortens its text with "…" rather than being cut or pushing its neighbours out."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

ELLIPSIS = "…"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally. Qt renders a tooltip as rich text when it guesses markup, so text
    from disk (a file named "<img src=…>") is escaped inside an explicit paragraph, which also wraps long lines."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class ElidedLabel(QLabel):
    """Plain text ending in "…" (or with "…" in the middle, for addresses) when the room is short.

    Its size hint is the whole text, so a layout with room shows all of it; its minimum is `min_chars` characters and
    the "…", so in a crowded row it gives way instead of being cut mid-letter. The whole text stays in the tooltip.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        min_chars: int = 6,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._min_chars = min_chars
        self.setTextFormat(Qt.TextFormat.PlainText)  # text from files and nodes is never rich text
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tooltip(text) if text else "")  # the text may come from a file name or a node
        self.setAccessibleName(text)  # a screen reader says the whole text, not the shortened one
        self.updateGeometry()
        self._elide()

    def is_elided(self) -> bool:
        return self.text() != self._full

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        margins = self.contentsMargins()
        return QSize(
            self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 1, hint.height()
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        shortest = self._full[: self._min_chars] + ELLIPSIS if len(self._full) > self._min_chars else self._full
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(shortest) + margins.left() + margins.right() + 1
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # a stylesheet's font arrives late
            self.updateGeometry()
            self._elide()

    def _elide(self) -> None:
        room = max(self.contentsRect().width(), 0)
        metrics = self.fontMetrics()
        fits = metrics.horizontalAdvance(self._full) <= room
        super().setText(self._full if fits else metrics.elidedText(self._full, self._mode, room))
