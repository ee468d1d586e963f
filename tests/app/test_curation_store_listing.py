"""The curation gallery's listing: every filter, keyset pages and the Library's page index over them, on SQLite and
on a real PostgreSQL server."""

from __future__ import annotations

import hashlib

import pytest

from app.curation.models import (
    ABSTAIN,
    AFTER_DEADLINE,
    CONFLICT,
    DEFAULT_CRITERIA,
    DQ_DUPLICATE,
    SCORED,
    Candidate,
    EntryFilter,
    Problem,
)
from app.library import paging
from app.messages import as_message
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases


def candidate(n: int, **fields) -> Candidate:
    picture = f"png-{n}".encode()
    return Candidate(
        source_key=f"file:{n:064d}",
        source="folder",
        origin=f"entries/{n}.png",
        image=picture,
        image_sha256=hashlib.sha256(picture).hexdigest(),
        **fields,
    )


class Crafted:
    """Six submissions (k[1]..k[6], k[4] kept aside), two judges, a first round that takes every valid entry and a
    second with three, verdicts, traits, dates, a duplicate pair and a disqualification."""

    def __init__(self, store) -> None:
        added = [
            candidate(1, name="Red Coupe", traits=(("Colour", "Red"),), minted_at=1000.0, token_id=77),
            candidate(
                2, name="Blue sedan", description="100% electric_car", traits=(("Colour", "Blue"),), minted_at=2000.0
            ),
            candidate(3, name="Blue wagon", traits=(("Colour", "Blue"),), created_at=3000.0, owner="0xAbCdEf00"),
            candidate(4, name="Late", minted_at=4000.0, problem=Problem(AFTER_DEADLINE, as_message("minted late"))),
            candidate(5, name="Green", minted_at=5000.0),
            candidate(6, name="Silver", minted_at=6000.0),
        ]
        assert store.add(added) == (6, 0)
        keys = sorted(store.page_keys(EntryFilter(state="all"), limit=10))
        self.k = dict(zip(range(1, 7), keys))
        store.set_duplicate_groups([[self.k[5], self.k[6]]])
        k = self.k

        ana, ben = store.add_judge("Ana").id, store.add_judge("Ben").id
        first = store.create_round("First", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=None).id
        final = store.create_round("Final", criteria=DEFAULT_CRITERIA, blind=True, entries=keys[:3], by=None).id
        assert (ana, ben, first, final) == (1, 2, 1, 2)  # what CASES name

        def scores(round_id: int, entry: int, judge: int, value: int) -> None:
            for criterion in DEFAULT_CRITERIA:
                store.score(round_id, entry, judge, criterion.id, value)

        scores(first, k[1], ana, 4)
        scores(first, k[1], ben, 2)
        scores(first, k[3], ana, 5)
        scores(final, k[1], ana, 1)
        store.set_verdict(first, k[1], ana, SCORED, "lovely lines")
        store.set_verdict(first, k[2], ana, CONFLICT)
        store.set_verdict(first, k[2], ben, ABSTAIN)
        store.disqualify(k[6], DQ_DUPLICATE, "", by=ana)

    def keys(self, *numbers: int) -> list[int]:
        return [self.k[n] for n in numbers]


@pytest.fixture
def crafted(store) -> Crafted:
    return Crafted(store)


CASES = [
    (EntryFilter(), (6, 5, 3, 2, 1)),
    (EntryFilter(state="bad"), (4,)),
    (EntryFilter(state="all"), (6, 5, 4, 3, 2, 1)),
    (EntryFilter(round_id=1), (5, 3, 2, 1)),  # takes every valid entry but the disqualified one
    (EntryFilter(round_id=2), (3, 2, 1)),
    (EntryFilter(round_id=99), ()),
    (EntryFilter(round_id=1, not_judged_by=1), (5,)),
    (EntryFilter(round_id=1, not_judged_by=2), (5, 3)),
    (EntryFilter(round_id=2, not_judged_by=1), (3, 2)),
    (EntryFilter(round_id=1, min_score=3.0), (3, 1)),  # k1: (4 + 2) / 2; abstain and conflict count for nothing
    (EntryFilter(round_id=1, max_score=3.5), (1,)),
    (EntryFilter(round_id=1, min_score=3.5, max_score=5.0), (3,)),
    (EntryFilter(round_id=2, max_score=1.0), (1,)),
    (EntryFilter(flags=frozenset({"duplicate"})), (6, 5)),
    (EntryFilter(flags=frozenset({"disqualified"})), (6,)),
    (EntryFilter(round_id=1, flags=frozenset({"scored"})), (3, 1)),
    (EntryFilter(round_id=1, flags=frozenset({"conflict"})), (2,)),
    (EntryFilter(round_id=1, flags=frozenset({"commented"})), (1,)),
    (EntryFilter(round_id=2, flags=frozenset({"commented"})), ()),
    (EntryFilter(flags=frozenset({"duplicate", "disqualified"})), (6,)),
    (EntryFilter(trait=("Colour", "Blue")), (3, 2)),
    (EntryFilter(trait=("Colour", "Purple")), ()),
    (EntryFilter(since=2000.0, until=5000.0), (3, 2)),  # k3 was not minted: its creation date counts
    (EntryFilter(since=5000.0), (6, 5)),
    (EntryFilter(search="blue"), (3, 2)),
    (EntryFilter(search="  BLUE   Sedan "), (2,)),
    (EntryFilter(search="100%"), (2,)),  # % and _ are the words themselves, not wildcards
    (EntryFilter(search="%"), (2,)),
    (EntryFilter(search="c_r"), ()),
    (EntryFilter(search="electric_car"), (2,)),
    (EntryFilter(search="0xabcdef"), (3,)),  # the owner's address, whatever its letter case
    (EntryFilter(search="77"), (1,)),  # the token id
    (EntryFilter(search="blue", trait=("Colour", "Blue"), round_id=2, not_judged_by=1), (3, 2)),
]


def test_every_filter_lists_what_it_says_newest_first(crafted, store):
    # One crafted store for every case (building it scores and judges through the store: too slow per case).
    wrong = []
    for flt, expected in CASES:
        want = crafted.keys(*expected)
        got = (
            store.page_keys(flt, limit=100),
            store.count(flt),
            [key for key, _ in store.page(flt, newest=10**12, older_than=None, limit=100)],
        )
        if got != (want, len(want), want):
            wrong.append(f"{flt}: wanted {want}, got {got}")
    assert not wrong, "\n".join(wrong)


def test_a_page_is_the_keys_between_two_anchors(crafted, store):
    k = crafted.k
    flt = EntryFilter(state="all")
    assert store.page_keys(flt, below=k[4], limit=2) == [k[3], k[2]]
    rows = store.page(flt, newest=k[5], older_than=k[2], limit=10)
    assert [key for key, _ in rows] == [k[5], k[4], k[3]]
    assert [s.name for _, s in rows] == ["Green", "Late", "Blue wagon"]
    assert rows[1][1].problem.kind == AFTER_DEADLINE
    disqualified = store.page(flt, newest=k[6], older_than=k[5], limit=1)[0][1]
    assert disqualified.disqualified.reason == "duplicate" and disqualified.duplicate_group == k[5]


def test_the_library_page_index_walks_5000_entries_with_no_gaps_or_repeats(store):
    batch = [candidate(n, name=f"Entry {n}" + (" chrome" if n % 3 == 0 else "")) for n in range(5000)]
    assert store.add(batch) == (5000, 0)
    for flt, total in ((EntryFilter(), 5000), (EntryFilter(search="chrome"), 1667)):
        index = paging.build_index(store, flt, page_size=60, chunk=700)  # chunks that straddle pages
        assert index.total == total == store.count(flt)
        seen: list[int] = []
        for page in range(index.pages):
            rows = paging.read_page(store, index, page)
            assert rows is not None and len(rows) == index.page_length(page)
            seen += [key for key, _ in rows]
        assert seen == sorted(set(seen), reverse=True) and len(seen) == total
        where = index.page_of_key(seen[1234])
        rows = paging.read_page(store, index, where)
        assert paging.position_in(index, where, rows, seen[1234]) == 1234


def test_a_page_that_changed_since_the_index_is_reported(store):
    store.add([candidate(n) for n in range(10)])
    index = paging.build_index(store, EntryFilter(), page_size=4)
    store.set_duplicate_groups([])  # changes nothing listed: the page still reads
    assert paging.read_page(store, index, 1) is not None
    key = index.anchors[1]
    store._db.write(lambda tx: tx.execute("UPDATE submissions SET state = 'bad' WHERE key = ?", (key,)))
    assert paging.read_page(store, index, 1) is None


def test_counts_say_what_the_campaign_holds(crafted, store):
    counts = store.counts()
    assert (counts["ok"], counts["bad"], counts[AFTER_DEADLINE]) == (5, 1, 1)
    assert (counts["disqualified"], counts["duplicates"]) == (1, 2)
    assert store.traits() == [("Colour", "Blue", 2), ("Colour", "Red", 1)]
