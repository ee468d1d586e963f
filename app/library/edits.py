"""Changing designs already in the library (the star, removal), and telling the change feed once each is durable.

Every write of the library publishes what it changed on `Library.changes` (app/changes.py) after its transaction
committed, on the writing thread: a view that hears of it and reads the design back finds it on disk. A write that
fails publishes nothing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import TYPE_CHECKING, Any

from app.changes import Change, ChangeFeed, DesignChanged, DesignDeleted
from app.errors import StorageError
from app.library.images import FileImageStore
from app.library.listing import where
from app.library.messages import SETTINGS_DAMAGED, THE_FAVOURITE, THE_REMOVAL
from app.library.models import Design
from app.sqlite_db import immediate

log = logging.getLogger(__name__)


class EditsMixin:
    """The editing half of `Library` (see store.py for the connection, the lock and read-only mode)."""

    changes: ChangeFeed

    if TYPE_CHECKING:  # provided by app.library.store.Library
        _lock: threading.RLock

        def _connection(self) -> sqlite3.Connection: ...
        def _require_writable(self) -> None: ...
        def _save_failed(self, what: str, exc: sqlite3.Error) -> StorageError: ...
        def _scope_clauses(self) -> list[str]: ...
        def _scope_params(self) -> list[Any]: ...
        def get(self, design_id: str) -> Design | None: ...
        def has_image(self, sha256: str) -> bool: ...

        images: FileImageStore

    def set_favourite(self, design_id: str, value: bool) -> Design:
        self._require_writable()
        with self._lock:
            try:
                cur = self._connection().execute(
                    f"UPDATE designs SET favourite = ?{where(['id = ?', *self._scope_clauses()])}",
                    (int(bool(value)), design_id, *self._scope_params()),
                )
            except sqlite3.Error as exc:
                raise self._save_failed(THE_FAVOURITE(), exc) from exc
            if cur.rowcount == 0:
                raise KeyError(f"No design with id {design_id!r}.")
            design = self.get(design_id)
        if design is None:  # its row is damaged: the star was saved, but the design cannot be shown
            raise StorageError(SETTINGS_DAMAGED())
        self._publish(DesignChanged(design, ("favourite",)))
        return design

    def delete(self, design_id: str) -> None:
        """Remove a design, its descriptions and drafts (the foreign keys cascade); designs refined from it keep
        their pictures and lose only the link back. Its image file goes too unless another design shows the same
        picture. KeyError when there is no such design (or it is outside the visitor scope)."""
        self._require_writable()
        with self._lock:
            conn = self._connection()
            try:
                with immediate(conn):
                    row = conn.execute(
                        f"SELECT image_sha256 FROM designs{where(['id = ?', *self._scope_clauses()])}",
                        (design_id, *self._scope_params()),
                    ).fetchone()
                    if row is None:
                        raise KeyError(f"No design with id {design_id!r}.")
                    conn.execute("DELETE FROM designs WHERE id = ?", (design_id,))
            except sqlite3.Error as exc:
                raise self._save_failed(THE_REMOVAL(), exc) from exc
            shared = self.has_image(row[0])
        if not shared:  # after the commit: a crash in between leaves an orphan file, which is harmless
            self.images.discard(row[0])
        self._publish(DesignDeleted(design_id))

    def _publish(self, *changes: Change) -> None:
        for change in changes:
            self.changes.publish(change)
