"""A gallery of square tiles whose columns always fill the width: the Library's designs, the Curation's entries.

Every tile has the same size, so where an item sits is arithmetic (row // columns, row % columns): laying out
100,000 designs costs nothing, the scroll bar spans all of them from the start, and a model reset or a row added on
top moves no per-item bookkeeping. (QListView's icon mode keeps a rectangle per item and re-lays them all out on every
reset: about 0.15 s at 100,000 designs, and every range of dataChanged resized each item in it.)
"""

from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Move = QAbstractItemView.CursorAction


class TileDelegate(Protocol):
    """A delegate the grid paints with; the grid tells it the size of a cell (gap included) in `cell`."""

    cell: QSize

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None: ...


class TileGrid(QAbstractItemView):
    """The gallery; Enter opens the current item. `make_delegate(grid)` makes the delegate that paints its tiles;
    columns are added as soon as tiles can stay `tile_min` wide, with `gap` between two."""

    sig_open_requested = Signal(QModelIndex)

    def __init__(
        self,
        make_delegate: Callable[[QWidget], QStyledItemDelegate],
        parent: QWidget | None = None,
        *,
        tile_min: int,
        gap: int,
    ) -> None:
        super().__init__(parent)
        self._tile_min, self._gap = tile_min, gap
        self._side = tile_min + gap  # set first: Qt calls back into the geometry below from the setters
        self._columns = 1
        self._hover = QPersistentModelIndex()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.tile_delegate = make_delegate(self)
        self.setItemDelegate(self.tile_delegate)
        # Its accessible name is the view's to give, in the language in use.
        self.update_cells()

    # --- geometry --------------------------------------------------------------------------------

    def gridSize(self) -> QSize:  # noqa: N802 - named like QListView's, which this grid replaces
        return QSize(self._side, self._side)

    @property
    def columns(self) -> int:
        return self._columns

    def update_cells(self) -> None:
        """As many columns as fit at `tile_min`; the tiles share what is left, so rows end flush."""
        # Room for the scroll bar is always kept: cells must not change as it comes and goes.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        cell = self._tile_min + self._gap
        width = max(cell, self.contentsRect().width() - bar)
        columns = max(1, width // cell)
        side = width // columns
        if (side, columns) != (self._side, self._columns):
            self._side, self._columns = side, columns
            self.tile_delegate.cell = QSize(side, side)
            self.updateGeometries()
            self.viewport().update()

    def _count(self) -> int:
        model = self.model()
        return model.rowCount(self.rootIndex()) if model is not None else 0

    def _grid_rows(self) -> int:
        return -(-self._count() // self._columns)

    def visible_rows(self) -> range:
        """The model rows with a tile on screen now."""
        top = self.verticalOffset()
        first = max(0, top // self._side) * self._columns
        last = min(self._count(), ((top + self.viewport().height()) // self._side + 1) * self._columns)
        return range(first, max(first, last))

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        bar.setRange(0, max(0, self._grid_rows() * self._side - height))
        bar.setPageStep(max(1, height))
        bar.setSingleStep(max(1, self._side // 4))
        super().updateGeometries()

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:  # noqa: N802
        if not index.isValid() or index.model() is not self.model():
            return QRect()
        row = index.row()
        x = (row % self._columns) * self._side
        y = (row // self._columns) * self._side - self.verticalOffset()
        return QRect(x, y, self._side, self._side)

    def indexAt(self, point: QPoint) -> QModelIndex:  # noqa: N802
        x, y = point.x(), point.y() + self.verticalOffset()
        if self.model() is None or x < 0 or y < 0 or x >= self._columns * self._side:
            return QModelIndex()
        row = (y // self._side) * self._columns + x // self._side
        return self.model().index(row, 0, self.rootIndex()) if row < self._count() else QModelIndex()

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible):  # noqa: N802
        rect = self.visualRect(index)
        if not rect.isValid():
            return
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if bar.maximum() != max(0, self._grid_rows() * self._side - height):
            self.updateGeometries()  # rows came or went since the last layout (a reset): the range must fit them first
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            bar.setValue(bar.value() + rect.top())
        elif hint == Hint.PositionAtBottom:
            bar.setValue(bar.value() + rect.bottom() + 1 - height)
        elif hint == Hint.PositionAtCenter:
            bar.setValue(bar.value() + rect.center().y() - height // 2)
        elif rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() >= height:
            bar.setValue(bar.value() + rect.bottom() + 1 - height)

    def reveal(self, index: QModelIndex) -> None:
        """Scroll an item chosen by the program into the middle, unless it is fully in view already."""
        if not self.viewport().rect().contains(self.visualRect(index)):
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def horizontalOffset(self) -> int:  # noqa: N802
        return 0

    def verticalOffset(self) -> int:  # noqa: N802
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return False

    def moveCursor(self, action: Move, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        count = self._count()
        if count == 0:
            return QModelIndex()
        current = self.currentIndex()
        if not current.isValid():
            return self.model().index(0, 0, self.rootIndex())
        row, columns = current.row(), self._columns
        per_page = max(1, self.viewport().height() // self._side) * columns
        steps = {
            Move.MoveLeft: -1,
            Move.MovePrevious: -1,
            Move.MoveRight: 1,
            Move.MoveNext: 1,
            Move.MoveUp: -columns,
            Move.MoveDown: columns,
            Move.MovePageUp: -per_page,
            Move.MovePageDown: per_page,
        }
        if action == Move.MoveHome:
            row = 0
        elif action == Move.MoveEnd:
            row = count - 1
        elif action in (Move.MoveUp, Move.MoveDown) and not 0 <= row + steps[action] < count:
            pass  # no row above or below: stay, as a list does
        else:
            row = min(count - 1, max(0, row + steps.get(action, 0)))
        return self.model().index(row, 0, self.rootIndex())

    def setSelection(self, rect: QRect, command) -> None:  # noqa: N802
        rect = rect.normalized()
        offset, side, columns, count = self.verticalOffset(), self._side, self._columns, self._count()
        selection = QItemSelection()
        left = max(0, rect.left() // side)
        right = min(columns - 1, rect.right() // side)
        for grid_row in range(max(0, (rect.top() + offset) // side), (rect.bottom() + offset) // side + 1):
            first, last = grid_row * columns + left, min(count - 1, grid_row * columns + right)
            if left <= right and first <= last:
                model = self.model()
                selection.select(model.index(first, 0, self.rootIndex()), model.index(last, 0, self.rootIndex()))
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:  # noqa: N802
        region = QRegion()
        shown = self.visible_rows()
        for selected in selection:
            for row in range(max(selected.top(), shown.start), min(selected.bottom() + 1, shown.stop)):
                region += self.visualRect(self.model().index(row, 0, self.rootIndex()))
        return region

    # --- painting and events ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        model = self.model()
        if model is None:
            return
        painter = QPainter(self.viewport())
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        selection, current = self.selectionModel(), self.currentIndex()
        focused = self.hasFocus()
        dirty = event.rect()
        State = QStyle.StateFlag
        for row in self.visible_rows():
            index = model.index(row, 0, self.rootIndex())
            rect = self.visualRect(index)
            if not rect.intersects(dirty):
                continue
            option.rect = rect
            state = State.State_Enabled | State.State_Active
            if selection.isSelected(index):
                state |= State.State_Selected
            if index == self._hover:
                state |= State.State_MouseOver
            if focused and index == current:
                state |= State.State_HasFocus
            option.state = state
            self.tile_delegate.paint(painter, option, index)
        painter.end()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (event.Type.HoverEnter, event.Type.HoverMove):
            self._set_hover(self.indexAt(event.position().toPoint()))
        elif kind == event.Type.HoverLeave:
            self._set_hover(QModelIndex())
        return super().viewportEvent(event)

    def _set_hover(self, index: QModelIndex) -> None:
        if QModelIndex(self._hover) == index:
            return
        for old_or_new in (self._hover, index):
            if old_or_new.isValid():
                self.viewport().update(self.visualRect(old_or_new))
        self._hover = QPersistentModelIndex(index)

    def rowsInserted(self, parent: QModelIndex, start: int, end: int) -> None:  # noqa: N802
        super().rowsInserted(parent, start, end)
        self.scheduleDelayedItemsLayout()  # the scroll range, and every tile after `start` moves

    def rowsAboutToBeRemoved(self, parent: QModelIndex, start: int, end: int) -> None:  # noqa: N802
        super().rowsAboutToBeRemoved(parent, start, end)
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.update_cells()
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_open_requested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
