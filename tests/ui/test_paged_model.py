"""The paging the Library grid and the Curation gallery share (`ui/widgets/paged_model.py`), seen through the gallery:
a page the store cannot read is said once, not read again on every paint (a store that is down would otherwise be
asked, and the person told, on every frame), and a reload reads it again."""

from __future__ import annotations

import pytest

from app.curation.models import Candidate, EntryFilter
from app.curation.store import open_store
from app.curation.thumbnail_cache import ThumbnailCache
from ui.curation.gallery_model import EntryRole, GalleryModel
from ui.widgets.thumbnails import ThumbnailLoader

WAIT_MS = 10_000


class Flaky:
    """The real store, whose page reads fail while `down` is set (a shared server gone away)."""

    def __init__(self, store) -> None:
        self._store = store
        self.down = False
        self.pages_asked = 0

    def __getattr__(self, name):
        return getattr(self._store, name)

    def page(self, *args, **kwargs):
        self.pages_asked += 1
        if self.down:
            raise OSError("the curation server went away")
        return self._store.page(*args, **kwargs)


@pytest.fixture
def flaky_store(tmp_path):
    store = open_store(str(tmp_path / "curation.db"), tmp_path / "default.db")
    store.add([Candidate(f"file:{n:064d}", "folder", f"e/{n}.png", name=f"SM6 {n}") for n in range(250)])
    yield Flaky(store)
    store.close()


@pytest.fixture
def model(qtbot, flaky_store, tmp_path):
    loader = ThumbnailLoader()
    made = GalleryModel(flaky_store, loader, ThumbnailCache(tmp_path / "thumbs"), page_size=100)
    yield made
    made.deleteLater()
    loader.shutdown()


def test_a_page_that_cannot_be_read_is_told_once_and_read_again_after_a_reload(qtbot, model, flaky_store):
    with qtbot.waitSignal(model.sig_loaded, timeout=WAIT_MS):
        model.load(EntryFilter())
    assert model.rowCount() == 250 and model.pages_read() == {0}
    flaky_store.down = True
    asked = flaky_store.pages_asked
    errors = []
    model.sig_error.connect(errors.append)
    with qtbot.waitSignal(model.sig_error, timeout=WAIT_MS):
        assert model.index(240).data(EntryRole) is None  # painting a placeholder asks for its page
    for _frame in range(5):  # more frames paint the same placeholders, and others
        for row in (120, 180, 240):
            assert model.index(row).data(EntryRole) is None
    qtbot.wait(50)
    assert flaky_store.pages_asked == asked + 1 and len(errors) == 1

    flaky_store.down = False
    with qtbot.waitSignal(model.sig_loaded, timeout=WAIT_MS):
        model.load(EntryFilter())
    model.index(240).data(EntryRole)
    qtbot.waitUntil(lambda: model.index(240).data(EntryRole) is not None, timeout=WAIT_MS)
    assert model.index(240).data(EntryRole).name == "SM6 9"  # newest first
    assert len(errors) == 1
