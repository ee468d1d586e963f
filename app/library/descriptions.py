"""Descriptions in the library: every AI or offline draft, and the person's current text per language.

Drafts are append-only history (what the model said, which model and prompt made it). The current text is one
row per (design, language), upserted by the editor's autosave: one statement, so one small WAL transaction and
one fsync (synchronous=FULL); a crash leaves either the previous save or the new one, never a mix.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.changes import Change, DescriptionSaved
from app.errors import StorageError
from app.library import messages as msgs
from app.library.models import DescriptionRecord, DraftRecord
from app.sqlite_db import immediate, is_moment

log = logging.getLogger(__name__)

LANGUAGES = ("ko", "en")
SOURCES = ("openai", "offline")
# Checked here rather than with CHECK constraints, so a new language needs no table rebuild.

_DRAFT_COLUMNS = "id, design_id, language, source, model, prompt, text, finish_reason, created_at"
_DESCRIPTION_COLUMNS = "design_id, language, text, based_on_draft_id, created_at, updated_at"


def migrate_v2(conn: sqlite3.Connection) -> None:
    """Schema version 2: description drafts and the edited descriptions."""
    conn.execute(
        """CREATE TABLE description_drafts (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            design_id TEXT NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            source TEXT NOT NULL,
            model TEXT NOT NULL,
            prompt TEXT NOT NULL,
            text TEXT NOT NULL,
            finish_reason TEXT,
            created_at REAL NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX description_drafts_by_design ON description_drafts(design_id, language, created_at)")
    conn.execute(
        """CREATE TABLE descriptions (
            design_id TEXT NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            based_on_draft_id TEXT,  -- no FOREIGN KEY: the text outlives a pruned draft
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (design_id, language)
        ) WITHOUT ROWID"""
    )


def migrate_v3_foreign_keys(conn: sqlite3.Connection) -> None:
    """Schema version 3: foreign keys are enforced from now on (app.sqlite_db turns them on for every connection).

    Earlier files were written with them off, so a draft or a description may have outlived its design. Nothing can
    show or use those rows (every read starts from a design), so they go, as the cascade would have removed them."""
    removed = {
        table: conn.execute(f"DELETE FROM {table} WHERE design_id NOT IN (SELECT id FROM designs)").rowcount
        for table in ("description_drafts", "descriptions")
    }
    if any(removed.values()):
        log.warning("removed descriptions of designs that no longer exist: %s", removed)


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"Unknown description language {language!r}: use one of {', '.join(LANGUAGES)}.")


def _check_text(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")


class DescriptionsMixin:
    """The description half of `Library` (see store.py for the connection, the lock and read-only mode)."""

    data_dir: Path
    _lock: threading.RLock
    _schema_version: int

    if TYPE_CHECKING:

        def _connection(self) -> sqlite3.Connection: ...
        def _query(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]: ...
        def _require_writable(self) -> None: ...
        def _save_failed(self, what: str, exc: sqlite3.Error) -> StorageError: ...
        @staticmethod
        def _new_id(now: float | None = None) -> str: ...
        def _publish(self, *changes: Change) -> None: ...

    # --- writing ---

    def add_draft(
        self,
        design_id: str,
        *,
        language: str,
        source: str,
        model: str,
        prompt: str,
        text: str,
        finish_reason: str | None,
        created_at: float | None = None,
    ) -> DraftRecord:
        """Keep one draft exactly as given. KeyError when the design does not exist."""
        _check_language(language)
        if source not in SOURCES:
            raise ValueError(f"Unknown draft source {source!r}: use one of {', '.join(SOURCES)}.")
        for name, value in (("model", model), ("prompt", prompt), ("text", text)):
            _check_text(name, value)
        if finish_reason is not None:
            _check_text("finish_reason", finish_reason)
        self._require_writable()
        now = time.time() if created_at is None else float(created_at)
        record = DraftRecord(self._new_id(now), design_id, language, source, model, prompt, text, finish_reason, now)
        with self._lock:
            try:
                # INSERT … SELECT FROM designs: the row exists only if the design does, in one statement.
                cur = self._connection().execute(
                    f"INSERT INTO description_drafts ({_DRAFT_COLUMNS})"
                    " SELECT ?, id, ?, ?, ?, ?, ?, ?, ? FROM designs WHERE id = ?",
                    (record.id, language, source, model, prompt, text, finish_reason, now, design_id),
                )
            except sqlite3.Error as exc:
                raise self._save_failed(msgs.THE_DESCRIPTION_DRAFT(), exc) from exc
        if cur.rowcount == 0:
            raise KeyError(f"No design with id {design_id!r}.")
        return record

    def save_description(
        self, design_id: str, language: str, text: str, based_on_draft_id: str | None = None
    ) -> DescriptionRecord:
        """Save the person's current text (the autosave path): insert or replace, durable when this returns.

        `text` and `based_on_draft_id` are stored exactly as given. KeyError when the design does not exist."""
        _check_language(language)
        _check_text("text", text)
        if based_on_draft_id is not None:
            _check_text("based_on_draft_id", based_on_draft_id)
        self._require_writable()
        now = time.time()
        with self._lock:
            conn = self._connection()
            try:
                with immediate(conn):
                    cur = conn.execute(
                        f"INSERT INTO descriptions ({_DESCRIPTION_COLUMNS})"
                        " SELECT id, ?, ?, ?, ?, ? FROM designs WHERE id = ?"
                        " ON CONFLICT (design_id, language) DO UPDATE SET"
                        " text = excluded.text, based_on_draft_id = excluded.based_on_draft_id,"
                        " updated_at = excluded.updated_at",
                        (language, text, based_on_draft_id, now, now, design_id),
                    )
                    if cur.rowcount == 0:
                        raise KeyError(f"No design with id {design_id!r}.")
                    # Read back in the same transaction (no RETURNING: it needs SQLite 3.35).
                    created_at = conn.execute(
                        "SELECT created_at FROM descriptions WHERE design_id = ? AND language = ?",
                        (design_id, language),
                    ).fetchone()[0]
            except sqlite3.Error as exc:
                raise self._save_failed(msgs.THE_DESCRIPTION(), exc) from exc
        self._publish(DescriptionSaved(design_id, language))
        return DescriptionRecord(design_id, language, text, based_on_draft_id, created_at, now)

    # --- reading (an unknown design simply has none) ---

    def drafts(self, design_id: str, language: str | None = None) -> list[DraftRecord]:
        """Every draft of a design, newest first; only one language's when `language` is given."""
        if language is not None:
            _check_language(language)
        if self._schema_version < 2:  # a read-only library from before descriptions existed
            return []
        sql = f"SELECT {_DRAFT_COLUMNS} FROM description_drafts WHERE design_id = ?"
        params: tuple[Any, ...] = (design_id,)
        if language is not None:
            sql, params = sql + " AND language = ?", (design_id, language)
        rows = self._query(sql + " ORDER BY created_at DESC, seq DESC", params)
        return [DraftRecord(*row) for row in _readable(rows, _DRAFT_SHAPE)]

    def latest_draft(self, design_id: str, language: str) -> DraftRecord | None:
        _check_language(language)
        if self._schema_version < 2:
            return None
        rows = self._query(
            f"SELECT {_DRAFT_COLUMNS} FROM description_drafts WHERE design_id = ? AND language = ?"
            " ORDER BY created_at DESC, seq DESC LIMIT 1",
            (design_id, language),
        )
        rows = _readable(rows, _DRAFT_SHAPE)
        return DraftRecord(*rows[0]) if rows else None

    def description(self, design_id: str, language: str) -> DescriptionRecord | None:
        _check_language(language)
        if self._schema_version < 2:
            return None
        rows = self._query(
            f"SELECT {_DESCRIPTION_COLUMNS} FROM descriptions WHERE design_id = ? AND language = ?",
            (design_id, language),
        )
        rows = _readable(rows, _DESCRIPTION_SHAPE)
        return DescriptionRecord(*rows[0]) if rows else None

    def descriptions(self, design_id: str) -> dict[str, DescriptionRecord]:
        """The current text in every language saved so far, keyed by language ("ko", "en")."""
        if self._schema_version < 2:
            return {}
        rows = self._query(f"SELECT {_DESCRIPTION_COLUMNS} FROM descriptions WHERE design_id = ?", (design_id,))
        rows = _readable(rows, _DESCRIPTION_SHAPE)
        records = sorted((DescriptionRecord(*row) for row in rows), key=lambda r: _language_order(r.language))
        return {r.language: r for r in records}


# Columns that must hold text (the editor and the token show them); a damaged file may hold anything there.
# Columns (by index) that must hold text, that must be a time (the window shows it as a date), and the one that is
# text or nothing (finish_reason, based_on_draft_id); a damaged file may hold anything there.
_DRAFT_SHAPE = ((0, 1, 2, 3, 4, 5, 6), (8,), 7)
_DESCRIPTION_SHAPE = ((0, 1, 2), (4, 5), 3)


def _readable(
    rows: list[tuple[Any, ...]], shape: tuple[tuple[int, ...], tuple[int, ...], int]
) -> list[tuple[Any, ...]]:
    """The rows whose columns hold what this app writes; any other is damaged: logged and left out, never shown as
    bytes or as a date no calendar has."""
    texts, moments, optional = shape
    good = [
        row
        for row in rows
        if all(isinstance(row[i], str) for i in texts)
        and all(is_moment(row[i]) for i in moments)
        and (row[optional] is None or isinstance(row[optional], str))
    ]
    if len(good) < len(rows):
        log.warning("%d damaged description row(s) left out", len(rows) - len(good))
    return good


def _language_order(language: str) -> int:
    return LANGUAGES.index(language) if language in LANGUAGES else len(LANGUAGES)
