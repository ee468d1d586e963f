"""Listing the curation store's submissions for the gallery: keyset pages, newest (highest key) first, never OFFSET,
in exactly the shape `app/library/paging.py` builds its page index from.

An `EntryFilter` becomes one WHERE clause (`_where`): tests on the submission's row, EXISTS on tables keyed by
(round, entry) or (entry, ...), so walking keys downwards under a LIMIT stops after about a page. At 100,000
submissions a page of the gallery, or of a judge's "not judged by me", takes well under 5 ms on both databases;
what must look at every row (a word few entries have, a score range over a round) takes tens of milliseconds.
`scripts/curation_store_timing.py` measures it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.curation.models import CONFLICT, SCORED, EntryFilter, Submission

MAX_SEARCH_WORDS = 12  # more words than a person types; each is one LIKE over the row's search text
MAX_WORD_CHARS = 200

FLAG_DUPLICATE, FLAG_DISQUALIFIED, FLAG_SCORED, FLAG_CONFLICT, FLAG_COMMENTED = (
    "duplicate",
    "disqualified",
    "scored",
    "conflict",
    "commented",
)


class ListingMixin:
    _db: Any
    _dialect: str

    submissions: Callable[[Sequence[int]], list[Submission]]  # SubmissionsMixin's

    def page_keys(self, flt: EntryFilter, *, below: int | None = None, limit: int) -> list[int]:
        where, params = self._where(flt)
        if below is not None:
            where.append("s.key < ?")
            params.append(int(below))
        sql = f"SELECT s.key FROM submissions s WHERE {_joined(where)} ORDER BY s.key DESC LIMIT ?"
        return [int(r[0]) for r in self._db.read(sql, [*params, max(0, int(limit))])]

    def page(
        self, flt: EntryFilter, *, newest: int, older_than: int | None, limit: int
    ) -> list[tuple[int, Submission | None]]:
        """Rows with keys from `newest` down to (not including) `older_than`, at most `limit` of them."""
        # Keys first (the filter walks an index), then the rows by key: a planner that reaches a filter's rows
        # through another index (dates) then sorts only keys, never whole rows.
        where, params = self._where(flt)
        where.append("s.key <= ?")
        params.append(int(newest))
        if older_than is not None:
            where.append("s.key > ?")
            params.append(int(older_than))
        sql = f"SELECT s.key FROM submissions s WHERE {_joined(where)} ORDER BY s.key DESC LIMIT ?"
        keys = [int(r[0]) for r in self._db.read(sql, [*params, max(0, int(limit))])]
        found = {s.key: s for s in self.submissions(keys)}
        return [(key, found.get(key)) for key in keys]

    def count(self, flt: EntryFilter) -> int:
        where, params = self._where(flt)
        rows = self._db.read(f"SELECT COUNT(*) FROM submissions s WHERE {_joined(where)}", params)
        return int(rows[0][0]) if rows else 0

    def _where(self, flt: EntryFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if flt.state != "all":
            where.append("s.state = ?")
            params.append(flt.state)
        rnd = flt.round_id
        if rnd is not None:
            rows = self._db.read("SELECT takes_all FROM rounds WHERE id = ?", (int(rnd),))
            if not rows:
                where.append("1 = 0")  # a round that is not (or no longer) there has no entries
            elif rows[0][0]:
                where.append("s.state = 'ok' AND NOT EXISTS (SELECT 1 FROM disqualifications d WHERE d.entry = s.key)")
            else:
                where.append("s.key IN (SELECT r.entry FROM round_entries r WHERE r.round_id = ?)")
                params.append(int(rnd))
        in_round, round_params = ("v.round_id = ? AND ", [int(rnd)]) if rnd is not None else ("", [])
        if flt.not_judged_by is not None:
            where.append(f"NOT EXISTS (SELECT 1 FROM verdicts v WHERE {in_round}v.judge_id = ? AND v.entry = s.key)")
            params += [*round_params, int(flt.not_judged_by)]
        bounds = [(b, op) for b, op in ((flt.min_score, ">="), (flt.max_score, "<=")) if b is not None]
        if bounds:
            # The round's averages are made once (one pass over its verdicts), not once per listed row.
            having = " AND ".join(f"AVG(v.total) {op} ?" for _, op in bounds)
            where.append(
                f"s.key IN (SELECT v.entry FROM verdicts v WHERE {in_round}v.kind = ? AND v.total IS NOT NULL "
                f"GROUP BY v.entry HAVING {having})"
            )
            params += [*round_params, SCORED, *(float(b) for b, _ in bounds)]
        for flag in sorted(flt.flags):
            if flag == FLAG_DUPLICATE:
                where.append("s.duplicate_group IS NOT NULL")
            elif flag == FLAG_DISQUALIFIED:
                where.append("EXISTS (SELECT 1 FROM disqualifications d WHERE d.entry = s.key)")
            elif flag in (FLAG_SCORED, FLAG_CONFLICT):
                where.append(f"EXISTS (SELECT 1 FROM verdicts v WHERE {in_round}v.entry = s.key AND v.kind = ?)")
                params += [*round_params, SCORED if flag == FLAG_SCORED else CONFLICT]
            elif flag == FLAG_COMMENTED:
                where.append(f"EXISTS (SELECT 1 FROM verdicts v WHERE {in_round}v.entry = s.key AND v.comment <> '')")
                params += round_params
            else:
                where.append("1 = 0")  # a flag this version does not know: show nothing rather than everything
        if flt.trait is not None:
            where.append("EXISTS (SELECT 1 FROM traits t WHERE t.entry = s.key AND t.trait_type = ? AND t.value = ?)")
            params += [str(flt.trait[0]), str(flt.trait[1])]
        if flt.since is not None:
            where.append("s.when_at >= ?")
            params.append(float(flt.since))
        if flt.until is not None:
            where.append("s.when_at < ?")
            params.append(float(flt.until))
        for word in search_words(flt.search):
            where.append("s.search LIKE ? ESCAPE '\\'")
            params.append(f"%{_escaped(word)}%")
        return where, params


def search_words(text: str) -> list[str]:
    """The words every listed entry must contain, lower-cased as the store keeps its search text."""
    words = [w[:MAX_WORD_CHARS] for w in str(text or "").replace("\x00", "").lower().split()]
    return list(dict.fromkeys(words))[:MAX_SEARCH_WORDS]


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _joined(where: list[str]) -> str:
    return " AND ".join(f"({w})" for w in where) if where else "1 = 1"
