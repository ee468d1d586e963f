"""Keyset pages, page indexes and the visitor scope of the design library, on real SQLite: any page of a listing is
read without OFFSET and holds exactly what the listing does there, a damaged row keeps its place, a listing that
changed under an index says so, and a kiosk's visitor scope hides earlier designs from every read."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from app.library import store
from app.library.models import DesignFilter
from app.library.paging import build_index, position_in, read_page
from app.library.store import Library
from tests.app.test_library import design, png

WORDS = ("pearl white", "gold wheels", "부산 야경", "midnight 50% blue", "hanok_courtyard")
COUNT = 257  # not a multiple of any page size below: the last page is short


@pytest.fixture(scope="module", params=["fts5", "like"])
def template(request, tmp_path_factory):
    """A library of COUNT designs, every fourth starred, built once per search back-end: the full-text index where
    SQLite has it, LIKE where not. Each test works on its own copy."""
    folder = tmp_path_factory.mktemp(f"paging-{request.param}")
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "like":
            patch.setattr(store, "_fts5_trigram_available", lambda: False)
        with Library.open(folder) as library:
            images = [png(i) for i in range(9)]
            made = library.add_many(
                design(f"{WORDS[i % len(WORDS)]} number {i}", image=images[i % len(images)], seed=i)
                for i in range(COUNT)
            )
            for d in made[::4]:
                library.set_favourite(d.id, True)
    return folder, request.param


@pytest.fixture
def lib(template, tmp_path, monkeypatch):
    folder, backend = template
    if backend == "like":
        monkeypatch.setattr(store, "_fts5_trigram_available", lambda: False)
    shutil.copytree(folder, tmp_path / "data")
    library = Library.open(tmp_path / "data")
    assert library._has_fts == (backend == "fts5")
    yield library
    library.close()


def _read_all(library: Library, flt: DesignFilter, page_size: int, chunk: int) -> list[str]:
    index = build_index(library, flt, page_size, chunk=chunk)
    ids: list[str] = []
    for page in range(index.pages):
        rows = read_page(library, index, page)
        assert rows is not None and len(rows) == index.page_length(page)
        for key, d in rows:
            assert index.page_of_key(key) == page
            assert position_in(index, page, rows, key) == len(ids)
            ids.append(d.id)
    assert len(ids) == index.total
    return ids


@pytest.mark.parametrize(
    ("flt", "page_size", "chunk"),
    [
        (DesignFilter(), 20, 50),  # keys read in several chunks, pages straddling them
        (DesignFilter(), 7, 10_000),
        (DesignFilter("pearl"), 5, 11),
        (DesignFilter("부산"), 9, 13),  # two letters: matched with LIKE, not the trigram index
        (DesignFilter("GOLD number"), 3, 8),  # every word, any case
        (DesignFilter("50%"), 4, 6),  # a LIKE wildcard typed as text
        (DesignFilter("hanok_"), 4, 6),
        (DesignFilter(favourites_only=True), 10, 16),
        (DesignFilter("white", favourites_only=True), 2, 5),
        (DesignFilter("zeppelin"), 10, 10),  # nothing at all
    ],
)
def test_every_page_holds_what_the_listing_holds_there(lib, flt, page_size, chunk):
    expected = [d.id for d in lib.list(search=flt.search, favourites_only=flt.favourites_only, limit=COUNT)]
    assert _read_all(lib, flt, page_size, chunk) == expected


@pytest.mark.parametrize("flt", [DesignFilter(), DesignFilter("pearl"), DesignFilter("부산", favourites_only=True)])
def test_no_read_pages_with_offset(lib, flt):
    oldest = lib.list(search=flt.search, favourites_only=flt.favourites_only, limit=COUNT)[-1]
    seen: list[str] = []
    lib._connection().set_trace_callback(seen.append)
    index = build_index(lib, flt, 10, chunk=30)
    for page in (index.pages - 1, index.pages // 2, 0):  # the deepest page first
        assert read_page(lib, index, page)
    key = lib.key_of(oldest.id, flt)
    assert position_in(index, index.page_of_key(key), read_page(lib, index, index.pages - 1), key) == index.total - 1
    assert seen and not [sql for sql in seen if "OFFSET" in sql.upper()]


@pytest.mark.parametrize(
    "bad", ["[" * 100_000, "{not json", '{"prompt": 42}', ""], ids=["nested deep", "not JSON", "wrong shape", "empty"]
)
def test_a_damaged_row_keeps_its_place_in_its_page(lib, tmp_path, bad):
    victims = [d.id for d in lib.list(limit=COUNT)][10:13]
    with sqlite3.connect(tmp_path / "data" / store.DB_NAME) as raw:
        raw.executemany("UPDATE designs SET request_json = ? WHERE id = ?", [(bad, v) for v in victims])
    index = build_index(lib, DesignFilter(), 8)
    rows = read_page(lib, index, 1)  # positions 8..15
    assert [d is None for _k, d in rows] == [False, False, True, True, True, False, False, False]
    assert lib.damaged_count == 3


@pytest.mark.parametrize("change", ["unstarred", "starred", "unstarred and starred"])
def test_a_listing_that_changed_under_its_index_says_so(lib, change):
    flt = DesignFilter(favourites_only=True)
    index = build_index(lib, flt, 10)
    favourites = lib.list(favourites_only=True, limit=COUNT)
    others = [d for d in lib.list(limit=COUNT) if not d.favourite]
    if "unstarred" in change:
        lib.set_favourite(favourites[3].id, False)  # in page 0
    if "starred" in change.replace("unstarred", ""):
        lib.set_favourite(others[5].id, True)
    assert read_page(lib, index, 0) is None  # not silently shifted by one
    assert read_page(lib, build_index(lib, flt, 10), 0) is not None


# --- the visitor scope --------------------------------------------------------------------------


def _scoped_reads(library: Library, design_id: str) -> dict[str, bool]:
    """Whether each kind of read can reach `design_id`."""
    d = library.get(design_id)
    prompt_word = d.request.prompt.split()[0] if d else "number"
    index = build_index(library, DesignFilter(), 50)
    paged = {x.id for p in range(index.pages) for _k, x in read_page(library, index, p) or [] if x}
    return {
        "get": d is not None,
        "list": design_id in {x.id for x in library.list(limit=COUNT + 10)},
        "search": design_id in {x.id for x in library.list(search=prompt_word, limit=COUNT + 10)},
        "favourites": design_id in {x.id for x in library.list(favourites_only=True, limit=COUNT + 10)},
        "pages": design_id in paged,
        "key": library.key_of(design_id, DesignFilter()) is not None,
        "existing": design_id in library.existing([design_id]),
    }


@pytest.mark.parametrize("clock", ["steady", "stepped back"])
def test_the_visitor_scope_hides_earlier_designs_from_every_read(lib, monkeypatch, clock):
    earlier = lib.list(limit=COUNT)
    starred_earlier = next(d for d in earlier if d.favourite)
    started = time.time()
    lib.set_visible_since(started)
    if clock == "stepped back":  # the visitor's designs carry times before the session began
        real = time.time
        monkeypatch.setattr(store.time, "time", lambda: real() - 3600)
    parent = lib.add(design("pearl white number 900", seed=900))
    child = lib.add(design("pearl white number 901", seed=901, parent=parent.id))
    lib.set_favourite(parent.id, True)
    refined_from_earlier = lib.add(design("gold wheels number 902", seed=902, parent=starred_earlier.id))

    assert lib.count() == 3 and lib.count(favourites_only=True) == 1
    assert all(_scoped_reads(lib, parent.id).values())
    for old in (earlier[0], earlier[-1], starred_earlier):
        assert not any(_scoped_reads(lib, old.id).values()), old.request.prompt
        with pytest.raises(KeyError):
            lib.set_favourite(old.id, False)  # not even written through its id
    assert [d.id for d in lib.lineage(child.id)] == [parent.id, child.id]
    assert [d.id for d in lib.lineage(refined_from_earlier.id)] == [refined_from_earlier.id]
    assert [d.id for d in lib.children(starred_earlier.id)] == [refined_from_earlier.id]  # only the visitor's own
    assert lib.visible_since == started

    lib.set_visible_since(None)  # back to every design (not a kiosk any more)
    assert lib.count() == COUNT + 3 and lib.get(starred_earlier.id).favourite
