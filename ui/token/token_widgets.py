"""Building blocks of the token listing: the tinted hero image, trait chips in a flowing grid, copyable addresses.

Also the workspace's sizes and small stylesheet, all derived from ui/theme.py: the listing needs a few rules the
application stylesheet does not have yet (trait chips, monospace addresses, a borderless page scroll area). They
live here until they move into ui/theme_qss.py.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.theme import (
    FONT_BODY,
    FONT_CAPTION,
    FONT_EMPHASIS,
    MONOSPACE_FAMILIES,
    RADIUS,
    RADIUS_CARD,
    SPACE_M,
    SPACE_S,
    SPACE_XS,
    Theme,
    current_theme,
    tabular_font,
)
from ui.widgets.copy_field import address_stylesheet
from ui.widgets.dates import date_text

# In English here; translated (context "MintProof") where they are shown.
COLLECTION_LINE = QT_TRANSLATE_NOOP("MintProof", "Create Your SM6 · Kaia")
CHAIN_NAME = QT_TRANSLATE_NOOP("MintProof", "Kaia")
NOT_MINTED = QT_TRANSLATE_NOOP("MintProof", "not minted yet")
NO_VALUE = "—"

# The right column: wide enough for a comfortable description line; at 1920×1080 the image grows, not this.
COLUMN_MIN = 360
COLUMN_MAX = 460
IMAGE_MIN = 320  # the hero never shrinks below this
QWIDGETSIZE_MAX = 16_777_215
IMAGE_PADDING = 24  # backdrop visible around the picture, tinted with the metadata's background_color
DETAIL_LABEL_WIDTH = 96
BACKDROP_TINT = 0.2  # how much of the token's background_color shows through the theme's surface
ACCENT_TEXT_DARKER = 170  # QColor.darker factor for accent-coloured text on light surfaces

_QSS = Template(
    """
QScrollArea#tokenPage, QWidget#tokenPageBody { background: transparent; border: none; }
QFrame#traitChip { background: $raised; border: 1px solid $border; border-radius: ${radius}px; }
QFrame#traitChip QLabel { background: transparent; }
QLabel#traitType { font-size: ${caption}px; color: $text_secondary; text-transform: uppercase; }
QLabel#traitValue { font-size: ${emphasis}px; font-weight: 600; }
QLabel#collectionLine { font-size: ${caption}px; color: $accent_text; font-weight: 600; }
QLabel#detailKey { color: $text_secondary; }
QPlainTextEdit#metadataJson { font-family: $mono; font-size: ${caption}px; padding: ${s_s}px; }
QPushButton#languageSegment { min-width: ${segment_min}px; }
"""
)


def token_stylesheet(theme: Theme, segment_min: int = 0) -> str:
    """`segment_min`: content width of the language buttons, wide enough for their bold (checked) label."""
    mono = ", ".join(f'"{f}"' for f in MONOSPACE_FAMILIES[:-1]) + ", monospace"
    # The warm yellow is too light to read as text on the light surface: darken it there.
    accent_text = theme.accent if theme.is_dark else QColor(theme.accent).darker(ACCENT_TEXT_DARKER).name()
    return address_stylesheet(theme) + _QSS.substitute(
        raised=theme.raised,
        border=theme.border,
        text_secondary=theme.text_secondary,
        accent_text=accent_text,
        radius=RADIUS,
        caption=FONT_CAPTION,
        body=FONT_BODY,
        emphasis=FONT_EMPHASIS,
        mono=mono,
        s_xs=SPACE_XS,
        s_s=SPACE_S,
        s_m=SPACE_M,
        segment_min=segment_min,
    )


class TraitChip(QFrame):
    """A small card: the trait type as a caption over its value in emphasis."""

    def __init__(self, trait_type: str, value: str, numeric: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traitChip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_S, SPACE_M, SPACE_S)
        layout.setSpacing(SPACE_XS // 2)
        self.type_label = _plain(trait_type, "traitType")
        self.value_label = _plain(value, "traitValue")
        if numeric:
            self.value_label.setFont(tabular_font(self.value_label.font()))
        layout.addWidget(self.type_label)
        layout.addWidget(self.value_label)
        self.setAccessibleName(f"{trait_type}: {value}")


class ImageCard(QWidget):
    """The hero: a rounded backdrop tinted with the token's background colour, the picture fitted inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._backdrop = QColor(current_theme().surface)
        self._max_height = QWIDGETSIZE_MAX
        # As tall as the picture is at this width (its aspect kept), never taller than the page can show.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(IMAGE_MIN, IMAGE_MIN * 2 // 3)  # its accessible name is the owner's, in its language

    def set_image(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self.updateGeometry()
        self.update()

    def set_max_height(self, height: int) -> None:
        """The tallest the card may grow: what the page has room for, so the whole picture is in view."""
        height = max(height, self.minimumHeight())
        if height != self._max_height:
            self._max_height = height
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        aspect = self._pixmap.height() / self._pixmap.width() if not self._pixmap.isNull() else 2 / 3
        wanted = round((width - 2 * IMAGE_PADDING) * aspect) + 2 * IMAGE_PADDING
        return max(self.minimumHeight(), min(wanted, self._max_height))

    def set_backdrop(self, color: QColor) -> None:
        self._backdrop = color
        self.update()

    def backdrop(self) -> QColor:
        return QColor(self._backdrop)

    def sizeHint(self) -> QSize:
        return QSize(IMAGE_MIN * 2, self.heightForWidth(IMAGE_MIN * 2))

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits inside the padding, aspect kept, at the top, centred."""
        area = QRectF(self.rect()).adjusted(IMAGE_PADDING, IMAGE_PADDING, -IMAGE_PADDING, -IMAGE_PADDING)
        if self._pixmap.isNull() or area.width() <= 0 or area.height() <= 0:
            return area
        size = QSize(self._pixmap.width(), self._pixmap.height()).scaled(
            area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
        )
        rect = QRectF(0, 0, size.width(), size.height())
        rect.moveCenter(area.center())
        rect.moveTop(area.top())
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        # The backdrop hugs the picture, so the card keeps the image's aspect at any window size.
        pad = IMAGE_PADDING - 0.5
        frame = self.picture_rect().adjusted(-pad, -pad, pad, pad)
        painter.setPen(QPen(QColor(current_theme().border), 1))
        painter.setBrush(_blend(QColor(current_theme().surface), self._backdrop, BACKDROP_TINT))
        painter.drawRoundedRect(frame, RADIUS_CARD, RADIUS_CARD)
        if not self._pixmap.isNull():
            target = self.picture_rect()
            clip = QPainterPath()
            clip.addRoundedRect(target, RADIUS, RADIUS)
            painter.setClipPath(clip)
            painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        painter.end()


def _plain(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def format_trait(attribute: dict) -> tuple[str, bool]:
    """The value as a marketplace shows it, and whether it is a number (shown in tabular figures)."""
    value, kind = attribute.get("value"), attribute.get("display_type")
    if kind == "date" and isinstance(value, (int, float)):
        return date_text(value), True
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value), False
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return (text + "%" if kind == "boost_percentage" else text), True


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    mix = [round(a + (b - a) * amount) for a, b in zip(base.getRgb()[:3], tint.getRgb()[:3], strict=True)]
    return QColor(*mix)
