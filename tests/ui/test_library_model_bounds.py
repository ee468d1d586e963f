"""The Library grid's model keeps a bounded number of designs in memory however many are made while the app runs
(a kiosk adds two per visitor, all day) and however far the grid is scrolled, and every design can still be scrolled
to, once, newest first."""

from __future__ import annotations

import pytest

from tests.fixtures.designs import add_plain_design
from ui.library.library_model import DesignRole, LibraryModel
from ui.widgets.thumbnails import ThumbnailLoader

PROMPTS = ("pearl white", "gold wheels", "pearl night")
WAIT_MS = 5000


@pytest.fixture
def loader():
    thumbnails = ThumbnailLoader()
    yield thumbnails
    thumbnails.shutdown()


def _add(library, count: int, start: int = 0) -> list:
    return [
        add_plain_design(library, f"{PROMPTS[i % len(PROMPTS)]} #{i}", colour=(i % 256, i // 256, 9))
        for i in range(start, start + count)
    ]


def _scroll_through(qtbot, model: LibraryModel, bound: int) -> list[str]:
    """Every design in grid order, its page read as a grid painting that row would ask; memory stays bounded."""
    ids = []
    for row in range(model.rowCount()):
        index = model.index(row)
        if index.data(DesignRole) is None:
            qtbot.waitUntil(lambda: index.data(DesignRole) is not None, timeout=WAIT_MS)
        ids.append(index.data(DesignRole).id)
        assert model.loaded_count() <= bound
    return ids


@pytest.mark.parametrize(
    ("page_size", "max_rows", "before", "made", "search"),
    [
        (10, 25, 30, 40, ""),  # more made while open than the model keeps on top: it asks for a fresh snapshot
        (10, 20, 0, 35, ""),  # an empty library at the start of the day
        (7, 20, 12, 50, "pearl"),  # a search: a third of the new designs never shows
        (25, 50, 60, 5, ""),  # a few: they simply stay on top
    ],
)
def test_designs_made_while_open_stay_bounded_and_all_can_still_be_scrolled_to(
    qtbot, library, loader, page_size, max_rows, before, made, search
):
    _add(library, before)
    model = LibraryModel(library, loader, page_size=page_size, max_rows=max_rows)
    reloads: list[int] = []
    model.sig_outdated.connect(lambda: (reloads.append(1), model.load(search, False)))  # what the view does
    with qtbot.waitSignal(model.sig_loaded, timeout=WAIT_MS):
        model.load(search, False)
    bound = model.max_rows + model.head_limit + page_size
    for i in range(before, before + made):  # one at a time, as the studio makes them
        model.prepend(_add(library, 1, start=i)[0])
        qtbot.waitUntil(lambda: not model.is_loading, timeout=WAIT_MS)
        assert model.loaded_count() <= bound
        assert model.rowCount() == model.total == library.count(search=search)
    assert bool(reloads) == (made * (1 if not search else 2 / 3) > model.head_limit)

    expected = [d.id for d in library.list(search=search, limit=1000)]
    assert _scroll_through(qtbot, model, bound) == expected  # each design once, newest first, none missing
    assert model.loaded_count() <= bound
