"""Verify in the viewer: a short-listed entry regenerated from its own metadata on the real (tiny) engine."""

from __future__ import annotations

import pytest

from app.curation.models import DEFAULT_CRITERIA, EntryFilter
from app.curation.sources.library_source import read_library
from app.curation.store import open_store
from tests.app.engine_helpers import make_engine, quick_request
from ui.curation.verify_bar import VerifyBar


@pytest.fixture
def short_list(tiny_sd15, models_dir, isolated_dirs, tmp_path):
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    rec.wait_job(engine.submit(quick_request(source="base", strength=0.6, seed=21)).id)
    store = open_store(str(tmp_path / "curation.db"), tmp_path / "unused.db")
    store.add(list(read_library(library)))
    judge = store.add_judge("Mina")
    first = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judge.id)
    keys = store.round_entries(first.id)
    second = store.create_round("Short list", criteria=DEFAULT_CRITERIA, blind=False, entries=keys, by=judge.id)
    (entry,) = store.submissions(store.page_keys(EntryFilter(), limit=10))
    yield engine, store, judge, first, second, entry
    store.close()
    engine.shutdown()
    library.close()


def test_a_short_listed_entry_is_verified_and_the_long_list_offers_no_verify(qtbot, short_list):
    engine, store, judge, first, second, entry = short_list
    bar = VerifyBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_context(store, engine, judge.id, first)
    bar.show_entry(entry)
    assert not bar.isVisible()  # the long list is not regenerated entry by entry

    bar.set_context(store, engine, judge.id, second)
    assert bar.isVisible() and bar.button.text() == "Verify"
    bar.button.click()
    assert bar.button.text() == "Verifying…" and not bar.button.isEnabled()
    qtbot.waitUntil(lambda: bar.running is None, timeout=120_000)
    assert "same pixels" in bar.result.text()
    assert [a.details["verdict"] for a in store.audit_since(0) if a.action == "verify"] == ["exact"]
