"""Ranking a round: weighted totals, per-judge z-scores, ties that are never broken silently, the cut for the next
round, and how far the judges agree (Krippendorff's alpha).

Pure functions over plain lists: the store gives them a round's verdicts and the workspace shows what they return.

Decisions, for staff who ask "why is this entry here":
- Only SCORED verdicts with a score for every criterion of the round count. An unfinished verdict, an abstention and
  a conflict of interest are left out; an entry with no counted verdict has no place (see `unscored`).
- Each judge's weighted totals are turned into z-scores over the entries that judge scored in the round, so a harsh
  and a lenient judge weigh the same. A judge who scored one entry, or gave every entry the same total, has no spread
  to measure: all of that judge's z-scores are 0 (the judge neither lifts nor sinks anything).
- An entry's total is the mean of its judges' z-scores. Totals equal within `TIE_TOLERANCE` are a tie: the entries
  share a rank (competition ranking: 1, 2, 2, 4) and are listed by entry key, which decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from app.curation.models import SCORE_MAX, SCORE_MIN, SCORED, Criterion, Standing, Verdict

TIE_TOLERANCE = 1e-9  # totals closer than this (relative to their size, at least absolute) are equal
_NO_SPREAD = 1e-12  # a judge whose totals' standard deviation is below this gave them all the same


@dataclass(frozen=True)
class Cut:
    """Who advances when the top `n` go on. `advancing` are in for sure; when the n-th place is tied with the next,
    the whole tie is in `tied_at_cut` and staff choose `seats` of them (never decided here)."""

    advancing: tuple[Standing, ...]
    tied_at_cut: tuple[Standing, ...] = ()
    seats: int = 0  # how many of `tied_at_cut` can still advance (0 when there is no tie at the cut)


@dataclass(frozen=True)
class Agreement:
    """Krippendorff's alpha (interval level) over the judges' weighted totals; None when it is not defined: fewer
    than 2 judges, no entry scored by two of them, or every total the same. `by_criterion` is the same per
    criterion id, on its 1-5 scores."""

    alpha: float | None
    judges: int  # judges with at least one counted verdict
    entries: int  # entries scored by at least two judges (the ones alpha is about)
    by_criterion: tuple[tuple[str, float | None], ...] = ()


def _weights(criteria: Sequence[Criterion]) -> np.ndarray | None:
    weights = np.array([c.weight for c in criteria], dtype=np.float64)
    if not len(weights) or not np.all(np.isfinite(weights)) or np.any(weights <= 0):
        return None
    return weights / weights.sum()


def weighted_total(scores: dict[str, int], criteria: Sequence[Criterion]) -> float | None:
    """The 1-5 weighted mean of one verdict's scores (weights normalised); None when a criterion has no score or a
    score is out of range, so an unfinished verdict is never counted as if it were complete."""
    weights = _weights(criteria)
    if weights is None:
        return None
    values = []
    for criterion in criteria:
        value = scores.get(criterion.id)
        if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
            return None
        values.append(value)
    return float(np.dot(weights, values))


@dataclass(frozen=True)
class _Counted:
    """The counted verdicts as columns: entry key, judge index, the criteria's scores (rows match)."""

    entries: np.ndarray  # int64
    judges: np.ndarray  # int64 indices into judge_ids
    judge_ids: np.ndarray
    scores: np.ndarray  # (rows, criteria) float64


def _counted(verdicts: Iterable[Verdict], criteria: Sequence[Criterion], only: Sequence[int] | None) -> _Counted:
    """SCORED verdicts with every criterion scored in range, of the entries in `only` (None: all); a judge's later
    verdict on the same entry replaces an earlier one (by `updated_at`). Columnar, because a round can hold 500,000
    verdicts: a missing score is read as 0, which the range check then leaves out."""
    ids = tuple(c.id for c in criteria)
    if not ids:
        empty = np.zeros(0, dtype=np.int64)
        return _Counted(empty, empty, empty, np.zeros((0, 0)))
    kept = [v for v in verdicts if v.kind == SCORED]
    flat = [v.scores.get(criterion, 0) for v in kept for criterion in ids]
    try:
        scores = np.array(flat, dtype=np.float64).reshape(len(kept), len(ids))
    except (TypeError, ValueError):  # a score that is not a number: read it as missing
        scores = np.array([x if _is_score(x) else 0 for x in flat], dtype=np.float64).reshape(len(kept), len(ids))
    entries = np.fromiter((v.entry for v in kept), dtype=np.int64, count=len(kept))
    judge_keys = np.fromiter((v.judge_id for v in kept), dtype=np.int64, count=len(kept))
    updated = np.fromiter((v.updated_at for v in kept), dtype=np.float64, count=len(kept))
    good = np.all((scores >= SCORE_MIN) & (scores <= SCORE_MAX) & (scores == np.round(scores)), axis=1)
    if only is not None:
        good &= np.isin(entries, np.fromiter(only, dtype=np.int64))
    entries, judge_keys, updated, scores = entries[good], judge_keys[good], updated[good], scores[good]
    # one verdict per (entry, judge): the latest, last in this order
    order = np.lexsort((updated, judge_keys, entries))
    entries_in_order, judges_in_order = entries[order], judge_keys[order]
    next_differs = (entries_in_order[1:] != entries_in_order[:-1]) | (judges_in_order[1:] != judges_in_order[:-1])
    keep = order[np.concatenate((next_differs, [True]))] if len(order) else order
    judge_ids, judges = np.unique(judge_keys[keep], return_inverse=True)
    return _Counted(entries[keep], judges.astype(np.int64).reshape(-1), judge_ids, scores[keep])


def _is_score(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _z_scores(totals: np.ndarray, judges: np.ndarray, judge_count: int) -> np.ndarray:
    counts = np.bincount(judges, minlength=judge_count).astype(np.float64)
    means = np.bincount(judges, weights=totals, minlength=judge_count) / np.maximum(counts, 1)
    centred = totals - means[judges]
    spread = np.sqrt(np.bincount(judges, weights=centred * centred, minlength=judge_count) / np.maximum(counts, 1))
    flat = spread < _NO_SPREAD  # one score, or all the same: no spread to measure, z = 0
    return np.where(flat[judges], 0.0, centred / np.where(flat, 1.0, spread)[judges])


def standings(verdicts: Sequence[Verdict], criteria: Sequence[Criterion], *, entries: Sequence[int]) -> list[Standing]:
    """The round's ranking, best first, of the `entries` that have at least one counted verdict (the others:
    `unscored`). `verdicts` are one round's."""
    weights = _weights(criteria)
    if weights is None:
        return []
    counted = _counted(verdicts, criteria, entries)
    if not len(counted.entries):
        return []
    raw = counted.scores @ weights
    z = _z_scores(raw, counted.judges, len(counted.judge_ids))
    keys, where = np.unique(counted.entries, return_inverse=True)
    judges = np.bincount(where, minlength=len(keys))
    totals = np.bincount(where, weights=z, minlength=len(keys)) / judges
    raw_means = np.bincount(where, weights=raw, minlength=len(keys)) / judges
    order = np.lexsort((keys, -totals))  # best total first; within a tie by entry key, which ranks nothing
    totals_sorted = totals[order]
    gap = np.abs(np.diff(totals_sorted))
    scale = np.maximum(1.0, np.maximum(np.abs(totals_sorted[1:]), np.abs(totals_sorted[:-1])))
    same_as_previous = np.concatenate(([False], gap <= TIE_TOLERANCE * scale))
    # competition ranking: a new rank is the 1-based position where a run of equal totals starts
    starts = np.where(~same_as_previous, np.arange(1, len(order) + 1), 0)
    ranks = np.maximum.accumulate(starts)
    tied = same_as_previous | np.concatenate((same_as_previous[1:], [False]))
    return [
        Standing(int(keys[i]), int(rank), float(totals[i]), float(raw_means[i]), int(judges[i]), bool(is_tied))
        for i, rank, is_tied in zip(order.tolist(), ranks.tolist(), tied.tolist())
    ]


def unscored(entries: Sequence[int], verdicts: Sequence[Verdict], criteria: Sequence[Criterion]) -> list[int]:
    """The `entries` (in the order given) with no counted verdict: they have no place in `standings`."""
    counted = set(_counted(verdicts, criteria, entries).entries.tolist())
    return [entry for entry in entries if entry not in counted]


def top(ranking: Sequence[Standing], n: int) -> Cut:
    """The first `n` of `standings(...)`. When the n-th place is tied with the (n+1)-th, the entries above the tie
    advance and the whole tie is reported with the seats left for it: staff decide, this never does."""
    if n <= 0 or not ranking:
        return Cut(())
    if n >= len(ranking) or ranking[n - 1].rank != ranking[n].rank:
        return Cut(tuple(ranking[:n]))
    rank = ranking[n - 1].rank
    advancing = tuple(s for s in ranking if s.rank < rank)
    tie = tuple(s for s in ranking if s.rank == rank)
    return Cut(advancing, tie, n - len(advancing))


def _alpha(values: np.ndarray, units: np.ndarray) -> float | None:
    """Krippendorff's alpha, interval metric, in closed form: O(values), where the `krippendorff` package builds a
    units x distinct-values matrix (gigabytes at 100,000 entries). The tests check both agree.

    D_o = 1/n sum_u 1/(m_u - 1) sum_{i != j in u} (v_i - v_j)^2 ; D_e = 1/(n(n - 1)) sum_{i != j} (v_i - v_j)^2 ;
    with sum_{i != j} (v_i - v_j)^2 = 2 (m sum v^2 - (sum v)^2), alpha = 1 - D_o / D_e."""
    _, where = np.unique(units, return_inverse=True)
    m = np.bincount(where)
    pairable = (m >= 2)[where]
    values, where = values[pairable], np.unique(where[pairable], return_inverse=True)[1]
    n = len(values)
    if n < 2:
        return None
    m = np.bincount(where).astype(np.float64)
    s1 = np.bincount(where, weights=values)
    s2 = np.bincount(where, weights=values * values)
    observed = np.sum(2.0 * (m * s2 - s1 * s1) / (m - 1.0)) / n
    expected = 2.0 * (n * np.sum(values * values) - np.sum(values) ** 2) / (n * (n - 1.0))
    if expected <= 1e-12 * max(1.0, float(np.mean(values * values))):
        return None  # every value the same: agreement is not defined
    return float(1.0 - observed / expected)


def agreement(verdicts: Sequence[Verdict], criteria: Sequence[Criterion]) -> Agreement:
    """How far the judges agree in one round (see `Agreement`), over the counted verdicts."""
    weights = _weights(criteria)
    counted = _counted(verdicts, criteria, None)
    judges = len(counted.judge_ids)
    if weights is None or not len(counted.entries):
        return Agreement(None, judges, 0)
    _, where, per_entry = np.unique(counted.entries, return_inverse=True, return_counts=True)
    shared = int(np.sum(per_entry >= 2))
    if judges < 2 or not shared:
        return Agreement(None, judges, shared)
    by_criterion = tuple((criterion.id, _alpha(counted.scores[:, i], where)) for i, criterion in enumerate(criteria))
    return Agreement(_alpha(counted.scores @ weights, where), judges, shared, by_criterion)
