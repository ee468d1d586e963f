"""A horizontally centred column of at most `max_width`, for calm, readable blocks of text.

Word-wrapped QLabels added with an alignment flag get their (narrow, guessed) size hint as width
and then clip their last lines; inside this column they take its full width instead, so Qt can
compute their height for that width.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget


class CenteredColumn(QWidget):
    def __init__(self, max_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.inner = QWidget()
        self.inner.setMaximumWidth(max_width)
        self.inner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body = QVBoxLayout(self.inner)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(0)
        # The column takes nearly all the width up to its maximum; the spacers share what is left.
        outer.addStretch(1)
        outer.addWidget(self.inner, 1000)
        outer.addStretch(1)
