"""Reading the library a page at a time, for grids of any size: keyset pages, never OFFSET.

A listing is the designs a DesignFilter matches, newest first. Every design has a key (its rowid: it grows as designs
are made, and the full-text index shares it), so a page is "the rows with a key at or below this one": one index seek
however deep the page is. OFFSET would walk every row before the page, which at 100,000 designs is what made the
Library's last pages slow. `app/library/paging.py` builds on these to find any position's page in one step.

The visitor scope (`set_visible_since`) is applied by every read of the store, these and the older ones alike: a kiosk
that limits itself to its current visitor's designs cannot show an earlier visitor's through any path.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING, Any, Iterable

from app.library.models import Design, DesignFilter

COLUMNS = (
    "id, created_at, image_sha256, request_json, seed, prompt_final, negative_final,"
    " model_name, model_hash, device, parent_id, favourite, width, height, extra_json"
)
_IDS_PER_QUERY = 500  # well under SQLite's limit on bound parameters


def where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


class ListingMixin:
    if TYPE_CHECKING:  # provided by app.library.store.Library
        _lock: threading.RLock
        _visible_after: int
        _visible_since: float | None
        _keeps_removed: bool

        def _filters(
            self, search: str, favourites_only: bool, *, removed_too: bool = False
        ) -> tuple[str, list[str], list[Any]]: ...
        def _query(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]: ...
        def _readable(self, rows: list[tuple[Any, ...]]) -> list[Design]: ...
        def _connection(self) -> sqlite3.Connection: ...

    # --- the visitor scope -----------------------------------------------------------------------

    def set_visible_since(self, started_at: float | None) -> None:
        """Show only designs made at or after `started_at` (a kiosk's current visitor); None shows every design.

        Kept as a key, not a time: designs made later always have higher keys, so a clock that steps back cannot
        hide the visitor's own designs."""
        bound = 0
        if started_at is not None:
            # Walks back from the newest design and stops at the first one made before the visitor came.
            rows = self._query("SELECT seq FROM designs WHERE created_at < ? ORDER BY seq DESC LIMIT 1", (started_at,))
            bound = rows[0][0] if rows else 0
        with self._lock:
            self._visible_after, self._visible_since = bound, started_at

    @property
    def visible_since(self) -> float | None:
        """When the visitor scope began (None: every design is shown)."""
        return self._visible_since

    # --- keyset pages --------------------------------------------------------------------------

    def page_keys(self, flt: DesignFilter, *, below: int | None = None, limit: int) -> list[int]:
        """Keys of the designs `flt` lists, newest first, strictly below `below` (None: from the newest)."""
        bounds = [] if below is None else [("<", below)]
        sql, params = self._listing_sql(flt, "", bounds)
        return [row[0] for row in self._query(f"{sql} LIMIT ?", (*params, limit))]

    def newest_ids(self, flt: DesignFilter, *, limit: int) -> list[str]:
        """Ids of the `limit` newest designs `flt` lists, newest first."""
        sql, params = self._listing_sql(flt, "designs.id", [])
        return [row[1] for row in self._query(f"{sql} LIMIT ?", (*params, limit))]

    def page(
        self, flt: DesignFilter, *, newest: int, older_than: int | None, limit: int
    ) -> list[tuple[int, Design | None]]:
        """The designs `flt` lists with `older_than` < key <= `newest`, newest first, each with its key.

        A row whose saved settings are damaged comes back as (key, None): it still holds its place, so positions
        computed from keys stay right; it is logged and counted once (`damaged_count`)."""
        bounds = [("<=", newest)] + ([] if older_than is None else [(">", older_than)])
        sql, params = self._listing_sql(flt, COLUMNS, bounds)
        found: list[tuple[int, Design | None]] = []
        for row in self._query(f"{sql} LIMIT ?", (*params, limit)):
            designs = self._readable([row[1:]])
            found.append((row[0], designs[0] if designs else None))
        return found

    def key_of(self, design_id: str, flt: DesignFilter) -> int | None:
        """The key of `design_id` when `flt` lists it, else None: two point lookups, whatever its age."""
        match, clauses, params = self._filters(flt.search, flt.favourites_only)
        rows = self._query(f"SELECT seq FROM designs{where(['id = ?', *clauses])}", (design_id, *params))
        if not rows:
            return None
        key = rows[0][0]
        if match and not self._query("SELECT 1 FROM designs_fts WHERE designs_fts MATCH ? AND rowid = ?", (match, key)):
            return None
        return key

    def existing(self, design_ids: Iterable[str]) -> set[str]:
        """Which of `design_ids` are in the library (and in the visitor scope)."""
        wanted = sorted(set(design_ids))
        found: set[str] = set()
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            chunk = wanted[start : start + _IDS_PER_QUERY]
            clauses = [f"id IN ({', '.join('?' * len(chunk))})"] + self._scope_clauses()
            params = (*chunk, *self._scope_params())
            found.update(row[0] for row in self._query(f"SELECT id FROM designs{where(clauses)}", params))
        return found

    # --- internals -----------------------------------------------------------------------------

    def _scope_clauses(self, *, removed_too: bool = False) -> list[str]:
        """What every read and edit by id is limited to: the visitor scope, and (unless `removed_too`, for Undo)
        designs not removed (edits.py)."""
        clauses = ["designs.seq > ?"] if self._visible_after else []
        if self._keeps_removed and not removed_too:
            clauses.append("designs.removed_at IS NULL")
        return clauses

    def _scope_params(self) -> list[Any]:
        return [self._visible_after] if self._visible_after else []

    def _listing_sql(self, flt: DesignFilter, columns: str, bounds: list[tuple[str, int]]) -> tuple[str, list[Any]]:
        """SELECT <key>[, columns] of the listing within `bounds` (operator, key), newest first (no LIMIT yet)."""
        match, clauses, params = self._filters(flt.search, flt.favourites_only)
        if match:
            # Driven from the full-text index, SQLite walks the hits in rowid order and stops at LIMIT; a key range
            # on the index's rowid is a seek, not a filter.
            key = "designs_fts.rowid"
            joined = bool(clauses or columns)
            source = "designs_fts JOIN designs ON designs.seq = designs_fts.rowid" if joined else "designs_fts"
            clauses, params = ["designs_fts MATCH ?", *clauses], [match, *params]
        else:
            key, source = "designs.seq", "designs"
        for operator, value in bounds:
            clauses.append(f"{key} {operator} ?")
            params.append(value)
        selected = f"{key}, {columns}" if columns else key
        return f"SELECT {selected} FROM {source}{where(clauses)} ORDER BY {key} DESC", params
