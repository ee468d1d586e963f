"""The designs the Library grid shows: newest first, read from the library a page at a time.

Only the pages scrolled into view are ever read (canFetchMore / fetchMore), and only the
thumbnails painted are ever decoded, so 14,000 designs open as fast as 14.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from app.errors import StorageError
from app.library.models import Design
from app.library.store import Library
from ui.library.library_style import PAGE_SIZE, THUMB_SIDE
from ui.library.thumbnails import ThumbnailLoader

DesignRole = Qt.ItemDataRole.UserRole + 1  # the Design record
FailedRole = Qt.ItemDataRole.UserRole + 2  # True when the picture could not be read
TOOLTIP_CHARS = 240
# Designs made here are put at the top and kept; at a kiosk that is two more per visitor, all day, every day. Past
# this many rows the oldest loaded ones go again, to be read back if the grid is ever scrolled that far (≈ 4 MB).
MAX_LOADED_ROWS = 2000

AnyIndex = QModelIndex | QPersistentModelIndex


def prompt_of(design: Design) -> str:
    """The words the person typed, or the final prompt when they typed none (a preset alone)."""
    return design.request.prompt.strip() or design.prompt_final.strip()


def matches(design: Design, search: str, favourites_only: bool) -> bool:
    """The library's own filter rule (`Library.list`), for designs that arrive without a query."""
    if favourites_only and not design.favourite:
        return False
    text = f"{design.request.prompt}\n{design.prompt_final}".casefold()
    return all(word in text for word in search.casefold().split())


class LibraryModel(QAbstractListModel):
    sig_total_changed = Signal(int)  # designs in the library matching the filter, loaded or not
    sig_error = Signal(object)  # a StorageError while reading a later page (Qt calls fetchMore, not us)

    def __init__(
        self,
        library: Library,
        loader: ThumbnailLoader,
        parent=None,
        *,
        page_size: int = PAGE_SIZE,
        max_rows: int = MAX_LOADED_ROWS,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._loader = loader
        self._page_size = page_size
        self._max_rows = max(max_rows, page_size)
        self._designs: list[Design] = []
        self._ids: set[str] = set()
        # Rows kept on screen though they left the filter (a favourite un-starred while showing
        # favourites): they stay until the next reload so nothing jumps away under the pointer,
        # and they are not counted when computing where the next page starts.
        self._stale: set[str] = set()
        self._exhausted = True
        self._total = 0
        self._search = ""
        self._favourites_only = False
        self.thumb_side = THUMB_SIDE
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.setInterval(16)  # many thumbnails finishing together: one repaint a frame
        self._repaint_timer.timeout.connect(self._on_repaint_due)
        loader.sig_loaded.connect(self._on_thumbnail_loaded)

    # --- filter and loading ----------------------------------------------------------------------

    @property
    def search(self) -> str:
        return self._search

    @property
    def favourites_only(self) -> bool:
        return self._favourites_only

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, search: str, favourites_only: bool) -> None:
        """Show the designs matching `search` (all its words) and, optionally, favourites only."""
        self._search, self._favourites_only = search.strip(), favourites_only
        self.reload()

    def reload(self) -> None:
        """Read the first page again; the rest follows as the grid scrolls."""
        self._loader.cancel_waiting()
        self.beginResetModel()
        try:
            self._designs, self._ids, self._stale = [], set(), set()
            self._exhausted, self._total = True, 0  # until the library has answered
            total = self._library.count(search=self._search, favourites_only=self._favourites_only)
            self._exhausted, self._total = False, total
            self._append_page()
        finally:
            self.endResetModel()
        self.sig_total_changed.emit(self._total)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        try:
            page = self._read_page()
        except StorageError as exc:
            self._exhausted = True  # stop asking on every scroll; a reload tries again
            self.sig_error.emit(exc)
            return
        if page:
            first = len(self._designs)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._add_rows(page)
            self.endInsertRows()

    def fetch_until(self, design_id: str) -> int:
        """The row of `design_id`, reading further pages until it appears; -1 if it never does."""
        row = self.row_of(design_id)
        while row < 0 and self.canFetchMore():
            before = len(self._designs)
            self.fetchMore()
            row = self.row_of(design_id, start=before)
        return row

    def _append_page(self) -> None:
        self._add_rows(self._read_page())

    def _read_page(self) -> list[Design]:
        offset = len(self._designs) - len(self._stale)
        page = self._library.list(
            search=self._search, favourites_only=self._favourites_only, limit=self._page_size, offset=offset
        )
        if len(page) < self._page_size:
            self._exhausted = True
        # A design added behind our back (another window, the CLI) shifts the pages by one: skip repeats.
        return [d for d in page if d.id not in self._ids]

    def _add_rows(self, designs: list[Design]) -> None:
        self._designs.extend(designs)
        self._ids.update(d.id for d in designs)

    # --- changes made elsewhere ----------------------------------------------------------------

    def prepend(self, design: Design) -> bool:
        """Put a newly made design at the top without a reload; False if the filter hides it."""
        if design.id in self._ids:
            return self.replace(design) >= 0
        if not matches(design, self._search, self._favourites_only):
            return False
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._designs.insert(0, design)
        self._ids.add(design.id)
        self.endInsertRows()
        self._set_total(self._total + 1)
        self._forget_oldest()
        return True

    def _forget_oldest(self) -> None:
        """Drop the loaded rows past `max_rows` (the oldest, at the end); the next fetchMore reads them again, since
        the rows kept are the newest ones in the library's own order."""
        first = self._max_rows
        if len(self._designs) <= first:
            return
        self.beginRemoveRows(QModelIndex(), first, len(self._designs) - 1)
        dropped = self._designs[first:]
        del self._designs[first:]
        for design in dropped:
            self._ids.discard(design.id)
            self._stale.discard(design.id)
        self.endRemoveRows()
        self._exhausted = False

    def replace(self, design: Design) -> int:
        """Show the new state of a design already listed (e.g. its favourite); its row, or -1."""
        row = self.row_of(design.id)
        if row < 0:
            return -1
        old = self._designs[row]
        self._designs[row] = design
        if self._favourites_only and old.favourite != design.favourite:
            (self._stale.discard if design.favourite else self._stale.add)(design.id)
            self._set_total(self._total + (1 if design.favourite else -1))
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return row

    def _set_total(self, total: int) -> None:
        self._total = max(0, total)
        self.sig_total_changed.emit(self._total)

    # --- lookups -------------------------------------------------------------------------------

    def design_at(self, row: int) -> Design | None:
        return self._designs[row] if 0 <= row < len(self._designs) else None

    def row_of(self, design_id: str, start: int = 0) -> int:
        if design_id not in self._ids:
            return -1
        for row in range(start, len(self._designs)):
            if self._designs[row].id == design_id:
                return row
        return -1

    def loaded_ids(self) -> list[str]:
        return [d.id for d in self._designs]

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._designs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        design = self.design_at(index.row()) if index.isValid() else None
        if design is None:
            return None
        if role == DesignRole:
            return design
        if role == Qt.ItemDataRole.DecorationRole:
            return self._loader.get(design.image_path, self.thumb_side)
        if role == FailedRole:
            return self._loader.failed(design.image_path, self.thumb_side)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return prompt_of(design)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tooltips guess "rich text" from the content: escape it so a prompt is only ever words.
            text = prompt_of(design)
            if len(text) > TOOLTIP_CHARS:
                text = text[: TOOLTIP_CHARS - 1].rstrip() + "…"
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
        return None

    # --- thumbnails ----------------------------------------------------------------------------

    def _on_thumbnail_loaded(self, _path: str, side: int) -> None:
        if side == self.thumb_side and self._designs and not self._repaint_timer.isActive():
            self._repaint_timer.start()

    def _on_repaint_due(self) -> None:
        if self._designs:
            # One range over all rows: the view repaints only what is on screen.
            self.dataChanged.emit(
                self.index(0), self.index(len(self._designs) - 1), [Qt.ItemDataRole.DecorationRole, FailedRole]
            )
