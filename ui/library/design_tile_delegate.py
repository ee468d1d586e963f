"""Paints one design in the Library grid: the picture, cropped square with rounded corners (the tile painting shared
with the Curation gallery, `ui/widgets/tile_painting.py`).

A star badge marks favourites (an icon, not only a colour); hovering or selecting shows the
prompt on a dark scrim and an accent ring. All text is drawn with QPainter, so it is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.icons import pixmap as icon_pixmap
from ui.library.library_model import DesignRole, FailedRole, prompt_of
from ui.library.library_style import BADGE_ALPHA, BADGE_ICON, BADGE_INSET, BADGE_SIZE, GRID_GAP, TILE_MIN
from ui.theme import FONT_CAPTION, current_theme
from ui.widgets import tile_painting as tiles


class DesignTileDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = QSize(TILE_MIN + GRID_GAP, TILE_MIN + GRID_GAP)
        self._tiles = tiles.TileCache()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        design = index.data(DesignRole)
        tile = tiles.tile_rect(option.rect, GRID_GAP)
        size = tile.size().toSize()
        if design is None:  # its page is being read: a quiet tile of the same shape holds its place
            painter.drawPixmap(tile.topLeft(), self._tiles.tile(painter.device(), size, tiles.READING, None))
            return
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QPixmap) and not picture.isNull():
            painter.drawPixmap(tile.topLeft(), self._tiles.tile(painter.device(), size, tiles.PICTURE, picture))
        else:
            kind = tiles.FAILED if index.data(FailedRole) else tiles.WAITING
            painter.drawPixmap(tile.topLeft(), self._tiles.tile(painter.device(), size, kind, None))
        state = option.state
        ringed = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_HasFocus
        if not (state & ringed or design.favourite):
            return

        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        if tiles.hovered_or_selected(state):
            font = QFont(option.font)
            font.setPixelSize(FONT_CAPTION)
            painter.setFont(font)
            tiles.draw_caption(painter, tile, prompt_of(design))
        if design.favourite:
            self._draw_badge(painter, tile, current_theme().accent)
        tiles.draw_state_ring(painter, tile, state)
        painter.restore()

    def _draw_badge(self, painter: QPainter, tile: QRectF, accent: str) -> None:
        badge = QRectF(tile.right() - BADGE_INSET - BADGE_SIZE, tile.top() + BADGE_INSET, BADGE_SIZE, BADGE_SIZE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tiles.with_alpha(tiles.SCRIM, BADGE_ALPHA))
        painter.drawEllipse(badge)
        star = icon_pixmap("star-filled", accent, BADGE_ICON)
        painter.drawPixmap(QPointF(badge.center().x() - BADGE_ICON / 2, badge.center().y() - BADGE_ICON / 2), star)
