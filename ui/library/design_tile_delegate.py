"""Paints one design in the Library grid: the picture, cropped square with rounded corners.

A star badge marks favourites (an icon, not only a colour); hovering or selecting shows the
prompt on a dark scrim and an accent ring. All text is drawn with QPainter, so it is plain text.

The rounded, cropped picture of a tile is rendered once per picture, size and theme and kept (a few hundred tiles):
scaling with smoothing under an antialiased clip cost about half a millisecond a tile, on every frame of a scroll.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QLinearGradient, QPaintDevice, QPainter, QPainterPath, QPen, QPixmap
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

TILE_CACHE = 320  # rendered tiles kept: a 1920×1080 screen shows about 60 at once

TileKey = tuple


class DesignTileDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = QSize(TILE_MIN + GRID_GAP, TILE_MIN + GRID_GAP)
        self._tiles: OrderedDict[TileKey, QPixmap] = OrderedDict()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        design = index.data(DesignRole)
        theme = current_theme()
        half = GRID_GAP / 2
        tile = QRectF(option.rect).adjusted(half, half, -half, -half)
        size = tile.size().toSize()
        if design is None:  # its page is being read: a quiet tile of the same shape holds its place
            painter.drawPixmap(tile.topLeft(), self._tile(painter.device(), size, "reading", None))
            return
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QPixmap) and not picture.isNull():
            painter.drawPixmap(tile.topLeft(), self._tile(painter.device(), size, "picture", picture))
        else:
            kind = "failed" if index.data(FailedRole) else "waiting"
            painter.drawPixmap(tile.topLeft(), self._tile(painter.device(), size, kind, None))
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        if not (selected or hovered or focused or design.favourite):
            return

        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        if selected or hovered:
            shape = QPainterPath()
            shape.addRoundedRect(tile, TILE_RADIUS, TILE_RADIUS)
            painter.setClipPath(shape)
            self._draw_prompt(painter, tile, prompt_of(design), option.font)
            painter.setClipping(False)

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

    def _tile(self, device: QPaintDevice, size: QSize, kind: str, picture: QPixmap | None) -> QPixmap:
        """The tile without its states: the picture cropped and rounded, or a placeholder; rendered once, then kept."""
        theme = current_theme()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        source = picture.cacheKey() if picture is not None else kind
        key = (size.width(), size.height(), round(dpr * 100), source, theme.raised, theme.text, theme.text_disabled)
        cached = self._tiles.get(key)
        if cached is not None:
            self._tiles.move_to_end(key)
            return cached
        rendered = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
        rendered.setDevicePixelRatio(dpr)
        rendered.fill(Qt.GlobalColor.transparent)
        box = QRectF(0, 0, size.width(), size.height())
        painter = QPainter(rendered)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        shape = QPainterPath()
        shape.addRoundedRect(box, TILE_RADIUS, TILE_RADIUS)
        if picture is not None:
            painter.setClipPath(shape)
            _draw_cover(painter, box, picture)
            painter.setClipping(False)
        else:
            painter.fillPath(shape, with_alpha(theme.raised, 1.0))
        if kind in ("waiting", "failed"):
            glyph = icon_pixmap("warning" if kind == "failed" else "image", theme.text_disabled, PLACEHOLDER_ICON)
            corner = QPointF((box.width() - PLACEHOLDER_ICON) / 2, (box.height() - PLACEHOLDER_ICON) / 2)
            painter.drawPixmap(corner, glyph)
        if kind != "reading":
            # A hairline keeps light pictures from melting into the light theme's background.
            painter.setPen(QPen(with_alpha(theme.text, 0.08), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), TILE_RADIUS, TILE_RADIUS)
        painter.end()
        self._tiles[key] = rendered
        while len(self._tiles) > TILE_CACHE:
            self._tiles.popitem(last=False)
        return rendered

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
