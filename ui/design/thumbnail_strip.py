"""A row of design thumbnails: the variations of the latest job, or the lineage of the current design.

The two sit side by side, so each says which it is: its own icon and count in the title, and the lineage draws an
arrow from each design to the one refined from it (root on the left, the design in the preview on the right).

Thumbnails are decoded on the `disk` executor (a full-size PNG decode per item stalled the window while a job
delivered its images); each item shows a quiet placeholder until its picture arrives. Pictures already decoded are
kept (a few dozen), so a lineage redrawn after a refine decodes only the new design. Where content safety applies,
`cover(design)` puts a picture over a design's own: its blur when held back, the placeholder while it is checked."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslating, translate
from ui.icons import pixmap
from ui.tasks import run_in_background
from ui.theme import RADIUS, SPACE_S, SPACE_XS, current_theme

THUMB = 72
ARROW = 16
STRIP_HEIGHT = THUMB + 2 * SPACE_S + 4
LINK = ARROW + 2 * SPACE_XS  # the room between two lineage thumbnails, for the arrow
CACHED = 48  # decoded thumbnails kept per strip: a job's variations plus a long lineage


@dataclass(frozen=True)
class StripKind:
    icon: str
    counts: str  # what the title counts: "variations" ("4 variations") or "generations" ("3 generations")
    connected: bool  # draw an arrow between neighbours: each was made from the one before


VARIATIONS = StripKind("library", "variations", connected=False)
LINEAGE = StripKind("lineage", "generations", connected=True)


class _LinkDelegate(QStyledItemDelegate):
    """Each lineage thumbnail but the last is followed by an arrow to the next: "refined into"."""

    def _linked(self, index) -> bool:
        return index.row() < index.model().rowCount() - 1

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + LINK, size.height()) if self._linked(index) else size

    def paint(self, painter, option, index) -> None:
        if not self._linked(index):
            super().paint(painter, option, index)
            return
        thumb = QStyleOptionViewItem(option)
        thumb.rect = option.rect.adjusted(0, 0, -LINK, 0)
        super().paint(painter, thumb, index)
        arrow = pixmap("chevron-right", current_theme().text_secondary, ARROW)
        x = thumb.rect.right() + 1 + (LINK - ARROW) // 2
        painter.drawPixmap(x, option.rect.center().y() - ARROW // 2 + 1, arrow)


def decode_thumbnail(path: str, size: int = THUMB) -> QImage:
    """The picture at `path`, decoded small (on any thread: a QImage, not a QPixmap); null when unreadable."""
    reader = QImageReader(path)
    original = reader.size()
    if original.isValid():
        # Decode small: a 1024 px PNG read at thumbnail size costs a fraction of a full decode.
        reader.setScaledSize(original.scaled(size * 2, size * 2, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _tip(design) -> str:
    if design.favourite:
        return translate("ThumbnailStrip", "Seed {seed} · favourite").format(seed=design.seed)
    return translate("ThumbnailStrip", "Seed {seed}").format(seed=design.seed)


def _placeholder() -> QPixmap:
    """A calm tile where a thumbnail will be, in the theme's raised colour."""
    tile = QPixmap(THUMB * 2, THUMB * 2)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(current_theme().raised))
    painter.drawRoundedRect(tile.rect(), RADIUS * 2, RADIUS * 2)
    painter.end()
    return tile


def _untinted_icon(pm: QPixmap) -> QIcon:
    # Item views tint the Selected icon with the highlight colour; a design must keep its true colours.
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pm, mode)
    return icon


class ThumbnailStrip(Retranslating, QWidget):
    sig_design_clicked = Signal(object)

    def __init__(
        self, title: str, empty_text: str, kind: StripKind = VARIATIONS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._designs: list = []
        self._pictures: OrderedDict[str, QPixmap] = OrderedDict()  # image path -> decoded thumbnail, newest last
        self._asked: set[str] = set()  # paths being decoded now
        self._empty_text = empty_text
        self._name = title
        self.kind = kind
        # None: show the design's own picture; a pixmap (null: the placeholder) to show instead (ui/design/studio_view)
        self.cover: Callable[[object], QPixmap | None] | None = None
        self._setup_ui(title)
        self.retranslate()

    def set_words(self, title: str, empty_text: str) -> None:
        """The strip's name and what it says while empty (the owner gives them, in the language shown)."""
        self._name, self._empty_text = title, empty_text
        self.hint.setText(empty_text)
        self.list.setAccessibleName(title)
        self._show_title()

    def retranslate(self) -> None:
        self._show_title()
        for row in range(min(self.list.count(), len(self._designs))):
            self.list.item(row).setToolTip(_tip(self._designs[row]))

    def _show_title(self) -> None:
        count = len(self._designs)
        if not count:
            text = self._name
        elif self.kind.counts == "generations":
            text = (
                translate("ThumbnailStrip", "{name} · 1 generation")
                if count == 1
                else translate("ThumbnailStrip", "{name} · {count} generations")
            )
        else:
            text = (
                translate("ThumbnailStrip", "{name} · 1 variation")
                if count == 1
                else translate("ThumbnailStrip", "{name} · {count} variations")
            )
        self.title.setText(text.format(name=self._name, count=count))
        self.title.setAccessibleName(self.title.text())

    def _setup_ui(self, title: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        header = QHBoxLayout()
        header.setSpacing(SPACE_XS)
        self.icon = QLabel()
        self.icon.setPixmap(pixmap(self.kind.icon, current_theme().text_secondary, 16))
        header.addWidget(self.icon)
        self.title = QLabel(title)
        self.title.setProperty("role", "caption")
        self.title.setAccessibleName(title)
        header.addWidget(self.title)
        header.addStretch(1)
        layout.addLayout(header)
        # Until there is something to show, a sentence in the strip's place says how to fill it.
        self.hint = QLabel(self._empty_text)
        self.hint.setProperty("role", "secondary")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setFixedHeight(STRIP_HEIGHT)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.hint)
        self.list = QListWidget()
        if self.kind.connected:
            self.list.setItemDelegate(_LinkDelegate(self.list))
        self.list.setObjectName("thumbnailStrip")
        self.list.setAccessibleName(title)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setSpacing(SPACE_S // 2)
        self.list.setFixedHeight(STRIP_HEIGHT)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # More thumbnails than fit: the scroll bar goes below them, not over them.
        self.list.horizontalScrollBar().rangeChanged.connect(self._fit_height)
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
                item = QListWidgetItem(self._icon(design), "")
                item.setData(Qt.ItemDataRole.UserRole, design.id)
                item.setToolTip(_tip(design))
                item.setSizeHint(QSize(THUMB + SPACE_S, THUMB + SPACE_S))
                self.list.addItem(item)
        self.hint.setVisible(not designs)
        self.list.setVisible(bool(designs))
        self._show_title()
        self.select(current_id)

    def _icon(self, design) -> QIcon:
        picture = self.cover(design) if self.cover is not None else None
        if picture is None:
            picture = self._picture(design.image_path)
        if picture is None or picture.isNull():  # on its way, unreadable, or being checked
            picture = _placeholder()
        return _untinted_icon(picture)

    def refresh(self) -> None:
        """Each thumbnail again (a design's cover changed: its check arrived)."""
        for row, design in enumerate(self._designs[: self.list.count()]):
            self.list.item(row).setIcon(self._icon(design))

    def _picture(self, path: str) -> QPixmap | None:
        """The decoded thumbnail of `path`, or None while it is decoded off the UI thread (asked for here)."""
        picture = self._pictures.get(path)
        if picture is not None:
            self._pictures.move_to_end(path)
            return picture
        if path not in self._asked:
            self._asked.add(path)
            run_in_background(
                lambda: decode_thumbnail(path),
                lambda image: self._on_decoded(path, image),
                lambda _exc: self._on_decoded(path, QImage()),
                self,
            )
        return None

    def _on_decoded(self, path: str, image: QImage) -> None:
        self._asked.discard(path)
        picture = QPixmap.fromImage(image) if not image.isNull() else QPixmap()  # unreadable: an empty tile stays
        self._pictures[path] = picture
        while len(self._pictures) > CACHED:
            self._pictures.popitem(last=False)
        if picture.isNull():
            return
        for row, design in enumerate(self._designs):
            if design.image_path == path and row < self.list.count():
                self.list.item(row).setIcon(self._icon(design))

    def thumbnails_pending(self) -> bool:
        """True while a shown design's thumbnail is still being decoded."""
        return bool(self._asked)

    def select(self, design_id: str | None) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == design_id:
                self.list.setCurrentItem(item)
                return
        self.list.clearSelection()

    def designs(self) -> list:
        return list(self._designs)

    def _fit_height(self, _low: int, high: int) -> None:
        bar = self.list.horizontalScrollBar().sizeHint().height() if high > 0 else 0
        self.list.setFixedHeight(STRIP_HEIGHT + bar)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme switch: the icon takes the new colour
            self.icon.setPixmap(pixmap(self.kind.icon, current_theme().text_secondary, 16))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        design_id = item.data(Qt.ItemDataRole.UserRole)
        design = next((d for d in self._designs if d.id == design_id), None)
        if design is not None:
            self.sig_design_clicked.emit(design)
