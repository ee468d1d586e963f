"""A round's result in the curation store: the ranked winners and the lock, written in one transaction.

Two staff locking at once: the lock is `UPDATE rounds SET state = 'locked' WHERE id = ? AND state <> 'locked'`,
checked by its row count, so exactly one of them changes the row; the other is told who locked it and when. The
winners are checked inside the same transaction (in the round, not disqualified), so a failed check locks nothing.
"""

from __future__ import annotations

from typing import Sequence

from app.curation.db import Tx, whole
from app.curation.judging_errors import (
    NO_WINNERS,
    WINNER_DISQUALIFIED,
    WINNER_NOT_IN_ROUND,
    WINNER_RANKS,
    WINNER_TWICE,
)
from app.curation.models import Winner
from app.curation.store_audit import chunks, new_op
from app.curation.store_rounds import RoundsMixin
from app.errors import InputError


def valid_winners(winners: Sequence[Winner]) -> list[Winner]:
    """Ranks 1..n, each once; each entry once."""
    if not winners:
        raise InputError(NO_WINNERS())
    ranked = sorted(winners, key=lambda w: w.rank)
    if [w.rank for w in ranked] != list(range(1, len(ranked) + 1)):
        raise InputError(WINNER_RANKS())
    if len({w.entry for w in ranked}) != len(ranked):
        raise InputError(WINNER_TWICE())
    return [Winner(int(w.rank), int(w.entry)) for w in ranked]


class ResultsMixin(RoundsMixin):
    def lock_winners(self, round_id: int, winners: Sequence[Winner], *, by: int) -> None:
        """Record the ranked winners and lock the round; RoundLocked (who, when) if it is locked already."""
        ranked = valid_winners(winners)
        op = new_op()

        def work(tx: Tx) -> None:
            if not self._begin_op(tx, op):
                return
            self._require_judge(tx, by)
            rnd = self._round_in(tx.query, round_id)
            if not tx.execute("UPDATE rounds SET state = 'locked' WHERE id = ? AND state <> 'locked'", (rnd.id,)):
                raise self._already_locked(tx.query, rnd.id)
            self._check_winners(tx, rnd.id, rnd.takes_all, [w.entry for w in ranked])
            details = {"winners": [[w.rank, w.entry] for w in ranked], "previous": rnd.state}
            self._append(tx, op, "lock", by=by, round_id=rnd.id, details=details)
            tx.many(
                "INSERT INTO winners (round_id, rank, entry) VALUES (?, ?, ?)",
                [(rnd.id, w.rank, w.entry) for w in ranked],
            )

        self._db.write(work)

    def _check_winners(self, tx: Tx, round_id: int, takes_all: bool, entries: list[int]) -> None:
        for part in chunks(entries):
            marks = ", ".join("?" * len(part))
            if takes_all:
                sql = f"SELECT COUNT(*) FROM submissions WHERE state = 'ok' AND key IN ({marks})"
                inside = tx.query(sql, part)[0][0]
            else:
                sql = f"SELECT COUNT(*) FROM round_entries WHERE round_id = ? AND entry IN ({marks})"
                inside = tx.query(sql, (round_id, *part))[0][0]
            if inside != len(part):
                raise InputError(WINNER_NOT_IN_ROUND())
            if tx.query(f"SELECT COUNT(*) FROM disqualifications WHERE entry IN ({marks})", part)[0][0]:
                raise InputError(WINNER_DISQUALIFIED())

    def winners(self, round_id: int) -> list[Winner]:
        rows = self._db.read("SELECT rank, entry FROM winners WHERE round_id = ? ORDER BY rank", (int(round_id),))
        with self._db.reading():
            return [Winner(whole(r, 1), whole(e)) for r, e in rows]
