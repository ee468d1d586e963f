"""Judges, rounds and disqualification in the curation store (the write discipline: `store_audit.py`).

A round either takes every valid, not disqualified submission (`takes_all`: the first round, so late imports join
it without anyone re-creating it) or lists its entries (`round_entries`: what the round before advanced). Its rubric
is stored with it as JSON, so changing the defaults later never changes a round already judged.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Callable, Sequence

from app import safejson
from app.curation.db import Tx, moment, text, whole
from app.curation.judging_errors import (
    BAD_CRITERION,
    CRITERION_TWICE,
    DAMAGED_RUBRIC,
    DISQUALIFIED_ENTRIES,
    DQ_REASON,
    JUDGE_NAME,
    NO_CRITERIA,
    NO_ENTRIES,
    ROUND_IS_LOCKED,
    ROUND_LOCKED_AT,
    ROUND_LOCKED_BY,
    ROUND_NAME,
    ROUND_RUBRIC,
    ROUND_STATE,
    UNKNOWN_ENTRIES,
    UNKNOWN_ENTRY,
    UNKNOWN_ROUND,
    RoundLocked,
)
from app.curation.models import (
    DQ_REASONS,
    ROUND_CLOSED,
    ROUND_LOCKED,
    ROUND_OPEN,
    Criterion,
    Disqualification,
    Judge,
    Round,
)
from app.curation.store_audit import AuditMixin, chunks, new_op, plain_text, strip_control
from app.errors import InputError, UserFacingError

MAX_JUDGE_NAME = 100
MAX_ROUND_NAME = 200
MAX_LABEL = 200
MAX_CRITERIA = 20
MAX_NOTE = 2_000
ROUND_STATES = (ROUND_OPEN, ROUND_CLOSED, ROUND_LOCKED)
_STATE_ACTIONS = {ROUND_OPEN: "round.open", ROUND_CLOSED: "round.close", ROUND_LOCKED: "lock"}

Query = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]  # tx.query inside a write, Database.read outside

ROUND_COLUMNS = "id, name, position, blind, state, criteria, created_at, takes_all"
# Every valid submission that is not disqualified: who a takes_all round judges.
TAKES_ALL_SQL = (
    "SELECT key FROM submissions s WHERE s.state = 'ok'"
    " AND NOT EXISTS (SELECT 1 FROM disqualifications d WHERE d.entry = s.key)"
)


def one_line(text: str) -> str:
    return " ".join(strip_control(text).split())


def valid_criteria(criteria: Sequence[Criterion]) -> tuple[Criterion, ...]:
    """The rubric as stored: ids unique and non-empty, labels on one line, weights finite and above 0."""
    if not criteria:
        raise InputError(NO_CRITERIA())
    if len(criteria) > MAX_CRITERIA:
        raise InputError(BAD_CRITERION(limit=MAX_LABEL))
    cleaned = []
    for c in criteria:
        ident, label = one_line(c.id), one_line(c.label)
        weight = c.weight
        numeric = isinstance(weight, (int, float)) and not isinstance(weight, bool)
        if not ident or len(ident) > 64 or not label or len(label) > MAX_LABEL or not numeric:
            raise InputError(BAD_CRITERION(limit=MAX_LABEL))
        if not math.isfinite(weight) or weight <= 0:
            raise InputError(BAD_CRITERION(limit=MAX_LABEL))
        cleaned.append(Criterion(ident, label, float(weight)))
    if len({c.id for c in cleaned}) != len(cleaned):
        raise InputError(CRITERION_TWICE())
    return tuple(cleaned)


def _rubric(stored: Any) -> tuple[Criterion, ...]:
    try:
        items = safejson.loads(text(stored), ROUND_RUBRIC())
        rubric = tuple(Criterion(str(i["id"]), str(i["label"]), float(i["weight"])) for i in items)
        if not rubric or not all(math.isfinite(c.weight) and c.weight > 0 for c in rubric):
            raise ValueError("a weight that is not above 0, or no criteria")  # no rubric valid_criteria lets in
        return rubric
    except (safejson.BadJSON, TypeError, KeyError, ValueError) as exc:
        raise UserFacingError(DAMAGED_RUBRIC(), details=str(exc)) from exc


def round_from_row(row: tuple[Any, ...]) -> Round:
    rid, name, position, blind, state, criteria, created_at, takes_all = row
    return Round(
        id=whole(rid),
        name=text(name),
        position=whole(position),
        blind=bool(whole(blind)),
        state=text(state),
        criteria=_rubric(criteria),
        created_at=moment(created_at),
        takes_all=bool(whole(takes_all)),
    )


class RoundsMixin(AuditMixin):
    # --- judges -------------------------------------------------------------------------------------------------

    def add_judge(self, name: str) -> Judge:
        """The judge of this name, added when new (names are compared after blanks are tidied)."""
        clean = one_line(name)
        if not clean or len(clean) > MAX_JUDGE_NAME:
            raise InputError(JUDGE_NAME(limit=MAX_JUDGE_NAME))
        op = new_op()

        def work(tx: Tx) -> Judge:
            self._begin_op(tx, op)  # for the lock only: a name added twice is one judge anyway
            added = tx.execute("INSERT INTO judges (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (clean,))
            jid, jname, created = tx.query("SELECT id, name, created_at FROM judges WHERE name = ?", (clean,))[0]
            if added:
                self._append(tx, op, "judge.add", by=int(jid), details={"name": clean})
            return Judge(int(jid), text(jname), moment(created))

        return self._db.write(work)

    def judges(self) -> list[Judge]:
        rows = self._db.read("SELECT id, name, created_at FROM judges ORDER BY id")
        with self._db.reading():
            return [Judge(whole(j), text(n), moment(c)) for j, n, c in rows]

    # --- rounds -------------------------------------------------------------------------------------------------

    def create_round(
        self,
        name: str,
        *,
        criteria: Sequence[Criterion],
        blind: bool,
        entries: Sequence[int] | None,
        by: int | None,
    ) -> Round:
        """The next round (position: last + 1). entries=None: it takes every valid, not disqualified submission;
        else exactly these (what the round before advanced), each a valid submission that is not disqualified."""
        clean = one_line(name)
        if not clean or len(clean) > MAX_ROUND_NAME:
            raise InputError(ROUND_NAME(limit=MAX_ROUND_NAME))
        rubric = valid_criteria(criteria)
        keys = None if entries is None else sorted({int(e) for e in entries})
        if keys is not None and not keys:
            raise InputError(NO_ENTRIES())
        criteria = [{"id": c.id, "label": c.label, "weight": c.weight} for c in rubric]
        stored = json.dumps(criteria, ensure_ascii=False)
        op = new_op()

        def work(tx: Tx) -> Round:
            if not self._begin_op(tx, op):
                return self._round_in(tx.query, tx.query("SELECT round_id FROM audit WHERE op = ?", (op,))[0][0])
            self._require_judge(tx, by)
            if keys is not None:
                self._check_advancing(tx, keys)
            position = tx.query("SELECT COALESCE(MAX(position), 0) + 1 FROM rounds")[0][0]
            rid = tx.query(
                "INSERT INTO rounds (name, position, blind, criteria, takes_all) VALUES (?, ?, ?, ?, ?) RETURNING id",
                (clean, position, int(bool(blind)), stored, int(keys is None)),
            )[0][0]
            if keys is not None:
                tx.many("INSERT INTO round_entries (round_id, entry) VALUES (?, ?)", [(rid, k) for k in keys])
            details = {"name": clean, "blind": bool(blind), "criteria": criteria, "takes_all": keys is None}
            if keys is not None:
                details["entries"] = keys
            self._append(tx, op, "round.create" if keys is None else "advance", by=by, round_id=rid, details=details)
            return self._round_in(tx.query, rid)

        return self._db.write(work)

    def _check_advancing(self, tx: Tx, keys: list[int]) -> None:
        found = disqualified = 0
        for part in chunks(keys):
            marks = ", ".join("?" * len(part))
            found += tx.query(f"SELECT COUNT(*) FROM submissions WHERE state = 'ok' AND key IN ({marks})", part)[0][0]
            disqualified += tx.query(f"SELECT COUNT(*) FROM disqualifications WHERE entry IN ({marks})", part)[0][0]
        if found != len(keys):
            raise InputError(UNKNOWN_ENTRIES(count=len(keys) - found))
        if disqualified:
            raise InputError(DISQUALIFIED_ENTRIES(count=disqualified))

    def _round_in(self, query: Query, round_id: int) -> Round:
        rows = query(f"SELECT {ROUND_COLUMNS} FROM rounds WHERE id = ?", (int(round_id),))
        if not rows:
            raise InputError(UNKNOWN_ROUND())
        with self._db.reading():
            return round_from_row(rows[0])

    def rounds(self) -> list[Round]:
        rows = self._db.read(f"SELECT {ROUND_COLUMNS} FROM rounds ORDER BY position, id")
        with self._db.reading():
            return [round_from_row(r) for r in rows]

    def round(self, round_id: int) -> Round | None:
        rows = self._db.read(f"SELECT {ROUND_COLUMNS} FROM rounds WHERE id = ?", (int(round_id),))
        with self._db.reading():
            return round_from_row(rows[0]) if rows else None

    def round_entries(self, round_id: int) -> list[int]:
        """The round's entries by key. A takes_all round's are computed now: late imports are in, disqualified
        entries are out. A listed round keeps its entries; a disqualified one stays listed but cannot be scored."""
        rnd = self._round_in(self._db.read, round_id)
        if rnd.takes_all:
            return [int(k) for (k,) in self._db.read(TAKES_ALL_SQL + " ORDER BY key")]
        rows = self._db.read("SELECT entry FROM round_entries WHERE round_id = ? ORDER BY entry", (rnd.id,))
        with self._db.reading():
            return [whole(k) for (k,) in rows]

    def set_round_state(self, round_id: int, state: str, *, by: int | None) -> Round:
        """open ⇄ closed, and either → locked; a locked round is final (RoundLocked)."""
        if state not in ROUND_STATES:
            raise InputError(ROUND_STATE())
        op = new_op()

        def work(tx: Tx) -> Round:
            new = self._begin_op(tx, op)
            current = self._round_in(tx.query, round_id)
            if not new:
                return current
            self._require_judge(tx, by)
            if current.state == ROUND_LOCKED:
                raise self._already_locked(tx.query, current.id)
            if current.state == state:
                return current
            tx.execute("UPDATE rounds SET state = ? WHERE id = ? AND state <> 'locked'", (state, current.id))
            details = {"state": state, "previous": current.state}
            self._append(tx, op, _STATE_ACTIONS[state], by=by, round_id=current.id, details=details)
            return replace(current, state=state)

        return self._db.write(work)

    def _already_locked(self, query: Query, round_id: int) -> RoundLocked:
        """Who locked the round and when, as the person who tried to lock it again is told."""
        rows = query(
            "SELECT a.at, j.name FROM audit a LEFT JOIN judges j ON j.id = a.judge_id"
            " WHERE a.round_id = ? AND a.action = 'lock' ORDER BY a.seq DESC LIMIT 1",
            (round_id,),
        )
        if not rows:
            return RoundLocked(ROUND_IS_LOCKED())
        when = datetime.fromtimestamp(moment(rows[0][0]), UTC)
        if rows[0][1]:
            return RoundLocked(ROUND_LOCKED_BY(judge=text(rows[0][1]), moment=when))
        return RoundLocked(ROUND_LOCKED_AT(moment=when))

    # --- disqualification ---------------------------------------------------------------------------------------

    def disqualify(self, entry: int, reason: str, note: str, *, by: int) -> Disqualification:
        """Disqualify `entry` (again: the new reason and note replace the old). It leaves takes_all rounds and
        cannot be scored until requalified; its scores stay, for the record."""
        if reason not in DQ_REASONS:
            raise InputError(DQ_REASON())
        clean = plain_text(note or "", MAX_NOTE)
        entry = int(entry)
        op = new_op()

        def work(tx: Tx) -> Disqualification:
            if self._begin_op(tx, op):
                self._require_judge(tx, by)
                if not tx.query("SELECT 1 FROM submissions WHERE key = ?", (entry,)):
                    raise InputError(UNKNOWN_ENTRY())
                before = tx.query("SELECT reason FROM disqualifications WHERE entry = ?", (entry,))
                details = {"reason": reason, "note": clean, "previous": before[0][0] if before else None}
                self._append(tx, op, "disqualify", by=by, entry=entry, details=details)
                tx.execute(
                    "INSERT INTO disqualifications (entry, reason, note, judge_id, at)"
                    f" VALUES (?, ?, ?, ?, {self._now}) ON CONFLICT (entry) DO UPDATE SET reason = excluded.reason,"
                    " note = excluded.note, judge_id = excluded.judge_id, at = excluded.at",
                    (entry, reason, clean, by),
                )
            rows = tx.query("SELECT reason, note, judge_id, at FROM disqualifications WHERE entry = ?", (entry,))
            if not rows:  # a retry that had committed, and the entry was requalified since
                return Disqualification(entry, reason, clean, by, 0.0)
            r, n, j, at = rows[0]
            return Disqualification(entry, r, n, j, float(at))

        return self._db.write(work)

    def requalify(self, entry: int, *, by: int) -> None:
        """Undo a disqualification (nothing happens to an entry that is not disqualified)."""
        entry = int(entry)
        op = new_op()

        def work(tx: Tx) -> None:
            if not self._begin_op(tx, op):
                return
            self._require_judge(tx, by)
            before = tx.query("SELECT reason, note FROM disqualifications WHERE entry = ?", (entry,))
            if not before:
                return
            details = {"previous": before[0][0], "note": before[0][1]}
            self._append(tx, op, "requalify", by=by, entry=entry, details=details)
            tx.execute("DELETE FROM disqualifications WHERE entry = ?", (entry,))

        self._db.write(work)
