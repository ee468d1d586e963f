"""The designs the Library grid shows: every design in the listing has a row, read from the library a page at a time.

The grid's size is known from the start (a count built off the UI thread), so its scroll bar spans every design. Rows
not read yet are placeholders; painting one asks for its page, which the worker reads with a keyset query between two
anchors (`app/library/paging.py`), however far down it is. Only a bounded number of pages stay in memory (least
recently shown go first), and a thumbnail that arrives repaints its own tile only. Nothing here queries the library
on the UI thread: loads, pages and lookups all come back as answers from `library_reader.py`.
The paging itself is `ui/widgets/paged_model.py`'s, shared with the Curation gallery.

Designs made while the grid is open are put on top at once (`prepend`); past HEAD_LIMIT of them, or when a page shows
that the library changed under the grid, `sig_outdated` asks the view to take a fresh snapshot.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right, insort
from typing import Callable, NamedTuple

from PySide6.QtCore import QModelIndex, Qt, Signal

from app.library.interface import DesignStore
from app.library.models import Design, DesignFilter
from app.library.paging import DesignIndex
from ui.library.library_reader import LibraryWorker, Listing, Located, PageRead, load_listing, locate
from ui.library.library_reader import read_page_with_parents as read_page
from ui.library.library_style import PAGE_SIZE, THUMB_SIDE
from ui.widgets.paged_model import AnyIndex, KeysetPagedModel
from ui.widgets.picture_checks import PictureChecks
from ui.widgets.thumbnails import ThumbnailLoader

DesignRole = Qt.ItemDataRole.UserRole + 1  # the Design record (None while its page is being read)
FailedRole = Qt.ItemDataRole.UserRole + 2  # True when the picture could not be read
TOOLTIP_CHARS = 240
MAX_LOADED_ROWS = 2000  # designs kept in memory (about 4 MB); pages scrolled past longest ago are read again if needed


class _Entry(NamedTuple):
    design: Design
    parent_listed: bool  # the design it was refined from is in the library (and in the visitor scope)


def prompt_of(design: Design) -> str:
    """The words the person typed, or the final prompt when they typed none (a preset alone)."""
    return design.request.prompt.strip() or design.prompt_final.strip()


def matches(design: Design, search: str, favourites_only: bool) -> bool:
    """The library's own filter rule (`Library.list`), for designs that arrive without a query."""
    return DesignFilter(search, favourites_only).matches(design)


class LibraryModel(KeysetPagedModel):
    # sig_total_changed: designs in the library matching the filter; sig_error: a StorageError
    sig_loaded = Signal(int)  # a new listing is shown: the row of the design asked to keep, or -1
    sig_located = Signal(str, int, object)  # design id, its row (-1: not in this listing), the Design (None: gone)
    sig_outdated = Signal()  # the library changed under the listing, or many designs were added: load it again
    sig_damaged_changed = Signal(int)  # designs the library could not read, so far

    THUMBNAIL_ROLES = (Qt.ItemDataRole.DecorationRole, FailedRole)

    def __init__(
        self,
        library: DesignStore,
        loader: ThumbnailLoader,
        parent=None,
        *,
        page_size: int = PAGE_SIZE,
        max_rows: int = MAX_LOADED_ROWS,
        checks: PictureChecks | None = None,
    ) -> None:
        super().__init__(
            loader, LibraryWorker, DesignFilter(), parent, page_size=page_size, max_rows=max_rows, thumb_side=THUMB_SIDE
        )
        self._library = library
        self.checks = checks  # content safety: a held-back picture is shown blurred, one being checked as loading
        self.head_limit = page_size
        self._head: list[_Entry] = []  # designs made since the index was built, newest first
        # `_rows`: position in the index -> its _Entry; `_positions`: design id -> position (the pages read).
        self._hidden: list[int] = []  # positions whose rows turned out damaged: left out of the grid, ascending
        # Designs kept on screen though they left the filter (un-starred while showing favourites): they stay until
        # the next load so nothing jumps away under the pointer, and their pages are never dropped meanwhile.
        self._stale: set[str] = set()
        self.keep_loaded: str | None = None  # a design whose page is never dropped: the view's selection
        self._total_adjust = 0
        self._outdated_told = False
        self._library_empty = True
        self._damaged = 0
        if checks is not None:
            checks.checked.connect(self._on_picture_checked)

    # --- state -----------------------------------------------------------------------------------

    @property
    def search(self) -> str:
        return self._flt.search

    @property
    def favourites_only(self) -> bool:
        return self._flt.favourites_only

    @property
    def total(self) -> int:
        return max(0, len(self._head) + self._index.total + self._total_adjust)

    @property
    def library_empty(self) -> bool:
        return self._library_empty

    @property
    def damaged(self) -> int:
        return self._damaged

    def loaded_count(self) -> int:
        """Designs held in memory now (the pages read and the designs added on top)."""
        return len(self._rows) + len(self._head)

    def loaded_ids(self) -> list[str]:
        """The ids of the designs held in memory, in the grid's order."""
        return [e.design.id for e in self._head] + [self._rows[p].design.id for p in sorted(self._rows)]

    # --- loading ---------------------------------------------------------------------------------

    def load(self, search: str, favourites_only: bool, keep_id: str | None = None) -> None:
        """Show the listing for this filter; `sig_loaded` says where `keep_id` is in it. The grid keeps showing the
        previous listing until the answer comes."""
        self._generation += 1
        self._loading = True
        generation, flt = self._generation, DesignFilter(search.strip(), favourites_only)
        library, size, fresh = self._library, self._page_size, 4 * self.head_limit
        self.worker.run(
            lambda: load_listing(library, flt, size, keep_id, fresh),
            lambda listing: self._on_listing(generation, flt, keep_id, listing),
            lambda exc: self._on_failed(generation, exc),
        )

    def clear(self) -> None:
        """Show nothing at once (a new kiosk visitor must not glimpse the last one's designs while the next listing
        is read); answers still on their way for the old listing are dropped."""
        self._generation += 1
        self._loading = False
        self.beginResetModel()
        self._start_afresh(DesignIndex(self._flt, 0, self._page_size, ()))
        self._head = []
        self._library_empty = True
        self.endResetModel()
        self.sig_total_changed.emit(0)

    def _start_afresh(self, index: DesignIndex) -> None:
        super()._start_afresh(index)
        self._hidden, self._stale = [], set()
        self._total_adjust, self._outdated_told = 0, False

    def locate(self, design_id: str) -> None:
        """Find a design not read yet: `sig_located` answers with its row (its page read by then)."""
        generation, index = self._generation, self._index
        library = self._library
        self.worker.run(
            lambda: locate(library, index, design_id),
            lambda found: self._on_located(generation, design_id, found),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_listing(self, generation: int, flt: DesignFilter, keep_id: str | None, listing: Listing) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self._loading = False
        # Designs put on top while this listing was being read, and saved after it was: keep them on top.
        carried = [e for e in self._head if e.design.id not in listing.newest_ids and flt.matches(e.design)]
        self.beginResetModel()
        self._flt = flt
        self._start_afresh(listing.index)
        self._head = carried
        for read in listing.pages:
            if read.rows is not None:
                self._store_page(read, announce=False)
        self._ready = True
        self._library_empty = listing.library_empty and not carried
        self.endResetModel()
        self.sig_total_changed.emit(self.total)
        self._set_damaged(listing.damaged)
        row = self.row_of(keep_id) if keep_id else -1
        if row < 0 and listing.keep_position >= 0:
            row = self._row_of_position(listing.keep_position)
        self.sig_loaded.emit(row)

    def _on_located(self, generation: int, design_id: str, found: Located) -> None:
        row = -1
        if generation == self._generation and found.page is not None:
            if found.page.rows is None:
                self._tell_outdated()
            else:
                self._store_page(found.page, announce=True)
                self._set_damaged(found.page.damaged)
                row = self.row_of(design_id)
        self.sig_located.emit(design_id, row, found.design)

    # --- pages -----------------------------------------------------------------------------------

    def _page_job(self, index: DesignIndex, page: int) -> Callable[[], PageRead]:
        library = self._library
        return lambda: read_page(library, index, page)

    def _page_outdated(self) -> None:
        self._tell_outdated()

    def _page_arrived(self, read: PageRead) -> None:
        self._store_page(read, announce=True)
        self._set_damaged(read.damaged)

    def _store_page(self, read: PageRead, *, announce: bool) -> None:
        base = read.page * self._page_size
        rows = read.rows or []
        hidden = set(self._hidden)
        for offset, (_key, design) in enumerate(rows):
            position = base + offset
            if design is None:
                if position not in hidden:
                    self._hide(position, announce)
            elif position not in self._rows:  # one already held may carry news (a star) the page predates
                self._rows[position] = _Entry(design, design.parent_id in read.parents)
                self._positions[design.id] = position
        self._page_stored(read.page, announce=announce)

    def _rows_between(self, low: int, high: int) -> tuple[int, int]:
        return self._row_of_position(low), len(self._head) + high - bisect_right(self._hidden, high)

    def _hide(self, position: int, announce: bool) -> None:
        row = self._row_of_position(position)
        if announce:
            self.beginRemoveRows(QModelIndex(), row, row)
        insort(self._hidden, position)
        if announce:
            self.endRemoveRows()

    def _pinned_pages(self) -> set[int]:
        """The pages of the selection and of designs kept on screen though they left the filter."""
        kept = self._stale | {self.keep_loaded}
        return {self._positions[i] // self._page_size for i in kept if i in self._positions}

    def _tell_outdated(self) -> None:
        if not self._outdated_told:
            self._outdated_told = True
            self.sig_outdated.emit()

    def _set_damaged(self, count: int) -> None:
        if count != self._damaged:
            self._damaged = count
            self.sig_damaged_changed.emit(count)

    # --- changes made elsewhere ----------------------------------------------------------------

    def prepend(self, design: Design) -> bool:
        """Put a newly made design at the top without a reload; False if the filter hides it."""
        if self.row_of(design.id) >= 0:
            return self.replace(design) >= 0
        if not self._flt.matches(design):
            return False
        self.beginInsertRows(QModelIndex(), 0, 0)
        # It was refined from a design the engine had just found in the library.
        self._head.insert(0, _Entry(design, bool(design.parent_id)))
        self.endInsertRows()
        self._library_empty = False
        self.sig_total_changed.emit(self.total)
        if len(self._head) > self.head_limit:
            self._tell_outdated()  # fold them into a fresh snapshot, so memory stays bounded
        return True

    def replace(self, design: Design) -> int:
        """Show the new state of a design already listed (e.g. its favourite); its row, or -1."""
        row = self.row_of(design.id)
        if row < 0:
            return -1
        old = self._entry(row)
        assert old is not None
        entry = old._replace(design=design)
        if row < len(self._head):
            self._head[row] = entry
        else:
            self._rows[self._positions[design.id]] = entry
        if self._flt.favourites_only and old.design.favourite != design.favourite:
            (self._stale.discard if design.favourite else self._stale.add)(design.id)
            self._total_adjust += 1 if design.favourite else -1
            self.sig_total_changed.emit(self.total)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return row

    def remove(self, design_id: str) -> int:
        """Take a design that left the library out of the grid; the row it had (-1: not held, and a page read later
        finds the listing changed and asks for a fresh one)."""
        row = self.row_of(design_id)
        if row < 0:
            return -1
        self.beginRemoveRows(QModelIndex(), row, row)
        if row < len(self._head):
            del self._head[row]
        else:
            position = self._positions.pop(design_id)
            entry = self._rows.pop(position)
            insort(self._hidden, position)  # its place in the index stays, unshown, like a damaged row's
            if not (self._flt.favourites_only and not entry.design.favourite):  # an un-starred one was not counted
                self._total_adjust -= 1
            self._stale.discard(design_id)
        self.endRemoveRows()
        self.sig_total_changed.emit(self.total)
        return row

    # --- lookups -------------------------------------------------------------------------------

    def design_at(self, row: int) -> Design | None:
        entry = self._entry(row, want=False)
        return entry.design if entry else None

    def parent_listed_at(self, row: int) -> bool:
        entry = self._entry(row, want=False)
        return bool(entry and entry.parent_listed)

    def row_of(self, design_id: str) -> int:
        for row, entry in enumerate(self._head):
            if entry.design.id == design_id:
                return row
        position = self._positions.get(design_id)
        return -1 if position is None else self._row_of_position(position)

    def _row_of_position(self, position: int) -> int:
        return len(self._head) + position - bisect_left(self._hidden, position)

    def _entry(self, row: int, *, want: bool = True) -> _Entry | None:
        head = len(self._head)
        if row < head:
            return self._head[row] if row >= 0 else None
        position = row - head
        for hidden in self._hidden:  # ascending: each one at or before the row pushes it one further
            if hidden <= position:
                position += 1
            else:
                break
        return self._rows[position] if self._held(position, want=want) else None

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        return len(self._head) + self._index.total - len(self._hidden)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entry(index.row())
        if entry is None:
            return None
        design = entry.design
        if role == DesignRole:
            return design
        if role == Qt.ItemDataRole.DecorationRole:  # with content safety on, state() asks for visible tiles only
            checks = self.checks
            return checks.shown(design, lambda: self._thumbnail(design)) if checks else self._thumbnail(design)
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

    def _thumbnail(self, design: Design):
        picture = self._loader.get(design.image_path, self.thumb_side)
        if picture is None and not self._loader.failed(design.image_path, self.thumb_side):
            self._wait_for_thumbnail(design.image_path, design.id)
        return picture

    def _on_picture_checked(self, design_id: str) -> None:
        row = self.row_of(design_id)  # the rows read so far only: never the library
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row), [Qt.ItemDataRole.DecorationRole])
