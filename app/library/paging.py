"""Positions in a listing of any length, without OFFSET: a snapshot of where each page starts.

`build_index` reads the listing's keys once (in keyset chunks, so the store's lock is never held for long) and keeps
the key at the start of every page and a hash of each page's keys: counting and anchoring 100,000 designs takes about
0.1 s, off the UI thread. From then on any page, near or far, is one keyset query between two anchors, and the
position of any design is its key's page plus its place in that page: "where is the selected design after clearing
the search" costs a couple of point lookups and one page, however old the design is.

An index is a snapshot: designs made after it have higher keys than its first anchor and are left out of its pages
(the grid shows them above, as it learns of them). A page that no longer holds what the snapshot says (a design left
the filter) is reported by `read_page`, so the caller can take a fresh snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from app.library.interface import Row

KEY_CHUNK = 10_000  # keys read per query while building an index: a few milliseconds each under the store's lock


class KeysetListing(Protocol):
    """What paging needs of a store: its keys and rows by keyset, newest (highest key) first. The Library's
    `DesignStore` (with a `DesignFilter`) and the curation's `CurationStore` (with an `EntryFilter`) both are one."""

    def page_keys(self, flt: Any, *, below: int | None = None, limit: int) -> list[int]: ...

    def page(self, flt: Any, *, newest: int, older_than: int | None, limit: int) -> list[tuple[int, Any]]: ...


@dataclass(frozen=True)
class DesignIndex:
    """Where every page of one listing starts, newest first, as it was when the index was built."""

    flt: Any  # the listing's filter, as the store takes it (a DesignFilter, an EntryFilter)
    total: int
    page_size: int
    anchors: tuple[int, ...]  # anchors[k]: the key of the row at position k * page_size (keys fall as k grows)
    checks: tuple[int, ...] = ()  # checks[k]: a hash of page k's keys, so a page whose rows changed is noticed

    @property
    def pages(self) -> int:
        return len(self.anchors)

    def page_length(self, page: int) -> int:
        return max(0, min(self.page_size, self.total - page * self.page_size))

    def page_of_key(self, key: int) -> int:
        """The page whose key range holds `key`; -1 when `key` is newer than the snapshot."""
        if not self.anchors or key > self.anchors[0]:
            return -1
        # The last anchor at or above `key` starts its page (a binary search: anchors fall as pages go on).
        low, high = 0, len(self.anchors)  # anchors[:low] >= key > anchors[high:]
        while low < high:
            middle = (low + high) // 2
            if self.anchors[middle] >= key:
                low = middle + 1
            else:
                high = middle
        return low - 1


def build_index(library: KeysetListing, flt: Any, page_size: int, *, chunk: int = KEY_CHUNK) -> DesignIndex:
    """Count the listing and note the key at every page start, reading keys in keyset chunks."""
    anchors: list[int] = []
    checks: list[int] = []
    pending: list[int] = []  # keys of the page being gathered (pages straddle chunks)
    total = 0
    below: int | None = None
    while True:
        keys = library.page_keys(flt, below=below, limit=chunk)
        total += len(keys)
        start = 0
        while start < len(keys):
            take = min(page_size - len(pending), len(keys) - start)
            pending += keys[start : start + take]
            start += take
            if len(pending) == page_size:
                anchors.append(pending[0])
                checks.append(hash(tuple(pending)))
                pending = []
        if len(keys) < chunk:
            if pending:
                anchors.append(pending[0])
                checks.append(hash(tuple(pending)))
            return DesignIndex(flt, total, page_size, tuple(anchors), tuple(checks))
        below = keys[-1]


def read_page(library: KeysetListing, index: DesignIndex, page: int) -> list[Row] | None:
    """The rows of `page` as the snapshot placed them; None when the listing has changed there since."""
    if not 0 <= page < index.pages:
        return []
    older = index.anchors[page + 1] if page + 1 < index.pages else None
    want = index.page_length(page)
    rows = library.page(index.flt, newest=index.anchors[page], older_than=older, limit=want + 1)
    if len(rows) != want or (index.checks and hash(tuple(key for key, _ in rows)) != index.checks[page]):
        return None
    return rows


def position_in(index: DesignIndex, page: int, rows: list[Row], key: int) -> int:
    """The position of `key` in the listing, given its page's rows; -1 when it is not there."""
    for at, (row_key, _design) in enumerate(rows):
        if row_key == key:
            return page * index.page_size + at
    return -1
