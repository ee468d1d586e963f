"""Ranking a round as a curator sees it: fair to harsh and lenient judges, abstentions left out, ties shown and never
broken, and the judges' agreement measured."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest

from app.curation.models import ABSTAIN, CONFLICT, DEFAULT_CRITERIA, SCORED, Criterion, Verdict
from app.curation.ranking import agreement, standings, top, unscored, weighted_total

IDS = [c.id for c in DEFAULT_CRITERIA]


def scored(entry: int, judge: int, value: int | list[int], at: float = 0.0) -> Verdict:
    values = value if isinstance(value, list) else [value] * len(IDS)
    return Verdict(1, entry, judge, SCORED, dict(zip(IDS, values)), updated_at=at)


def order(ranking) -> list[int]:
    return [s.entry for s in ranking]


def test_weighted_total_normalises_the_weights_and_skips_an_unfinished_verdict():
    criteria = (Criterion("a", "A", 3), Criterion("b", "B", 1))
    assert weighted_total({"a": 5, "b": 1}, criteria) == pytest.approx(4.0)
    assert weighted_total(dict.fromkeys(IDS, 4), DEFAULT_CRITERIA) == pytest.approx(4.0)
    assert weighted_total({"a": 5}, criteria) is None
    assert weighted_total({"a": 5, "b": 9}, criteria) is None


def test_a_harsh_and_a_lenient_judge_rank_the_same_entries_the_same():
    harsh = [1, 2, 2, 3, 1]  # entries 10..14
    lenient = [3, 4, 4, 5, 3]  # the same opinion, two points kinder
    verdicts = [scored(10 + i, 1, v) for i, v in enumerate(harsh)] + [
        scored(10 + i, 2, v) for i, v in enumerate(lenient)
    ]
    ranking = standings(verdicts, DEFAULT_CRITERIA, entries=range(10, 15))
    assert order(ranking) == [13, 11, 12, 10, 14]
    assert [s.rank for s in ranking] == [1, 2, 2, 4, 4]  # competition ranking: ties share a rank
    assert [s.tied for s in ranking] == [False, True, True, True, True]
    # each judge alone gives the same z-scores, so one judge's leniency cannot lift an entry over another
    alone_harsh = standings(verdicts[:5], DEFAULT_CRITERIA, entries=range(10, 15))
    alone_lenient = standings(verdicts[5:], DEFAULT_CRITERIA, entries=range(10, 15))
    assert [s.total for s in alone_harsh] == pytest.approx([s.total for s in alone_lenient])
    assert ranking[0].raw_mean == pytest.approx(4.0) and ranking[0].judges == 2  # (3 + 5) / 2


def test_a_lenient_judge_alone_on_an_entry_does_not_carry_it_over_the_others():
    # judge 1 is harsh and gave entry 1 a 3, the best he gave; judge 2 gives 5s freely
    verdicts = [scored(1, 1, 3), scored(2, 1, 1), scored(3, 2, 5), scored(4, 2, 5), scored(5, 2, 4)]
    ranking = standings(verdicts, DEFAULT_CRITERIA, entries=[1, 2, 3, 4, 5])
    top_entries = {s.entry for s in ranking if s.rank == 1}
    assert top_entries == {1}  # z = 1.0 for judge 1's best, 0.707 for judge 2's best: raw 5s are not enough


def test_abstentions_conflicts_and_unfinished_verdicts_are_left_out():
    verdicts = [
        scored(1, 1, 5),
        scored(2, 1, 2),
        Verdict(1, 1, 2, CONFLICT),
        Verdict(1, 2, 2, ABSTAIN),
        Verdict(1, 3, 1, SCORED, {"sm6": 5, "originality": 5}),  # not every criterion: not counted
        scored(99, 1, 3),  # not an entry of this round
    ]
    ranking = standings(verdicts, DEFAULT_CRITERIA, entries=[1, 2, 3, 4])
    assert order(ranking) == [1, 2]
    assert all(s.judges == 1 for s in ranking)
    assert unscored([1, 2, 3, 4], verdicts, DEFAULT_CRITERIA) == [3, 4]


def test_a_judge_with_one_score_or_no_spread_neither_lifts_nor_sinks_anything():
    verdicts = [scored(1, 1, 5), scored(2, 2, 3), scored(3, 2, 3), scored(2, 3, 4), scored(3, 3, 2)]
    by_entry = {s.entry: s for s in standings(verdicts, DEFAULT_CRITERIA, entries=[1, 2, 3])}
    assert by_entry[1].total == 0.0  # judge 1 scored only entry 1
    assert by_entry[2].total == pytest.approx(0.5)  # judge 2 gave 3 and 3 (z 0, 0); judge 3's z: +1, -1
    assert by_entry[3].total == pytest.approx(-0.5)


def test_a_judges_latest_verdict_replaces_the_earlier_one():
    verdicts = [scored(1, 1, 1, at=1.0), scored(2, 1, 3, at=1.0), scored(1, 1, 5, at=2.0)]
    ranking = standings(verdicts, DEFAULT_CRITERIA, entries=[1, 2])
    assert order(ranking) == [1, 2] and ranking[0].raw_mean == pytest.approx(5.0) and ranking[0].judges == 1


def test_a_tie_at_the_cut_is_reported_whole_and_never_broken():
    values = [5, 4, 3, 3, 3, 2]  # entries 1..6: the 3rd to 5th places tie
    ranking = standings([scored(e, 1, v) for e, v in enumerate(values, 1)], DEFAULT_CRITERIA, entries=range(1, 7))
    assert [s.rank for s in ranking] == [1, 2, 3, 3, 3, 6]
    cut = top(ranking, 4)
    assert order(cut.advancing) == [1, 2]
    assert order(cut.tied_at_cut) == [3, 4, 5] and cut.seats == 2  # staff choose two of the three
    clean = top(ranking, 5)
    assert order(clean.advancing) == [1, 2, 3, 4, 5] and clean.tied_at_cut == () and clean.seats == 0
    assert order(top(ranking, 2).advancing) == [1, 2]
    assert len(top(ranking, 50).advancing) == 6 and top(ranking, 0).advancing == ()


def test_identical_judges_agree_perfectly_and_random_ones_barely():
    rng = random.Random(7)
    opinions = [[rng.randint(1, 5) for _ in IDS] for _ in range(40)]
    same = [scored(e, j, opinions[e]) for j in (1, 2, 3) for e in range(40)]
    result = agreement(same, DEFAULT_CRITERIA)
    assert result.alpha == pytest.approx(1.0) and result.judges == 3 and result.entries == 40
    assert dict(result.by_criterion)["craft"] == pytest.approx(1.0)
    noise = [scored(e, j, [rng.randint(1, 5) for _ in IDS]) for j in (1, 2, 3) for e in range(200)]
    assert abs(agreement(noise, DEFAULT_CRITERIA).alpha) < 0.2


def test_agreement_matches_krippendorffs_documented_example():
    # the krippendorff package's own example (interval level: 0.810845); a judge per row, NaN: not scored
    data = [
        [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
        [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
        [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
    ]
    criteria = (Criterion("only", "Only", 1.0),)
    verdicts = [
        Verdict(1, unit, judge, SCORED, {"only": value})
        for judge, row in enumerate(data)
        for unit, value in enumerate(row)
        if value is not None
    ]
    assert agreement(verdicts, criteria).alpha == pytest.approx(0.810845, abs=1e-6)


def test_agreement_on_weighted_totals_matches_the_package_on_random_rounds():
    rng = np.random.default_rng(3)
    scores = rng.integers(1, 6, size=(4, 60, len(IDS)))
    taken = rng.random((4, 60)) < 0.7
    verdicts = [scored(e, j, scores[j, e].tolist()) for j in range(4) for e in range(60) if taken[j, e]]
    totals = np.where(taken, scores @ np.array([c.weight for c in DEFAULT_CRITERIA]), np.nan)
    expected = krippendorff.alpha(reliability_data=totals, level_of_measurement="interval")
    assert agreement(verdicts, DEFAULT_CRITERIA).alpha == pytest.approx(expected, abs=1e-9)


def test_agreement_is_undefined_with_one_judge_or_nothing_shared():
    assert agreement([scored(1, 1, 3), scored(2, 1, 4)], DEFAULT_CRITERIA).alpha is None
    apart = agreement([scored(1, 1, 3), scored(2, 2, 4)], DEFAULT_CRITERIA)
    assert apart.alpha is None and apart.judges == 2 and apart.entries == 0
    assert agreement([], DEFAULT_CRITERIA).alpha is None


def test_a_round_of_100000_entries_ranks_in_one_pass():
    rng = np.random.default_rng(0)
    scores = rng.integers(1, 6, size=(2, 100_000, len(IDS))).tolist()
    verdicts = [Verdict(1, e, j, SCORED, dict(zip(IDS, scores[j][e]))) for j in range(2) for e in range(100_000)]
    ranking = standings(verdicts, DEFAULT_CRITERIA, entries=range(100_000))
    assert len(ranking) == 100_000 and ranking[0].rank == 1
    assert all(a.total >= b.total for a, b in zip(ranking, ranking[1:]))
    assert agreement(verdicts, DEFAULT_CRITERIA).entries == 100_000
