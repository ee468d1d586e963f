"""What every design store must do (app/library/interface.py `DesignStore`), written once for every implementation.

A test module subclasses `StoreContract` and provides a `store_factory` fixture (see `StoreFactory`), parametrised
over its implementations; tests/app/test_store_contract.py runs it on the SQLite library. A PostgreSQL store joins by
adding one factory there. Only the interface is used here: nothing in this file knows how a store keeps its rows.

Stated behaviour (today's, kept on purpose):
- The same PNG added twice is ONE image (content-addressed: one file, one SHA-256) shown by TWO designs (each add is
  a design of its own, with its own id, whatever its provenance).
- Deleting a design removes its descriptions and drafts; its image goes only when no other design shows it; designs
  refined from it stay, and their lineage then starts at themselves.
- Removing one (store_contract_removal.py) hides it from every read, and can be undone until it is purged.
"""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path
from typing import Callable, Protocol

import pytest

from app.changes import Change, DescriptionSaved, DesignAdded, DesignChanged, DesignDeleted, DesignRestored
from app.errors import StorageError
from app.library.interface import DesignStore, ImageStore
from app.library.models import Design, DesignFilter
from app.library.paging import build_index, position_in, read_page
from tests.app.test_library import design, png

# Prompts chosen so odd searches have something they could wrongly match: quotes, FTS operators, wildcards, emoji.
PROMPTS = (
    "pearl white",
    "gold wheels",
    "부산 야경",
    "midnight 50% blue",
    "hanok_courtyard",
    'say "AND" loudly',
    "star* burst - minus",
    "emoji 🚗 road",
    "NEAR the OR gate NOT",
    "back\\slash (paren) col:on",
    "nul\x00inside the prompt",
)
COUNT = 40  # listed designs: every third starred


class StoreFactory(Protocol):
    def new(self) -> DesignStore:
        """An empty, writable store with a feed of its own; closed by the factory at the end of the test."""
        ...

    def read_only(self, store: DesignStore) -> DesignStore:
        """A second handle on `store`'s designs that may not write (as a store on a read-only folder or account)."""
        ...


def listing(store: DesignStore, flt: DesignFilter, *, page_size: int = 7) -> list[Design]:
    """The whole listing, read with keyset pages only (page_keys, then page between keys)."""
    found: list[Design] = []
    below: int | None = None
    while True:
        keys = store.page_keys(flt, below=below, limit=page_size)
        if not keys:
            return found
        rows = store.page(flt, newest=keys[0], older_than=None, limit=len(keys))
        assert [key for key, _ in rows] == keys
        found += [d for _, d in rows if d is not None]
        below = keys[-1]


def read_with_index(store: DesignStore, flt: DesignFilter, *, page_size: int, chunk: int) -> list[str]:
    """The whole listing through app/library/paging.py's snapshot index, checking every row's page and position."""
    index = build_index(store, flt, page_size, chunk=chunk)
    found: list[str] = []
    for page in range(index.pages):
        rows = read_page(store, index, page)
        assert rows is not None and len(rows) == index.page_length(page)
        for key, d in rows:
            assert index.page_of_key(key) == page and position_in(index, page, rows, key) == len(found)
            found.append(d.id)
    assert len(found) == index.total
    return found


def ids(designs: list[Design]) -> list[str]:
    return [d.id for d in designs]


class Recorder:
    """Subscribes to a store's feed; each change is recorded with what the store said about it at that instant."""

    def __init__(self, store: DesignStore) -> None:
        self.store = store
        self.heard: list[tuple[Change, object]] = []
        store.changes.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        seen: object = None
        if isinstance(change, (DesignAdded, DesignChanged, DesignRestored)):
            seen = self.store.get(change.design.id)
        elif isinstance(change, DesignDeleted):
            seen = self.store.get(change.design_id)
        elif isinstance(change, DescriptionSaved):
            seen = self.store.description(change.design_id, change.language)
        self.heard.append((change, seen))

    def close(self) -> None:
        self.store.changes.unsubscribe(self._on_change)


class StoreContract:
    """Every test takes `store_factory` from the module that runs the contract."""

    @pytest.fixture
    def store(self, store_factory: StoreFactory) -> DesignStore:
        return store_factory.new()

    @pytest.fixture
    def filled(self, store: DesignStore) -> tuple[DesignStore, list[Design]]:
        """COUNT designs (oldest first), every third starred; images repeat every nine designs."""
        images = [png(i) for i in range(9)]
        made = store.add_many(
            design(f"{PROMPTS[i % len(PROMPTS)]} number {i}", image=images[i % 9], seed=i) for i in range(COUNT)
        )
        made = [store.set_favourite(d.id, True) if i % 3 == 0 else d for i, d in enumerate(made)]
        return store, made

    # --- what it is -----------------------------------------------------------------------------------------

    def test_it_is_a_design_store_with_an_image_store(self, store):
        assert isinstance(store, DesignStore) and isinstance(store.images, ImageStore)
        assert not store.is_read_only and store.read_only_reason == ""

    # --- the image store --------------------------------------------------------------------------------------

    def test_images_are_kept_by_content_idempotently(self, store):
        images = store.images
        first = images.put(png(5))
        assert first == hashlib.sha256(png(5)).hexdigest() and images.has(first) and images.open(first) == png(5)
        assert images.put(png(5)) == first and images.open(first) == png(5)  # again: the same image, unharmed
        other = images.put(png(6))
        assert other != first and images.open(other) == png(6)
        images.discard(first)
        assert not images.has(first) and images.has(other)
        with pytest.raises(KeyError):
            images.open(first)
        images.discard(first)  # twice is harmless

    @pytest.mark.parametrize(
        "name",
        ["", "../../etc/passwd", "/etc/passwd", "A" * 64, "g" * 64, "0" * 63, "0" * 65, "0" * 32 + "\x00" + "0" * 31],
        ids=["empty", "relative escape", "absolute", "upper case", "not hex", "short", "long", "NUL"],
    )
    def test_an_image_name_that_is_not_a_digest_reaches_no_file(self, store, name):
        store.images.put(png(1))
        assert not store.images.has(name)
        with pytest.raises(KeyError):
            store.images.open(name)
        store.images.discard(name)  # never raises, never removes anything
        assert store.images.has(hashlib.sha256(png(1)).hexdigest())

    # --- adding and reading back ------------------------------------------------------------------------------

    def test_add_then_get_round_trips_every_field_and_the_image(self, store):
        before = time.time()
        parent = store.add(design("부산 야경 pearl", seed=3))
        new = design('child "refined" 🚗', image=png(7, size=(24, 12)), seed=9, parent=parent.id)
        child = store.add(new)
        got = store.get(child.id)
        assert got == child
        for name in ("request", "seed", "prompt_final", "negative_final", "model_name", "model_hash", "device"):
            assert getattr(got, name) == getattr(new, name), name
        assert got.parent_id == parent.id and got.extra == new.extra and not got.favourite
        assert (got.width, got.height) == (24, 12) and before <= got.created_at <= time.time()
        assert got.image_sha256 == hashlib.sha256(new.png).hexdigest()
        assert store.images.open(got.image_sha256) == new.png == Path(got.image_path).read_bytes()
        assert store.image_path(got.image_sha256) == Path(got.image_path) and store.images.has(got.image_sha256)
        assert store.has_image(got.image_sha256) and store.existing([got.id, parent.id, "nope"]) == {got.id, parent.id}

    def test_the_same_image_twice_is_one_image_shown_by_two_designs(self, store):
        same = png(42)
        a = store.add(design("one", image=same, seed=1))
        b = store.add(design("one", image=same, seed=1))  # even with the same provenance
        assert a.id != b.id and a.image_sha256 == b.image_sha256 and a.image_path == b.image_path
        assert store.count() == 2
        store.delete(a.id)
        assert store.images.open(b.image_sha256) == same  # still shown by b
        store.delete(b.id)
        assert not store.images.has(b.image_sha256) and not store.has_image(b.image_sha256)

    def test_add_many_keeps_the_order_and_lists_newest_first(self, store):
        made = store.add_many(design(f"batch {i}", seed=i) for i in range(5))
        assert [d.request.prompt for d in made] == [f"batch {i}" for i in range(5)]
        assert ids(listing(store, DesignFilter())) == ids(made)[::-1]
        assert store.newest_ids(DesignFilter(), limit=2) == [made[4].id, made[3].id]

    @pytest.mark.parametrize(
        "bad",
        [b"", b"not a png at all", b"\x89PNG\r\n\x1a\n", png(1)[:40], b"\xff\xd8\xff\xe0 a jpeg"],
        ids=["empty", "text", "signature only", "truncated", "jpeg"],
    )
    def test_an_image_that_is_not_a_png_is_refused_and_nothing_is_stored(self, store, bad):
        recorder = Recorder(store)
        with pytest.raises(ValueError):
            store.add_many([design("good", seed=1), design("bad", image=bad, seed=2)])
        assert store.count() == 0 and recorder.heard == []
        assert not store.images.has(hashlib.sha256(png(1)).hexdigest())
        recorder.close()

    # --- keyset pages, filters and counts ----------------------------------------------------------------------

    def test_keyset_pages_stay_whole_while_designs_are_added_during_paging(self, filled):
        store, made = filled
        expected = ids(made)[::-1]
        found: list[str] = []
        below: int | None = None
        added: list[Design] = []
        for round_ in range(100):
            keys = store.page_keys(DesignFilter(), below=below, limit=6)
            if not keys:
                break
            found += [d.id for _, d in store.page(DesignFilter(), newest=keys[0], older_than=None, limit=len(keys))]
            below = keys[-1]
            added.append(store.add(design(f"arrived while paging {round_}", seed=1000 + round_)))
        assert found == expected  # no duplicate, no gap, newest first
        first = store.key_of(made[-1].id, DesignFilter())
        assert all(store.key_of(d.id, DesignFilter()) > first for d in added)  # new designs sort above
        assert ids(listing(store, DesignFilter()))[: len(added)] == ids(added)[::-1]

    @pytest.mark.parametrize(
        "flt",
        [
            DesignFilter(),
            DesignFilter("pearl"),
            DesignFilter("PEARL number"),  # every word, any case
            DesignFilter("부산"),  # two letters: shorter than a trigram
            DesignFilter("야경 number"),
            DesignFilter("50%"),  # a LIKE wildcard typed as text
            DesignFilter("hanok_"),
            DesignFilter(favourites_only=True),
            DesignFilter("white", favourites_only=True),
            DesignFilter("zeppelin"),  # nothing at all
        ],
    )
    def test_filters_pages_counts_and_keys_agree_with_the_filter_rule(self, filled, flt):
        store, made = filled
        expected = [d.id for d in reversed(made) if flt.matches(store.get(d.id))]
        assert ids(listing(store, flt, page_size=4)) == expected
        assert store.count(search=flt.search, favourites_only=flt.favourites_only) == len(expected)
        assert store.newest_ids(flt, limit=3) == expected[:3]
        assert {d.id for d in made if store.key_of(d.id, flt) is not None} == set(expected)
        assert read_with_index(store, flt, page_size=6, chunk=5) == expected  # pages straddle the key chunks
        assert read_with_index(store, flt, page_size=max(1, len(expected)), chunk=10_000) == expected

    @pytest.mark.parametrize("change", ["unstarred", "starred", "unstarred and starred"])
    def test_a_listing_that_changed_under_its_index_says_so(self, filled, change):
        store, made = filled
        flt = DesignFilter(favourites_only=True)
        index = build_index(store, flt, 4)
        favourites = [d for d in reversed(made) if d.favourite]
        others = [d for d in reversed(made) if not d.favourite]
        if "unstarred" in change:
            store.set_favourite(favourites[1].id, False)  # in page 0
        if "starred" in change.replace("unstarred", ""):
            store.set_favourite(others[2].id, True)
        assert read_page(store, index, 0) is None  # not silently shifted by one
        assert read_page(store, build_index(store, flt, 4), 0) is not None

    @pytest.mark.parametrize(
        "text",
        [
            '"',
            "'",
            '""',
            "AND",
            "OR",
            "NOT",
            "NEAR",
            "NEAR(pearl white)",
            "*",
            "pea*",
            "-",
            "-pearl",
            '"pearl',
            'pearl"white',
            "pearl AND gold",
            "search_text:pearl",
            "{pearl}",
            "^pearl",
            "(paren)",
            "\\",
            "%",
            "_",
            "\x00",
            "pearl\x00white",
            "🚗",
            "🚗🚗🚗",
            "x" * 10_000,
            "pearl " * 2_000,  # 10,000 characters of one repeated word
            " ".join(f"w{i}" for i in range(1_500)),  # 1,500 different words
            " ".join(f"p{i}" for i in range(5_000)),  # more words than one SQL clause takes
            " ".join(sorted({"pearl white number"[a:b] for a in range(18) for b in range(a + 1, a + 6)})),  # all hit
            "inside",
            "nul\x00inside",
            "   \t\n",
        ],
    )
    def test_odd_search_text_neither_raises_nor_matches_wrongly(self, filled, text):
        store, made = filled
        flt = DesignFilter(text)
        expected = [d.id for d in reversed(made) if flt.matches(d)]
        assert ids(listing(store, flt, page_size=50)) == expected
        assert store.count(search=text) == len(expected)
        assert ids(listing(store, DesignFilter(text, favourites_only=True), page_size=50)) == [
            i for i in expected if store.get(i).favourite
        ]

    # --- lineage ---------------------------------------------------------------------------------------------------

    def test_lineage_runs_from_the_root_and_children_are_oldest_first(self, store):
        root = store.add(design("root", seed=1))
        middle = store.add(design("middle", seed=2, parent=root.id))
        leaf = store.add(design("leaf", seed=3, parent=middle.id))
        sibling = store.add(design("sibling", seed=4, parent=root.id))
        assert ids(store.lineage(leaf.id)) == [root.id, middle.id, leaf.id]
        assert ids(store.lineage(root.id)) == [root.id]
        assert ids(store.children(root.id)) == [middle.id, sibling.id]
        assert store.children(leaf.id) == [] and store.lineage("no-such-design") == []
        store.delete(middle.id)
        assert ids(store.lineage(leaf.id)) == [leaf.id]  # the link back is lost, the design is not
        assert store.get(leaf.id).parent_id == middle.id and ids(store.children(root.id)) == [sibling.id]

    # --- favourites and removal ---------------------------------------------------------------------------------

    def test_a_favourite_is_set_and_unset(self, filled):
        store, made = filled
        target = next(d for d in made if not d.favourite)
        before = store.count(favourites_only=True)
        assert store.set_favourite(target.id, True).favourite and store.get(target.id).favourite
        assert store.count(favourites_only=True) == before + 1
        assert store.set_favourite(target.id, True).favourite  # twice is still once
        assert store.count(favourites_only=True) == before + 1
        assert not store.set_favourite(target.id, False).favourite and not store.get(target.id).favourite
        assert store.count(favourites_only=True) == before

    @pytest.mark.parametrize("missing", ["", "nope", "'; DROP TABLE designs; --", "\x00", "%", "🚗" * 300])
    def test_edits_of_a_design_that_is_not_there_raise_key_error_and_publish_nothing(self, filled, missing):
        store, made = filled
        recorder = Recorder(store)
        with pytest.raises(KeyError):
            store.set_favourite(missing, True)
        with pytest.raises(KeyError):
            store.delete(missing)
        with pytest.raises(KeyError):
            store.save_description(missing, "en", "text")
        assert store.get(missing) is None and store.count() == COUNT and recorder.heard == []
        recorder.close()

    def test_delete_removes_the_design_its_descriptions_and_its_own_image(self, filled):
        store, made = filled
        victim = made[-1]  # its image (png(39 % 9)) is shared with made[-10]...
        alone = store.add(design("only me", image=png(99), seed=99))
        for target in (victim, alone):
            store.save_description(target.id, "en", "A calm grey SM6.")
            store.add_draft(
                target.id, language="ko", source="offline", model="t", prompt="p", text="초안", finish_reason=None
            )
        store.delete(victim.id)
        store.delete(alone.id)
        for target in (victim, alone):
            assert store.get(target.id) is None and store.existing([target.id]) == set()
            assert store.key_of(target.id, DesignFilter()) is None
            assert target.id not in ids(listing(store, DesignFilter()))
            assert store.descriptions(target.id) == {} and store.drafts(target.id) == []
        assert store.images.has(victim.image_sha256) and Path(victim.image_path).is_file()  # others show it
        assert not store.images.has(alone.image_sha256) and not Path(alone.image_path).exists()
        assert store.count() == COUNT - 1

    # --- the change feed -----------------------------------------------------------------------------------------

    def test_every_write_is_published_once_after_it_is_readable(self, store):
        recorder = Recorder(store)
        made = store.add_many([design("one", seed=1), design("two", seed=2)])
        store.set_favourite(made[0].id, True)
        store.save_description(made[0].id, "ko", "진주색 SM6")
        store.delete(made[1].id)
        kinds = [type(change) for change, _ in recorder.heard]
        assert kinds == [DesignAdded, DesignAdded, DesignChanged, DescriptionSaved, DesignDeleted]
        (added0, seen0), (added1, seen1), (changed, seen_fav), (saved, seen_text), (deleted, seen_gone) = recorder.heard
        assert seen0 == added0.design == made[0] and seen1 == made[1]  # readable when heard
        assert changed.fields == ("favourite",) and changed.design.favourite and seen_fav.favourite
        assert seen_text.text == "진주색 SM6" and deleted.design_id == made[1].id and seen_gone is None
        recorder.close()

    def test_writes_from_another_thread_are_published_on_that_thread(self, store):
        heard: list[str] = []
        store.changes.subscribe(lambda change: heard.append(threading.current_thread().name))
        worker = threading.Thread(target=lambda: store.add(design("from a worker", seed=5)), name="contract-writer")
        worker.start()
        worker.join(timeout=10)
        assert heard == ["contract-writer"] and store.count() == 1

    # --- read-only -------------------------------------------------------------------------------------------------

    def test_a_read_only_store_reads_and_refuses_every_write_in_plain_words(self, filled, store_factory):
        store, made = filled
        store.save_description(made[0].id, "en", "kept")
        reader = store_factory.read_only(store)
        recorder = Recorder(reader)
        assert reader.is_read_only and reader.read_only_reason
        assert ids(listing(reader, DesignFilter())) == ids(made)[::-1] and reader.description(made[0].id, "en")
        writes: list[Callable[[], object]] = [
            lambda: reader.add(design("new", seed=500)),
            lambda: reader.add_many([design("new", seed=501)]),
            lambda: reader.set_favourite(made[1].id, True),
            lambda: reader.delete(made[1].id),
            lambda: reader.save_description(made[1].id, "en", "new text"),
            lambda: reader.add_draft(
                made[1].id, language="en", source="offline", model="m", prompt="p", text="t", finish_reason=None
            ),
        ]
        for write in writes:
            with pytest.raises(StorageError) as info:
                write()
            message = str(info.value)
            assert "read-only" in message and "Traceback" not in message and "sqlite" not in message.lower()
        assert reader.count() == COUNT and not reader.get(made[1].id).favourite and recorder.heard == []
        assert store.count() == COUNT  # nothing reached the writable handle either
        recorder.close()

    # --- the visitor scope (a kiosk shows only the current visitor's designs) ---------------------------------------

    @pytest.mark.parametrize("clock", ["steady", "stepped back"])
    def test_the_visitor_scope_hides_earlier_designs_from_every_read_and_edit(self, filled, monkeypatch, clock):
        store, made = filled
        starred_earlier = next(d for d in made if d.favourite)
        started = time.time()
        store.set_visible_since(started)
        if clock == "stepped back":  # the visitor's designs carry times before the session began
            real = time.time
            monkeypatch.setattr(time, "time", lambda: real() - 3600)
        parent = store.add(design("pearl white number 900", seed=900))
        child = store.add(design("pearl white number 901", seed=901, parent=parent.id))
        store.set_favourite(parent.id, True)
        from_earlier = store.add(design("gold wheels number 902", seed=902, parent=starred_earlier.id))

        assert store.count() == 3 and store.count(favourites_only=True) == 1 and store.count(search="pearl") == 2
        assert ids(listing(store, DesignFilter())) == [from_earlier.id, child.id, parent.id]
        for old in (made[0], made[-1], starred_earlier):
            assert store.get(old.id) is None and store.existing([old.id]) == set()
            assert store.key_of(old.id, DesignFilter()) is None
            assert old.id not in ids(listing(store, DesignFilter(old.request.prompt.split()[0])))
            with pytest.raises(KeyError):
                store.set_favourite(old.id, False)  # not even written through its id
            with pytest.raises(KeyError):
                store.delete(old.id)
        assert ids(store.lineage(child.id)) == [parent.id, child.id]
        assert ids(store.lineage(from_earlier.id)) == [from_earlier.id]
        assert ids(store.children(starred_earlier.id)) == [from_earlier.id]  # only the visitor's own
        assert store.visible_since == started

        store.set_visible_since(None)  # every design again (not a kiosk any more)
        assert store.count() == COUNT + 3 and store.get(starred_earlier.id).favourite
