"""A picture that fills its space, keeping its shape, with rounded corners: the hero of every kiosk screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from app import paths
from ui.theme import current_theme

RADIUS = 24


def base_artwork(width: int = 1024, height: int = 640) -> QImage:
    """The SM6 base artwork (resources/art), never anyone's design."""
    renderer = QSvgRenderer(str(paths.resource("art", "sm6_side.svg")))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


class Picture(QWidget):
    def __init__(self, placeholder: str = "", parent: QWidget | None = None, minimum: int = 160) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._scaled: QPixmap | None = None
        self.placeholder = placeholder  # shown (already translated) while there is no picture
        self.setMinimumSize(QSize(minimum, minimum))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._overlay: QWidget | None = None

    def overlay(self) -> QWidget:
        """A layer over the picture as it is drawn (the whole box while there is none), for words and progress said
        on it: a square design in a wide space gets them across the design, not across the empty space beside it."""
        if self._overlay is None:
            self._overlay = QWidget(self)
            self._overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self._place_overlay()
        return self._overlay

    def shown_rect(self) -> QRect:
        """Where the picture is drawn in this widget."""
        if self._image is None:
            return self.rect()
        size = self._target()
        return QRect(
            (self.width() - size.width()) // 2, (self.height() - size.height()) // 2, size.width(), size.height()
        )

    def _place_overlay(self) -> None:
        if self._overlay is not None:
            self._overlay.setGeometry(self.shown_rect())

    @property
    def image(self) -> QImage | None:
        return self._image

    def set_image(self, image: QImage | None) -> None:
        self._image = None if image is None or image.isNull() else image
        self._scaled = None
        self._place_overlay()
        self.update()

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._scaled = None
        self._place_overlay()
        super().resizeEvent(event)

    def _fitted(self) -> QPixmap:
        if self._scaled is None or self._scaled.size() != self._target():
            scaled = self._image.scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self._scaled = QPixmap.fromImage(scaled)
        return self._scaled

    def _target(self) -> QSize:
        return self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._image is None:
            area = QRectF(self.rect()).adjusted(2, 2, -2, -2)
            painter.setPen(QPen(QColor(theme.border), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(theme.surface))
            painter.drawRoundedRect(area, RADIUS, RADIUS)
            painter.setPen(QColor(theme.text_secondary))
            font = painter.font()
            font.setPixelSize(22)
            painter.setFont(font)
            painter.drawText(
                area.adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            return
        pixmap = self._fitted()
        x = (self.width() - pixmap.width()) / 2
        y = (self.height() - pixmap.height()) / 2
        target = QRectF(x, y, pixmap.width(), pixmap.height())
        path = QPainterPath()
        path.addRoundedRect(target, RADIUS, RADIUS)
        painter.setClipPath(path)
        painter.drawPixmap(target.topLeft(), pixmap)
