"""Everything the Curation gallery reads from the curation store runs here, on the `disk` executor, never on the UI
thread (a shared PostgreSQL server may take a while to answer; a 14,000-entry listing is counted off the UI thread).

One read at a time, in the order asked (`app.executors.Serial`), like the Library's reads; answers come back on the
UI thread through `ui/tasks.deliver`. Each job is plain Python over the store, so its queries are what tests count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from app.curation.interface import CurationStore
from app.curation.models import SCORED, EntryFilter, Round, Submission, Verdict
from app.executors import Serial
from app.library.paging import DesignIndex, build_index, read_page
from ui.widgets.paged_model import ReadWorker

_reads = Serial("disk")


@dataclass
class EntryPage:
    """One page of entries as the worker read them, with what the viewing judge said about each."""

    page: int
    rows: list[tuple[int, Submission | None]] | None  # None: the listing changed there since its index was built
    verdicts: dict[int, Verdict] = field(default_factory=dict)  # entry -> the judge's verdict, where there is one


@dataclass
class GalleryListing:
    index: DesignIndex
    pages: list[EntryPage]
    round: Round | None  # the round judged (its criteria weigh "my score"); None: no round chosen


@dataclass
class EntryRead:
    submission: Submission | None  # None: it is gone from the store
    verdict: Verdict | None


def load_listing(store: CurationStore, flt: EntryFilter, page_size: int, judge_id: int | None) -> GalleryListing:
    """Count and anchor the listing (keyset chunks), and read its first page."""
    index = build_index(store, flt, page_size)
    pages = [read_entry_page(store, index, 0, judge_id)] if index.total else []
    judged = store.round(flt.round_id) if flt.round_id is not None else None
    return GalleryListing(index, pages, judged)


def read_entry_page(store: CurationStore, index: DesignIndex, page: int, judge_id: int | None) -> EntryPage:
    rows = read_page(store, index, page)
    return EntryPage(page, rows, _verdicts(store, index.flt, [key for key, _s in rows or []], judge_id))


def read_entry(store: CurationStore, flt: EntryFilter, key: int, judge_id: int | None) -> EntryRead:
    """One entry again, after a score or a decision changed it."""
    verdicts = _verdicts(store, flt, [key], judge_id)
    return EntryRead(store.submission(key), verdicts.get(key))


def _verdicts(store: CurationStore, flt: EntryFilter, keys: Sequence[int], judge_id: int | None) -> dict[int, Verdict]:
    if judge_id is None or flt.round_id is None:
        return {}
    found = {}
    for key in keys:  # point lookups on (round, entry, judge): a page of them takes about a millisecond in SQLite
        verdict = store.verdict(flt.round_id, key, judge_id)
        if verdict is not None:
            found[key] = verdict
    return found


def my_score(verdict: Verdict | None, judged: Round | None) -> float | None:
    """The judge's weighted 1-5 score for an entry, over the round's criteria they scored; None when none."""
    if verdict is None or verdict.kind != SCORED or not verdict.scores or judged is None:
        return None
    weights = {criterion.id: criterion.weight for criterion in judged.criteria}
    scored = [(weights[c], value) for c, value in verdict.scores.items() if weights.get(c, 0) > 0]
    total = sum(weight for weight, _value in scored)
    return sum(weight * value for weight, value in scored) / total if total else None


class GalleryWorker(ReadWorker):
    """The gallery's reads, one at a time on their own queue (never behind the Library's)."""

    queue = _reads
