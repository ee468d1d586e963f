"""The Library grid at a size where shortcuts show (3,000 designs; `python -m tests.benchmarks library` measures
100,000): the scroll bar spans every design from the start, a thumbnail that arrives repaints only its own tile, no
query pages with OFFSET, none runs on the UI thread, and finding the selected design again after clearing a search
costs the same few queries however old the design is."""

from __future__ import annotations

import contextlib
import io
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from app.generation.request import GenerationRequest
from app.library.models import NewDesign
from app.library.store import Library
from ui.library.library_model import DesignRole
from ui.library.library_style import PAGE_SIZE

TOTAL = 3_000
WAIT_MS = 5000
# Reload after clearing a search, the kept design's page found by its key: the index (one chunk of keys), the newest
# ids, the first page, the key lookup, the design's page, and up to three pages more for a screen around it (about
# five in practice). Paging through towards the design took TOTAL / PAGE_SIZE queries, and more as it got older.
RESELECT_QUERIES = 8


def _png(index: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (48, 48), ((index * 53) % 256, (index * 97) % 256, 90)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def big_library(tmp_path_factory):
    """3,000 designs (a few images, content-addressed, shared) built once for the module; tests only read it."""
    folder = tmp_path_factory.mktemp("big-library")
    images = [_png(i) for i in range(24)]
    words = ("pearl", "gold", "midnight", "harbour", "부산")
    with Library.open(folder) as library:
        news = []
        for i in range(TOTAL):
            prompt = f"{words[i % len(words)]} sm6 number {i}"
            request = GenerationRequest(prompt=prompt, preset="studio", seed=i)
            news.append(NewDesign(images[i % len(images)], request, i, prompt, "", "tiny", "abc", "cpu"))
        library.add_many(news)
        for design in library.list(search="midnight", limit=TOTAL)[::7]:
            library.set_favourite(design.id, True)
    return folder


@pytest.fixture
def library(big_library):
    store = Library.open(big_library)
    yield store
    store.close()


class Trace:
    """Every statement the library runs, and whether any ran on the UI thread."""

    def __init__(self, library: Library) -> None:
        self.statements: list[str] = []
        self.on_ui_thread: list[str] = []
        self._conn = library._connection()  # noqa: SLF001 - sqlite3's own trace hook sees every statement
        self._conn.set_trace_callback(self._seen)

    def _seen(self, sql: str) -> None:
        if sql.startswith("--"):
            return  # a statement the full-text index runs inside one of ours
        self.statements.append(sql)
        if threading.current_thread() is threading.main_thread():
            self.on_ui_thread.append(sql)

    @contextlib.contextmanager
    def paused(self):
        """The test's own queries (on the UI thread, to know what to expect) are not the view's."""
        self._conn.set_trace_callback(None)
        try:
            yield
        finally:
            self._conn.set_trace_callback(self._seen)

    def since(self, mark: int) -> list[str]:
        return self.statements[mark:]

    def stop(self) -> None:
        self._conn.set_trace_callback(None)


@pytest.fixture
def view_and_trace(library_views, library, qtbot):
    trace = Trace(library)
    view = library_views(library)
    qtbot.waitUntil(lambda: view.model.is_ready, timeout=WAIT_MS)
    yield view, trace
    trace.stop()


def _settle(qtbot, view) -> None:
    """Until every tile on screen shows its design and picture (or its placeholder for a picture that failed)."""
    grid = view.grid

    def done() -> bool:
        rows = grid.visible_rows()
        return all(view.model.index(r).data(DesignRole) is not None for r in rows) and not view.loader.is_busy()

    qtbot.waitUntil(done, timeout=WAIT_MS)


def _scroll_to(qtbot, view, fraction: float) -> None:
    bar = view.grid.verticalScrollBar()
    bar.setValue(round(bar.maximum() * fraction))
    _settle(qtbot, view)


@pytest.mark.parametrize(
    "size", [(1192, 770), (1832, 1030), (936, 640)], ids=["1280x800 window", "1920x1080 window", "smallest window"]
)
def test_the_scroll_bar_spans_every_design_from_the_start(view_and_trace, qtbot, tmp_path, size):
    view, trace = view_and_trace
    view.resize(*size)
    view.layout().activate()  # the grid takes its width now, not at the next event
    grid = view.grid
    assert 0 <= grid.viewport().width() - grid.columns * grid.gridSize().width() < grid.gridSize().width()  # rows fill
    model = view.model
    assert model.rowCount() == TOTAL and view.count_label.full_text() == "3,000 designs"
    bar = grid.verticalScrollBar()
    assert bar.maximum() + bar.pageStep() == -(-TOTAL // grid.columns) * grid.gridSize().height()
    assert model.loaded_count() == PAGE_SIZE  # one page read; the rest are placeholders until shown

    _scroll_to(qtbot, view, 1.0)  # straight to the end: the oldest design, without reading those between
    assert model.index(TOTAL - 1).data(DesignRole).request.prompt == "pearl sm6 number 0"
    assert model.loaded_count() <= 3 * PAGE_SIZE
    assert view.grab().save(str(tmp_path / "grid_end.png"))
    assert trace.on_ui_thread == []


@pytest.mark.parametrize("fraction", [0.0, 0.37, 1.0], ids=["top", "middle", "end"])
def test_a_thumbnail_that_arrives_repaints_only_its_own_tile(view_and_trace, qtbot, fraction):
    view, _trace = view_and_trace
    _settle(qtbot, view)
    _scroll_to(qtbot, view, fraction)  # pages in place first
    view.loader.forget_pictures()  # so every tile on screen waits for its own
    changes: list[tuple[int, int, list]] = []
    view.model.dataChanged.connect(lambda top, bottom, roles: changes.append((top.row(), bottom.row(), list(roles))))
    view.grid.viewport().repaint()
    _settle(qtbot, view)

    shown = view.grid.visible_rows()
    assert changes, "the pictures should have arrived"
    assert all(top == bottom for top, bottom, _roles in changes)  # never a range: one tile each
    assert all(Qt.ItemDataRole.DecorationRole in roles for _t, _b, roles in changes)
    assert {top for top, _b, _r in changes} <= set(shown)  # only tiles that were waiting on screen


@pytest.mark.parametrize(
    "actions",
    [
        ("scroll 0.5", "scroll 1.0", "scroll 0.2"),
        ("search pearl", "scroll 0.9", "search ", "scroll 0.6"),
        ("favourites", "scroll 1.0", "favourites", "search 부산", "scroll 0.8"),
    ],
    ids=["scrolling", "searching", "favourites"],
)
def test_no_query_pages_with_offset_or_runs_on_the_ui_thread(view_and_trace, qtbot, actions):
    view, trace = view_and_trace
    for action in actions:
        verb, _, argument = action.partition(" ")
        if verb == "scroll":
            _scroll_to(qtbot, view, float(argument))
            continue
        with qtbot.waitSignal(view.model.sig_loaded, timeout=WAIT_MS):
            if verb == "search":
                view.search_edit.setText(argument)
                view.search_edit.returnPressed.emit()
            else:
                view.favourites_button.toggle()
        _settle(qtbot, view)
    assert trace.statements
    assert [sql for sql in trace.statements if "offset" in sql.casefold()] == []
    assert trace.on_ui_thread == []


@pytest.mark.parametrize(
    ("search", "age"),
    [("pearl", 0.0), ("pearl", 0.5), ("pearl", 1.0), ("부산", 1.0), ("number 29", 1.0)],
    ids=["newest", "middle", "oldest", "korean-oldest", "two-words-oldest"],
)
def test_clearing_a_search_finds_the_selected_design_again_in_a_few_queries(
    view_and_trace, library, qtbot, search, age
):
    view, trace = view_and_trace
    with qtbot.waitSignal(view.model.sig_loaded, timeout=WAIT_MS):
        view.search_edit.setText(search)
        view.search_edit.returnPressed.emit()
    with trace.paused():
        found = library.list(search=search, limit=TOTAL)
    wanted = found[round((len(found) - 1) * age)]
    view.select_design(wanted.id)
    qtbot.waitUntil(lambda: getattr(view.selected_design(), "id", None) == wanted.id, timeout=WAIT_MS)
    _settle(qtbot, view)

    mark = len(trace.statements)
    with qtbot.waitSignal(view.model.sig_loaded, timeout=WAIT_MS):
        view.clear_search()
    _settle(qtbot, view)
    assert view.selected_design().id == wanted.id  # still selected, in the whole library now
    row = view.model.row_of(wanted.id)
    assert view.grid.viewport().rect().contains(view.grid.visualRect(view.model.index(row)))  # and in view
    assert len(trace.since(mark)) <= RESELECT_QUERIES, "\n".join(s[:150] for s in trace.since(mark))
    assert trace.on_ui_thread == []


def test_the_selection_outlives_scrolling_far_away(view_and_trace, library, qtbot):
    view, _trace = view_and_trace
    model = view.model
    wanted = next(model.design_at(r) for r in range(PAGE_SIZE) if "pearl" in model.design_at(r).request.prompt)
    assert view.select_design(wanted.id)
    bar = view.grid.verticalScrollBar()
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep() * 2):  # every page read, most dropped again
        bar.setValue(value)
        _settle(qtbot, view)
        assert model.loaded_count() <= model.max_rows + PAGE_SIZE
    assert model.design_at(model.row_of(wanted.id)) == wanted  # its page was kept for the selection

    with qtbot.waitSignal(model.sig_loaded, timeout=WAIT_MS):
        view.search_edit.setText("pearl")
        view.search_edit.returnPressed.emit()
    assert view.selected_design().id == wanted.id
