"""The judging half of the curation store: scores and verdicts here; judges, rounds and disqualification in
`store_rounds.py`; winners and the lock in `store_results.py`; the audit log and the write discipline (operation
ids, the log's lock) in `store_audit.py`.

A score is one criterion's 1-5 of one judge for one entry in one round. Saving it upserts the judge's verdict
(SCORED) and the score, recomputes `verdicts.total` (the weighted mean over the round's rubric once every criterion
is scored, else NULL: the score filter reads it) and appends the audit entry, in one transaction.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from app.curation.db import DamagedValue, Tx, moment, text, whole
from app.curation.judging_errors import (
    DISQUALIFIED,
    NOT_IN_ROUND,
    ROUND_IS_CLOSED,
    ROUND_IS_LOCKED,
    SCORE_RANGE,
    UNKNOWN_CRITERION,
    UNKNOWN_JUDGE,
    UNKNOWN_ROUND,
    VERDICT_KIND,
    RoundClosed,
    RoundLocked,
)
from app.curation.models import (
    ABSTAIN,
    CONFLICT,
    ROUND_CLOSED,
    ROUND_LOCKED,
    SCORE_MAX,
    SCORE_MIN,
    SCORED,
    Round,
    Verdict,
)
from app.curation.ranking import weighted_total
from app.curation.store_audit import new_op, plain_text
from app.curation.store_results import ResultsMixin
from app.curation.store_rounds import ROUND_COLUMNS, Query, round_from_row
from app.errors import InputError

__all__ = ["JudgingMixin", "RoundClosed", "RoundLocked"]

MAX_COMMENT = 2_000
VERDICT_KINDS = (SCORED, ABSTAIN, CONFLICT)

# Verdicts with their scores, one row per score (a verdict without scores: one row with NULLs).
_VERDICTS_SQL = (
    "SELECT v.entry, v.judge_id, v.kind, v.comment, v.updated_at, s.criterion, s.value FROM verdicts v"
    " LEFT JOIN scores s ON s.round_id = v.round_id AND s.entry = v.entry AND s.judge_id = v.judge_id"
    " WHERE v.round_id = ?"
)


def _verdicts(round_id: int, rows: list[tuple[Any, ...]]) -> list[Verdict]:
    out = []
    for (entry, judge), group in groupby(rows, key=lambda r: (r[0], r[1])):
        scores: dict[str, int] = {}
        for row in group:
            kind, comment, updated = row[2], row[3], row[4]
            if row[5] is not None:
                scores[text(row[5])] = score_value(row[6])
        out.append(Verdict(round_id, whole(entry), whole(judge), text(kind), scores, text(comment), moment(updated)))
    return out


def score_value(value: Any) -> int:
    """A stored score: 1 to 5, as the table's CHECK keeps it (a file whose schema was edited may not)."""
    score = whole(value)
    if not 1 <= score <= 5:
        raise DamagedValue(f"a score outside 1-5: {score}")
    return score


class JudgingMixin(ResultsMixin):
    def score(self, round_id: int, entry: int, judge_id: int, criterion: str, value: int) -> Verdict:
        """Set one criterion's score; the verdict becomes SCORED. Returns the judge's verdict now."""
        if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
            raise InputError(SCORE_RANGE(low=SCORE_MIN, high=SCORE_MAX))
        round_id, entry, judge_id = int(round_id), int(entry), int(judge_id)
        op = new_op()

        def work(tx: Tx) -> Verdict:
            if not self._begin_op(tx, op):
                return self._verdict_in(tx.query, round_id, entry, judge_id)
            rnd = self._judgeable(tx, round_id, entry, judge_id)
            if criterion not in {c.id for c in rnd.criteria}:
                raise InputError(UNKNOWN_CRITERION())
            before = self._verdict_in(tx.query, round_id, entry, judge_id)
            scores = dict(before.scores) if before else {}
            previous = scores.get(criterion)
            scores[criterion] = value
            details = {"criterion": criterion, "value": value, "previous": previous}
            self._append(tx, op, "score", by=judge_id, round_id=round_id, entry=entry, details=details)
            total = weighted_total(scores, rnd.criteria)
            updated = tx.query(
                "INSERT INTO verdicts (round_id, entry, judge_id, kind, total, updated_at)"
                f" VALUES (?, ?, ?, 'scored', ?, {self._now}) ON CONFLICT (round_id, entry, judge_id) DO UPDATE"
                " SET kind = 'scored', total = excluded.total, updated_at = excluded.updated_at RETURNING updated_at",
                (round_id, entry, judge_id, total),
            )[0][0]
            tx.execute(
                "INSERT INTO scores (round_id, entry, judge_id, criterion, value) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (round_id, entry, judge_id, criterion) DO UPDATE SET value = excluded.value",
                (round_id, entry, judge_id, criterion, value),
            )
            comment = before.comment if before else ""
            return Verdict(round_id, entry, judge_id, SCORED, scores, comment, float(updated))

        return self._db.write(work)

    def clear_score(self, round_id: int, entry: int, judge_id: int, criterion: str) -> Verdict | None:
        """Take one criterion's score back (the verdict stays, unfinished: it no longer counts in the ranking until
        the criterion is scored again). Returns the judge's verdict now."""
        round_id, entry, judge_id = int(round_id), int(entry), int(judge_id)
        op = new_op()

        def work(tx: Tx) -> Verdict | None:
            if not self._begin_op(tx, op):
                return self._verdict_in(tx.query, round_id, entry, judge_id)
            rnd = self._judgeable(tx, round_id, entry, judge_id)
            before = self._verdict_in(tx.query, round_id, entry, judge_id)
            if before is None or criterion not in before.scores:
                return before
            scores = {k: v for k, v in before.scores.items() if k != criterion}
            details = {"criterion": criterion, "value": None, "previous": before.scores[criterion]}
            self._append(tx, op, "score", by=judge_id, round_id=round_id, entry=entry, details=details)
            tx.execute(
                "DELETE FROM scores WHERE round_id = ? AND entry = ? AND judge_id = ? AND criterion = ?",
                (round_id, entry, judge_id, criterion),
            )
            updated = tx.query(
                f"UPDATE verdicts SET total = ?, updated_at = {self._now}"
                " WHERE round_id = ? AND entry = ? AND judge_id = ? RETURNING updated_at",
                (weighted_total(scores, rnd.criteria), round_id, entry, judge_id),
            )[0][0]
            return Verdict(round_id, entry, judge_id, before.kind, scores, before.comment, float(updated))

        return self._db.write(work)

    def set_verdict(self, round_id: int, entry: int, judge_id: int, kind: str, comment: str | None = None) -> Verdict:
        """ABSTAIN or CONFLICT (the scores stay, left out of ranking) or back to SCORED; `comment` replaces the
        comment when given (None keeps it). A call that changes nothing writes nothing."""
        if kind not in VERDICT_KINDS:
            raise InputError(VERDICT_KIND())
        text = None if comment is None else plain_text(comment, MAX_COMMENT)
        round_id, entry, judge_id = int(round_id), int(entry), int(judge_id)
        op = new_op()

        def work(tx: Tx) -> Verdict:
            if not self._begin_op(tx, op):
                found = self._verdict_in(tx.query, round_id, entry, judge_id)
                return found or Verdict(round_id, entry, judge_id, kind, {}, text or "")
            self._judgeable(tx, round_id, entry, judge_id)
            before = self._verdict_in(tx.query, round_id, entry, judge_id)
            old_kind, old_comment = (before.kind, before.comment) if before else (SCORED, "")
            new_comment = old_comment if text is None else text
            if (kind, new_comment) == (old_kind, old_comment):
                return before or Verdict(round_id, entry, judge_id, kind, {}, new_comment)
            details: dict[str, Any] = {"kind": kind, "previous_kind": old_kind if before else None}
            if new_comment != old_comment:
                details.update(comment=new_comment, previous_comment=old_comment)
            action = "verdict" if kind != old_kind else "comment"
            self._append(tx, op, action, by=judge_id, round_id=round_id, entry=entry, details=details)
            updated = tx.query(
                "INSERT INTO verdicts (round_id, entry, judge_id, kind, comment, updated_at)"
                f" VALUES (?, ?, ?, ?, ?, {self._now}) ON CONFLICT (round_id, entry, judge_id) DO UPDATE"
                " SET kind = excluded.kind, comment = excluded.comment, updated_at = excluded.updated_at"
                " RETURNING updated_at",
                (round_id, entry, judge_id, kind, new_comment),
            )[0][0]
            scores = dict(before.scores) if before else {}
            return Verdict(round_id, entry, judge_id, kind, scores, new_comment, float(updated))

        return self._db.write(work)

    def _judgeable(self, tx: Tx, round_id: int, entry: int, judge_id: int) -> Round:
        """The round, when this judge may judge this entry in it now; else the plain reason why not."""
        rows = tx.query(
            f"SELECT {ROUND_COLUMNS}, (SELECT COUNT(*) FROM judges WHERE id = ?),"
            " (SELECT COUNT(*) FROM submissions WHERE key = ? AND state = 'ok'),"
            " (SELECT COUNT(*) FROM round_entries WHERE round_id = ? AND entry = ?),"
            " (SELECT COUNT(*) FROM disqualifications WHERE entry = ?) FROM rounds WHERE id = ?",
            (judge_id, entry, round_id, entry, entry, round_id),
        )
        if not rows:
            raise InputError(UNKNOWN_ROUND())
        with self._db.reading():
            rnd = round_from_row(rows[0][:-4])
        if rnd.state == ROUND_LOCKED:
            raise RoundLocked(ROUND_IS_LOCKED())
        if rnd.state == ROUND_CLOSED:
            raise RoundClosed(ROUND_IS_CLOSED())
        judge_known, valid, listed, disqualified = (int(v) for v in rows[0][-4:])
        if not judge_known:
            raise InputError(UNKNOWN_JUDGE())
        if not valid or not (rnd.takes_all or listed):
            raise InputError(NOT_IN_ROUND())
        if disqualified:
            raise InputError(DISQUALIFIED())
        return rnd

    def _verdict_in(self, query: Query, round_id: int, entry: int, judge_id: int) -> Verdict | None:
        rows = query(_VERDICTS_SQL + " AND v.entry = ? AND v.judge_id = ?", (round_id, entry, judge_id))
        with self._db.reading():
            found = _verdicts(round_id, rows)
        return found[0] if found else None

    def verdict(self, round_id: int, entry: int, judge_id: int) -> Verdict | None:
        return self._verdict_in(self._db.read, int(round_id), int(entry), int(judge_id))

    def verdicts(self, round_id: int) -> list[Verdict]:
        """Every judge's verdict in the round, by judge then entry: one query, whatever the round's size (the
        scores come back as one column per criterion of the rubric, so 100,000 entries × 5 judges is 500,000 rows,
        not 2,000,000). An unknown round has none."""
        rnd = self.round(round_id)
        if rnd is None:
            return []
        ids = [c.id for c in rnd.criteria]
        columns = ", ".join("MAX(CASE WHEN s.criterion = ? THEN s.value END)" for _ in ids)
        rows = self._db.read(
            f"SELECT v.entry, v.judge_id, v.kind, v.comment, v.updated_at, {columns} FROM verdicts v"
            " LEFT JOIN scores s ON s.round_id = v.round_id AND s.entry = v.entry AND s.judge_id = v.judge_id"
            " WHERE v.round_id = ? GROUP BY v.round_id, v.judge_id, v.entry ORDER BY v.judge_id, v.entry",
            (*ids, rnd.id),
        )
        with self._db.reading():
            return [
                Verdict(
                    rnd.id,
                    whole(entry),
                    whole(judge),
                    text(kind),
                    {c: score_value(value) for c, value in zip(ids, values) if value is not None},
                    text(comment),
                    moment(updated),
                )
                for entry, judge, kind, comment, updated, *values in rows
            ]
