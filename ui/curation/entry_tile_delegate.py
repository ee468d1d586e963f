"""Paints one entry in the Curation gallery: the picture, cropped square with rounded corners, and what a judge needs
at a glance: their own score (a filled badge, top right) and the entry's flags (small labelled chips, top left:
duplicate, disqualified, conflict of interest, kept aside). Each flag has an icon and a word, never colour alone.
Hovering or selecting shows the entry's title (its number in a blind round) on a dark scrim. All text is drawn with
QPainter, so an entrant's words are only ever plain text; words are translated at paint time (live language switch).

The picture, its placeholders, the caption and the ring are painted as the Library's tiles are
(`ui/widgets/tile_painting.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.curation.gallery_model import (
    FLAG_BAD,
    FLAG_CONFLICT,
    FLAG_DISQUALIFIED,
    FLAG_DUPLICATE,
    FailedRole,
    FlagsRole,
    LoadedRole,
    ScoreRole,
)
from ui.i18n import translate
from ui.icons import pixmap as icon_pixmap
from ui.theme import FONT_CAPTION, SPACE_M, SPACE_S, SPACE_XS, current_theme
from ui.widgets import tile_painting as tiles
from ui.widgets.tile_grid import TileGrid

GRID_GAP = SPACE_M
TILE_MIN = 176
CHIP_HEIGHT = 20
CHIP_ICON = 13
CHIP_ALPHA = 0.66

# Flag -> icon, theme colour variant; painted in this order, top to bottom.
FLAG_LOOK = {
    FLAG_DISQUALIFIED: ("cancel", "danger"),
    FLAG_BAD: ("error", "danger"),
    FLAG_CONFLICT: ("warning", "warning"),
    FLAG_DUPLICATE: ("copy", "info"),
}


def flag_text(flag: str) -> str:
    return {
        FLAG_DISQUALIFIED: translate("EntryTileDelegate", "Disqualified"),
        FLAG_BAD: translate("EntryTileDelegate", "Kept aside"),
        FLAG_CONFLICT: translate("EntryTileDelegate", "Conflict"),
        FLAG_DUPLICATE: translate("EntryTileDelegate", "Duplicate"),
    }[flag]


def entry_grid(parent: QWidget | None = None) -> TileGrid:
    """The gallery's grid: the shared tile grid painting entries."""
    grid = TileGrid(EntryTileDelegate, parent, tile_min=TILE_MIN, gap=GRID_GAP)
    grid.setObjectName("curationGrid")
    return grid


class EntryTileDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = QSize(TILE_MIN + GRID_GAP, TILE_MIN + GRID_GAP)
        self._tiles = tiles.TileCache(words_under_failed=True)  # "Could not read the picture" goes under the icon

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        tile = tiles.tile_rect(option.rect, GRID_GAP)
        size = tile.size().toSize()
        if not index.data(LoadedRole):  # its page is being read: a quiet tile of the same shape holds its place
            painter.drawPixmap(tile.topLeft(), self._tiles.tile(painter.device(), size, tiles.READING, None))
            return
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        failed = bool(index.data(FailedRole))
        if isinstance(picture, QPixmap) and not picture.isNull():
            kind = tiles.PICTURE
        else:
            picture, kind = None, tiles.FAILED if failed else tiles.WAITING
        painter.drawPixmap(tile.topLeft(), self._tiles.tile(painter.device(), size, kind, picture))
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        font = QFont(option.font)
        font.setPixelSize(FONT_CAPTION)
        painter.setFont(font)
        if kind == tiles.FAILED:
            self._draw_failed_words(painter, tile)
        self._draw_flags(painter, tile, index.data(FlagsRole) or frozenset())
        score = index.data(ScoreRole)
        if score is not None:
            self._draw_score(painter, tile, score)
        if tiles.hovered_or_selected(option.state):
            tiles.draw_caption(painter, tile, index.data(Qt.ItemDataRole.DisplayRole) or "")
        tiles.draw_state_ring(painter, tile, option.state)
        painter.restore()

    # --- pieces ------------------------------------------------------------------------------------

    def _draw_failed_words(self, painter: QPainter, tile: QRectF) -> None:
        painter.setPen(tiles.with_alpha(current_theme().text_secondary, 1.0))
        words = QRectF(tile.left() + SPACE_S, tile.center().y() + SPACE_XS, tile.width() - 2 * SPACE_S, 40)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(words, int(flags), translate("EntryTileDelegate", "Could not read the picture"))

    def _draw_flags(self, painter: QPainter, tile: QRectF, flags: frozenset[str]) -> None:
        theme = current_theme()
        metrics = QFontMetricsF(painter.font())
        top = tile.top() + SPACE_S
        for flag, (icon_name, variant) in FLAG_LOOK.items():
            if flag not in flags:
                continue
            text = flag_text(flag)
            room = tile.width() - 2 * SPACE_S - CHIP_ICON - 3 * SPACE_XS
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            width = CHIP_ICON + metrics.horizontalAdvance(text) + 3 * SPACE_XS + 2
            chip = QRectF(tile.left() + SPACE_S, top, width, CHIP_HEIGHT)
            painter.setBrush(tiles.with_alpha(tiles.SCRIM, CHIP_ALPHA))
            painter.setPen(
                QPen(tiles.with_alpha(theme.color(variant), 1.0), 1.5)
            )  # the flag's colour, besides its word
            painter.drawRoundedRect(chip, CHIP_HEIGHT / 2, CHIP_HEIGHT / 2)
            glyph = icon_pixmap(
                icon_name, tiles.ON_IMAGE_TEXT, CHIP_ICON
            )  # on the dark scrim a coloured line icon fades
            painter.drawPixmap(QPointF(chip.left() + SPACE_XS + 1, chip.center().y() - CHIP_ICON / 2), glyph)
            painter.setPen(tiles.with_alpha(tiles.ON_IMAGE_TEXT, 1.0))
            text_box = chip.adjusted(CHIP_ICON + 2 * SPACE_XS, 0, 0, 0)
            painter.drawText(text_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            top += CHIP_HEIGHT + SPACE_XS

    def _draw_score(self, painter: QPainter, tile: QRectF, score: float) -> None:
        theme = current_theme()
        text = QLocale().toString(score, "f", 1)  # the language's decimal mark
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        width = QFontMetricsF(bold).horizontalAdvance(text) + 2 * SPACE_S
        badge = QRectF(tile.right() - SPACE_S - width, tile.top() + SPACE_S, width, CHIP_HEIGHT + SPACE_XS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tiles.with_alpha(theme.accent, 1.0))
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(tiles.with_alpha(theme.on_accent, 1.0))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
        bold.setBold(False)
        painter.setFont(bold)
