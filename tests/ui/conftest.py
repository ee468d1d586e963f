"""UI tests run headless; every test starts from the dark, non-kiosk theme."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.fixtures.leaks import track_timers  # noqa: E402

track_timers()  # before any view is built, so the leak check can name a timer a test left running


@pytest.fixture(scope="module", autouse=True)
def collections_on_the_ui_thread(qapp):
    """As in the app (ui/application.py): Python's collector runs on the UI thread only, never finalising a Qt object
    on a worker. Per file, so the core's tests a worker runs next collect as CPython does."""
    from ui.ui_thread_gc import UiThreadCollector

    collector = UiThreadCollector().install()
    yield collector
    collector.uninstall()


@pytest.fixture(autouse=True)
def dark_theme(qapp, close_leftover_apps):
    """Dark and desktop-sized; free unless the last test changed the theme (the manager skips a repeat).

    Nothing to undo after the test: the next one sets its own theme, and re-styling now would re-style every window
    the test left for pytest-qt to delete (seconds per test).
    """
    from ui.theme import apply_theme

    apply_theme(qapp, "dark")


LIBRARY_VIEW_SIZE = (1192, 770)  # a 1280×800 screen minus the navigation rail and the status bar


@pytest.fixture
def library_views(qtbot):
    """Opens Library views on a library, shown at their size on a 1280×800 screen; their loaders stop after."""
    from ui.library.library_view import LibraryView

    views = []

    def make(lib):
        view = LibraryView(lib)
        qtbot.addWidget(view)
        view.resize(*LIBRARY_VIEW_SIZE)
        view.show()
        qtbot.waitExposed(view)
        views.append(view)
        return view

    yield make
    for view in views:
        view.loader.shutdown()


@pytest.fixture
def draft(tmp_path):
    """A described design assembled into the token a mint dialog signs for."""
    from app.library.store import Library
    from app.token.assemble import assemble_token
    from tests.fixtures.designs import add_plain_design

    library = Library.open(tmp_path / "library")
    try:
        design = add_plain_design(library)
        library.save_description(design.id, "en", "A pearl white SM6 under Busan's harbour lights.")
        yield assemble_token(library, design, language="en")
    finally:
        library.close()


@pytest.fixture
def library(tmp_path):
    """A real library in this test's own data folder; closed after."""
    from app.library.store import Library

    lib = Library.open(tmp_path / "data")
    yield lib
    lib.close()


@pytest.fixture
def back_to_english():
    """Every other test reads English: whatever this one switched to, English comes back."""
    from ui.i18n import apply_language

    yield
    apply_language("en")


@pytest.fixture
def kiosk(qtbot, qapp, tiny_sd15):
    """A walk-up kiosk through the real controller and window, with the tiny model installed (kiosk_flow_helpers)."""
    from tests.ui.kiosk_flow_helpers import opened_kiosk

    yield from opened_kiosk(qtbot, qapp)


@pytest.fixture
def chain_service(tmp_path):
    """A chain service on the in-process sandbox chain, in this test's own data folder; closed after."""
    from app.chain.service import ChainService
    from app.chain.settings import ChainSettings

    chain = ChainService(tmp_path / "data", lambda: ChainSettings())
    yield chain
    chain.close()


@pytest.fixture(autouse=True)
def close_leftover_apps(no_leaks):
    """A failing test must not leave an engine thread running into the next test (or interpreter exit).

    Asks for `no_leaks`, so the leak check runs after this clean-up, not before.
    """
    yield
    helpers = sys.modules.get("tests.ui.studio_helpers")  # not imported: no app was opened
    for controller in list(helpers.OPEN if helpers else ()):
        helpers.close_app(controller)
    # pytest-qt closed the test's widgets and asked Qt to delete them, but outside an event loop Qt only does that
    # when told to: left alive, every window of every earlier test is re-styled at each theme change.
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def studio_app(qtbot, tiny_sd15):
    """The whole desktop window (tests/ui/studio_helpers.py `open_app`) with the tiny model installed; closed after."""
    from tests.ui.studio_helpers import close_app, open_app

    controller = open_app(qtbot)
    try:
        yield controller
    finally:
        close_app(controller)
