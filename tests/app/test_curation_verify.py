"""Verify for short-listed entries: regenerated from the entry's own metadata on the real (tiny) engine."""

from __future__ import annotations

import hashlib

import pytest

from app.curation.models import Candidate, EntryFilter
from app.curation.sources.library_source import read_library
from app.curation.store import open_store
from app.curation.verify_entry import can_verify, verify_entry
from app.errors import UserFacingError
from tests.app.engine_helpers import make_engine, quick_request
from tests.fixtures.curation_files import plain_png


@pytest.fixture
def campaign_of_one(tiny_sd15, models_dir, isolated_dirs, tmp_path):
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    rec.wait_job(engine.submit(quick_request(source="base", strength=0.6, seed=21)).id)
    store = open_store(str(tmp_path / "curation.db"), tmp_path / "unused.db")
    store.add(list(read_library(library)))
    yield engine, store
    store.close()
    engine.shutdown()
    library.close()


def test_a_library_entry_regenerates_to_the_same_pixels_and_a_plain_picture_is_explained(campaign_of_one):
    engine, store = campaign_of_one
    (entry,) = store.submissions(store.page_keys(EntryFilter(), limit=10))
    judge = store.add_judge("Mina")
    assert can_verify(engine, entry)
    result = verify_entry(store, engine, entry, by=judge.id)
    assert result.verdict == "exact"
    logged = [a for a in store.audit_since(0) if a.action == "verify"]
    assert [(a.entry, a.judge_id, a.details["verdict"]) for a in logged] == [(entry.key, judge.id, "exact")]

    # An entry that does not say how it was made (a plain PNG from a folder) is explained, not attempted.
    png = plain_png(7)
    store.add([Candidate("file:x", "folder", "x.png", image=png, image_sha256=hashlib.sha256(png).hexdigest())])
    plain = next(s for s in store.submissions(store.page_keys(EntryFilter(), limit=10)) if s.source == "folder")
    assert not can_verify(engine, plain)
    with pytest.raises(UserFacingError, match="does not say how it was made"):
        verify_entry(store, engine, plain, by=None)
