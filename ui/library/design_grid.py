"""The Library's gallery: an icon-mode list whose columns always fill the width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QStyle, QWidget

from ui.library.design_tile_delegate import DesignTileDelegate
from ui.library.library_style import GRID_GAP, TILE_MIN


class DesignGrid(QListView):
    """The gallery: an icon-mode list whose columns fill the width; Enter opens the current design."""

    sig_open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryGrid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.tile_delegate = DesignTileDelegate(self)
        self.setItemDelegate(self.tile_delegate)
        self.setAccessibleName("Designs")
        self.update_cells()

    def update_cells(self) -> None:
        """As many columns as fit at TILE_MIN; the tiles share what is left, so rows end flush."""
        # Room for the scroll bar is always kept: cells must not change as it comes and goes.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        # Qt's icon-mode layout wraps when a row reaches its last pixel, hence the "- 1".
        width = max(TILE_MIN + GRID_GAP, self.contentsRect().width() - bar - 1)
        columns = max(1, width // (TILE_MIN + GRID_GAP))
        side = width // columns
        cell = QSize(side, side)
        if cell != self.gridSize():
            self.tile_delegate.cell = cell
            self.setGridSize(cell)
            self.verticalScrollBar().setSingleStep(max(1, side // 4))

    def reveal(self, index: QModelIndex) -> None:
        """Scroll a design chosen by the program into the middle, unless it is fully in view already."""
        self.executeDelayedItemsLayout()  # positions are only known once the pending layout has run
        if not self.viewport().rect().contains(self.visualRect(index)):
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.update_cells()
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_open_requested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
