"""The curation store's judging half on SQLite and on a real PostgreSQL server: judges, rounds with their rubric,
scores and verdicts, disqualification, advancing, the locked result, and the audit log that records each step."""

from __future__ import annotations

import math

import pytest

from app.curation.judging_errors import RoundClosed, RoundLocked
from app.curation.models import (
    ABSTAIN,
    CONFLICT,
    DEFAULT_CRITERIA,
    DQ_DUPLICATE,
    ROUND_CLOSED,
    ROUND_LOCKED,
    ROUND_OPEN,
    SCORED,
    UNREADABLE_IMAGE,
    Candidate,
    Criterion,
    EntryFilter,
    Problem,
    Winner,
)
from app.errors import InputError, UserFacingError
from app.messages import Msg
from app.storage_errors import StorageFailure
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases

BROKEN = Msg("tests.judging.broken", "The picture could not be read.")
CRITERIA = tuple(c.id for c in DEFAULT_CRITERIA)


def add_entries(store, count: int, *, bad: int = 0) -> list[int]:
    """`count` valid submissions (and `bad` kept aside); the valid ones' keys."""
    items = [Candidate(source_key=f"file:{i:064x}", source="folder", origin=f"entry-{i}.png") for i in range(count)]
    items += [
        Candidate(
            source_key=f"file:bad{i}",
            source="folder",
            origin=f"bad-{i}.png",
            problem=Problem(UNREADABLE_IMAGE, BROKEN()),
        )
        for i in range(bad)
    ]
    store.add(items)
    return sorted(store.page_keys(EntryFilter(), limit=count + 1))


def score_all(store, round_id, entry, judge, value) -> None:
    for criterion in CRITERIA:
        store.score(round_id, entry, judge, criterion, value)


def stored_total(store, round_id, entry, judge):
    rows = store._db.read(
        "SELECT total FROM verdicts WHERE round_id = ? AND entry = ? AND judge_id = ?", (round_id, entry, judge)
    )
    return rows[0][0]


def test_a_small_campaign_from_long_list_to_locked_winners(store):
    keys = add_entries(store, 6, bad=1)
    assert len(keys) == 6  # the one kept aside is judged in no round
    ana, bo, cy = (store.add_judge(n).id for n in ("Ana", "Bo", "Cy"))
    assert store.add_judge("  Ana ").id == ana
    assert [j.name for j in store.judges()] == ["Ana", "Bo", "Cy"]

    long_list = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=True, entries=None, by=ana)
    assert (long_list.position, long_list.state, long_list.blind, long_list.takes_all) == (1, ROUND_OPEN, True, True)
    assert long_list.criteria == DEFAULT_CRITERIA
    assert store.round_entries(long_list.id) == keys

    for value, entry in zip((5, 4, 3, 2, 1, 3), keys):
        score_all(store, long_list.id, entry, ana, value)
        score_all(store, long_list.id, entry, bo, max(1, value - 1))
    verdict = store.score(long_list.id, keys[0], cy, "sm6", 4)
    assert (verdict.kind, verdict.scores) == (SCORED, {"sm6": 4})
    assert stored_total(store, long_list.id, keys[0], cy) is None  # unfinished: not counted as if complete
    assert stored_total(store, long_list.id, keys[0], ana) == pytest.approx(5.0)
    store.score(long_list.id, keys[0], ana, "description", 1)  # Ana changes her mind on one criterion
    assert stored_total(store, long_list.id, keys[0], ana) == pytest.approx(0.85 * 5 + 0.15 * 1)

    abstained = store.set_verdict(long_list.id, keys[1], cy, ABSTAIN)
    conflict = store.set_verdict(long_list.id, keys[2], cy, CONFLICT, "My cousin's entry")
    assert (abstained.kind, conflict.kind, conflict.comment) == (ABSTAIN, CONFLICT, "My cousin's entry")
    first_word = store.set_verdict(long_list.id, keys[3], cy, SCORED, "Looks more like a Talisman")
    assert (first_word.kind, first_word.scores, first_word.comment) == (SCORED, {}, "Looks more like a Talisman")
    commented = store.set_verdict(long_list.id, keys[0], ana, SCORED, "Faithful\x07 grille,\r\nlovely light")
    assert commented.comment == "Faithful grille,\nlovely light"
    assert commented.scores["description"] == 1  # a comment keeps the scores

    store.disqualify(keys[5], DQ_DUPLICATE, "Same picture as another entry", by=bo)
    assert keys[5] not in store.round_entries(long_list.id)
    with pytest.raises(InputError) as refused:
        store.score(long_list.id, keys[5], ana, "sm6", 5)
    assert refused.value.message.startswith("This entry is disqualified")
    store.requalify(keys[5], by=ana)
    assert store.round_entries(long_list.id) == keys
    store.score(long_list.id, keys[5], ana, "sm6", 5)

    everything = store.verdicts(long_list.id)
    assert len(everything) == 6 * 2 + 4
    by_judge = {(v.entry, v.judge_id): v for v in everything}
    assert by_judge[(keys[2], cy)].kind == CONFLICT
    assert by_judge[(keys[3], bo)].scores == dict.fromkeys(CRITERIA, 1)
    assert store.verdict(long_list.id, keys[1], cy).kind == ABSTAIN

    closed = store.set_round_state(long_list.id, ROUND_CLOSED, by=ana)
    assert closed.state == ROUND_CLOSED
    with pytest.raises(RoundClosed):
        store.score(long_list.id, keys[0], bo, "sm6", 2)

    short_list = store.create_round(
        "Short list", criteria=DEFAULT_CRITERIA[:2], blind=False, entries=[keys[2], keys[0], keys[1]], by=ana
    )
    assert (short_list.position, short_list.takes_all) == (2, False)
    assert store.round_entries(short_list.id) == sorted([keys[0], keys[1], keys[2]])
    with pytest.raises(InputError) as refused:
        store.score(short_list.id, keys[4], ana, "sm6", 3)
    assert refused.value.message == "This entry is not part of this round, so it cannot be judged in it."
    with pytest.raises(InputError):
        store.score(short_list.id, keys[0], ana, "craft", 3)  # not in this round's rubric
    for entry, value in ((keys[0], 5), (keys[1], 4), (keys[2], 3)):
        store.score(short_list.id, entry, bo, "sm6", value)
        store.score(short_list.id, entry, bo, "originality", value)
    assert [r.name for r in store.rounds()] == ["Long list", "Short list"]

    store.lock_winners(short_list.id, [Winner(2, keys[1]), Winner(1, keys[0]), Winner(3, keys[2])], by=cy)
    assert store.winners(short_list.id) == [Winner(1, keys[0]), Winner(2, keys[1]), Winner(3, keys[2])]
    assert store.round(short_list.id).state == ROUND_LOCKED
    with pytest.raises(RoundLocked) as again:
        store.lock_winners(short_list.id, [Winner(1, keys[2])], by=ana)
    assert "already locked: Cy locked it on" in again.value.message
    assert store.winners(short_list.id) == [Winner(1, keys[0]), Winner(2, keys[1]), Winner(3, keys[2])]
    with pytest.raises(RoundLocked) as late:
        store.score(short_list.id, keys[0], ana, "sm6", 1)
    assert late.value.message == "This round is locked: its result is final, so scores can no longer change."
    with pytest.raises(RoundLocked):
        store.set_verdict(short_list.id, keys[0], ana, ABSTAIN)
    with pytest.raises(RoundLocked):
        store.set_round_state(short_list.id, ROUND_OPEN, by=ana)
    assert store.verdict(short_list.id, keys[0], ana) is None

    log = store.audit_since(0, limit=10_000)
    assert [e.seq for e in log] == sorted(e.seq for e in log)
    assert all(e.at > 0 for e in log) and [e.at for e in log] == sorted(e.at for e in log)
    story = [(e.action, e.judge_id) for e in log if e.action not in ("score", "judge.add")]
    assert story == [
        ("round.create", ana),
        ("verdict", cy),
        ("verdict", cy),
        ("comment", cy),
        ("comment", ana),
        ("disqualify", bo),
        ("requalify", ana),
        ("round.close", ana),
        ("advance", ana),
        ("lock", cy),
    ]
    scores = [e for e in log if e.action == "score"]
    assert len(scores) == 6 * 4 * 2 + 1 + 1 + 1 + 6
    change = next(e for e in scores if e.details["previous"] is not None)
    assert (change.judge_id, change.round_id, change.entry) == (ana, long_list.id, keys[0])
    assert change.details == {"criterion": "description", "value": 1, "previous": 5}
    advance = next(e for e in log if e.action == "advance")
    assert advance.details["entries"] == sorted([keys[0], keys[1], keys[2]])
    lock = log[-1]
    assert lock.details["winners"] == [[1, keys[0]], [2, keys[1]], [3, keys[2]]]
    assert store.audit_since(lock.seq) == []
    assert [e.seq for e in store.audit_since(log[2].seq, limit=2)] == [log[3].seq, log[4].seq]


def test_bad_scores_and_verdicts_are_refused_in_words_and_change_nothing(store):
    keys = add_entries(store, 2)
    judge = store.add_judge("Ana").id
    rnd = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judge)
    store.score(rnd.id, keys[0], judge, "sm6", 3)
    before = store.audit_since(0)

    for value in (0, 6, True, 2.5, "3"):
        with pytest.raises(InputError) as refused:
            store.score(rnd.id, keys[0], judge, "sm6", value)
        assert refused.value.message == "A score is a whole number from 1 to 5."
    refusals = {
        "unknown criterion": lambda: store.score(rnd.id, keys[0], judge, "speed", 3),
        "unknown round": lambda: store.score(rnd.id + 99, keys[0], judge, "sm6", 3),
        "unknown judge": lambda: store.score(rnd.id, keys[0], judge + 99, "sm6", 3),
        "unknown entry": lambda: store.score(rnd.id, keys[-1] + 99, judge, "sm6", 3),
        "kind": lambda: store.set_verdict(rnd.id, keys[0], judge, "maybe"),
        "long comment": lambda: store.set_verdict(rnd.id, keys[0], judge, SCORED, "x" * 2001),
        "reason": lambda: store.disqualify(keys[0], "ugly", "", by=judge),
        "dq unknown entry": lambda: store.disqualify(keys[-1] + 99, DQ_DUPLICATE, "", by=judge),
        "dq unknown judge": lambda: store.disqualify(keys[0], DQ_DUPLICATE, "", by=judge + 99),
        "state": lambda: store.set_round_state(rnd.id, "paused", by=judge),
        "judge name": lambda: store.add_judge(" \x00 "),
        "judge name length": lambda: store.add_judge("J" * 101),
    }
    for what, attempt in refusals.items():
        with pytest.raises(InputError) as refused:
            attempt()
        assert refused.value.message.endswith("."), what
        assert "speed" not in refused.value.message and "x" * 50 not in refused.value.message, what
    assert store.audit_since(0) == before
    assert store.verdict(rnd.id, keys[0], judge).scores == {"sm6": 3}

    unchanged = store.set_verdict(rnd.id, keys[0], judge, SCORED)  # says nothing new: nothing is written
    assert unchanged.scores == {"sm6": 3}
    assert store.audit_since(0) == before
    store.requalify(keys[0], by=judge)  # not disqualified: nothing to undo
    assert store.audit_since(0) == before


@pytest.mark.parametrize(
    "criteria",
    [
        (),
        (Criterion("sm6", "True to the SM6", 1.0), Criterion("sm6", "Again", 1.0)),
        (Criterion("sm6", "True to the SM6", 0.0),),
        (Criterion("sm6", "True to the SM6", -1.0),),
        (Criterion("sm6", "True to the SM6", math.nan),),
        (Criterion("", "No id", 1.0),),
        (Criterion("sm6", " \x01 ", 1.0),),
        (Criterion("sm6", "L" * 201, 1.0),),
    ],
    ids=["none", "same id", "zero", "negative", "nan", "no id", "no label", "long label"],
)
def test_a_rubric_that_cannot_be_scored_is_refused(store, criteria):
    with pytest.raises(InputError):
        store.create_round("Long list", criteria=criteria, blind=False, entries=None, by=None)
    assert store.rounds() == []


def test_advancing_and_locking_refuse_entries_that_do_not_belong(store):
    keys = add_entries(store, 4, bad=1)
    judge = store.add_judge("Ana").id
    bad_key = keys[-1] + 1
    store.disqualify(keys[3], DQ_DUPLICATE, "", by=judge)
    before = store.rounds()
    for entries, words in (
        ([], "at least one entry"),
        ([keys[0], keys[-1] + 50], "not valid submissions"),
        ([keys[0], bad_key], "not valid submissions"),  # kept aside: never judged
        ([keys[0], keys[3]], "disqualified"),
    ):
        with pytest.raises(InputError) as refused:
            store.create_round("Final", criteria=DEFAULT_CRITERIA, blind=False, entries=entries, by=judge)
        assert words in refused.value.message
    assert store.rounds() == before

    final = store.create_round("Final", criteria=DEFAULT_CRITERIA, blind=False, entries=keys[:3], by=judge)
    for winners, words in (
        ([], "at least one winner"),
        ([Winner(1, keys[0]), Winner(3, keys[1])], "ranks must run 1, 2, 3"),
        ([Winner(1, keys[0]), Winner(1, keys[1])], "ranks must run 1, 2, 3"),
        ([Winner(1, keys[0]), Winner(2, keys[0])], "only one rank"),
        ([Winner(1, keys[0]), Winner(2, keys[3])], "not an entry of this round"),
    ):
        with pytest.raises(InputError) as refused:
            store.lock_winners(final.id, winners, by=judge)
        assert words in refused.value.message
    store.disqualify(keys[2], DQ_DUPLICATE, "", by=judge)
    with pytest.raises(InputError) as refused:
        store.lock_winners(final.id, [Winner(1, keys[2])], by=judge)
    assert "disqualified" in refused.value.message
    assert store.round(final.id).state == ROUND_OPEN  # a refused lock locks nothing
    assert store.winners(final.id) == []


def test_the_audit_log_is_append_only_and_reads_back_what_was_logged(store):
    judge = store.add_judge("Staff").id
    store.log("import", {"source": "folder", "added": 3, "name": "르노 SM6"}, by=judge)
    store.log("export", {}, by=None, round_id=None)
    entries = store.audit_since(0)
    assert [(e.action, e.judge_id) for e in entries] == [("judge.add", judge), ("import", judge), ("export", None)]
    assert entries[1].details == {"source": "folder", "added": 3, "name": "르노 SM6"}
    for change in ("UPDATE audit SET action = 'nothing'", "DELETE FROM audit"):
        with pytest.raises(StorageFailure):
            store._db.write(lambda tx, sql=change: tx.execute(sql))
    assert store.audit_since(0) == entries

    # An entry whose details cannot be read (written by hand, or damaged) is shown as it is, not dropped.
    store._db.write(
        lambda tx: tx.execute("INSERT INTO audit (op, action, details) VALUES ('by-hand', 'note', ?)", ("[" * 5000,))
    )
    damaged = store.audit_since(entries[-1].seq)
    assert len(damaged) == 1 and set(damaged[0].details) == {"unreadable"}


def test_a_damaged_rubric_is_said_in_words(store):
    keys = add_entries(store, 1)
    judge = store.add_judge("Ana").id
    rnd = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judge)
    store._db.write(lambda tx: tx.execute("UPDATE rounds SET criteria = ? WHERE id = ?", ('{"id": 1', rnd.id)))
    with pytest.raises(UserFacingError) as refused:
        store.score(rnd.id, keys[0], judge, "sm6", 3)
    assert refused.value.message == "This round's stored rubric is damaged, so it cannot be scored."


def test_a_score_taken_back_leaves_the_verdict_unfinished_and_is_logged(store):
    from app.curation.models import DEFAULT_CRITERIA, Candidate

    store.add([Candidate("file:a", "folder", "a.png", image=b"a", image_sha256="a" * 64)])
    judge = store.add_judge("Mina")
    rnd = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judge.id)
    (entry,) = store.round_entries(rnd.id)
    for criterion in DEFAULT_CRITERIA:
        store.score(rnd.id, entry, judge.id, criterion.id, 4)
    assert store.verdict(rnd.id, entry, judge.id).scores["craft"] == 4

    after = store.clear_score(rnd.id, entry, judge.id, "craft")
    assert "craft" not in after.scores and "craft" not in store.verdict(rnd.id, entry, judge.id).scores
    assert store.page_keys(EntryFilter(round_id=rnd.id, min_score=1.0), limit=10) == []  # unfinished: no total
    last = store.audit_since(0)[-1]
    assert (last.action, last.details["value"], last.details["previous"]) == ("score", None, 4)
    assert store.clear_score(rnd.id, entry, judge.id, "craft").scores == after.scores  # again: nothing to take back
