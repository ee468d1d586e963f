"""Everything the Library workspace reads or writes runs here, on the `disk` executor, never on the UI thread.

One piece at a time (`app.executors.Serial`) is enough: the store serialises its queries on one connection anyway,
and it keeps answers in the order they were asked. Answers come back on the UI thread through `ui/tasks.deliver`,
like every other background result in the window. Each job below is plain Python over the store, so its queries
are what the tests count.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.executors import Serial
from app.library.interface import DesignStore
from app.library.models import Design, DesignFilter
from app.library.paging import DesignIndex, Row, build_index, position_in, read_page
from ui.widgets.paged_model import ReadWorker

log = logging.getLogger(__name__)

# One queue for the process, like the one connection it reads through.
_reads = Serial("disk")


@dataclass
class PageRead:
    """One page of a listing as the worker read it."""

    page: int
    rows: list[Row] | None  # None: the listing changed there since its index was built
    parents: set[str] = field(default_factory=set)  # ids among the rows' parents that the library still lists
    damaged: int = 0  # the library's count of unreadable rows, after this read


@dataclass
class Listing:
    """What the grid shows after a (re)load: the index, its first pages, and where the kept design is."""

    index: DesignIndex
    pages: list[PageRead]
    newest_ids: set[str]  # the newest designs listed (more than the grid ever holds on top): what not to add again
    keep_position: int  # position of the design asked to keep, or -1 when the listing does not hold it
    library_empty: bool  # no design at all (rather than none matching the filter)
    damaged: int


@dataclass
class Located:
    """Where a design is in the current listing, looked up by its key (never by paging through)."""

    design: Design | None  # None: not in the library (or not in the visitor scope)
    position: int  # -1: the current listing does not hold it (a filter hides it, or it is newer than the index)
    page: PageRead | None


def load_listing(library: DesignStore, flt: DesignFilter, page_size: int, keep_id: str | None, fresh: int) -> Listing:
    """`fresh`: how many of the newest ids to return, so that designs the grid put on top while this was read are
    neither lost (saved after the index) nor shown twice (saved before it)."""
    index = build_index(library, flt, page_size)
    newest = set(library.newest_ids(flt, limit=fresh)) if index.total else set()
    pages = [read_page_with_parents(library, index, 0)] if index.total else []
    keep_position = -1
    if keep_id:
        keep_position, page = _find(library, index, keep_id)
        if page is not None and page.page != 0:
            pages.append(page)
    library_empty = index.total == 0 and (not flt.active or library.count() == 0)
    return Listing(index, pages, newest, keep_position, library_empty, library.damaged_count)


def locate(library: DesignStore, index: DesignIndex, design_id: str) -> Located:
    design = library.get(design_id)
    if design is None:
        return Located(None, -1, None)
    position, page = _find(library, index, design_id)
    return Located(design, position, page)


def read_page_with_parents(library: DesignStore, index: DesignIndex, page: int) -> PageRead:
    rows = read_page(library, index, page)
    parent_ids = {d.parent_id for _key, d in rows or [] if d is not None and d.parent_id}
    parents = library.existing(parent_ids) if parent_ids else set()
    return PageRead(page, rows, parents, library.damaged_count)


def _find(library: DesignStore, index: DesignIndex, design_id: str) -> tuple[int, PageRead | None]:
    key = library.key_of(design_id, index.flt)
    page = index.page_of_key(key) if key is not None else -1
    if page < 0:
        return -1, None
    read = read_page_with_parents(library, index, page)
    return (position_in(index, page, read.rows, key) if read.rows else -1), read


class LibraryWorker(ReadWorker):
    """The Library's reads and writes, one at a time on the library's queue."""

    queue = _reads
