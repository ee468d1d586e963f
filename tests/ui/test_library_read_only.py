"""What the window says about storage: a library it may only read (and why nothing can be saved), and designs left
out because their rows are damaged. Real folders the test process may not write, real SQLite, real widgets."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.config import load_settings
from app.library import store
from app.library.store import Library
from app.services import open_services
from tests.app.storage_conditions import make_read_only, person_folders, unprivileged
from tests.app.test_library_hardening import made
from tests.ui.studio_helpers import OPEN, close_app
from ui.app_controller import AppController


@pytest.fixture
def person(monkeypatch):
    with person_folders(monkeypatch) as base:
        monkeypatch.setenv("SM6_DATA_DIR", str(base / "data"))
        yield base


def read_only_library_folder(base: Path, count: int = 3) -> tuple[Path, list[str], str]:
    """A data folder with `count` designs that the person may read but not change; its library file's hash."""
    data = base / "data"
    with Library.open(data) as lib:
        ids = [lib.add(made(i)).id for i in range(count)]
    make_read_only(data)
    return data, ids[::-1], hashlib.sha256((data / store.DB_NAME).read_bytes()).hexdigest()


@pytest.fixture
def make_view(library_views, qtbot):
    """A Library view once its first listing has come back from the worker thread."""

    def make(lib):
        view = library_views(lib)
        qtbot.waitUntil(lambda: view.model.is_ready, timeout=5000)
        return view

    return make


def test_a_read_only_library_shows_every_design_and_says_why_nothing_can_be_saved(person, make_view, qtbot, tmp_path):
    data, ids, before = read_only_library_folder(person)
    with unprivileged():
        lib = Library.open(data)
    with contextlib.closing(lib):
        view = make_view(lib)
        assert view.model.loaded_ids() == ids
        assert view.notice_banner.isVisible() and view.notice_banner.severity() == "warning"
        assert view.notice_banner.message() == lib.read_only_reason
        assert not view.favourite_button.isEnabled()  # a star could not be kept
        view.activateWindow()
        view.grid.setFocus()
        qtbot.waitUntil(lambda: view.grid.hasFocus(), timeout=1000)
        qtbot.keyClick(view.grid, Qt.Key.Key_F)  # the shortcut still answers, with the same sentence
        qtbot.waitUntil(lambda: view.error_banner.isVisible(), timeout=1000)
        assert view.error_banner.message() == lib.read_only_reason
        assert not lib.get(ids[0]).favourite
        with qtbot.waitSignal(view.model.sig_loaded, timeout=5000):
            view.refresh()  # the standing notice is not shown twice, nor lost
        assert view.notice_banner.message() == lib.read_only_reason
        assert view.grab().save(str(tmp_path / "library_read_only.png"))
    assert hashlib.sha256((data / store.DB_NAME).read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "bad", ["[" * 100_000, "{not json", '{"prompt": 42}'], ids=["nested deep", "not JSON", "wrong shape"]
)
def test_designs_with_damaged_rows_are_left_out_and_the_view_says_how_many(tmp_path, make_view, qtbot, bad):
    with Library.open(tmp_path / "data") as lib:
        ids = [lib.add(made(i)).id for i in range(5)]
        with contextlib.closing(sqlite3.connect(tmp_path / "data" / store.DB_NAME)) as raw:
            raw.execute("UPDATE designs SET request_json = ? WHERE id IN (?, ?)", (bad, ids[1], ids[3]))
            raw.commit()
        view = make_view(lib)
        assert view.model.loaded_ids() == [ids[4], ids[2], ids[0]]
        assert view.notice_banner.isVisible()
        assert "2 designs were left out" in view.notice_banner.message()
        assert str(lib.images_dir) in view.notice_banner.message()
        assert view.favourite_button.isEnabled()  # the rest of the library works as ever
        assert not view.error_banner.isVisible()


def test_the_app_opens_a_read_only_data_folder_and_says_so_where_the_person_starts(person, qtbot):
    data, ids, before = read_only_library_folder(person, count=2)
    with unprivileged():
        services = open_services(settings=load_settings())
    controller = AppController(services.settings, services=services)
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    controller.window.show()
    try:
        assert services.library.is_read_only and services.publisher.outbox.read_only
        reason = services.library.read_only_reason
        assert controller.design_vm.error == (reason, "")  # the studio, once a model is there
        first_run = controller.design_page.currentWidget()  # no model yet: where the person lands
        assert first_run is controller.first_run and first_run.error_banner.message() == reason
        controller.window.show_workspace("library")
        qtbot.waitUntil(lambda: controller.library_view.model.is_ready, timeout=5000)
        assert controller.library_view.model.loaded_ids() == ids
        assert controller.library_view.notice_banner.message() == services.library.read_only_reason
        assert "read-only" in services.library.read_only_reason
    finally:
        close_app(controller)
    assert hashlib.sha256((data / store.DB_NAME).read_bytes()).hexdigest() == before
