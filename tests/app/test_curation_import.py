"""Importing submissions in the background: progress with an estimate, resuming after a crash with nothing doubled
or lost, bad items kept with their reasons — from a folder, a ZIP, the library and the campaign contract."""

from __future__ import annotations

import threading

import pytest

from app.config import Settings
from app.curation import importer
from app.curation.import_sources import FileSource, LibrarySource, source_for
from app.curation.importer import run_import
from app.curation.models import AFTER_DEADLINE, EntryFilter
from app.curation.store import open_store
from app.errors import UserFacingError
from tests.fixtures.curation_files import write_submission_folder, write_submission_zip


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "curation.db"), tmp_path / "unused.db")
    yield opened
    opened.close()


def _all_keys(store) -> list[int]:
    return store.page_keys(EntryFilter(state="all"), limit=100_000)


def test_a_folder_is_imported_with_progress_and_its_bad_items_kept(tmp_path, store):
    folder = write_submission_folder(tmp_path / "entries", 30, bad=("damaged", "bomb", "schema"))
    seen = []
    result = run_import(store, FileSource(folder), on_progress=seen.append)

    assert result.finished and result.error is None
    assert result.done == result.total == len(FileSource(folder)._names)
    assert (result.added, result.already, result.bad) == (33, 0, 3)
    assert seen[-1] == result
    counts = store.counts()
    assert counts["ok"] == 30 and counts["bad"] == 3
    bad = [s for s in store.submissions(_all_keys(store)) if s.state == "bad"]
    assert sorted(s.problem.kind for s in bad) == ["invalid_metadata", "unreadable_image", "unreadable_image"]
    assert all(s.origin and str(s.problem.reason) for s in bad)  # where it was, and why, in words

    again = run_import(store, FileSource(folder))  # a finished folder is read again: nothing new, nothing doubled
    assert (again.added, again.already) == (0, 33)
    assert len(_all_keys(store)) == 33


def test_an_import_killed_midway_continues_where_it_stopped_with_nothing_doubled(tmp_path, store, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_ITEMS", 4)
    zipped = write_submission_zip(tmp_path / "entries.zip", 25)

    class Crash(BaseException):  # what kill -9 does to the loop: nothing after it runs, no cleanup
        pass

    source = FileSource(zipped)
    real_read = source.read
    read = 0

    def crashing(cursor):
        nonlocal read
        for item in real_read(cursor):
            read += 1
            if read == 11:
                raise Crash()
            yield item

    source.read = crashing
    with pytest.raises(Crash):
        run_import(store, source)
    stored = len(_all_keys(store))
    assert 0 < stored < 25  # the batches before the crash are kept, and the cursor with them
    assert store.import_cursor(source.key) is not None

    resumed = run_import(store, FileSource(zipped))
    assert resumed.finished
    assert resumed.added == 25 - stored and resumed.already <= importer.BATCH_ITEMS
    assert len(_all_keys(store)) == 25
    assert store.import_cursor(source.key) is None  # read to its end: next time it starts over


def test_cancel_pauses_and_the_estimate_counts_down(tmp_path, store, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_ITEMS", 2)
    monkeypatch.setattr(importer, "PROGRESS_EVERY_S", 0.0)
    folder = write_submission_folder(tmp_path / "entries", 12, with_metadata=False)
    cancel = threading.Event()
    ticks = iter(range(10_000))
    reports = []

    def on_progress(progress):
        reports.append(progress)
        if progress.done >= 5:
            cancel.set()

    paused = run_import(store, FileSource(folder), on_progress=on_progress, cancel=cancel, clock=lambda: next(ticks))
    assert paused.cancelled and not paused.finished
    estimates = [p.eta_s for p in reports if p.eta_s is not None and not p.cancelled]
    assert estimates and estimates == sorted(estimates, reverse=True)
    done = run_import(store, FileSource(folder))
    assert done.finished and len(_all_keys(store)) == 12


def test_a_source_that_cannot_be_read_is_one_plain_sentence(tmp_path):
    (tmp_path / "notes.zip").write_bytes(b"not a zip at all")
    with pytest.raises(UserFacingError) as caught:
        source_for(str(tmp_path / "notes.zip"), Settings())
    assert "notes.zip" in caught.value.message
    with pytest.raises(UserFacingError) as caught:
        source_for(str(tmp_path / "nowhere"), Settings())
    assert "nowhere" in caught.value.message


@pytest.mark.parametrize(
    "spec", ["", "   ", "x" * 5000, "a\0b", "~no-such-user-sm6/x"], ids=["empty", "blank", "long", "nul", "user"]
)
def test_a_source_no_file_can_have_is_refused_and_never_imports_the_current_folder(tmp_path, monkeypatch, spec):
    (tmp_path / "design.png").write_bytes(b"")  # the folder the command runs in: an empty name used to import it
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserFacingError) as caught:
        source_for(spec, Settings())
    assert caught.value.msg.id == "campaign.no_such_source"


def test_the_library_is_imported_and_designs_made_later_come_next_time(tmp_path, store):
    from app.library.store import Library
    from tests.fixtures.designs import add_plain_design

    def add_designs(n: int) -> None:
        for _ in range(n):
            colour = (len(library.existing([]) or ()) + 10, next(colours), 90)
            add_plain_design(library, f"design {colour[1]}", colour=colour)

    colours = iter(range(10, 250, 7))
    library = Library.open(tmp_path / "data")
    try:
        add_designs(6)
        first = run_import(store, LibrarySource(library))
        assert (first.added, first.total) == (6, 6)
        add_designs(2)
        second = run_import(store, LibrarySource(library))
        assert (second.added, second.already) == (2, 6)
        assert {s.source for s in store.submissions(_all_keys(store))} == {"library"}
    finally:
        library.close()


def test_the_campaign_contract_is_imported_and_only_new_mints_are_read_next_time(tmp_path, store):
    from tests.fixtures.curation_chain import campaign, owners

    with campaign(tmp_path / "chain", 5, after_deadline=1) as c:
        url = c.gateway_source.url
        source = source_for("chain:sandbox", Settings(), ipfs=url, sandbox=c.sandbox, known=store.has_sources)
        result = run_import(store, source)
        assert result.finished and (result.added, result.bad, result.total) == (5, 1, 5)
        entries = store.submissions(_all_keys(store))
        assert {e.owner for e in entries} <= set(owners()) and all(e.token_id for e in entries)
        late = [e for e in entries if e.state == "bad"]
        assert [e.problem.kind for e in late] == [AFTER_DEADLINE] and late[0].before_deadline is False

        fetched = len(c.gateway.requests)
        again = source_for("chain:sandbox", Settings(), ipfs=url, sandbox=c.sandbox, known=store.has_sources)
        assert run_import(store, again).added == 0
        assert len(c.gateway.requests) == fetched  # nothing fetched again
