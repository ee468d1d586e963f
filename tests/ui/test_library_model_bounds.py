"""The Library grid's model keeps a bounded number of designs in memory however many are made while the app runs
(a kiosk adds two per visitor, all day), and scrolling still shows every design once, newest first."""

from __future__ import annotations

import pytest

from app.library.store import Library
from tests.fixtures.designs import add_plain_design
from ui.library.library_model import LibraryModel
from ui.library.thumbnails import ThumbnailLoader

PROMPTS = ("pearl white", "gold wheels", "pearl night")


@pytest.fixture
def library(tmp_path):
    store = Library.open(tmp_path / "library")
    yield store
    store.close()


def _add(library, count: int, start: int = 0) -> list:
    return [
        add_plain_design(library, f"{PROMPTS[i % len(PROMPTS)]} #{i}", colour=(i % 256, i // 256, 9))
        for i in range(start, start + count)
    ]


def _scroll_to_the_end(model: LibraryModel) -> None:
    while model.canFetchMore():
        model.fetchMore()


@pytest.mark.parametrize(
    ("page_size", "max_rows", "before", "made", "search"),
    [
        (10, 25, 30, 40, ""),  # more made while open than the cap holds
        (10, 10, 0, 35, ""),  # an empty library at the start of the day; the cap is one page
        (7, 20, 12, 50, "pearl"),  # a search: a third of the new designs never shows
        (25, 30, 60, 5, ""),  # under the cap: nothing is dropped
    ],
)
def test_designs_made_while_open_stay_bounded_and_all_can_still_be_scrolled_to(
    qtbot, library, page_size, max_rows, before, made, search
):
    _add(library, before)
    loader = ThumbnailLoader()
    model = LibraryModel(library, loader, page_size=page_size, max_rows=max_rows)
    model.set_filter(search, False)
    for design in _add(library, made, start=before):
        model.prepend(design)
        assert model.rowCount() <= max_rows
    assert model.total == library.count(search=search)

    _scroll_to_the_end(model)
    expected = [d.id for d in library.list(search=search, limit=1000)]
    assert model.loaded_ids() == expected  # each design once, newest first, none missing
    if len(expected) > max_rows:  # scrolled far, then one more design: back to the cap, the rest read on demand
        model.prepend(_add(library, 1, start=before + made)[0])
        assert model.rowCount() == max_rows and model.canFetchMore()
        _scroll_to_the_end(model)
        assert model.loaded_ids() == [d.id for d in library.list(search=search, limit=1000)]
