"""Step 1's sketch pad: a showroom visitor draws the SM6 they imagine with a finger, a pen or the mouse, and the
drawing starts their design (where a ControlNet is installed, its edges guide the shape).

The canvas takes mouse events only: Qt turns an unhandled touch or pen into them (its default synthesis), so one
path serves every kind of pointer. Strokes are kept in the canvas's own 0..1 coordinates, so the picture handed on
is exactly what was on screen, at any size. Nothing of a drawing is written anywhere until "Use my sketch" gives its
PNG to the design step (which keeps it in the picture store); the kiosk's wipe empties the pad (DesignStep.clear).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import big_button, words
from ui.kiosk.step_layout import step_columns
from ui.tasks import run_in_background
from ui.theme import current_theme

STROKE = 0.011  # a line's width as a share of the canvas's longest side: a finger's line, on screen and kept alike
INK = "#15181C"  # STYLE.md's light-theme text: dark lines on white paper whatever the kiosk's theme
SKETCH_SIDE = 1024  # the kept picture's longest side (generation resizes it to the design's size)
OUTLINE_SIDE = 768  # the tracing outline's longest side (scaled to the canvas; faint, so no need for more)
CANVAS_RADIUS = 16


def _outline(width: int, height: int) -> QImage:
    """On the disk executor: the SM6 side view's edges as faint grey lines on transparency, letterboxed as the base
    artwork would be at this size (so tracing it lines the sketch up with the car)."""
    import numpy as np

    from app.generation.hints import base_hint

    lines = np.asarray(base_hint("edges", "side", width, height).convert("L"), dtype=np.uint8)
    rgba = np.zeros((height, width, 4), dtype=np.uint8)
    rgba[..., :3] = (120, 132, 150)
    rgba[..., 3] = (lines.astype(np.uint16) * 110 // 255).astype(np.uint8)
    return QImage(rgba.tobytes(), width, height, width * 4, QImage.Format.Format_RGBA8888).copy()


def _fitted(aspect: tuple[int, int], longest: int) -> tuple[int, int]:
    w, h = aspect
    scale = longest / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


class SketchCanvas(QWidget):
    """White paper in the design's aspect, centred in the widget; strokes drawn smooth and round."""

    changed = Signal()  # a stroke was added or taken away

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[QPointF]] = []  # each stroke's points in 0..1 of the paper
        self._drawing: list[QPointF] | None = None
        self._aspect = (512, 512)
        self._outline: QImage | None = None
        self._outline_asked = 0  # a late outline for an earlier aspect is dropped
        self.outline_shown = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(240, 240))
        self.setCursor(Qt.CursorShape.CrossCursor)

    # --- what the pad asks ---

    def set_aspect(self, width: int, height: int) -> None:
        """The design's size: the paper takes its shape, and the outline is drawn again for it."""
        aspect = (max(1, int(width)), max(1, int(height)))
        if aspect == self._aspect and self._outline is not None:
            return
        self._aspect = aspect
        self._outline = None
        self._outline_asked += 1
        asked = self._outline_asked

        def arrived(image: QImage) -> None:
            if asked == self._outline_asked:
                self._outline = image
                self.update()

        run_in_background(lambda: _outline(*_fitted(aspect, OUTLINE_SIDE)), arrived, lambda _e: None, self)
        self.update()

    @property
    def outline_ready(self) -> bool:
        return self._outline is not None

    def show_outline(self, shown: bool) -> None:
        self.outline_shown = shown
        self.update()

    @property
    def is_empty(self) -> bool:
        return not self.strokes

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        self._drawing = None
        if self.strokes:
            self.strokes = []
            self.changed.emit()
        self.update()

    def set_strokes(self, strokes: list[list[QPointF]]) -> None:
        self._drawing = None
        self.strokes = [list(stroke) for stroke in strokes]
        self.update()
        self.changed.emit()

    def picture(self, longest: int = SKETCH_SIDE) -> QImage:
        """The drawing alone (never the outline) on white, in the design's aspect."""
        width, height = _fitted(self._aspect, longest)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint_strokes(painter, QRectF(0, 0, width, height))
        painter.end()
        return image

    def png(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.picture().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # --- drawing ---

    def paper(self) -> QRectF:
        """Where the paper lies in the widget: as large as fits, in the design's aspect, centred."""
        size = QSize(*self._aspect).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def _to_paper(self, pos: QPointF) -> QPointF:
        paper = self.paper()
        x = min(max((pos.x() - paper.x()) / max(paper.width(), 1.0), 0.0), 1.0)
        y = min(max((pos.y() - paper.y()) / max(paper.height(), 1.0), 0.0), 1.0)
        return QPointF(x, y)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or not self.paper().contains(event.position()):
            return
        self._drawing = [self._to_paper(event.position())]
        self.strokes.append(self._drawing)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._drawing is None:
            return
        point = self._to_paper(event.position())
        last = self._drawing[-1]
        if abs(point.x() - last.x()) + abs(point.y() - last.y()) > 0.0015:  # a trembling finger adds no points
            self._drawing.append(point)
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._drawing is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.mouseMoveEvent(event)
        self._drawing = None
        self.update()
        self.changed.emit()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = self.paper()
        frame = QPainterPath()
        frame.addRoundedRect(paper, CANVAS_RADIUS, CANVAS_RADIUS)
        painter.fillPath(frame, QColor("white"))
        painter.setClipPath(frame)
        if self.outline_shown and self._outline is not None:
            painter.drawPixmap(paper, QPixmap.fromImage(self._outline), QRectF(self._outline.rect()))
        self._paint_strokes(painter, paper)
        painter.setClipping(False)
        painter.setPen(QPen(QColor(current_theme().border), 2))
        painter.drawPath(frame)

    def _paint_strokes(self, painter: QPainter, paper: QRectF) -> None:
        width = STROKE * max(paper.width(), paper.height())
        pen = QPen(QColor(INK), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        def at(point: QPointF) -> QPointF:
            return QPointF(paper.x() + point.x() * paper.width(), paper.y() + point.y() * paper.height())

        for stroke in self.strokes:
            points = [at(p) for p in stroke]
            if len(points) == 1:  # a tap leaves a dot
                painter.drawPoint(points[0])
                continue
            # Smooth: a quadratic curve through each point's midpoints, so a finger's corners round off.
            path = QPainterPath(points[0])
            for here, after in zip(points[1:-1], points[2:]):
                path.quadTo(here, (here + after) / 2)
            path.lineTo(points[-1])
            painter.drawPath(path)


class SketchScreen(Retranslating, QWidget):
    """The pad over the design step: the canvas as the hero, and beside it Undo, Clear, the outline toggle,
    "Use my sketch" and Cancel. `sig_use` gives the drawing's PNG; the step says when it was kept (`kept`) or why
    not (`show_problem`)."""

    sig_use = Signal(bytes)
    sig_cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._used: list[list[QPointF]] = []  # the strokes last used: Cancel goes back to them
        self.keeping = False
        self.canvas = SketchCanvas()
        self.canvas.changed.connect(self._show_state)
        _row, side = step_columns(self, self.canvas)
        self.title = words("title", centred=False)
        side.addWidget(self.title)
        self.hint = words("secondary", centred=False)
        side.addWidget(self.hint)
        self.outline = QPushButton()
        self.outline.setProperty("kiosk", "tile")
        self.outline.setCheckable(True)
        self.outline.setChecked(True)
        self.outline.toggled.connect(self.canvas.show_outline)
        side.addWidget(self.outline)
        edits = QHBoxLayout()
        edits.setSpacing(12)
        self.undo = big_button(primary=False, kind="nav")
        self.undo.clicked.connect(self.canvas.undo)
        edits.addWidget(self.undo, 1)
        self.clear_button = big_button(primary=False, kind="nav")
        self.clear_button.clicked.connect(self.canvas.clear)
        edits.addWidget(self.clear_button, 1)
        side.addLayout(edits)
        self.message = words("message", centred=False)
        self.message.hide()
        side.addWidget(self.message)
        side.addStretch(1)
        self.use = big_button()
        self.use.clicked.connect(self._on_use)
        side.addWidget(self.use)
        self.cancel = big_button(primary=False, kind="nav")
        self.cancel.clicked.connect(self._on_cancel)
        side.addWidget(self.cancel)
        self.hide()
        self.retranslate()

    def open_for(self, width: int, height: int) -> None:
        """Cover the step, the paper in the design's aspect; the last drawing used is still there to go on with."""
        self.canvas.set_aspect(width, height)
        self.message.hide()
        self.keeping = False
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._show_state()

    def kept(self) -> None:
        """The step kept the sketch: this drawing is the one in use now."""
        self._used = [list(stroke) for stroke in self.canvas.strokes]
        self.keeping = False
        self.hide()

    def show_problem(self, text: str) -> None:
        self.keeping = False
        self.message.setText(text)
        self.message.show()
        self._show_state()

    def wipe(self) -> None:
        """A new visitor: no stroke of the last one stays, used or not."""
        self._used = []
        self.keeping = False
        self.canvas.clear()
        self.outline.setChecked(True)
        self.message.hide()
        self.hide()

    def _on_use(self) -> None:
        if self.canvas.is_empty or self.keeping:
            return
        self.keeping = True
        self.message.hide()
        self._show_state()
        self.sig_use.emit(self.canvas.png())

    def _on_cancel(self) -> None:
        if self.canvas.strokes != self._used:
            self.canvas.set_strokes(self._used)
        self.keeping = False
        self.hide()
        self.sig_cancel.emit()

    def _show_state(self) -> None:
        empty = self.canvas.is_empty
        self.use.setEnabled(not empty and not self.keeping)
        self.undo.setEnabled(not empty and not self.keeping)
        self.clear_button.setEnabled(not empty and not self.keeping)
        self.use.setText(
            translate("SketchScreen", "Keeping your sketch…")
            if self.keeping
            else translate("SketchScreen", "Use my sketch")
        )

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(current_theme().background))  # covers the step under it
        painter.end()
        super().paintEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("SketchScreen", "Draw your SM6"))
        self.hint.setText(
            translate("SketchScreen", "Draw with your finger. Trace the outline, or draw the car you imagine.")
        )
        self.outline.setText(translate("SketchScreen", "Show the SM6 outline"))
        self.undo.setText(translate("SketchScreen", "Undo"))
        self.clear_button.setText(translate("SketchScreen", "Clear"))
        self.cancel.setText(translate("SketchScreen", "Cancel"))
        self.canvas.setAccessibleName(translate("SketchScreen", "Drawing area"))
        self._show_state()
