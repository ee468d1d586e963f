"""Keyset pages of the SQLite library that only SQLite can show: no page is read with OFFSET, and a row whose saved
settings are damaged keeps its place in its page. What every store's pages, filters and visitor scope must do is in
the store contract (tests/app/store_contract.py, run by test_store_contract.py)."""

from __future__ import annotations

import shutil
import sqlite3

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
