"""Two entries side by side ("two-up"): copies in one duplicate group, or two finalists, zoomed and panned together.

Linked viewers share zoom relative to fitting, not absolute scale, so a 512-pixel copy and its 1024-pixel original
show the same part of the car at the same size on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.curation.image_viewer import ImageViewer
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S
from ui.widgets.elided_label import ElidedLabel


class CompareView(Retranslating, QWidget):
    sig_close_requested = Signal()  # Esc in either picture

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._following = False  # a linked viewer is being moved: its own change must not bounce back
        self._setup_ui()
        self.retranslate()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_M)
        bar = QHBoxLayout()
        bar.setSpacing(SPACE_L)
        self.hint_label = QLabel()
        self.hint_label.setProperty("role", "caption")
        bar.addWidget(self.hint_label, 1)
        self.link_box = QCheckBox()
        self.link_box.setChecked(True)
        self.link_box.toggled.connect(self._on_link_toggled)
        bar.addWidget(self.link_box)
        layout.addLayout(bar)

        pair = QGridLayout()
        pair.setHorizontalSpacing(SPACE_L)
        pair.setVerticalSpacing(SPACE_S)
        self.viewers = (ImageViewer(), ImageViewer())
        self.captions = (ElidedLabel(), ElidedLabel())
        for column, (viewer, caption) in enumerate(zip(self.viewers, self.captions, strict=True)):
            caption.setProperty("role", "emphasis")
            caption.setTextFormat(Qt.TextFormat.PlainText)  # entry names come from entrants
            pair.addWidget(caption, 0, column)
            pair.addWidget(viewer, 1, column)
            pair.setColumnStretch(column, 1)
            viewer.sig_view_changed.connect(lambda v=viewer: self._on_view_changed(v))
            viewer.sig_close_requested.connect(self.sig_close_requested)
        pair.setRowStretch(1, 1)
        layout.addLayout(pair, 1)
        self.setTabOrder(self.viewers[0], self.viewers[1])
        self.setFocusProxy(self.viewers[0])

    def retranslate(self) -> None:
        self.link_box.setText(translate("CompareView", "Zoom together"))
        self.link_box.setToolTip(translate("CompareView", "Zoom and move both pictures at once"))
        self.hint_label.setText(translate("CompareView", "Tab switches picture · Esc closes"))

    # --- API -----------------------------------------------------------------------------------

    def set_pair(
        self,
        left: bytes | None,
        left_caption: str,
        right: bytes | None,
        right_caption: str,
        stand_ins: tuple[QImage | None, QImage | None] = (None, None),
    ) -> None:
        """The two pictures and what to call them (the caller decides: a name, or "Entry 1234" in blind rounds)."""
        for viewer, caption, data, words, stand_in in zip(
            self.viewers, self.captions, (left, right), (left_caption, right_caption), stand_ins, strict=True
        ):
            caption.set_full_text(words)
            viewer.set_image(data, stand_in)

    def linked(self) -> bool:
        return self.link_box.isChecked()

    def set_linked(self, linked: bool) -> None:
        self.link_box.setChecked(linked)

    # --- slots ---------------------------------------------------------------------------------

    def _on_view_changed(self, source: ImageViewer) -> None:
        if self._following or not self.linked():
            return
        other = self.viewers[1] if source is self.viewers[0] else self.viewers[0]
        self._following = True
        try:
            other.set_view_state(source.view_state())
        finally:
            self._following = False

    def _on_link_toggled(self, linked: bool) -> None:
        if linked:  # the one with focus leads; the other catches up now rather than at the next zoom
            leader = self.viewers[1] if self.viewers[1].hasFocus() else self.viewers[0]
            self._on_view_changed(leader)
