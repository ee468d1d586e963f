"""What every picture tile of a grid paints alike (the Library's designs, the Curation gallery's entries): the picture
cropped square with rounded corners, a quiet placeholder while it is read, the "could not read" tile, the caption on
a dark scrim of a hovered or selected tile, and its accent ring. Each delegate adds its own badges on top.

The rounded, cropped picture of a tile is rendered once per picture, size and theme and kept (`TileCache`): scaling
with smoothing under an antialiased clip cost about half a millisecond a tile, on every frame of a scroll.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Iterator

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPaintDevice, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle

from ui.icons import pixmap as icon_pixmap
from ui.theme import RADIUS, SPACE_M, SPACE_S, SPACE_XS, current_theme

TILE_CACHE = 320  # rendered tiles kept: a 1920×1080 screen shows about 60 at once
PLACEHOLDER_ICON = 32
OVERLAY_HEIGHT = 48  # the scrim under the caption of a hovered or selected tile
SELECTION_RING, RING_OFFSET = 2, 3  # the ring's pen width, and its gap from the picture
HOVER_RING_ALPHA = 0.5
SCRIM, ON_IMAGE_TEXT = "#000000", "#FFFFFF"  # text on the picture is light on a dark scrim in both themes
SCRIM_ALPHA = 0.62

# What a tile shows under its overlays.
READING = "reading"  # its page is being read: a quiet tile of the same shape holds its place
WAITING = "waiting"  # its picture is being decoded
FAILED = "failed"  # there is no picture to show
PICTURE = "picture"


def with_alpha(colour: str, alpha: float) -> QColor:
    made = QColor(colour)
    made.setAlphaF(alpha)
    return made


def tile_rect(cell: QRectF, gap: float) -> QRectF:
    """The tile inside its grid cell: each cell keeps half the gap on every side."""
    half = gap / 2
    return QRectF(cell).adjusted(half, half, -half, -half)


class TileCache:
    """The tiles without their overlays, rendered once and kept, least recently used dropped first. With
    `words_under_failed`, the "failed" tile's icon sits above the middle, leaving room for a sentence under it."""

    def __init__(self, *, words_under_failed: bool = False, limit: int = TILE_CACHE) -> None:
        self._words_under_failed = words_under_failed
        self._limit = limit
        self._tiles: OrderedDict[tuple, QPixmap] = OrderedDict()

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._tiles)

    def __len__(self) -> int:
        return len(self._tiles)

    def tile(self, device: QPaintDevice | None, size: QSize, kind: str, picture: QPixmap | None) -> QPixmap:
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
        shape.addRoundedRect(box, RADIUS, RADIUS)
        if picture is not None:
            painter.setClipPath(shape)
            draw_cover(painter, box, picture)
            painter.setClipping(False)
        else:
            painter.fillPath(shape, with_alpha(theme.raised, 1.0))
        if kind in (WAITING, FAILED):
            glyph = icon_pixmap("warning" if kind == FAILED else "image", theme.text_disabled, PLACEHOLDER_ICON)
            top = (box.height() - PLACEHOLDER_ICON) / 2
            if kind == FAILED and self._words_under_failed:
                top = box.height() / 2 - PLACEHOLDER_ICON - SPACE_XS
            painter.drawPixmap(QPointF((box.width() - PLACEHOLDER_ICON) / 2, top), glyph)
        if kind != READING:
            # A hairline keeps light pictures from melting into the light theme's background.
            painter.setPen(QPen(with_alpha(theme.text, 0.08), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.end()
        self._tiles[key] = rendered
        while len(self._tiles) > self._limit:
            self._tiles.popitem(last=False)
        return rendered


def draw_cover(painter: QPainter, target: QRectF, picture: QPixmap) -> None:
    """Fill `target` with the middle of `picture`, keeping its proportions (like CSS object-fit: cover)."""
    pw, ph = picture.width(), picture.height()
    if pw <= 0 or ph <= 0:
        return
    scale = max(target.width() / pw, target.height() / ph)
    sw, sh = target.width() / scale, target.height() / scale
    painter.drawPixmap(target, picture, QRectF((pw - sw) / 2, (ph - sh) / 2, sw, sh))


def draw_caption(painter: QPainter, tile: QRectF, text: str) -> None:
    """One line of `text` (elided) at the bottom of the tile, on a scrim that fades in, in the painter's font."""
    band = QRectF(tile.left(), tile.bottom() - OVERLAY_HEIGHT, tile.width(), OVERLAY_HEIGHT)
    shape = QPainterPath()
    shape.addRoundedRect(tile, RADIUS, RADIUS)
    painter.setClipPath(shape)
    gradient = QLinearGradient(band.topLeft(), band.bottomLeft())
    gradient.setColorAt(0.0, with_alpha(SCRIM, 0.0))
    gradient.setColorAt(1.0, with_alpha(SCRIM, SCRIM_ALPHA))
    painter.fillRect(band, gradient)
    painter.setClipping(False)
    painter.setPen(with_alpha(ON_IMAGE_TEXT, 1.0))
    text_rect = band.adjusted(SPACE_M, 0, -SPACE_M, -SPACE_S)
    one_line = " ".join(text.split())
    elided = painter.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, int(text_rect.width()))
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), elided)


def draw_state_ring(painter: QPainter, tile: QRectF, state: QStyle.StateFlag) -> None:
    """The ring around a selected (accent), hovered (faint accent) or focused (secondary text colour) tile."""
    theme = current_theme()
    if state & QStyle.StateFlag.State_Selected:
        ring = with_alpha(theme.accent, 1.0)
    elif state & QStyle.StateFlag.State_MouseOver:
        ring = with_alpha(theme.accent, HOVER_RING_ALPHA)
    elif state & QStyle.StateFlag.State_HasFocus:
        ring = with_alpha(theme.text_secondary, 1.0)
    else:
        return
    out = RING_OFFSET + SELECTION_RING / 2
    painter.setPen(QPen(ring, SELECTION_RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(tile.adjusted(-out, -out, out, out), RADIUS + out, RADIUS + out)


def hovered_or_selected(state: QStyle.StateFlag) -> bool:
    return bool(state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver))
