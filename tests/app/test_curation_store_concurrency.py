"""Several judges at once, and writes that are retried, on SQLite and on a real PostgreSQL server.

"Five judge processes scoring the same round at once lose and double nothing; a connection dropped mid-judging
loses no score" (issue 17). The judges are real processes (tests/fixtures/curation_judge_process.py) on one shared
database; a dropped connection is the server cutting every client of the database (what a restart does).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import psycopg
import pytest

from app.curation.judging_errors import RoundLocked
from app.curation.models import (
    ABSTAIN,
    DEFAULT_CRITERIA,
    DQ_UNSAFE,
    ROUND_CLOSED,
    Candidate,
    EntryFilter,
    Winner,
)
from app.curation.store import open_store
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases

ROOT = Path(__file__).resolve().parents[2]
JUDGES = 5
ENTRIES = 40  # × 4 criteria, every 7th entry twice: about 180 scores per judge, all five writing at once
PROCESS_TIMEOUT_S = 120


def add_entries(store, count: int) -> list[int]:
    store.add([Candidate(source_key=f"file:{i:064x}", source="folder", origin=f"{i}.png") for i in range(count)])
    return sorted(store.page_keys(EntryFilter(), limit=count))


def test_five_judge_processes_scoring_one_round_at_once_lose_and_double_nothing(store, store_setting, tmp_path):
    keys = add_entries(store, ENTRIES)
    assert keys == list(range(keys[0], keys[0] + ENTRIES))
    rnd = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=True, entries=None, by=None)
    start = tmp_path / "start"
    outs = [tmp_path / f"judge-{n}.json" for n in range(JUDGES)]
    command = [sys.executable, "-m", "tests.fixtures.curation_judge_process", store_setting]
    judges = [
        subprocess.Popen(
            [*command, f"Judge {n}", str(rnd.id), str(keys[0]), str(keys[-1]), str(start), str(out)], cwd=ROOT
        )
        for n, out in enumerate(outs)
    ]
    try:
        deadline = time.monotonic() + PROCESS_TIMEOUT_S
        while not all(o.with_suffix(".ready").exists() for o in outs):
            assert all(j.poll() is None for j in judges), "a judge process stopped before scoring"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        start.touch()
        assert [j.wait(timeout=PROCESS_TIMEOUT_S) for j in judges] == [0] * JUDGES
    finally:
        for judge in judges:
            if judge.poll() is None:
                judge.kill()
                judge.wait()

    reports = [json.loads(o.read_text()) for o in outs]
    verdicts = {(v.judge_id, v.entry): v for v in store.verdicts(rnd.id)}
    assert len(verdicts) == JUDGES * ENTRIES
    for report in reports:
        for item, value in report["final"].items():
            entry, criterion = item.split(":")
            assert verdicts[(report["judge"], int(entry))].scores[criterion] == value
    totals = store._db.read("SELECT COUNT(*) FROM verdicts WHERE round_id = ? AND total IS NOT NULL", (rnd.id,))
    assert totals[0][0] == JUDGES * ENTRIES

    # The log: exactly one entry per call, and each says what the score was just before it (nothing overwritten
    # behind another writer's back).
    scores = [e for e in store.audit_since(0, limit=10_000) if e.action == "score"]
    calls = defaultdict(int)
    for entry in scores:
        calls[entry.judge_id] += 1
    assert dict(calls) == {r["judge"]: r["calls"] for r in reports}
    last: dict[tuple, int] = {}
    for entry in scores:
        key = (entry.judge_id, entry.entry, entry.details["criterion"])
        assert entry.details["previous"] == last.get(key)
        last[key] = entry.details["value"]


def test_a_write_whose_reply_was_lost_is_applied_once_when_retried(store, monkeypatch):
    """The commit happened but the reply never came: `Database.write` runs the same work again (same op id)."""
    keys = add_entries(store, 3)
    original = store._db.write

    def committed_twice(work):
        original(work)
        return original(work)

    monkeypatch.setattr(store._db, "write", committed_twice)
    judge = store.add_judge("Ana").id
    rnd = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judge)
    assert store.score(rnd.id, keys[0], judge, "sm6", 4).scores == {"sm6": 4}
    assert store.score(rnd.id, keys[0], judge, "sm6", 2).scores == {"sm6": 2}
    assert store.set_verdict(rnd.id, keys[1], judge, ABSTAIN, "Not sure").comment == "Not sure"
    assert store.disqualify(keys[2], DQ_UNSAFE, "", by=judge).reason == DQ_UNSAFE
    store.requalify(keys[2], by=judge)
    store.log("export", {"rows": 3}, by=judge)
    store.set_round_state(rnd.id, ROUND_CLOSED, by=judge)
    final = store.create_round("Final", criteria=DEFAULT_CRITERIA, blind=False, entries=keys[:2], by=judge)
    store.lock_winners(final.id, [Winner(1, keys[0])], by=judge)
    monkeypatch.undo()

    assert [r.name for r in store.rounds()] == ["Long list", "Final"]
    assert store.winners(final.id) == [Winner(1, keys[0])]
    assert store.verdict(rnd.id, keys[0], judge).scores == {"sm6": 2}
    actions = [(e.action, e.details.get("previous")) for e in store.audit_since(0)]
    assert actions == [
        ("judge.add", None),
        ("round.create", None),
        ("score", None),
        ("score", 4),
        ("verdict", None),
        ("disqualify", None),
        ("requalify", DQ_UNSAFE),
        ("export", None),
        ("round.close", "open"),
        ("advance", None),
        ("lock", "open"),
    ]


def test_two_staff_locking_the_result_at_once_one_wins_the_other_is_told(store, store_setting, tmp_path):
    keys = add_entries(store, 2)
    first, second = store.add_judge("Ana").id, store.add_judge("Bo").id
    rnd = store.create_round("Final", criteria=DEFAULT_CRITERIA, blind=False, entries=keys, by=first)
    other = open_store(store_setting, tmp_path / "unused.db")  # a second machine: its own connection
    together = threading.Barrier(2)
    results: dict[int, object] = {}

    def lock(handle, judge, winners):
        together.wait()
        try:
            handle.lock_winners(rnd.id, winners, by=judge)
            results[judge] = "locked"
        except RoundLocked as exc:
            results[judge] = exc

    threads = [
        threading.Thread(target=lock, args=(store, first, [Winner(1, keys[0]), Winner(2, keys[1])])),
        threading.Thread(target=lock, args=(other, second, [Winner(1, keys[1])])),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        other.close()
    assert sorted(str(type(r).__name__) for r in results.values()) == ["RoundLocked", "str"]
    winner = next(j for j, r in results.items() if r == "locked")
    loser = results[first if winner == second else second]
    assert f"{'Ana' if winner == first else 'Bo'} locked it on" in loser.message
    expected = [Winner(1, keys[0]), Winner(2, keys[1])] if winner == first else [Winner(1, keys[1])]
    assert store.winners(rnd.id) == expected
    assert [e.judge_id for e in store.audit_since(0) if e.action == "lock"] == [winner]


def _cut_connections(server, dbname: str) -> None:
    """Every client of `dbname` cut, and gone before this returns (pg_terminate_backend waits up to 5 s)."""
    with psycopg.connect(server.conninfo(), autocommit=True, connect_timeout=5) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = %s"
            " AND pid <> pg_backend_pid()",
            (dbname,),
        )


def test_a_connection_dropped_mid_judging_loses_no_score(postgres_server, pg_conninfo, tmp_path, monkeypatch, caplog):
    dbname = pg_conninfo.rsplit("/", 1)[1]
    judging = open_store(pg_conninfo, tmp_path / "unused.db")
    try:
        keys = add_entries(judging, 3)
        judge = judging.add_judge("Ana").id
        rnd = judging.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judge)
        judging.score(rnd.id, keys[0], judge, "sm6", 5)

        _cut_connections(postgres_server, dbname)  # between two scores
        assert judging.score(rnd.id, keys[1], judge, "sm6", 4).scores == {"sm6": 4}

        original = judging._db.write
        cut = []

        def cut_before_commit(work):
            def work_then_cut(tx):
                result = work(tx)
                if not cut:  # the first try's connection dies before its COMMIT arrives
                    cut.append(True)
                    _cut_connections(postgres_server, dbname)
                return result

            return original(work_then_cut)

        monkeypatch.setattr(judging._db, "write", cut_before_commit)
        with caplog.at_level(logging.WARNING, logger="app.curation.db"):
            assert judging.score(rnd.id, keys[2], judge, "sm6", 3).scores == {"sm6": 3}
        monkeypatch.undo()
        assert cut == [True]
        assert "connection lost" in caplog.text  # the first try never committed: the retry wrote it
        saved = {v.entry: v.scores for v in judging.verdicts(rnd.id)}
        assert saved == {keys[0]: {"sm6": 5}, keys[1]: {"sm6": 4}, keys[2]: {"sm6": 3}}
        scored = [(e.entry, e.details["value"]) for e in judging.audit_since(0) if e.action == "score"]
        assert scored == [(keys[0], 5), (keys[1], 4), (keys[2], 3)]
    finally:
        judging.close()


@pytest.mark.parametrize("limit", [1, 3])
def test_audit_pages_follow_on_without_gaps(store, limit):
    judge = store.add_judge("Staff").id
    for n in range(7):
        store.log("export", {"n": n}, by=judge)
    seen, last = [], 0
    while page := store.audit_since(last, limit=limit):
        assert len(page) <= limit
        seen += page
        last = page[-1].seq
    assert [e.details.get("n") for e in seen] == [None, 0, 1, 2, 3, 4, 5, 6]


def test_a_screen_polling_the_log_never_sees_a_later_entry_before_an_earlier_one(
    store, store_setting, tmp_path, monkeypatch
):
    """Writers take turns from their log entry to their commit, so `audit_since(last seen)` skips nothing: while
    one machine's write is still open, another's waits instead of committing a higher `seq` first."""
    judge = store.add_judge("Staff").id
    other = open_store(store_setting, tmp_path / "unused.db")
    screen = open_store(store_setting, tmp_path / "unused.db")  # a third machine, only reading
    original = store._db.write
    inside, release, second_done = threading.Event(), threading.Event(), threading.Event()

    def held_open(work):
        def work_then_wait(tx):
            result = work(tx)
            inside.set()
            release.wait(10)
            return result

        return original(work_then_wait)

    monkeypatch.setattr(store._db, "write", held_open)
    first = threading.Thread(target=store.log, args=("export", {"n": 1}), kwargs={"by": judge})
    second = threading.Thread(target=lambda: (other.log("export", {"n": 2}, by=judge), second_done.set()))
    try:
        first.start()
        assert inside.wait(10)
        second.start()
        assert not second_done.wait(0.3)  # it waits for the first to commit
        assert [e.action for e in screen.audit_since(0)] == ["judge.add"]
    finally:
        release.set()
        first.join(10)
        second.join(20)
        monkeypatch.undo()
        other.close()
        screen.close()
    assert [e.details.get("n") for e in store.audit_since(0)] == [None, 1, 2]
