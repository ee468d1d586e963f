"""Which view of the SM6 artwork to start from: three thumbnails (side, front three-quarter, rear three-quarter), the
chosen one framed in the accent. The thumbnails are the real base artwork, rendered off the UI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.generation.request import MASKS, VIEWS
from ui.i18n import Retranslating, translate
from ui.tasks import run_in_background
from ui.theme import RADIUS, SPACE_M, SPACE_S, current_theme

log = logging.getLogger(__name__)
TILE_HEIGHT = 76  # 72 px of picture (a touch target) inside a 2 px frame
TILE_MIN_WIDTH = 88
ART_SIZE = (240, 160)  # rendered at twice the shown size, for sharp thumbnails on a HiDPI screen


def view_words(view: str) -> str:
    return {
        "side": translate("ViewPicker", "Side view"),
        "front34": translate("ViewPicker", "Front three-quarter view"),
        "rear34": translate("ViewPicker", "Rear three-quarter view"),
    }[view]


def render_views() -> dict[str, QImage]:
    """On the disk executor: each view's artwork as a QImage (a QImage may be made on any thread)."""
    from app.generation.base_art import render_base

    images = {}
    for view in VIEWS:
        art = render_base(*ART_SIZE, view=view).convert("RGB")
        data = art.tobytes()
        images[view] = QImage(data, art.width, art.height, art.width * 3, QImage.Format.Format_RGB888).copy()
    return images


class ViewTile(QAbstractButton):
    """One view's thumbnail; checkable, framed in the accent when chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(TILE_HEIGHT)
        self.setMinimumWidth(TILE_MIN_WIDTH)
        self._picture = QPixmap()

    def set_picture(self, image: QImage) -> None:
        self._picture = QPixmap.fromImage(image)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(TILE_MIN_WIDTH + SPACE_S * 3, TILE_HEIGHT)

    def paintEvent(self, _event) -> None:
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        frame = 2 if self.isChecked() or self.hasFocus() else 1
        outer = QRectF(self.rect()).adjusted(frame / 2, frame / 2, -frame / 2, -frame / 2)
        inner = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        clip = QPainterPath()
        clip.addRoundedRect(inner, RADIUS - 2, RADIUS - 2)
        painter.fillPath(clip, QColor(theme.raised))
        if not self._picture.isNull():  # cover the tile: the car stays centred, the art's own background fills
            scaled = self._picture.size().scaled(inner.size().toSize(), Qt.AspectRatioMode.KeepAspectRatioByExpanding)
            x = inner.x() + (inner.width() - scaled.width()) / 2
            y = inner.y() + (inner.height() - scaled.height()) / 2
            painter.setClipPath(clip)
            painter.drawPixmap(
                QRectF(x, y, scaled.width(), scaled.height()), self._picture, QRectF(self._picture.rect())
            )
            painter.setClipping(False)
        if self.isChecked():
            colour = theme.accent
        elif self.hasFocus() or self.underMouse():
            colour = theme.border_strong
        else:
            colour = theme.border
        painter.setPen(QPen(QColor(colour), frame))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(outer, RADIUS, RADIUS)
        painter.end()

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self.update()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.update()


class ViewPicker(Retranslating, QWidget):
    """Bound to the VM's `view`: a tile pressed chooses its view."""

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_S)
        self.group = QButtonGroup(self)
        self.tiles: dict[str, ViewTile] = {}
        for view in VIEWS:
            tile = self.tiles[view] = ViewTile()
            self.group.addButton(tile)
            tile.clicked.connect(lambda _checked=False, v=view: setattr(vm, "view", v))
            row.addWidget(tile, 1)
        vm.view_changed.connect(self._show_view)
        self._show_view(vm.view)
        self.retranslate()
        self._rendering = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._rendering:  # drawn once first seen: the window's first paint never waits on the SVGs (~0.2 s)
            self._rendering = True
            QTimer.singleShot(
                0, self, lambda: run_in_background(render_views, self._on_rendered, self._on_failed, self)
            )

    def retranslate(self) -> None:
        for view, tile in self.tiles.items():
            tile.setToolTip(view_words(view))
            tile.setAccessibleName(view_words(view))

    def _show_view(self, view: str) -> None:
        tile = self.tiles.get(view)
        if tile is not None:
            tile.setChecked(True)

    def _on_rendered(self, images: dict[str, QImage]) -> None:
        for view, image in images.items():
            self.tiles[view].set_picture(image)

    def _on_failed(self, exc: BaseException) -> None:
        log.warning("the SM6 artwork's views could not be rendered", exc_info=exc)  # the tiles keep their words


def mask_words(mask: str) -> tuple[str, str]:
    """A repaint choice's segment label and the one line under it."""
    return {
        "none": (translate("BaseArtOptions", "Whole"), translate("BaseArtOptions", "Repaints the whole picture")),
        "body": (translate("BaseArtOptions", "Body"), translate("BaseArtOptions", "Repaints the car, keeps the scene")),
        "scene": (
            translate("BaseArtOptions", "Scene"),
            translate("BaseArtOptions", "Keeps the car, repaints the scene"),
        ),
    }[mask]


class BaseArtOptions(Retranslating, QWidget):
    """Starting from the SM6 artwork: which view, and what is repainted (the whole picture, the body, the scene)."""

    def __init__(self, vm, parent: QWidget | None = None, *, repaint: bool = True) -> None:
        super().__init__(parent)
        self.vm = vm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.views = ViewPicker(vm)
        layout.addWidget(self.views)
        row = QHBoxLayout()
        row.setSpacing(SPACE_M)
        self.mask_title = QLabel()
        row.addWidget(self.mask_title)
        self.mask_group = QButtonGroup(self)
        self.mask_buttons: dict[str, QPushButton] = {}
        for mask in MASKS:
            button = self.mask_buttons[mask] = QPushButton()
            button.setCheckable(True)
            button.setProperty("segment", True)
            self.mask_group.addButton(button)
            button.clicked.connect(lambda _checked=False, m=mask: setattr(vm, "mask", m))
            row.addWidget(button, 1)
        self.mask_caption = QLabel()
        self.mask_caption.setProperty("role", "caption")
        self.mask_caption.setWordWrap(True)
        self.repaint = repaint  # not at a kiosk: a visitor picks a view, the designer what is repainted
        self.repaint_box = QWidget()
        box = QVBoxLayout(self.repaint_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(SPACE_S)
        box.addLayout(row)
        box.addWidget(self.mask_caption)
        layout.addWidget(self.repaint_box)
        vm.mask_changed.connect(self._show_mask)
        vm.source_changed.connect(self._show_for_source)
        vm.control_model_changed.connect(self._show_for_source)
        self.retranslate()
        self._show_for_source()

    def retranslate(self) -> None:
        self.mask_title.setText(translate("BaseArtOptions", "Repaint"))
        for mask, button in self.mask_buttons.items():
            label, explained = mask_words(mask)
            button.setText(label)
            button.setToolTip(explained)
        self._show_mask(self.vm.mask)

    def _show_mask(self, mask: str) -> None:
        self.mask_buttons[mask].setChecked(True)
        self.mask_caption.setText(mask_words(mask)[1])

    def _show_for_source(self, *_args) -> None:
        """From the SM6 artwork: its view and what is repainted. From nothing but with a guide: the view whose
        artwork the ControlNet follows."""
        source = self.vm.source
        shown = source == "base" or (source == "none" and bool(self.vm.control_model))
        if self.parentWidget() is not None or not shown:  # unparented, showing would open it as a window
            self.setVisible(shown)
        self.repaint_box.setVisible(self.repaint and source == "base")
