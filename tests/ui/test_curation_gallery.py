"""The Curation gallery stays fast at 100,000 entries: the scroll bar spans them all at once, scrolling to the end
reads only the pages shown, no store query runs on the UI thread, pictures are the thumbnails stored at import (no
original is read), a store from before them builds them from the originals into the disk cache once (and the
thumbnail pass fills them in), a damaged cache file is rebuilt, and an unreadable picture shows the "could not read"
tile. A judge's score and flags are on the tile; a blind round hides the entrant's name."""

from __future__ import annotations

import hashlib
import io
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from app.curation.models import (
    CONFLICT,
    DEFAULT_CRITERIA,
    SCORED,
    UNREADABLE_IMAGE,
    Candidate,
    EntryFilter,
    Problem,
)
from app.curation.store import open_store
from app.curation.thumbnail_cache import ThumbnailCache
from app.curation.thumbnail_pass import backfill_thumbnails
from app.messages import as_message
from tests.fixtures.shots import save_shot
from ui.curation.entry_tile_delegate import entry_grid
from ui.curation.gallery_model import (
    FLAG_CONFLICT,
    FLAG_DISQUALIFIED,
    FLAG_DUPLICATE,
    EntryRole,
    FailedRole,
    FlagsRole,
    GalleryModel,
    ScoreRole,
)
from ui.i18n import apply_language
from ui.theme import apply_theme
from ui.widgets.thumbnails import ThumbnailLoader

WAIT_MS = 10_000


class Watched:
    """The real store, each call noting its method and thread (the thread is what the tests check)."""

    def __init__(self, store) -> None:
        self._store = store
        self.calls: list[tuple[str, str]] = []

    def __getattr__(self, name):
        found = getattr(self._store, name)
        if not callable(found):
            return found

        def call(*args, **kwargs):
            self.calls.append((name, threading.current_thread().name))
            return found(*args, **kwargs)

        return call

    def called(self, name: str) -> int:
        return sum(1 for called, _thread in self.calls if called == name)

    def on_ui_thread(self) -> list[str]:
        return [name for name, thread in self.calls if thread == threading.main_thread().name]


def png(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), ((n * 53) % 256, (n * 97) % 256, 140)).save(out, "PNG")
    return out.getvalue()


def candidate(n: int, image: bytes | None = None, **fields) -> Candidate:
    picture = png(n) if image is None else image
    sha = hashlib.sha256(picture).hexdigest() if picture else ""
    fields.setdefault("name", f"Pearl SM6 number {n}")
    return Candidate(f"file:{n:064d}", "folder", f"entries/{n}.png", picture, sha, 640, 480, **fields)


@pytest.fixture
def real_store(tmp_path):
    """A real SQLite curation store holding `candidates`, its keys ascending in the order given."""
    opened = []

    def open_(candidates):
        store = open_store(str(tmp_path / "curation.db"), tmp_path / "default.db")
        opened.append(store)
        store.add(candidates)
        return Watched(store)

    yield open_
    for store in opened:
        store.close()


@pytest.fixture(scope="module")
def hundred_thousand(tmp_path_factory):
    """100,000 submissions in a real SQLite store (no pictures: this is about the listing), built once."""
    folder = tmp_path_factory.mktemp("curation-100k")
    store = open_store(str(folder / "curation.db"), folder / "default.db")
    store.add([Candidate(f"file:{n:064d}", "folder", f"e/{n}.png", name=f"SM6 {n}") for n in range(100_000)])
    yield Watched(store)
    store.close()


@pytest.fixture
def loader():
    made = ThumbnailLoader()
    yield made
    made.shutdown()


@pytest.fixture
def open_gallery(qtbot, loader, tmp_path):
    """A grid over a model at 1280×800, its first listing shown; closed after the test."""
    made = []

    def open_(store, *, flt, judge, cache=None, thumbs=None):
        grid = entry_grid()
        model = GalleryModel(store, thumbs or loader, cache or ThumbnailCache(tmp_path / "thumbs"), judge_id=judge)
        grid.setModel(model)
        grid.resize(1280, 800)
        grid.show()
        made.append((grid, model))
        with qtbot.waitSignal(model.sig_loaded, timeout=WAIT_MS):
            model.load(flt)
        return grid, model

    yield open_
    for grid, model in made:
        grid.close()
        grid.setModel(None)
        grid.deleteLater()
        model.deleteLater()


def without_thumbnails(store: Watched) -> Watched:
    """The store as one from before thumbnails were stored at import: its pictures have none."""
    store._store._db.write(lambda tx: tx.execute("DELETE FROM thumbnails"))
    return store


def shown_rows(grid) -> range:
    return grid.visible_rows()


def pictures_arrived(model, rows) -> bool:
    return all(isinstance(model.index(r).data(Qt.ItemDataRole.DecorationRole), QPixmap) for r in rows)


def test_a_hundred_thousand_entries_appear_at_once_and_scrolling_reads_only_the_pages_shown(
    qtbot, hundred_thousand, open_gallery
):
    store = hundred_thousand
    store.calls.clear()
    grid, model = open_gallery(store, flt=EntryFilter(), judge=None)
    assert model.rowCount() == model.total == 100_000
    bar = grid.verticalScrollBar()
    spans_all = -(-100_000 // grid.columns) * grid.gridSize().height() - grid.viewport().height()
    qtbot.waitUntil(lambda: bar.maximum() == spans_all, timeout=WAIT_MS)  # the view lays out on its next turn
    newest = model.index(0).data(EntryRole)
    assert newest.name == "SM6 99999"  # newest first, the first page came with the count
    assert model.pages_read() == {0}

    bar.setValue(bar.maximum())
    grid.viewport().repaint()
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.index(last).data(EntryRole) is not None, timeout=WAIT_MS)
    assert model.index(last).data(EntryRole).name == "SM6 0"
    shown_pages = {row // 100 for row in shown_rows(grid)}
    assert model.pages_read() == {0} | shown_pages  # nothing in between was read
    assert store.called("page") == 1 + len(shown_pages)
    assert store.called("page_keys") == 11  # the index: ten chunks of 10,000 keys, and the empty end
    assert store.on_ui_thread() == []


def test_pictures_are_the_thumbnails_stored_at_import_and_no_original_is_read(
    qtbot, open_gallery, real_store, tmp_path
):
    store = real_store([candidate(n) for n in range(40)])
    cache = ThumbnailCache(tmp_path / "thumbs")
    grid, model = open_gallery(store, cache=cache, flt=EntryFilter(), judge=None)
    rows = shown_rows(grid)
    grid.viewport().repaint()
    qtbot.waitUntil(lambda: pictures_arrived(model, rows), timeout=WAIT_MS)
    assert store.called("image") == 0 and cache.built == 0  # no original read, nothing written to disk
    assert store.called("thumbnail") >= len(rows)
    picture = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert min(picture.width(), picture.height()) == 256  # the 640×480 original, as its 256 px thumbnail
    assert store.on_ui_thread() == []


def test_a_store_from_before_builds_pictures_once_into_the_disk_cache_until_the_pass_fills_them_in(
    qtbot, open_gallery, real_store, tmp_path
):
    store = without_thumbnails(real_store([candidate(n) for n in range(40)]))
    cache = ThumbnailCache(tmp_path / "thumbs")
    grid, model = open_gallery(store, cache=cache, flt=EntryFilter(), judge=None)
    rows = shown_rows(grid)
    grid.viewport().repaint()
    qtbot.waitUntil(lambda: pictures_arrived(model, rows), timeout=WAIT_MS)
    files = [cache.path_for(model.index(r).data(EntryRole).image_sha256, model.thumb_side) for r in rows]
    assert all(f.is_file() for f in files) and cache.built == len(rows)
    originals_read = store.called("image")

    second_cache, fresh_loader = ThumbnailCache(tmp_path / "thumbs"), ThumbnailLoader()
    try:
        grid2, model2 = open_gallery(store, cache=second_cache, thumbs=fresh_loader, flt=EntryFilter(), judge=None)
        grid2.viewport().repaint()
        qtbot.waitUntil(lambda: pictures_arrived(model2, rows), timeout=WAIT_MS)
    finally:
        fresh_loader.shutdown()
    assert store.called("image") == originals_read and second_cache.built == 0  # no original decoded again
    assert store.on_ui_thread() == []

    assert backfill_thumbnails(store).made == 40
    store.calls.clear()
    third_cache, third_loader = ThumbnailCache(tmp_path / "other-thumbs"), ThumbnailLoader()
    try:
        grid3, model3 = open_gallery(store, cache=third_cache, thumbs=third_loader, flt=EntryFilter(), judge=None)
        grid3.viewport().repaint()
        qtbot.waitUntil(lambda: pictures_arrived(model3, rows), timeout=WAIT_MS)
    finally:
        third_loader.shutdown()
    assert store.called("image") == 0 and third_cache.built == 0  # a fresh machine reads only the stored ones


def test_a_damaged_thumbnail_file_is_rebuilt_and_shown(qtbot, open_gallery, real_store, tmp_path):
    added = [candidate(n) for n in range(3)]
    store = without_thumbnails(real_store(added))
    cache = ThumbnailCache(tmp_path / "thumbs")
    path = cache.path_for(added[2].image_sha256, 256)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"RIFF\x10\x00\x00\x00WEBP cut short")
    grid, model = open_gallery(store, cache=cache, flt=EntryFilter(), judge=None)
    grid.viewport().repaint()
    qtbot.waitUntil(lambda: pictures_arrived(model, range(3)), timeout=WAIT_MS)
    assert cache.built == 3 and path.stat().st_size > 100
    with Image.open(path) as rebuilt:
        assert rebuilt.format == "WEBP"


def test_an_unreadable_picture_shows_the_could_not_read_tile(qtbot, open_gallery, real_store):
    kept_aside = Problem(UNREADABLE_IMAGE, as_message("not a picture"))
    store = real_store(
        [candidate(1), candidate(2, image=b"", problem=kept_aside), candidate(3, image=b"\x89PNG\r\n\x1a\n not one")]
    )
    grid, model = open_gallery(store, flt=EntryFilter(state="all"), judge=None)
    grid.viewport().repaint()
    broken, missing, fine = (model.index(row) for row in range(3))  # newest first
    assert missing.data(FailedRole)  # no picture at all: nothing to wait for
    qtbot.waitUntil(lambda: broken.data(FailedRole) and pictures_arrived(model, [2]), timeout=WAIT_MS)
    assert not fine.data(FailedRole)
    grid.viewport().repaint()
    assert any("failed" in key for key in grid.tile_delegate._tiles)


def judged(store, count: int, *, blind: bool = False, **made):
    """A judge and a round over every valid entry in `store` (a round listing, as judges see it); keys ascending."""
    keys = sorted(store.page_keys(EntryFilter(), limit=count))
    judge = store.add_judge("Ana")
    judged_round = store.create_round("First", criteria=DEFAULT_CRITERIA, blind=blind, entries=keys, by=judge.id)
    return judge, judged_round, keys


def test_a_judges_score_and_flags_show_on_the_tile_and_follow_a_change(qtbot, open_gallery, real_store):
    store = real_store([candidate(n) for n in range(3)])
    judge, first_round, (k1, k2, k3) = judged(store, 3)
    for criterion, value in (("sm6", 5), ("originality", 4), ("craft", 4), ("description", 2)):
        store.score(first_round.id, k3, judge.id, criterion, value)
    store.disqualify(k2, "unsafe", "", by=judge.id)
    store.set_duplicate_groups([[k3, k1]])
    store.calls.clear()
    grid, model = open_gallery(store, flt=EntryFilter(round_id=first_round.id), judge=judge.id)
    first, second, third = (model.index(row) for row in range(3))  # newest first: k3, k2, k1
    assert first.data(ScoreRole) == pytest.approx(0.35 * 5 + 0.25 * 4 + 0.25 * 4 + 0.15 * 2)
    assert first.data(FlagsRole) == {FLAG_DUPLICATE} and second.data(FlagsRole) == {FLAG_DISQUALIFIED}
    assert third.data(ScoreRole) is None

    store.set_verdict(first_round.id, k1, judge.id, CONFLICT)
    ranges = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): ranges.append((top.row(), bottom.row())))
    model.entry_changed(k1)
    qtbot.waitUntil(lambda: (2, 2) in ranges, timeout=WAIT_MS)
    assert all(top == bottom for top, bottom in ranges)  # one tile at a time (a thumbnail arriving is one too)
    assert third.data(FlagsRole) == {FLAG_DUPLICATE, FLAG_CONFLICT} and third.data(ScoreRole) is None
    store.set_verdict(first_round.id, k1, judge.id, SCORED)
    reads = store.called("submission")
    model.entry_changed(k1, store.score(first_round.id, k1, judge.id, "sm6", 4))  # the verdict in hand: no read
    assert third.data(ScoreRole) == 4 and store.called("submission") == reads
    assert store.on_ui_thread() == ["set_verdict", "set_verdict", "score"]  # the test's own writes: no model read


def test_a_blind_round_hides_the_entrants_name_and_a_name_is_only_ever_plain_text(qtbot, open_gallery, real_store):
    store = real_store([candidate(1), candidate(2, name=""), candidate(3, name="<b>Mine</b> <a href='x'>win</a>")])
    grid, model = open_gallery(store, flt=EntryFilter(), judge=None)
    number = model.index(1).data(EntryRole).key
    named, markup = model.index(2), model.index(0)
    assert named.data(Qt.ItemDataRole.DisplayRole) == "Pearl SM6 number 1"
    assert model.index(1).data(Qt.ItemDataRole.DisplayRole) == f"Entry {number}"  # no name: its number
    tooltip = markup.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tooltip and "&lt;b&gt;Mine" in tooltip  # shown as the words typed, never as markup
    model.set_blind(True)
    first = named.data(EntryRole).key
    assert named.data(Qt.ItemDataRole.DisplayRole) == f"Entry {first}"
    assert "Pearl" not in named.data(Qt.ItemDataRole.ToolTipRole)


def test_a_blind_rounds_listing_comes_blind(qtbot, open_gallery, real_store):
    store = real_store([candidate(1)])
    _judge, blind_round, (key,) = judged(store, 1, blind=True)
    grid, model = open_gallery(store, flt=EntryFilter(round_id=blind_round.id), judge=None)
    assert model.blind and model.index(0).data(Qt.ItemDataRole.DisplayRole) == f"Entry {key}"


def test_screenshots_of_the_gallery_in_english_and_korean(qtbot, qapp, open_gallery, real_store):
    """Pictures for people ($SM6_SHOTS_DIR), light theme: scores, flags, an unreadable picture, a selection."""
    made = [candidate(n) for n in range(30)]
    made[24] = candidate(24, image=b"\x89PNG\r\n\x1a\n not one")
    store = real_store(made)
    judge, first_round, keys = judged(store, 30)
    for n, value in ((29, 5), (28, 3), (25, 4), (20, 2)):
        for criterion in ("sm6", "craft"):
            store.score(first_round.id, keys[n], judge.id, criterion, value if criterion == "sm6" else 4)
    store.set_verdict(first_round.id, keys[27], judge.id, CONFLICT)
    store.disqualify(keys[26], "unsafe", "", by=judge.id)
    store.set_duplicate_groups([[keys[21], keys[20]], [keys[23], keys[19]]])
    store.set_verdict(first_round.id, keys[23], judge.id, CONFLICT)
    apply_theme(qapp, "light")
    try:
        grid, model = open_gallery(store, flt=EntryFilter(round_id=first_round.id), judge=judge.id)
        grid.viewport().repaint()
        waiting = [r for r in shown_rows(grid) if r != 5]  # the unreadable one
        qtbot.waitUntil(lambda: pictures_arrived(model, waiting), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: model.index(5).data(FailedRole), timeout=WAIT_MS)
        grid.setCurrentIndex(model.index(0))
        save_shot(grid, "curation_gallery_en")
        apply_language("ko")
        grid.viewport().repaint()
        assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == "Pearl SM6 number 29"
        save_shot(grid, "curation_gallery_ko")
    finally:
        apply_language("en")
        apply_theme(qapp, "dark")
