"""The curation store's audit log (append-only: the database refuses UPDATE and DELETE on it) and the discipline
every judging write follows, on SQLite and PostgreSQL alike:

1. A write gets an operation id (`new_op`) before its transaction starts; `Database.write` may run the same work
   twice (PostgreSQL: the connection dropped, and whether the first try committed is unknowable).
2. The transaction starts with `_begin_op`: it takes the log's lock and says whether the op is new. When it is
   not, the first try committed, and the work returns the state as it is now, writing nothing.
3. Under that lock the work checks what it must, then appends its audit entry with that op (`_append`) and changes
   what it changes, all in the one transaction.

The lock (PostgreSQL: one transaction-level advisory lock; SQLite: BEGIN IMMEDIATE already is one) makes writers
take turns from the log entry to the commit, so entries become visible in `seq` order: a screen that polls
`audit_since(last seen)` never skips an entry that was still being committed with a lower number.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from typing import Any, Sequence

from app import safejson
from app.curation.db import POSTGRESQL, DamagedValue, Database, Tx, ddl, moment, optional, text, whole
from app.curation.judging_errors import AUDIT_DETAILS, TEXT_TOO_LONG, UNKNOWN_JUDGE
from app.curation.models import AuditEntry
from app.errors import InputError

log = logging.getLogger(__name__)

AUDIT_LOCK = 0x534D365F4155  # "SM6_AU": the one advisory lock id every audited write takes on PostgreSQL
MAX_AUDIT_PAGE = 10_000
MAX_DETAILS_CHARS = 1_000_000  # an advancing round lists its entries; nothing else comes near
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def new_op() -> str:
    return uuid.uuid4().hex


def strip_control(text: str) -> str:
    """`text` without control characters (tabs and line breaks stay), nor direction overrides that could make a
    name read differently from what it is."""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def plain_text(text: str, limit: int) -> str:
    """`strip_control(text)` without surrounding blanks; InputError past `limit` characters (refused rather than
    cut, so nothing typed is lost without a word)."""
    cleaned = strip_control(text).strip()
    if len(cleaned) > limit:
        raise InputError(TEXT_TOO_LONG(limit=limit, length=len(cleaned)))
    return cleaned


class AuditMixin:
    _db: Database
    _dialect: str

    @property
    def _now(self) -> str:
        """The database's clock as an SQL expression (one clock for every machine that shares a server)."""
        return ddl(self._dialect, "{now}")

    # --- the write discipline -----------------------------------------------------------------------------------

    def _begin_op(self, tx: Tx, op: str) -> bool:
        """Take the log's lock; True when `op` has not been written yet (False: this is a retry that committed)."""
        if self._dialect == POSTGRESQL:
            tx.query("SELECT pg_advisory_xact_lock(?)", (AUDIT_LOCK,))
        return not tx.query("SELECT 1 FROM audit WHERE op = ?", (op,))

    def _append(
        self,
        tx: Tx,
        op: str,
        action: str,
        *,
        by: int | None,
        round_id: int | None = None,
        entry: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if len(text) > MAX_DETAILS_CHARS:
            raise InputError(TEXT_TOO_LONG(limit=MAX_DETAILS_CHARS, length=len(text)))
        tx.execute(
            "INSERT INTO audit (op, judge_id, action, round_id, entry, details) VALUES (?, ?, ?, ?, ?, ?)",
            (op, by, action, round_id, entry, text),
        )

    def _require_judge(self, tx: Tx, judge_id: int | None) -> None:
        if judge_id is not None and not tx.query("SELECT 1 FROM judges WHERE id = ?", (judge_id,)):
            raise InputError(UNKNOWN_JUDGE())

    # --- the log ------------------------------------------------------------------------------------------------

    def audit_since(self, seq: int, limit: int = 1000) -> list[AuditEntry]:
        """Entries after `seq`, oldest first (at most `limit`)."""
        limit = max(1, min(int(limit), MAX_AUDIT_PAGE))
        rows = self._db.read(
            "SELECT seq, at, judge_id, action, round_id, entry, details FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
            (int(seq), limit),
        )
        with self._db.reading():
            return [
                AuditEntry(
                    seq=whole(s),
                    at=moment(at),
                    judge_id=optional(whole, judge),
                    action=text(action),
                    round_id=optional(whole, rnd),
                    entry=optional(whole, entry),
                    details=_details(d),
                )
                for s, at, judge, action, rnd, entry, d in rows
            ]

    def log(
        self,
        action: str,
        details: dict,
        *,
        by: int | None,
        round_id: int | None = None,
        entry: int | None = None,
    ) -> None:
        """Append what is not a score or a verdict (an import finished, an export, a payout reviewed)."""
        action = plain_text(action, 64)
        payload = dict(details)
        op = new_op()

        def work(tx: Tx) -> None:
            if self._begin_op(tx, op):
                self._require_judge(tx, by)
                self._append(tx, op, action, by=by, round_id=round_id, entry=entry, details=payload)

        self._db.write(work)


def _details(stored: Any) -> dict[str, Any]:
    """A stored entry's details; one that cannot be read is shown as what it is, never hidden."""
    try:
        return safejson.loads_object(text(stored), AUDIT_DETAILS())
    except (safejson.BadJSON, DamagedValue) as exc:
        log.warning("an audit entry's details are unreadable: %s", exc)
        return {"unreadable": repr(stored)[:200] if not isinstance(stored, str) else stored[:200]}


def chunks(values: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    """`IN (...)` lists short enough for either database."""
    return [values[i : i + size] for i in range(0, len(values), size)]
