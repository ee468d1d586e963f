"""Step 1's view chooser: a showroom visitor picks which view of the SM6 their design starts from (side, front
three-quarter, rear three-quarter) as three big pictures in a card over the step; a tap chooses and closes it.

The pictures are the studio's own (ui/design/view_picker.py renders them off the UI thread); they are asked for the
first time the step's start tile is drawn, so the kiosk's first screen never waits on them, and the start tile shows
the chosen view's picture small once they arrive."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.generation.request import VIEWS
from ui.design.view_picker import ViewTile, render_views, view_words
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import big_button, words
from ui.tasks import run_in_background

log = logging.getLogger(__name__)
CHOICE = QSize(300, 200)  # one view's picture in the card: three fit side by side at 1280×800, touch-sized
ICON_GAP = 8  # between the start tile's picture and its words: the kiosk's tile style leaves none
START_ICON = QSize(72 + ICON_GAP, 48)  # the chosen view on the step's start tile, in the art's 3:2


class ViewChooser(Retranslating, QFrame):
    """Covers `host` (the design step) and follows its size. `seen_by` is the widget whose first paint asks for the
    views' pictures; `sig_pictures` says they arrived."""

    sig_chosen = Signal(str)
    sig_pictures = Signal()

    def __init__(self, vm, host: QWidget, seen_by: QWidget) -> None:
        super().__init__(host)
        self.vm = vm
        self.setObjectName("kioskOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._images: dict[str, QImage] = {}
        self._asked = False
        card = QFrame()
        card.setObjectName("kioskCard")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(32, 28, 32, 28)
        lay.setSpacing(20)
        self.title = words("title")
        lay.addWidget(self.title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.group = QButtonGroup(self)
        self.tiles: dict[str, ViewTile] = {}
        self.labels = {}
        for column, view in enumerate(VIEWS):
            tile = self.tiles[view] = ViewTile()
            tile.setFixedSize(CHOICE)
            tile.clicked.connect(lambda _checked=False, v=view: self._choose(v))
            self.group.addButton(tile)
            grid.addWidget(tile, 0, column)
            label = self.labels[view] = words("secondary")
            label.setFixedWidth(CHOICE.width())
            grid.addWidget(label, 1, column)
        lay.addLayout(grid)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = big_button(primary=False, kind="nav")
        self.cancel.setMinimumWidth(240)
        self.cancel.clicked.connect(self.hide)
        row.addWidget(self.cancel)
        row.addStretch(1)
        lay.addLayout(row)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(card)
        self._seen_by = seen_by
        host.installEventFilter(self)
        seen_by.installEventFilter(self)
        self.hide()
        self.retranslate()

    def open(self) -> None:
        tile = self.tiles.get(self.vm.view)
        if tile is not None:
            tile.setChecked(True)
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._ask_pictures()

    def icon(self, view: str) -> QIcon:
        """The view's picture for the start tile (none until the pictures arrived)."""
        image = self._images.get(view)
        if image is None:
            return QIcon()
        padded = QPixmap(START_ICON * 2)  # drawn at twice the size: sharp on a HiDPI screen
        padded.fill(Qt.GlobalColor.transparent)
        painter = QPainter(padded)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRect(0, 0, (START_ICON.width() - ICON_GAP) * 2, START_ICON.height() * 2), image)
        painter.end()
        return QIcon(padded)

    @property
    def pictures_ready(self) -> bool:
        return bool(self._images)

    def _choose(self, view: str) -> None:
        self.vm.view = view
        self.hide()
        self.sig_chosen.emit(view)

    def _ask_pictures(self) -> None:
        if not self._asked:
            self._asked = True
            run_in_background(render_views, self._on_rendered, self._on_failed, self)

    def _on_rendered(self, images: dict[str, QImage]) -> None:
        self._images = dict(images)
        for view, image in images.items():
            self.tiles[view].set_picture(image)
        self.sig_pictures.emit()

    def _on_failed(self, exc: BaseException) -> None:
        log.warning("the SM6 artwork's views could not be rendered", exc_info=exc)  # the tiles keep their words

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(obj.rect())
        elif obj is self._seen_by and event.type() == QEvent.Type.Paint and not self._asked:
            self._ask_pictures()  # rendered off the UI thread: this paint never waits on it
        return False

    def retranslate(self) -> None:
        self.title.setText(translate("ViewChooser", "Which view of the SM6 do you start from?"))
        for view, tile in self.tiles.items():
            self.labels[view].setText(view_words(view))
            tile.setAccessibleName(view_words(view))
        self.cancel.setText(translate("ViewChooser", "Cancel"))
