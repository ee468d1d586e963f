"""A list model over a listing read a page at a time (the Library's designs, the Curation gallery's entries).

The listing is counted and anchored off the UI thread first (`app/library/paging.py`, a `DesignIndex`), so the scroll
bar spans every row from the start. A row not read yet is a placeholder: painting it asks for its page, which the
worker reads with a keyset query between two anchors, however far down it is. Only the latest few wishes count when
scrolling fast, only a bounded number of rows stay in memory (the pages painted longest ago go first), and a
thumbnail that arrives repaints its own tile only. Nothing here reads a store: every read is a job on a `ReadWorker`
whose answer comes back on the UI thread, and an answer for a listing since replaced is dropped (`_generation`).

A subclass says what differs: how a page is read (`_page_job`), how its rows are kept (`_store_page`, ending with
`_page_stored`), what a listing that changed under the grid means (`_page_outdated`), the rows on screen
(`rowCount`, `row_of`, `data`).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, ClassVar, Hashable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from app.executors import Serial
from app.library.paging import DesignIndex
from ui.tasks import Task, deliver
from ui.widgets.thumbnails import ThumbnailLoader

WANTED_PAGES = 4  # pages asked for but not read yet: scrolling fast, only the latest wishes count
THUMB_WAITERS = 1024  # tiles waiting for a picture (the loader itself forgets the oldest wishes past its own limit)

AnyIndex = QModelIndex | QPersistentModelIndex


class ReadWorker(QObject):
    """Runs jobs one at a time, in the order asked, on its `queue`; `on_done` / `on_error` are called on the UI
    thread. A subclass names the queue, so reads of one store wait for each other and never for another store's."""

    queue: ClassVar[Serial]

    def run(
        self, job: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> Task:
        return deliver(self.queue.submit(job), on_done, on_error, self)


class KeysetPagedModel(QAbstractListModel):
    sig_total_changed = Signal(int)  # rows in the listing, loaded or not
    sig_error = Signal(object)  # an error from a load, a page or a lookup

    # The roles a thumbnail's arrival changes: only those are announced, for that tile only.
    THUMBNAIL_ROLES: ClassVar[tuple[int, ...]] = (Qt.ItemDataRole.DecorationRole,)

    def __init__(
        self,
        loader: ThumbnailLoader,
        worker: type[ReadWorker],
        flt: Any,
        parent: QObject | None,
        *,
        page_size: int,
        max_rows: int,
        thumb_side: int,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self.worker = worker(self)
        self.thumb_side = thumb_side
        self._page_size = page_size
        self._max_rows = max(max_rows, 2 * page_size)  # room for the pages a screen straddles
        self._flt = flt
        self._index = DesignIndex(flt, 0, page_size, ())
        self._rows: dict[int, Any] = {}  # position in the index -> its record, for the pages read
        self._positions: dict[Hashable, int] = {}  # a row's key -> its position, for the pages read
        self._shown_pages: OrderedDict[int, None] = OrderedDict()  # pages read, least recently painted first
        self._wanted: OrderedDict[int, None] = OrderedDict()
        # Per page asked for, the first and last position painted as a placeholder: only those rows are announced
        # when it arrives (a range over a whole page makes the view look up every tile's rectangle).
        self._asked: dict[int, tuple[int, int]] = {}
        self._reading: int | None = None
        self._generation = 0  # bumped by every load: answers for an older listing are dropped
        self._ready = False
        self._loading = False
        self._thumb_waiters: OrderedDict[str, set[Hashable]] = OrderedDict()  # loader key -> row keys waiting
        loader.sig_loaded.connect(self._on_thumbnail_loaded)

    # --- state -----------------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """False until the first listing has arrived."""
        return self._ready

    @property
    def is_loading(self) -> bool:
        """A load asked for has not come back yet."""
        return self._loading

    @property
    def max_rows(self) -> int:
        return self._max_rows

    def pages_read(self) -> set[int]:
        """The pages held now (what a test of "only the pages shown are read" looks at)."""
        return set(self._shown_pages)

    # --- what a subclass says ----------------------------------------------------------------------

    def _page_job(self, index: DesignIndex, page: int) -> Callable[[], Any]:
        """The job that reads `page` of `index` on the worker; its answer has `page` and `rows` (None: outdated)."""
        raise NotImplementedError

    def _store_page(self, read: Any, *, announce: bool) -> None:
        """Keep the rows of a page read (then call `_page_stored`)."""
        raise NotImplementedError

    def _page_outdated(self) -> None:
        """A page found the listing changed since its index was built."""
        raise NotImplementedError

    def _page_arrived(self, read: Any) -> None:
        self._store_page(read, announce=True)

    def _pinned_pages(self) -> set[int]:
        """Pages never dropped to make room."""
        return set()

    def _rows_between(self, low: int, high: int) -> tuple[int, int]:
        """The rows on screen of positions low..high of the index."""
        return low, high

    def row_of(self, key: Any) -> int:
        raise NotImplementedError

    # --- loading ---------------------------------------------------------------------------------

    def _start_afresh(self, index: DesignIndex) -> None:
        """Forget every page, wish and waiting tile of the last listing (inside a model reset)."""
        self._index = index
        self._rows, self._positions = {}, {}
        self._shown_pages.clear()
        self._wanted.clear()
        self._asked.clear()
        self._reading = None
        self._thumb_waiters.clear()
        self._loader.cancel_waiting()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._ready, self._loading = True, False  # what was shown stays; the view says what went wrong
            self.sig_error.emit(exc)

    # --- pages -----------------------------------------------------------------------------------

    def _held(self, position: int, *, want: bool = True) -> bool:
        """Whether the row at `position` is in memory; painting a placeholder (`want`) asks for its page."""
        page = position // self._page_size
        if position in self._rows:
            if want:
                self._shown_pages.move_to_end(page)
            return True
        if want and 0 <= position < self._index.total:
            low, high = self._asked.get(page, (position, position))
            self._asked[page] = (min(low, position), max(high, position))
            self._want(page)
        return False

    def _want(self, page: int) -> None:
        if page == self._reading:
            return
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        while len(self._wanted) > WANTED_PAGES:
            self._wanted.popitem(last=False)
        self._read_next()

    def _read_next(self) -> None:
        while self._reading is None and self._wanted:
            page, _ = self._wanted.popitem(last=True)  # the latest wish: what is on screen now
            if page in self._shown_pages:
                continue
            self._reading = page
            generation, job = self._generation, self._page_job(self._index, page)
            self.worker.run(
                job,
                lambda read: self._on_page(generation, read),
                lambda exc: self._on_page_failed(generation, exc),
            )

    def _on_page(self, generation: int, read: Any) -> None:
        if generation != self._generation:
            return
        self._reading = None
        if read.rows is None:
            self._page_outdated()
        else:
            self._page_arrived(read)
        if generation == self._generation:  # an outdated page may have started a new load: nothing more for this one
            self._read_next()

    def _on_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            # `_reading` stays taken: no page is read again until a reload, rather than a failed read on every paint.
            self._wanted.clear()
            self._asked.clear()
            self._on_failed(generation, exc)

    def _page_stored(self, page: int, *, announce: bool) -> None:
        """After a page's rows are kept: it is the most recently shown, its placeholders repaint, room is made."""
        self._shown_pages[page] = None
        self._shown_pages.move_to_end(page)
        asked = self._asked.pop(page, None)
        if announce and asked is not None:
            first, last = self._rows_between(*asked)
            if last >= first:
                self.dataChanged.emit(self.index(first), self.index(last))
        self._forget_pages(keep=page)

    def _forget_pages(self, keep: int) -> None:
        """Drop the least recently painted pages past the memory bound (never `keep`, nor a pinned one)."""
        pinned = self._pinned_pages()
        for page in list(self._shown_pages):
            if len(self._rows) <= self._max_rows:
                return
            if page == keep or page in pinned:
                continue
            del self._shown_pages[page]
            self._drop_page(page)

    def _drop_page(self, page: int) -> list[Hashable]:
        """Forget a page's rows; the keys forgotten."""
        base = page * self._page_size
        for position in range(base, base + self._page_size):
            self._rows.pop(position, None)
        keys = [key for key, at in self._positions.items() if base <= at < base + self._page_size]
        for key in keys:
            del self._positions[key]
        return keys

    # --- Qt model ------------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # --- thumbnails ----------------------------------------------------------------------------

    def _wait_for_thumbnail(self, loader_key: str, row_key: Hashable) -> None:
        self._thumb_waiters.setdefault(loader_key, set()).add(row_key)
        self._thumb_waiters.move_to_end(loader_key)
        while len(self._thumb_waiters) > THUMB_WAITERS:
            self._thumb_waiters.popitem(last=False)

    def _on_thumbnail_loaded(self, loader_key: str, side: int) -> None:
        if side != self.thumb_side:
            return
        for row_key in self._thumb_waiters.pop(loader_key, ()):
            row = self.row_of(row_key)
            if row >= 0:  # only that tile: its neighbours have nothing new to show
                index = self.index(row)
                self.dataChanged.emit(index, index, list(self.THUMBNAIL_ROLES))
