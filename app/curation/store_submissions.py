"""The submissions half of the curation store: adding what the sources found, reading it back, images, perceptual
hashes and duplicate groups, traits, and where each import got to.

Rows are data from disk or from another machine: a damaged JSON column or an odd value reads back as a Submission
with what could be read (`read_submission`), never an exception in a listing. Text going in is made storable first
(PostgreSQL refuses NUL characters, both drivers refuse lone surrogates), so one hostile name cannot fail an import.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from app import safejson
from app.curation.db import Tx, blob, optional, whole
from app.curation.models import UNREACHABLE, UNREADABLE_IMAGE, Candidate, Disqualification, Problem, Submission
from app.curation.thumbnail_cache import STORED_SIDE, stored_thumbnail
from app.messages import Msg, to_json
from app.sqlite_db import is_moment
from app.stored_reasons import from_stored

log = logging.getLogger(__name__)

STORED_COLUMN = Msg("curation.store.stored_column", "A stored submission's details")
MAX_JSON_CHARS = 4 * 1024 * 1024  # a token's metadata or generation settings; larger is not one a source let in
MAX_JSON_DEPTH = 32
CHUNK = 500  # keys per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# The columns a Submission is read from, in `read_submission`'s order (s: submissions, d: disqualifications).
SUBMISSION_COLUMNS = (
    "s.key, s.source_key, s.source, s.origin, s.state, s.image_sha256, s.width, s.height, s.name, s.description, "
    "s.prompt, s.model_hash, s.traits, s.metadata, s.generation, s.token_id, s.chain_id, s.contract, s.owner, "
    "s.minted_at, s.before_deadline, s.metadata_cid, s.image_cid, s.created_at, s.imported_at, s.problem_kind, "
    "s.problem, s.phash, s.duplicate_group, d.reason, d.note, d.judge_id, d.at"
)
SUBMISSION_FROM = "submissions s LEFT JOIN disqualifications d ON d.entry = s.key"

_INSERT = (
    "INSERT INTO submissions (source_key, source, origin, state, problem_kind, problem, image_sha256, width, height, "
    "name, description, prompt, model_hash, traits, metadata, generation, token_id, chain_id, contract, owner, "
    "minted_at, before_deadline, metadata_cid, image_cid, created_at, imported_at, when_at, search) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (source_key) DO NOTHING"
)


class SubmissionsMixin:
    _db: Any
    _dialect: str

    # --- adding --------------------------------------------------------------------------------------------------

    def add(self, candidates: Sequence[Candidate]) -> tuple[int, int]:
        """Store these in one transaction; (added, already there). Safe to run again after a dropped connection."""
        # Everything but the inserts is made before the transaction, so the write lock is held only for those.
        now = time.time()
        rows: dict[str, tuple[Any, ...]] = {}
        by_key: dict[str, Candidate] = {}
        for candidate in candidates:
            source_key = _text(candidate.source_key)
            if source_key not in rows:
                rows[source_key] = _row(candidate, now)
                by_key[source_key] = candidate
        if not rows:
            return 0, 0
        thumbnails = self._make_thumbnails(by_key.values())

        def work(tx: Tx) -> tuple[int, int]:
            present = _present(tx, list(rows))
            # A file the IPFS source could not fetch last time is tried again: what arrives now replaces it.
            retried = [k for k in _present(tx, list(present), UNREACHABLE) if _not_unreachable(by_key[k])]
            for chunk in _chunks(retried):
                marks = ", ".join("?" * len(chunk))
                tx.execute(
                    f"DELETE FROM submissions WHERE problem_kind = ? AND source_key IN ({marks})", (UNREACHABLE, *chunk)
                )
            new = [key for key in rows if key not in present or key in retried]
            images: dict[str, bytes] = {}
            for key in new:
                c = by_key[key]
                if c.image and c.image_sha256:
                    images.setdefault(_text(c.image_sha256), bytes(c.image))
            if images:
                tx.many(
                    "INSERT INTO images (sha256, bytes) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING",
                    list(images.items()),
                )
            _add_thumbnails(tx, [(sha, data) for sha, data in thumbnails.items() if sha in images])
            added = tx.many(_INSERT, [rows[key] for key in new])
            _add_traits(tx, [(key, by_key[key].traits) for key in new if by_key[key].traits])
            return added, len(candidates) - added

        return self._db.write(work)

    def _make_thumbnails(self, candidates: Iterable[Candidate]) -> dict[str, bytes]:
        """The small picture of each candidate's image that has none stored yet (sha256 -> WebP bytes); none for an
        image that is no picture or declares too many pixels. Made here, before the transaction: decoding takes
        milliseconds a picture, and the write lock is held for the inserts alone."""
        pictures: dict[str, bytes] = {}
        for c in candidates:
            unreadable = c.problem is not None and c.problem.kind == UNREADABLE_IMAGE  # the source looked: not decoded
            if c.image and c.image_sha256 and not unreadable:
                pictures.setdefault(_text(c.image_sha256), c.image)
        for chunk in _chunks(list(pictures)):
            marks = ", ".join("?" * len(chunk))
            for (sha,) in self._db.read(f"SELECT sha256 FROM thumbnails WHERE sha256 IN ({marks})", chunk):
                pictures.pop(sha, None)
        made = {sha: stored_thumbnail(bytes(data)) for sha, data in pictures.items()}
        return {sha: data for sha, data in made.items() if data}

    def has_sources(self, source_keys: Sequence[str]) -> set[str]:
        """Which are stored already; one whose files could not be fetched last time is not (it is to be retried)."""
        found: set[str] = set()
        for chunk in _chunks([_text(k) for k in source_keys]):
            marks = ", ".join("?" * len(chunk))
            sql = (
                f"SELECT source_key FROM submissions WHERE source_key IN ({marks})"
                " AND (problem_kind IS NULL OR problem_kind <> ?)"
            )
            found.update(r[0] for r in self._db.read(sql, (*chunk, UNREACHABLE)))
        return found

    # --- reading ---------------------------------------------------------------------------------------------------

    def submission(self, key: int) -> Submission | None:
        found = self.submissions([key])
        return found[0] if found else None

    def submissions(self, keys: Sequence[int]) -> list[Submission]:
        """The stored submissions of these keys, in the order asked (keys not stored are left out)."""
        by_key: dict[int, Submission] = {}
        for chunk in _chunks([int(k) for k in keys if INT64_MIN <= int(k) <= INT64_MAX]):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {SUBMISSION_COLUMNS} FROM {SUBMISSION_FROM} WHERE s.key IN ({marks})"
            for row in self._db.read(sql, chunk):
                by_key[int(row[0])] = read_submission(row)
        return [by_key[int(k)] for k in keys if int(k) in by_key]

    def image(self, sha256: str) -> bytes | None:
        rows = self._db.read("SELECT bytes FROM images WHERE sha256 = ?", (_text(sha256),))
        with self._db.reading():
            return optional(blob, rows[0][0]) if rows else None

    def thumbnail(self, sha256: str) -> bytes | None:
        """The stored small picture of the image `sha256` (WebP, STORED_SIDE short side); None when there is none."""
        rows = self._db.read("SELECT bytes FROM thumbnails WHERE sha256 = ?", (_text(sha256),))
        with self._db.reading():
            return (optional(blob, rows[0][0]) or None) if rows else None

    def missing_thumbnails(self, *, after: str = "", limit: int = 1000) -> list[str]:
        """The sha256 of stored images without a thumbnail, in order, after `after` (the thumbnail pass)."""
        rows = self._db.read(
            "SELECT i.sha256 FROM images i LEFT JOIN thumbnails t ON t.sha256 = i.sha256"
            " WHERE t.sha256 IS NULL AND i.sha256 > ? ORDER BY i.sha256 LIMIT ?",
            (_text(after), int(limit)),
        )
        return [str(r[0]) for r in rows]

    def set_thumbnails(self, thumbnails: Sequence[tuple[str, bytes]]) -> None:
        """Keep these (sha256, WebP bytes) of stored images; one already there is kept as it was."""
        rows = [(_text(sha), bytes(data)) for sha, data in thumbnails if data]
        if rows:
            self._db.write(lambda tx: _add_thumbnails(tx, rows))

    # --- duplicates ------------------------------------------------------------------------------------------------

    def set_phashes(self, hashes: Sequence[tuple[int, int]]) -> None:
        rows = [(_int64(h), int(k)) for k, h in hashes]
        self._db.write(lambda tx: tx.many("UPDATE submissions SET phash = ? WHERE key = ?", rows))

    def unhashed(self, *, after: int = 0, limit: int = 1000) -> list[tuple[int, str]]:
        """(entry, image sha256) of valid entries with a picture and no perceptual hash yet, by key, after `after`."""
        rows = self._db.read(
            "SELECT key, image_sha256 FROM submissions WHERE state = 'ok' AND phash IS NULL AND image_sha256 <> ''"
            " AND key > ? ORDER BY key LIMIT ?",
            (int(after), int(limit)),
        )
        return [(int(k), str(h)) for k, h in rows]

    def image_hashes(self) -> list[tuple[int, str]]:
        """(entry, image sha256) of every valid entry with a picture: what exact copies are found from."""
        rows = self._db.read("SELECT key, image_sha256 FROM submissions WHERE state = 'ok' AND image_sha256 <> ''")
        return [(int(k), str(h)) for k, h in rows]

    def phashes(self) -> list[tuple[int, int]]:
        rows = self._db.read("SELECT key, phash FROM submissions WHERE phash IS NOT NULL ORDER BY key")
        with self._db.reading():
            return [(whole(k), whole(h)) for k, h in rows]

    def set_duplicate_groups(self, groups: Sequence[Sequence[int]]) -> None:
        """Replace every group; a group's id is its smallest key, so the same groups always get the same ids."""
        rows = [
            (min(g), int(k)) for g in (sorted({int(k) for k in group}) for group in groups) if len(g) > 1 for k in g
        ]

        def work(tx: Tx) -> None:
            tx.execute("UPDATE submissions SET duplicate_group = NULL WHERE duplicate_group IS NOT NULL")
            tx.many("UPDATE submissions SET duplicate_group = ? WHERE key = ?", rows)

        self._db.write(work)

    def group_members(self, group: int) -> list[int]:
        rows = self._db.read("SELECT key FROM submissions WHERE duplicate_group = ? ORDER BY key", (int(group),))
        return [int(r[0]) for r in rows]

    # --- traits and imports ----------------------------------------------------------------------------------------

    def traits(self) -> list[tuple[str, str, int]]:
        rows = self._db.read(
            "SELECT t.trait_type, t.value, COUNT(*) FROM traits t JOIN submissions s ON s.key = t.entry "
            "WHERE s.state = 'ok' GROUP BY t.trait_type, t.value ORDER BY t.trait_type, t.value"
        )
        return [(str(t), str(v), int(n)) for t, v, n in rows]

    def import_cursor(self, source: str) -> str | None:
        rows = self._db.read("SELECT cursor FROM import_cursors WHERE source = ?", (_text(source),))
        return rows[0][0] if rows and isinstance(rows[0][0], str) else None

    def set_import_cursor(self, source: str, cursor: str | None) -> None:
        params = (_text(source), None if cursor is None else _text(cursor), time.time())
        self._db.write(
            lambda tx: tx.execute(
                "INSERT INTO import_cursors (source, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (source) "
                "DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
                params,
            )
        )


# --- writing helpers ---------------------------------------------------------------------------------------------


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _present(tx: Tx, source_keys: list[str], problem_kind: str | None = None) -> set[str]:
    """The source keys stored (only those kept aside for `problem_kind`, when given)."""
    found: set[str] = set()
    only = "" if problem_kind is None else " AND problem_kind = ?"
    for chunk in _chunks(source_keys):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT source_key FROM submissions WHERE source_key IN ({marks}){only}"
        found.update(r[0] for r in tx.query(sql, (*chunk, *([problem_kind] if problem_kind else []))))
    return found


def _add_thumbnails(tx: Tx, thumbnails: list[tuple[str, bytes]]) -> None:
    tx.many(
        "INSERT INTO thumbnails (sha256, side, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
        [(sha, STORED_SIDE, data) for sha, data in thumbnails],
    )


def _not_unreachable(candidate: Candidate) -> bool:
    return candidate.problem is None or candidate.problem.kind != UNREACHABLE


def _add_traits(tx: Tx, wanted: list[tuple[str, tuple[tuple[str, str], ...]]]) -> None:
    keys: dict[str, int] = {}
    for chunk in _chunks([source_key for source_key, _ in wanted]):
        marks = ", ".join("?" * len(chunk))
        keys.update(tx.query(f"SELECT source_key, key FROM submissions WHERE source_key IN ({marks})", chunk))
    rows = {(keys[k], _text(t), _text(v)) for k, traits in wanted if k in keys for t, v in traits}
    tx.many(
        "INSERT INTO traits (entry, trait_type, value) VALUES (?, ?, ?) "
        "ON CONFLICT (entry, trait_type, value) DO NOTHING",
        sorted(rows),
    )


def _row(c: Candidate, now: float) -> tuple[Any, ...]:
    problem = c.problem
    token = str(c.token_id) if c.token_id is not None else None
    when = next((t for t in (c.minted_at, c.created_at) if _finite(t)), now)
    words = (c.name, c.description, c.prompt, c.owner, c.source_key, token or "")
    return (
        _text(c.source_key),
        _text(c.source),
        _text(c.origin),
        "bad" if problem else "ok",
        _text(problem.kind) if problem else None,
        _text(to_json(problem.reason)) if problem else None,
        _text(c.image_sha256),
        _int32(c.width),
        _int32(c.height),
        _text(c.name),
        _text(c.description),
        _text(c.prompt),
        _text(c.model_hash),
        _json([[str(t), str(v)] for t, v in c.traits]) or "[]",
        _json(c.metadata),
        _json(c.generation),
        token,
        _int64(c.chain_id) if c.chain_id is not None else None,
        _text(c.contract),
        _text(c.owner),
        c.minted_at if _finite(c.minted_at) else None,
        None if c.before_deadline is None else int(bool(c.before_deadline)),
        _text(c.metadata_cid),
        _text(c.image_cid),
        c.created_at if _finite(c.created_at) else None,
        now,
        float(when),
        " ".join(_text(w).lower() for w in words if w),
    )


def _text(value: Any) -> str:
    """Text both databases store: no NUL characters (PostgreSQL refuses them), no lone surrogates (no UTF-8)."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    if text.isascii() and "\x00" not in text:
        return text
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return _text(json.dumps(value, ensure_ascii=False, default=str))


def _int32(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 <= number < 2**31 else 0


def _int64(value: Any) -> int:
    """A 64-bit value as a signed int64 (a perceptual hash may come as an unsigned 64-bit number)."""
    number = int(value) & (2**64 - 1)
    return number - 2**64 if number > INT64_MAX else number


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value and abs(value) < 1e15


# --- reading helpers ---------------------------------------------------------------------------------------------


def read_submission(row: Sequence[Any]) -> Submission:
    """A Submission from a row of SUBMISSION_COLUMNS; what is damaged reads as empty, never as an exception."""
    (key, source_key, source, origin, state, sha, width, height, name, description, prompt, model_hash, traits,
     metadata, generation, token_id, chain_id, contract, owner, minted_at, before_deadline, metadata_cid, image_cid,
     created_at, imported_at, problem_kind, problem, phash, group, dq_reason, dq_note, dq_judge,
     dq_at) = row  # fmt: skip
    return Submission(
        key=int(key),
        source_key=_str(source_key),
        source=_str(source),
        origin=_str(origin),
        state=_str(state),
        image_sha256=_str(sha),
        width=_int_or(width, 0) or 0,
        height=_int_or(height, 0) or 0,
        name=_str(name),
        description=_str(description),
        prompt=_str(prompt),
        model_hash=_str(model_hash),
        traits=_read_traits(traits),
        metadata=_read_object(metadata, key, "metadata"),
        generation=_read_object(generation, key, "generation"),
        token_id=_int_or(token_id, None),
        chain_id=_int_or(chain_id, None),
        contract=_str(contract),
        owner=_str(owner),
        minted_at=_time_or(minted_at, None),
        before_deadline=None if before_deadline is None else bool(_int_or(before_deadline, 0)),
        metadata_cid=_str(metadata_cid),
        image_cid=_str(image_cid),
        created_at=_time_or(created_at, None),
        imported_at=_time_or(imported_at, 0.0) or 0.0,
        problem=Problem(_str(problem_kind), from_stored(problem)) if problem_kind is not None else None,
        phash=_int_or(phash, None),
        duplicate_group=_int_or(group, None),
        disqualified=(
            Disqualification(int(key), _str(dq_reason), _str(dq_note), _int_or(dq_judge, 0) or 0, _time_or(dq_at, 0.0))
            if dq_reason is not None
            else None
        ),
    )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int_or(value: Any, default: int | None) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 100:
        return int(value)
    return default


def _time_or(value: Any, default: float | None) -> float | None:
    """A time a calendar can show (exports and the report print it as a date), else `default`."""
    return float(value) if is_moment(value) else default


def _parse(text: Any, key: Any, column: str) -> Any:
    if not isinstance(text, str):
        return None
    try:
        return safejson.loads(text, STORED_COLUMN(), max_bytes=MAX_JSON_CHARS, max_depth=MAX_JSON_DEPTH)
    except safejson.BadJSON as exc:
        log.warning("submission %s: its %s column is damaged (%s)", key, column, exc.problem)
        return None


def _read_object(text: Any, key: Any, column: str) -> dict[str, Any] | None:
    value = _parse(text, key, column)
    return value if isinstance(value, dict) else None


def _read_traits(text: Any) -> tuple[tuple[str, str], ...]:
    value = _parse(text, None, "traits")
    pairs: Iterable[Any] = value if isinstance(value, list) else ()
    return tuple(
        (p[0], p[1]) for p in pairs if isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
    )
