"""Changing designs already in the library (the star, removal and Undo), and telling the change feed once each is
durable.

Removing a design marks it (`removed_at`) rather than deleting it: every read leaves it out at once, and Undo
(`restore`) puts it back in its place with its descriptions. A design removed over a day ago is deleted for good, with
its picture, the next time the library opens (`purge_removed`).

Every write of the library publishes what it changed on `Library.changes` (app/changes.py) after its transaction
committed, on the writing thread: a view that hears of it and reads the design back finds it on disk. A write that
fails publishes nothing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from typing import TYPE_CHECKING, Any

from app.changes import Change, ChangeFeed, DesignChanged, DesignDeleted, DesignRestored
from app.errors import StorageError
from app.library.images import FileImageStore
from app.library.listing import where
from app.library.messages import SETTINGS_DAMAGED, THE_FAVOURITE, THE_REMOVAL, THE_RESTORE
from app.library.models import Design
from app.sqlite_db import immediate

log = logging.getLogger(__name__)

# How long a removed design is kept for Undo. Not only the Undo's few seconds: another handle on the folder (a second
# window's, the command line's) opening the library must not purge what this window could still put back.
PURGE_AFTER_S = 24 * 3600


def migrate_v4_removal(conn: sqlite3.Connection) -> None:
    """Schema version 4: a removed design is kept, marked, until it is purged. Its words stay in the full-text index
    (every read checks the mark), so the index always matches the rows, as SQLite's own checks expect."""
    conn.execute("ALTER TABLE designs ADD COLUMN removed_at REAL")
    conn.execute("CREATE INDEX designs_removed ON designs(removed_at) WHERE removed_at IS NOT NULL")


class EditsMixin:
    """The editing half of `Library` (see store.py for the connection, the lock and read-only mode)."""

    changes: ChangeFeed

    if TYPE_CHECKING:  # provided by app.library.store.Library
        _lock: threading.RLock
        _keeps_removed: bool

        def _connection(self) -> sqlite3.Connection: ...
        def _require_writable(self) -> None: ...
        def _save_failed(self, what: str, exc: sqlite3.Error) -> StorageError: ...
        def _scope_clauses(self, *, removed_too: bool = False) -> list[str]: ...
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

    def remove(self, design_id: str) -> None:
        """Take a design out of every listing and read, keeping it (its descriptions, drafts and picture) for
        `restore`. KeyError when no such design is shown (none, outside the visitor scope, or removed already)."""
        self._require_writable()
        with self._lock:
            try:
                cur = self._connection().execute(
                    f"UPDATE designs SET removed_at = ?{where(['id = ?', *self._scope_clauses()])}",
                    (time.time(), design_id, *self._scope_params()),
                )
            except sqlite3.Error as exc:
                raise self._save_failed(THE_REMOVAL(), exc) from exc
            if cur.rowcount == 0:
                raise KeyError(f"No design with id {design_id!r}.")
        self._publish(DesignDeleted(design_id))

    def restore(self, design_id: str) -> Design:
        """Bring back a removed design (Undo) in its place, with its descriptions. KeyError when it was not removed,
        or has been purged since."""
        self._require_writable()
        clauses = ["id = ?", "designs.removed_at IS NOT NULL", *self._scope_clauses(removed_too=True)]
        with self._lock:
            try:
                cur = self._connection().execute(
                    f"UPDATE designs SET removed_at = NULL{where(clauses)}", (design_id, *self._scope_params())
                )
            except sqlite3.Error as exc:
                raise self._save_failed(THE_RESTORE(), exc) from exc
            if cur.rowcount == 0:
                raise KeyError(f"No removed design with id {design_id!r}.")
            design = self.get(design_id)
        if design is None:  # its row is damaged: it is back, but cannot be shown
            raise StorageError(SETTINGS_DAMAGED())
        self._publish(DesignRestored(design))
        return design

    def purge_removed(self, older_than_s: float = PURGE_AFTER_S) -> int:
        """Delete for good the designs removed more than `older_than_s` ago (their descriptions and drafts go by
        the foreign keys' cascade; a picture no other design shows goes too); how many. Views heard of each when it
        was removed, so nothing is published."""
        self._require_writable()
        if not self._keeps_removed:  # a library written before removal could be undone holds none
            return 0
        cutoff = time.time() - older_than_s
        with self._lock:
            conn = self._connection()
            try:
                with immediate(conn):
                    pictures = {
                        row[0]
                        for row in conn.execute(
                            "SELECT image_sha256 FROM designs WHERE removed_at IS NOT NULL AND removed_at <= ?",
                            (cutoff,),
                        )
                    }
                    purged = conn.execute(
                        "DELETE FROM designs WHERE removed_at IS NOT NULL AND removed_at <= ?", (cutoff,)
                    ).rowcount
            except sqlite3.Error as exc:
                raise self._save_failed(THE_REMOVAL(), exc) from exc
            unshown = [sha for sha in pictures if not self.has_image(sha)]
        for sha in unshown:  # after the commit: a crash in between leaves an orphan file, which is harmless
            self.images.discard(sha)
        if purged:
            log.info("deleted %d designs removed over %.0f hours ago", purged, older_than_s / 3600)
        return purged

    def delete(self, design_id: str) -> None:
        """Delete a design for good at once, as `purge_removed` does a removed one (no Undo): its descriptions and
        drafts go by the foreign keys' cascade; designs refined from it keep their pictures and lose only the link
        back. Its image file goes too unless another design shows the same picture. KeyError when there is no such
        design (or it is outside the visitor scope)."""
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
