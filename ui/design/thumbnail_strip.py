"""A row of design thumbnails: the variations of the latest job, or the lineage of the current design."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.theme import SPACE_S

THUMB = 72


def load_thumbnail(path: str, size: int = THUMB) -> QPixmap:
    reader = QImageReader(path)
    original = reader.size()
    if original.isValid():
        # Decode small: a 1024 px PNG read at thumbnail size costs a fraction of a full decode.
        reader.setScaledSize(original.scaled(size * 2, size * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


def _untinted_icon(pm: QPixmap) -> QIcon:
    # Item views tint the Selected icon with the highlight colour; a design must keep its true colours.
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pm, mode)
    return icon


class ThumbnailStrip(QWidget):
    sig_design_clicked = Signal(object)

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._designs: list = []
        self._empty_text = empty_text
        self._setup_ui(title)

    def _setup_ui(self, title: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        header = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setProperty("role", "caption")
        header.addWidget(self.title)
        header.addStretch(1)
        layout.addLayout(header)
        # Until there is something to show, a sentence in the strip's place says how to fill it.
        self.hint = QLabel(self._empty_text)
        self.hint.setProperty("role", "secondary")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setFixedHeight(THUMB + 2 * SPACE_S + 4)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setObjectName("thumbnailStrip")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setSpacing(SPACE_S // 2)
        self.list.setFixedHeight(THUMB + 2 * SPACE_S + 4)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.list.itemActivated.connect(self._on_item_clicked)
        layout.addWidget(self.list)
        self.list.hide()

    def set_designs(self, designs: list, current_id: str | None = None) -> None:
        same = [d.id for d in designs] == [d.id for d in self._designs]
        self._designs = list(designs)
        if not same:
            self.list.clear()
            for design in designs:
                item = QListWidgetItem(_untinted_icon(load_thumbnail(design.image_path)), "")
                item.setData(Qt.ItemDataRole.UserRole, design.id)
                item.setToolTip(f"Seed {design.seed}" + (" · favourite" if design.favourite else ""))
                item.setSizeHint(QSize(THUMB + SPACE_S, THUMB + SPACE_S))
                self.list.addItem(item)
        self.hint.setVisible(not designs)
        self.list.setVisible(bool(designs))
        self.select(current_id)

    def select(self, design_id: str | None) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == design_id:
                self.list.setCurrentItem(item)
                return
        self.list.clearSelection()

    def designs(self) -> list:
        return list(self._designs)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        design_id = item.data(Qt.ItemDataRole.UserRole)
        design = next((d for d in self._designs if d.id == design_id), None)
        if design is not None:
            self.sig_design_clicked.emit(design)
