"""The hero of the studio: the design image, large, with each denoising step and the job's progress."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.icons import pixmap
from ui.theme import FONT_EMPHASIS, RADIUS_CARD, SPACE_M, SPACE_S, current_theme


class ImageCanvas(QWidget):
    """Paints an image scaled to fit, centred, with rounded corners; a calm placeholder when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._scaled: QPixmap | None = None
        self._placeholder = ""  # empty: the usual sentence, in the language shown when painted
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)

    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else None
        self._scaled = None
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, 560)

    def resizeEvent(self, event) -> None:
        self._scaled = None
        super().resizeEvent(event)

    def _target_rect(self) -> QRectF:
        area = QRectF(self.rect())
        if self._image is None:
            return area
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            (area.width() - size.width()) / 2, (area.height() - size.height()) / 2, size.width(), size.height()
        )

    def paintEvent(self, _event) -> None:
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = self._target_rect()
        path = QPainterPath()
        path.addRoundedRect(rect, RADIUS_CARD, RADIUS_CARD)
        if self._image is None:
            painter.fillPath(path, QColor(theme.raised))
            icon = pixmap("image", theme.text_secondary, 48)
            center = rect.center()
            painter.drawPixmap(int(center.x() - 24), int(center.y() - 48), icon)
            painter.setPen(QColor(theme.text_secondary))
            font = painter.font()
            font.setPixelSize(FONT_EMPHASIS)
            painter.setFont(font)
            text_rect = QRectF(rect.left(), center.y() + SPACE_S, rect.width(), 40)
            words = self._placeholder or translate("ImageCanvas", "Your design appears here")
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, words)
            return
        if self._scaled is None or self._scaled.size() != rect.size().toSize():
            # Step previews are tiny (latent-sized): smooth scaling turns them into a soft image, not blocks.
            self._scaled = QPixmap.fromImage(
                self._image.scaled(
                    rect.size().toSize(),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        painter.setClipPath(path)
        painter.drawPixmap(rect.topLeft(), self._scaled)


class PreviewView(QWidget):
    """Canvas plus a slim progress bar and one line of status under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_M)
        self.canvas = ImageCanvas()
        layout.addWidget(self.canvas, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.setObjectName("previewProgress")
        layout.addWidget(self.progress)
        self.status = QLabel()  # the view-model's status line (DesignViewModel.status_text)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setProperty("role", "secondary")
        self.status.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status.setWordWrap(True)  # a refusal in live mode is a sentence: it wraps rather than widen the window
        layout.addWidget(self.status)
