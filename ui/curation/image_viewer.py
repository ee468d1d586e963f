"""One entry's picture at full size: fitted to the window at first, zoomed around the cursor, panned by dragging.

The bytes are decoded on the `disk` executor (a 4096² PNG takes longer than a frame), and a picture whose declared
size is beyond `MAX_PIXELS` is refused before any pixel is decoded (an image bomb). A judge moving to the next entry
must never see the previous one under the new entry's scores, so a new picture clears the old at once; a thumbnail
the caller already has may stand in until the full picture arrives.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QKeyEvent, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.executors import run
from ui.i18n import Retranslating, translate
from ui.tasks import deliver
from ui.theme import FONT_CAPTION, RADIUS, SPACE_S, SPACE_XS, current_theme, tabular_font

MAX_PIXELS = 64_000_000  # 8000×8000: far beyond any entry, far below what would exhaust memory
ZOOM_STEP = 1.25  # per wheel notch or key press
MIN_ZOOM, MAX_ZOOM = 0.02, 16.0  # absolute scale (1.0 = one image pixel per screen pixel)
SMOOTH_CACHE_BELOW = 0.5  # below this scale the picture is pre-shrunk smoothly (bilinear drawing would shimmer)


class UnreadablePicture(Exception):
    """The bytes are not a picture this viewer can show (damaged, not an image, or too large)."""


def decode_picture(data: bytes, max_pixels: int = MAX_PIXELS) -> QImage:
    """PNG or JPEG bytes as an image QPainter draws fast; raises UnreadablePicture. Runs on any thread."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()  # from the header: nothing decoded yet
    if not size.isValid() or size.width() * size.height() > max_pixels:
        raise UnreadablePicture(f"declared size {size.width()}x{size.height()}")  # i18n: not shown (logs only)
    image = reader.read()
    if image.isNull():
        raise UnreadablePicture(reader.errorString())
    wanted = QImage.Format.Format_ARGB32_Premultiplied if image.hasAlphaChannel() else QImage.Format.Format_RGB32
    return image.convertToFormat(wanted)


@dataclass(frozen=True)
class ViewState:
    """What another viewer copies to show the same part of its picture: zoom relative to fitting (so two copies of
    different resolutions line up), and the point at the centre as a fraction of the picture's width and height."""

    fit: bool
    zoom_over_fit: float = 1.0
    centre: tuple[float, float] = (0.5, 0.5)


class ImageViewer(Retranslating, QWidget):
    sig_view_changed = Signal()  # the person zoomed or panned (not a resize): a linked viewer follows
    sig_close_requested = Signal()  # Esc
    sig_ready = Signal(bool)  # the picture asked for is shown (True) or could not be read (False)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._pixmap: QPixmap | None = None
        self._stand_in: QPixmap | None = None
        self._smooth: tuple[float, QPixmap] | None = None  # (scale, pre-shrunk picture)
        self._failed = False
        self._loading = False
        self._generation = 0  # answers of earlier requests are dropped
        self._decoding: Future | None = None
        self._fit = True
        self._scale = 1.0
        self._origin = QPointF()  # where the picture's top-left corner is, in widget coordinates
        self._drag_from: QPointF | None = None
        self._empty_words = ""
        self._failed_words = ""
        self.retranslate()

    def retranslate(self) -> None:
        self._empty_words = translate("ImageViewer", "No picture")
        self._failed_words = translate("ImageViewer", "This picture cannot be shown. The file may be damaged.")
        self.setAccessibleName(translate("ImageViewer", "Picture"))
        self.setToolTip(
            translate("ImageViewer", "Scroll to zoom, drag to move. + and − zoom, 0 fits, 1 shows actual size.")
        )
        self.update()

    # --- API -----------------------------------------------------------------------------------

    def set_image(self, data: bytes | None, stand_in: QImage | None = None) -> None:
        """Show the picture in `data` (decoded in the background); `stand_in` (a thumbnail) is shown until then."""
        self._generation += 1
        self._pixmap, self._smooth, self._failed = None, None, False
        self._stand_in = QPixmap.fromImage(stand_in) if stand_in is not None and not stand_in.isNull() else None
        self._fit = True
        self._loading = bool(data)
        if self._decoding is not None:
            self._decoding.cancel()  # a judge flipping through entries: the ones flown past are not decoded
            self._decoding = None
        if data:
            generation = self._generation
            self._decoding = run("disk", decode_picture, bytes(data))
            deliver(
                self._decoding,
                lambda image: self._on_decoded(generation, image),
                lambda _error: self._on_failed(generation),
                parent=self,
            )
        self._layout_view()
        self.update()

    def set_picture(self, image: QImage | None) -> None:
        """Show an image already decoded (on the UI thread only for small ones the caller holds anyway)."""
        self._generation += 1
        if self._decoding is not None:
            self._decoding.cancel()
            self._decoding = None
        self._loading, self._failed, self._stand_in, self._smooth = False, False, None, None
        self._pixmap = QPixmap.fromImage(image) if image is not None and not image.isNull() else None
        self._fit = True
        self._layout_view()
        self.update()

    def has_picture(self) -> bool:
        return self._pixmap is not None

    def is_loading(self) -> bool:
        return self._loading

    def failed(self) -> bool:
        return self._failed

    def picture_size(self) -> QSize:
        return self._pixmap.size() if self._pixmap is not None else QSize()

    def scale(self) -> float:
        """Screen pixels per picture pixel."""
        return self._scale

    def is_fitted(self) -> bool:
        return self._fit

    def zoom_label(self) -> str:
        return f"{round(self._scale * 100)}%"

    def image_point_at(self, pos: QPointF) -> QPointF:
        """The picture's pixel under a point of the widget."""
        return (pos - self._origin) / self._scale

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor`, keeping the picture's point under `anchor` (default: the centre) where it is."""
        if self._pixmap is None:
            return
        anchor = QPointF(anchor) if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        self._zoom_to(self._scale * factor, anchor)
        self.sig_view_changed.emit()

    def fit(self) -> None:
        self._fit = True
        self._layout_view()
        self.update()
        self.sig_view_changed.emit()

    def actual_size(self, anchor: QPointF | None = None) -> None:
        if self._pixmap is None:
            return
        self._zoom_to(1.0, QPointF(anchor) if anchor is not None else QPointF(self.width() / 2, self.height() / 2))
        self.sig_view_changed.emit()

    def pan_by(self, dx: float, dy: float) -> None:
        if self._pixmap is None or self._fit:
            return
        self._origin += QPointF(dx, dy)
        self._clamp()
        self.update()
        self.sig_view_changed.emit()

    def view_state(self) -> ViewState:
        if self._fit or self._pixmap is None:
            return ViewState(fit=True)
        centre = self.image_point_at(QPointF(self.width() / 2, self.height() / 2))
        w, h = self._pixmap.width(), self._pixmap.height()
        return ViewState(False, self._scale / self._fit_scale(), (centre.x() / w, centre.y() / h))

    def set_view_state(self, state: ViewState) -> None:
        """Show the same part as another viewer (no `sig_view_changed`: this is not the person's doing)."""
        if self._pixmap is None:
            return
        if state.fit:
            self._fit = True
            self._layout_view()
        else:
            self._fit = False
            self._scale = _clamped(state.zoom_over_fit * self._fit_scale())
            w, h = self._pixmap.width(), self._pixmap.height()
            centre = QPointF(state.centre[0] * w, state.centre[1] * h)
            self._origin = QPointF(self.width() / 2, self.height() / 2) - centre * self._scale
            self._clamp()
        self.update()

    # --- decoding ------------------------------------------------------------------------------

    def _on_decoded(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._pixmap = QPixmap.fromImage(image)
        self._stand_in = None
        self._layout_view()
        self.update()
        self.sig_ready.emit(True)

    def _on_failed(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._loading, self._failed, self._stand_in = False, True, None
        self.update()
        self.sig_ready.emit(False)

    # --- geometry ------------------------------------------------------------------------------

    def _fit_scale(self) -> float:
        if self._pixmap is None or self._pixmap.width() == 0 or self._pixmap.height() == 0:
            return 1.0
        return min(self.width() / self._pixmap.width(), self.height() / self._pixmap.height())

    def _zoom_to(self, scale: float, anchor: QPointF) -> None:
        point = self.image_point_at(anchor)
        self._fit = False
        self._scale = _clamped(scale)
        self._origin = anchor - point * self._scale
        self._clamp()
        self.update()

    def _layout_view(self) -> None:
        if self._pixmap is None:
            return
        if self._fit:
            self._scale = self._fit_scale()
            w, h = self._pixmap.width() * self._scale, self._pixmap.height() * self._scale
            self._origin = QPointF((self.width() - w) / 2, (self.height() - h) / 2)
        else:
            self._clamp()

    def _clamp(self) -> None:
        """A picture smaller than the window stays centred; a larger one never leaves an empty edge."""
        if self._pixmap is None:
            return
        x, y = self._origin.x(), self._origin.y()
        w, h = self._pixmap.width() * self._scale, self._pixmap.height() * self._scale
        x = (self.width() - w) / 2 if w <= self.width() else min(0.0, max(self.width() - w, x))
        y = (self.height() - h) / 2 if h <= self.height() else min(0.0, max(self.height() - h, y))
        self._origin = QPointF(x, y)

    # --- events --------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        self._layout_view()
        super().resizeEvent(event)

    def wheelEvent(self, event) -> None:
        notches = event.angleDelta().y() / 120 or event.pixelDelta().y() / 120
        if notches:
            self.zoom_by(ZOOM_STEP**notches, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_by(delta.x(), delta.y())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._drag_from = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        """Double-click: actual size at that point, or back to fitting."""
        if self._fit:
            self.actual_size(event.position())
        else:
            self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        elif key == Qt.Key.Key_Escape:
            self.sig_close_requested.emit()
        else:
            super().keyPressEvent(event)  # scoring keys go on to whoever holds the viewer
            return
        event.accept()

    def paintEvent(self, event) -> None:
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor(theme.background))
        if self._pixmap is not None:
            target = QRectF(self._origin, QSize(self._pixmap.width(), self._pixmap.height()).toSizeF() * self._scale)
            painter.drawPixmap(target, self._smoothed(), QRectF(self._smoothed().rect()))
            self._paint_zoom(painter, theme)
        elif self._stand_in is not None:
            s = self._stand_in
            scale = min(self.width() / s.width(), self.height() / s.height())
            w, h = s.width() * scale, s.height() * scale
            painter.drawPixmap(QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), s, QRectF(s.rect()))
        elif not self._loading:
            painter.setPen(QColor(theme.text_secondary))
            words = self._failed_words if self._failed else self._empty_words
            box = self.rect().adjusted(SPACE_S * 3, 0, -SPACE_S * 3, 0)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, words)
        if self.hasFocus():
            painter.setPen(QColor(theme.accent))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), RADIUS, RADIUS)
        painter.end()

    def _smoothed(self) -> QPixmap:
        """The picture to draw: itself, or (far below actual size) a smoothly shrunk copy, made once per zoom."""
        if self._scale >= SMOOTH_CACHE_BELOW:
            return self._pixmap
        if self._smooth is None or abs(self._smooth[0] - self._scale) > 1e-6:
            size = (self._pixmap.size().toSizeF() * self._scale).toSize().expandedTo(QSize(1, 1))
            shrunk = self._pixmap.scaled(
                size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self._smooth = (self._scale, shrunk)
        return self._smooth[1]

    def _paint_zoom(self, painter: QPainter, theme) -> None:
        """The zoom level, small in the bottom-right corner: there when wanted, never over the middle."""
        font = tabular_font(painter.font())
        font.setPixelSize(FONT_CAPTION)
        painter.setFont(font)
        words = self.zoom_label()
        metrics = painter.fontMetrics()
        w, h = metrics.horizontalAdvance(words) + 2 * SPACE_S, metrics.height() + SPACE_XS
        box = QRectF(self.width() - w - SPACE_S, self.height() - h - SPACE_S, w, h)
        pill = QPainterPath()
        pill.addRoundedRect(box, h / 2, h / 2)
        painter.fillPath(pill, _with_alpha(theme.surface, 0.8))
        painter.setPen(QColor(theme.text_secondary))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)


def _with_alpha(color: str, alpha: float) -> QColor:
    c = QColor(color)
    c.setAlphaF(alpha)
    return c


def _clamped(scale: float) -> float:
    return max(MIN_ZOOM, min(MAX_ZOOM, scale))
