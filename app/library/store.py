"""The design library: SQLite (WAL) rows plus PNGs in a content-addressed folder (images.py), one `DesignStore`
(interface.py; what every store must do: tests/app/store_contract.py).

Crash safety: a PNG is written durably (temp file, fsync, rename) BEFORE its row is committed,
so at any instant every row points to a complete file; the worst a crash leaves is an orphan
file, which is harmless and reused when the same image is added again.

A save that fails keeps its image aside (app/library/recovery.py), and the next start adds it back; a new
library made beside an images folder (the old database was damaged and moved away) is rebuilt from the images.
Every failure is put in words by app/storage_errors.py; a row whose JSON is damaged is skipped and counted.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Iterable

from PIL import Image

from app import safejson
from app.changes import ChangeFeed, DesignAdded
from app.errors import StorageError
from app.fsutil import check_writable
from app.library import messages as msgs
from app.library import recovery
from app.library.descriptions import DescriptionsMixin, migrate_v2, migrate_v3_foreign_keys
from app.library.edits import EditsMixin, migrate_v4_removal
from app.library.ids import new_id
from app.library.images import IMAGES_DIR, FileImageStore
from app.library.listing import COLUMNS as _COLUMNS
from app.library.listing import ListingMixin, where
from app.library.messages import FAILED_THEN_KEPT
from app.library.models import Design, NewDesign, check_design_row, request_from_saved, search_text, search_words
from app.messages import Message
from app.sqlite_db import Step, check_version, immediate, migrate, open_durable, open_read_only
from app.storage_errors import LIBRARY_STORE, READ_ONLY, StorageFailure, describe, storage_error

log = logging.getLogger(__name__)

DB_NAME = "library.sqlite3"
SCHEMA_VERSION = 4  # = len(_MIGRATIONS)
STORE_NAME = LIBRARY_STORE()  # who another program may be holding, in messages
_MAX_INDEXED_WORDS = 16  # full-text phrases per search; the rest of a (pasted) long search is checked row by row
_MAX_LIKE_WORDS = 32
_WORDS_PER_CLAUSE = 2_000  # bound values per instr() clause, far under SQLite's 32,766


# --- schema -------------------------------------------------------------------------------------
def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE designs (
            seq INTEGER PRIMARY KEY,  -- aliases rowid, so the FTS index survives VACUUM
            id TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            image_sha256 TEXT NOT NULL,
            request_json TEXT NOT NULL,
            seed INTEGER NOT NULL,
            prompt_final TEXT NOT NULL,
            negative_final TEXT NOT NULL,
            model_name TEXT NOT NULL,
            model_hash TEXT NOT NULL,
            device TEXT NOT NULL,
            parent_id TEXT,  -- no FOREIGN KEY: lineage must tolerate a removed ancestor
            favourite INTEGER NOT NULL DEFAULT 0,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            extra_json TEXT NOT NULL DEFAULT '{}',
            search_text TEXT NOT NULL  -- casefolded user prompt + final prompt
        )"""
    )
    # "Newest first" is seq order (rows are appended as designs are made), so no time index is
    # needed: the rowid itself, and the rowid at the end of every index entry, give the order.
    conn.execute("CREATE INDEX designs_by_parent ON designs(parent_id)")
    conn.execute("CREATE INDEX designs_favourites ON designs(favourite)")
    if _fts5_trigram_available():
        # Trigram tokens give substring matches, which whitespace tokenizers cannot do for Korean
        # (particles glue onto words: "SM6를"). External content: the text is stored once.
        conn.execute(
            "CREATE VIRTUAL TABLE designs_fts USING fts5("
            "search_text, content='designs', content_rowid='seq', tokenize='trigram')"
        )
        add = "INSERT INTO designs_fts(rowid, search_text) VALUES (new.seq, new.search_text);"
        drop = "INSERT INTO designs_fts(designs_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);"
        conn.execute(f"CREATE TRIGGER designs_fts_ai AFTER INSERT ON designs BEGIN {add} END")
        conn.execute(f"CREATE TRIGGER designs_fts_ad AFTER DELETE ON designs BEGIN {drop} END")
        conn.execute(f"CREATE TRIGGER designs_fts_au AFTER UPDATE OF search_text ON designs BEGIN {drop} {add} END")


# Step N makes schema version N; later issues append theirs (tokens…). app.sqlite_db.migrate runs the pending ones
# in one transaction; a read-only library is never migrated (descriptions.py reads an older one as it is).
_MIGRATIONS: list[Step] = [_v1, migrate_v2, migrate_v3_foreign_keys, migrate_v4_removal]


def _fts5_trigram_available() -> bool:
    """FTS5 with the trigram tokenizer ships in SQLite >= 3.34 builds with FTS5 (CPython's do)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='trigram')")
        return True
    except sqlite3.Error:
        return False
    finally:
        probe.close()


# --- the library --------------------------------------------------------------------------------
class Library(DescriptionsMixin, ListingMixin, EditsMixin):
    """Every design ever made, and its descriptions. Safe to share between the UI thread and the generation worker.

    Threading: ONE connection (check_same_thread=False) guarded by an RLock. Reads take
    milliseconds, writes serialise in SQLite anyway, and a single connection means close()
    really closes everything (per-thread connections would outlive worker threads and race
    each other for the write lock). PNG writes and their fsyncs happen outside the lock, so the
    UI never waits on disk for a design being saved.

    Every write publishes what it changed on `changes` once it is durable (edits.py); handles opened on one folder
    with the same feed tell the same subscribers, whichever handle wrote.
    """

    def __init__(
        self,
        data_dir: Path,
        conn: sqlite3.Connection,
        *,
        read_only: bool,
        read_only_details: str = "",
        changes: ChangeFeed | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.changes = changes if changes is not None else ChangeFeed()
        self.images_dir = data_dir / IMAGES_DIR
        self.images = FileImageStore(self.images_dir, store_name=STORE_NAME)  # the PNGs; rows hold their SHA-256
        self._conn: sqlite3.Connection | None = conn
        self._read_only = read_only
        self._read_only_details = read_only_details
        self._lock = threading.RLock()
        self._damaged: dict[str, str] = {}  # id of a row that could not be read -> why (for the log and the view)
        # The visitor scope (listing.py): only designs with a higher key are read; 0 reads every design.
        self._visible_after = 0
        self._visible_since: float | None = None
        # Below SCHEMA_VERSION only when a read-only library predates a migration: reads then return nothing new.
        self._schema_version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        # False only for a read-only library from before removal could be undone (edits.py): it holds none.
        self._keeps_removed = any(row[1] == "removed_at" for row in conn.execute("PRAGMA table_info(designs)"))
        self._has_fts = (
            bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'designs_fts'").fetchone())
            and _fts5_trigram_available()
        )

    @classmethod
    def open(cls, data_dir: Path, changes: ChangeFeed | None = None) -> "Library":
        """Open (creating if needed) the library in `data_dir`; read-only when the folder is.

        A writable library first takes back the images of saves that failed last time (recovery.py)."""
        data_dir = Path(data_dir)
        db_path = data_dir / DB_NAME
        reason = check_writable(data_dir) or check_writable(data_dir / IMAGES_DIR)
        if reason is None and db_path.exists() and not os.access(db_path, os.W_OK):
            reason = str(msgs.LIBRARY_FILE_READ_ONLY(file=db_path))
        if reason is not None:
            if not db_path.is_file():
                raise StorageFailure(describe(READ_ONLY, msgs.CANNOT_BE_SAVED(), folder=data_dir), reason, READ_ONLY)
            return cls._open_read_only(data_dir, db_path, reason, changes)
        existed = db_path.is_file()
        conn = None
        try:
            conn = open_durable(db_path, newest=len(_MIGRATIONS), store=STORE_NAME)
            migrate(conn, _MIGRATIONS, store=STORE_NAME, file=db_path)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if not isinstance(exc, (sqlite3.Error, OSError)):
                raise
            raise _open_failed(exc, data_dir, db_path) from exc
        library = cls(data_dir, conn, read_only=False, changes=changes)
        recovery.take_back(library, rebuild=not existed)
        try:
            library.purge_removed()
        except StorageError as exc:  # housekeeping: the library opens all the same, and tries again next time
            log.warning("designs removed over a day ago were not deleted yet: %s", exc)
        return library

    @classmethod
    def _open_read_only(cls, data_dir: Path, db_path: Path, reason: str, changes: ChangeFeed | None) -> "Library":
        try:
            conn = open_read_only(db_path, "SELECT count(*) FROM designs")
        except sqlite3.Error as exc:
            raise _open_failed(exc, data_dir, db_path) from exc
        try:
            check_version(conn, SCHEMA_VERSION, store=STORE_NAME, file=db_path)
        except BaseException:
            conn.close()
            raise
        return cls(data_dir, conn, read_only=True, read_only_details=reason, changes=changes)

    @property
    def is_read_only(self) -> bool:
        return self._read_only

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be saved, in words ("" when the library is writable); what every refused write says."""
        if not self._read_only:
            return ""
        return str(msgs.LIBRARY_READ_ONLY(folder=self.data_dir))

    @property
    def damaged_count(self) -> int:
        """Rows seen so far that could not be read (damaged settings): they are left out of every answer."""
        with self._lock:
            return len(self._damaged)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---

    def add(self, new: NewDesign) -> Design:
        """Store one finished image and its provenance; returns the saved design."""
        return self.add_many([new])[0]

    def add_many(self, news: Iterable[NewDesign]) -> list[Design]:
        """Store a batch (e.g. variations) in one transaction: all rows or none.

        ValueError for a PNG that is not one. A StorageError otherwise says what went wrong and where the images were
        kept: they are never lost with the row."""
        prepared = [(new, hashlib.sha256(new.png).hexdigest(), *_png_size(new.png)) for new in news]
        try:
            return self._add_prepared(prepared)
        except StorageFailure as exc:
            images = [(sha, new.png, self.image_path(sha)) for new, sha, *_ in prepared]
            kept = recovery.keep_aside(self.data_dir, images)
            log.warning("design not saved (%s); image kept in %s", exc.details or exc.kind, list(map(str, kept.paths)))
            raise StorageFailure(
                FAILED_THEN_KEPT(problem=exc.msg, kept=kept.sentence()), exc.details, exc.kind
            ) from exc

    def _add_prepared(self, prepared: list[tuple[NewDesign, str, int, int]]) -> list[Design]:
        self._require_writable()
        rows = []
        for new, sha, width, height in prepared:
            self.images.put(new.png)
            now = time.time()
            rows.append(
                (
                    new_id(now),
                    now,
                    sha,
                    new.request.to_json(),
                    new.seed,
                    new.prompt_final,
                    new.negative_final,
                    new.model_name,
                    new.model_hash,
                    new.device,
                    new.parent_id,
                    0,
                    width,
                    height,
                    json.dumps(new.extra, sort_keys=True, ensure_ascii=False),
                    search_text(new.request.prompt, new.prompt_final),
                )
            )
        with self._lock:
            conn = self._connection()
            try:
                with immediate(conn):
                    conn.executemany(
                        f"INSERT INTO designs ({_COLUMNS}, search_text) VALUES ({', '.join('?' * 16)})", rows
                    )
            except sqlite3.Error as exc:
                what = msgs.THE_DESIGN() if len(rows) == 1 else msgs.THE_DESIGNS()
                raise self._save_failed(what, exc) from exc
        designs = [self._decode(row[:15]) for row in rows]
        self._publish(*(DesignAdded(design) for design in designs))
        return designs

    # --- reading ---

    def get(self, design_id: str) -> Design | None:
        """The design, or None when there is none, it is outside the visitor scope (`set_visible_since`), or its
        row is damaged (see `damaged_count`)."""
        sql = f"SELECT {_COLUMNS} FROM designs{where(['id = ?', *self._scope_clauses()])}"
        found = self._readable(self._query(sql, (design_id, *self._scope_params())))
        return found[0] if found else None

    def list(
        self, *, search: str = "", favourites_only: bool = False, limit: int = 200, offset: int = 0
    ) -> list[Design]:
        """Newest first. `search`: every word must appear in the user's or the final prompt, any case.

        `offset` counts rows, damaged ones included; a damaged row is left out and the page topped up from the
        rows after it, so a page is short only at the end."""
        match, clauses, params = self._filters(search, favourites_only)
        if match:
            # Driven from the FTS table, SQLite walks the hits in rowid (= seq) order and stops at
            # LIMIT; ordering by designs.seq instead made it sort every hit first (10x slower).
            source, order = "designs_fts JOIN designs ON designs.seq = designs_fts.rowid", "designs_fts.rowid"
            clauses, params = ["designs_fts MATCH ?", *clauses], [match, *params]
        else:
            source, order = "designs", "seq"
        sql = f"SELECT {_COLUMNS} FROM {source}{where(clauses)} ORDER BY {order} DESC LIMIT ? OFFSET ?"
        designs: list[Design] = []
        want = limit
        while want > 0:
            rows = self._query(sql, (*params, want, offset))
            designs.extend(self._readable(rows))
            if len(rows) < want:
                break
            offset, want = offset + len(rows), limit - len(designs)
        return designs

    def count(self, *, search: str = "", favourites_only: bool = False) -> int:
        # All matches less the few removed ones, in one statement: the first count reads no row (the index's or
        # SQLite's own). Leaving removed ones out row by row took 30 ms at 100,000 designs instead of 0.02.
        match, clauses, params = self._filters(search, favourites_only, removed_too=True)
        if match and not clauses:  # the index alone knows the answer: no row lookups
            every, every_params = "SELECT count(*) FROM designs_fts WHERE designs_fts MATCH ?", [match]
        elif match:
            hits = "seq IN (SELECT rowid FROM designs_fts WHERE designs_fts MATCH ?)"
            every, every_params = f"SELECT count(*) FROM designs{where([hits, *clauses])}", [match, *params]
        else:
            every, every_params = f"SELECT count(*) FROM designs{where(clauses)}", params
        if not self._keeps_removed:
            return self._query(every, tuple(every_params))[0][0]
        removed, removed_params = ["designs.removed_at IS NOT NULL", *clauses], list(params)
        if match:
            removed.append("EXISTS (SELECT 1 FROM designs_fts WHERE designs_fts MATCH ? AND rowid = designs.seq)")
            removed_params.append(match)
        sql = f"SELECT ({every}) - (SELECT count(*) FROM designs{where(removed)})"
        return self._query(sql, (*every_params, *removed_params))[0][0]

    def lineage(self, design_id: str) -> list[Design]:
        """From the root ancestor down to `design_id`; [] when it does not exist."""
        chain: list[Design] = []
        seen: set[str] = set()
        current = self.get(design_id)
        while current is not None and current.id not in seen:  # `seen` stops a (corrupt) cycle
            seen.add(current.id)
            chain.append(current)
            current = self.get(current.parent_id) if current.parent_id else None
        return chain[::-1]

    def children(self, design_id: str) -> list[Design]:
        """Designs refined directly from `design_id`, oldest first (the order they were made)."""
        sql = f"SELECT {_COLUMNS} FROM designs{where(['parent_id = ?', *self._scope_clauses()])} ORDER BY seq"
        return self._readable(self._query(sql, (design_id, *self._scope_params())))

    def image_path(self, sha256: str) -> Path:
        return self.images.path(sha256)

    def has_image(self, sha256: str) -> bool:
        """Whether any design shows exactly this image."""
        return bool(self._query("SELECT 1 FROM designs WHERE image_sha256 = ? LIMIT 1", (sha256,)))

    # --- internals ---

    def _filters(
        self, search: str, favourites_only: bool, *, removed_too: bool = False
    ) -> tuple[str, list[str], list[Any]]:
        """(FTS match expression or "", other WHERE clauses on `designs`, their parameters)."""
        clauses: list[str] = ["designs.favourite = 1"] if favourites_only else []
        clauses += self._scope_clauses(removed_too=removed_too)
        params: list[Any] = self._scope_params()
        words = search_words(search)
        # The trigram index needs 3+ characters; shorter words (common in Korean: "빨간") use LIKE,
        # which is still quick (about 10 ms for 14,000 rows) on the rows the index leaves. Words past a few dozen (a
        # pasted text: SQLite caps an expression's depth at 1,000) are checked by instr() over a VALUES list, one
        # clause per few thousand words, whatever their number.
        indexed = [w for w in words if self._has_fts and len(w) >= 3][:_MAX_INDEXED_WORDS]
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in indexed)
        rest = [w for w in words if w not in indexed]  # indexed: 16 words at most
        liked, others = rest[:_MAX_LIKE_WORDS], rest[_MAX_LIKE_WORDS:]
        for word in liked:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("designs.search_text LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        for start in range(0, len(others), _WORDS_PER_CLAUSE):
            chunk = others[start : start + _WORDS_PER_CLAUSE]
            values = ", ".join(["(?)"] * len(chunk))
            unmatched = f"SELECT 1 FROM (VALUES {values}) WHERE instr(designs.search_text, column1) = 0"
            clauses.append(f"NOT EXISTS ({unmatched})")
            params.extend(chunk)
        return match, clauses, params

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._connection().execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise storage_error(
                    exc,
                    msgs.CANNOT_BE_READ(),
                    folder=self.data_dir,
                    file=self.data_dir / DB_NAME,
                    store=STORE_NAME,
                    damaged_hint=_damaged_hint(self.data_dir),
                ) from exc

    def _readable(self, rows: list[tuple[Any, ...]]) -> list[Design]:
        """The rows as designs, leaving out (and logging once, and counting) any whose saved JSON is damaged."""
        designs = []
        for row in rows:
            try:
                designs.append(self._decode(row))
            except ValueError as exc:
                with self._lock:
                    first_time = row[0] not in self._damaged
                    self._damaged[str(row[0])] = str(exc)
                if first_time:
                    log.warning("design %s left out, its row is damaged: %s", row[0], exc)
        return designs

    def _decode(self, row: tuple[Any, ...]) -> Design:
        """One row as a Design; ValueError when its saved JSON is not what this app writes."""
        (did, created, sha, req, seed, pfinal, nfinal, mname, mhash, device, parent, fav, w, h, extra) = row
        if not isinstance(req, str) or not isinstance(extra, str):
            raise ValueError("its saved settings are not text")
        check_design_row(row)
        return Design(
            id=did,
            created_at=created,
            image_sha256=sha,
            image_path=str(self.image_path(sha)),
            request=request_from_saved(safejson.loads(req, safejson.DESIGN_SETTINGS())),
            seed=seed,
            prompt_final=pfinal,
            negative_final=nfinal,
            model_name=mname,
            model_hash=mhash,
            device=device,
            parent_id=parent,
            favourite=bool(fav),
            width=w,
            height=h,
            extra=safejson.loads_object(extra, safejson.DESIGN_DETAILS()),
        )

    _new_id = staticmethod(new_id)

    def _save_failed(self, what: str | Message, exc: sqlite3.Error) -> StorageError:
        return storage_error(
            exc,
            msgs.COULD_NOT_BE_SAVED(what=what),
            folder=self.data_dir,
            file=self.data_dir / DB_NAME,
            store=STORE_NAME,
            damaged_hint=_damaged_hint(self.data_dir),
        )

    def _require_writable(self) -> None:
        if self._read_only:
            raise StorageFailure(msgs.LIBRARY_READ_ONLY(folder=self.data_dir), self._read_only_details, READ_ONLY)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("The design library is closed.")
        return self._conn


def _damaged_hint(data_dir: Path) -> Message:
    return msgs.DAMAGED_HINT(folder=data_dir, images=data_dir / IMAGES_DIR)


def _open_failed(exc: BaseException, data_dir: Path, db_path: Path) -> StorageError:
    return storage_error(
        exc,
        msgs.CANNOT_BE_OPENED(),
        folder=data_dir,
        file=db_path,
        store=STORE_NAME,
        damaged_hint=_damaged_hint(data_dir),
    )


def _png_size(png: bytes) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(png)) as image:
            if image.format != "PNG":
                raise ValueError(f"expected a PNG image, got {image.format}")
            return image.size
    except (OSError, ValueError) as exc:
        raise ValueError(f"The design's image is not a valid PNG: {exc}") from exc
