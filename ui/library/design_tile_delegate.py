"""Paints one design in the Library grid: the picture, cropped square with rounded corners.

A star badge marks favourites (an icon, not only a colour); hovering or selecting shows the
prompt on a dark scrim and an accent ring. All text is drawn with QPainter, so it is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.icons import pixmap as icon_pixmap
from ui.library.library_model import DesignRole, FailedRole, prompt_of
from ui.library.library_style import (
    BADGE_ALPHA,
    BADGE_ICON,
    BADGE_INSET,
    BADGE_SIZE,
    GRID_GAP,
    HOVER_RING_ALPHA,
    ON_IMAGE_TEXT,
    OVERLAY_HEIGHT,
    PLACEHOLDER_ICON,
    RING_OFFSET,
    SCRIM,
    SCRIM_ALPHA,
    SELECTION_RING,
    TILE_MIN,
    TILE_RADIUS,
    with_alpha,
)
from ui.theme import FONT_CAPTION, SPACE_M, SPACE_S, current_theme


class DesignTileDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = QSize(TILE_MIN + GRID_GAP, TILE_MIN + GRID_GAP)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        design = index.data(DesignRole)
        if design is None:
            return
        theme = current_theme()
        half = GRID_GAP / 2
        tile = QRectF(option.rect).adjusted(half, half, -half, -half)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)

        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        shape = QPainterPath()
        shape.addRoundedRect(tile, TILE_RADIUS, TILE_RADIUS)
        painter.setClipPath(shape)

        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QPixmap) and not picture.isNull():
            _draw_cover(painter, tile, picture)
        else:
            painter.fillRect(tile, with_alpha(theme.raised, 1.0))
            name = "warning" if index.data(FailedRole) else "image"
            icon = icon_pixmap(name, theme.text_disabled, PLACEHOLDER_ICON)
            painter.drawPixmap(
                QPointF(tile.center().x() - PLACEHOLDER_ICON / 2, tile.center().y() - PLACEHOLDER_ICON / 2), icon
            )

        if selected or hovered:
            self._draw_prompt(painter, tile, prompt_of(design), option.font)
        painter.setClipping(False)

        # A hairline keeps light pictures from melting into the light theme's background.
        painter.setPen(QPen(with_alpha(theme.text, 0.08), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(tile.adjusted(0.5, 0.5, -0.5, -0.5), TILE_RADIUS, TILE_RADIUS)

        if design.favourite:
            self._draw_badge(painter, tile, theme.accent)

        ring = None
        if selected:
            ring = with_alpha(theme.accent, 1.0)
        elif hovered:
            ring = with_alpha(theme.accent, HOVER_RING_ALPHA)
        elif focused:
            ring = with_alpha(theme.text_secondary, 1.0)
        if ring is not None:
            out = RING_OFFSET + SELECTION_RING / 2
            painter.setPen(QPen(ring, SELECTION_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile.adjusted(-out, -out, out, out), TILE_RADIUS + out, TILE_RADIUS + out)
        painter.restore()

    def _draw_prompt(self, painter: QPainter, tile: QRectF, text: str, base: QFont) -> None:
        band = QRectF(tile.left(), tile.bottom() - OVERLAY_HEIGHT, tile.width(), OVERLAY_HEIGHT)
        gradient = QLinearGradient(band.topLeft(), band.bottomLeft())
        gradient.setColorAt(0.0, with_alpha(SCRIM, 0.0))
        gradient.setColorAt(1.0, with_alpha(SCRIM, SCRIM_ALPHA))
        painter.fillRect(band, gradient)
        font = QFont(base)
        font.setPixelSize(FONT_CAPTION)
        painter.setFont(font)
        painter.setPen(with_alpha(ON_IMAGE_TEXT, 1.0))
        text_rect = band.adjusted(SPACE_M, 0, -SPACE_M, -SPACE_S)
        one_line = " ".join(text.split())
        elided = painter.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), elided)

    def _draw_badge(self, painter: QPainter, tile: QRectF, accent: str) -> None:
        badge = QRectF(tile.right() - BADGE_INSET - BADGE_SIZE, tile.top() + BADGE_INSET, BADGE_SIZE, BADGE_SIZE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(with_alpha(SCRIM, BADGE_ALPHA))
        painter.drawEllipse(badge)
        star = icon_pixmap("star-filled", accent, BADGE_ICON)
        painter.drawPixmap(QPointF(badge.center().x() - BADGE_ICON / 2, badge.center().y() - BADGE_ICON / 2), star)


def _draw_cover(painter: QPainter, target: QRectF, picture: QPixmap) -> None:
    """Fill `target` with the middle of `picture`, keeping its proportions (like CSS object-fit: cover)."""
    pw, ph = picture.width(), picture.height()
    if pw <= 0 or ph <= 0:
        return
    scale = max(target.width() / pw, target.height() / ph)
    sw, sh = target.width() / scale, target.height() / scale
    source = QRectF((pw - sw) / 2, (ph - sh) / 2, sw, sh)
    painter.drawPixmap(target, picture, source)
