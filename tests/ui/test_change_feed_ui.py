"""Workspaces stay consistent through the core's change feed, not through wiring between them: a star given in one
workspace shows in the other, a design made by another handle on the folder appears without a reload, a removed
design leaves every workspace, and a settings save re-styles the window only when the theme changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.library.store import Library
from tests.fixtures.designs import add_plain_design
from tests.ui.studio_helpers import close_app
from ui.theme import theme_manager

WAIT_MS = 10_000


@pytest.fixture
def app(studio_app):
    return studio_app


def _listed(app, design_id: str) -> bool:
    return app.library_view.model.row_of(design_id) >= 0


def _add(qtbot, app, prompt: str):
    design = add_plain_design(app.services.library, prompt)
    qtbot.waitUntil(lambda: _listed(app, design.id), timeout=WAIT_MS)  # the feed brought it, no reload asked
    return design


def _select_in_library(qtbot, app, design) -> None:
    app.window.show_workspace("library")
    assert app.library_view.select_design(design.id)
    assert app.library_view.selected_design().id == design.id


def test_a_star_given_in_the_library_shows_in_the_studio_and_one_given_in_the_studio_shows_in_the_library(qtbot, app):
    design = _add(qtbot, app, "pearl white by the harbour")
    app.design_vm.open_design(design)
    _select_in_library(qtbot, app, design)

    qtbot.mouseClick(app.library_view.favourite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.design_vm.current_design.favourite, timeout=WAIT_MS)
    assert app.design_vm.variations[0].favourite  # the strip under the preview too

    app.window.show_workspace("design")
    app.design_vm.toggle_favourite()  # un-starred in the studio
    view = app.library_view
    qtbot.waitUntil(lambda: not view.selected_design().favourite, timeout=WAIT_MS)
    assert not view.favourite_button.isChecked()
    assert not view.model.design_at(view.model.row_of(design.id)).favourite


def test_a_design_made_by_a_second_handle_on_the_folder_appears_in_the_open_library(qtbot, app):
    first = _add(qtbot, app, "first")
    with Library.open(app.services.library.data_dir, app.services.changes) as other:  # as the command line would
        made = [add_plain_design(other, f"made elsewhere {n}") for n in range(3)]
    view = app.library_view
    qtbot.waitUntil(lambda: all(_listed(app, d.id) for d in made), timeout=WAIT_MS)
    assert view.model.loaded_ids()[:4] == [d.id for d in reversed(made)] + [first.id]  # newest first
    assert view.model.total == 4


def test_a_design_made_elsewhere_that_the_search_hides_stays_out_of_the_grid(qtbot, app):
    _add(qtbot, app, "gold wheels")
    view = app.library_view
    app.window.show_workspace("library")
    view.search_edit.setText("gold")
    view._apply_filter()
    qtbot.waitUntil(lambda: view.model.search == "gold" and not view.model.is_loading, timeout=WAIT_MS)
    hidden = add_plain_design(app.services.library, "silver roof")
    shown = add_plain_design(app.services.library, "gold trim")
    qtbot.waitUntil(lambda: _listed(app, shown.id), timeout=WAIT_MS)
    assert not _listed(app, hidden.id)


def test_removing_a_design_in_the_library_clears_it_from_the_studio_describe_and_token(qtbot, app):
    keep = _add(qtbot, app, "the one that stays")
    gone = _add(qtbot, app, "the one that goes")
    app.services.library.save_description(gone.id, "en", "A pearl white SM6.")
    app.design_vm.open_design(gone)
    app.describe_vm.set_design(gone)
    app.token_vm.set_design(gone)
    _select_in_library(qtbot, app, gone)

    view = app.library_view
    assert view.details.delete_button.isVisible()
    qtbot.mouseClick(view.details.delete_button, Qt.MouseButton.LeftButton)  # no question: Undo is offered instead

    qtbot.waitUntil(lambda: not _listed(app, gone.id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.describe_vm.design is None and app.token_vm.design is None, timeout=WAIT_MS)
    assert app.design_vm.current_design is None and gone.id not in [d.id for d in app.design_vm.variations]
    assert view.selected_design().id == keep.id  # the selection moves to the design that took its place
    assert app.services.library.get(gone.id) is None and app.services.library.count() == 1
    qtbot.waitUntil(view.removed_banner.isVisible, timeout=WAIT_MS)
    assert view.removed_banner.message() == "“the one that goes” was removed from the library."
    assert view.removed_banner.action_button.text() == "Undo"


def _listed_ids(app) -> list[str]:
    model = app.library_view.model
    return [model.design_at(row).id for row in range(model.rowCount())]


def test_undo_puts_removed_designs_back_in_their_place_and_a_closed_offer_leaves_them_removed(qtbot, app):
    first, middle, last = (_add(qtbot, app, f"{which} design") for which in ("first", "middle", "last"))
    app.services.library.save_description(middle.id, "en", "A calm grey SM6.")
    view = app.library_view
    order = _listed_ids(app)
    for design in (middle, first):
        _select_in_library(qtbot, app, design)
        view.remove_selected()
        qtbot.waitUntil(lambda design=design: not _listed(app, design.id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(app.library_view.vm.removed) == 2, timeout=WAIT_MS)
    assert view.removed_banner.message() == "2 designs were removed from the library."

    qtbot.mouseClick(view.removed_banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _listed_ids(app) == order, timeout=WAIT_MS)  # each in its place, not on top
    qtbot.waitUntil(lambda: view.selected_design().id == middle.id, timeout=WAIT_MS)  # the last one brought back
    assert not view.removed_banner.isVisible() and app.services.library.count() == 3
    assert app.services.library.description(middle.id, "en").text == "A calm grey SM6."

    _select_in_library(qtbot, app, last)
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Delete)  # the keyboard's way: Delete, then Ctrl+Z
    qtbot.waitUntil(lambda: not _listed(app, last.id), timeout=WAIT_MS)
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _listed_ids(app) == order, timeout=WAIT_MS)

    view.remove_selected()
    qtbot.waitUntil(view.removed_banner.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(view.removed_banner.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left to undo
    done = []
    view.vm.worker.run(lambda: None, done.append, done.append)  # one at a time: a restore asked for is done first
    qtbot.waitUntil(lambda: done == [None], timeout=WAIT_MS)
    assert not _listed(app, last.id) and app.services.library.get(last.id) is None and view.vm.removed == ()


def _save(qtbot, page) -> None:
    with qtbot.waitSignal(page.sig_settings_changed, timeout=WAIT_MS):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_a_settings_save_restyles_the_window_only_when_the_theme_changed(qtbot, app):
    app.window.show_workspace("settings")
    page = app.settings_page
    before = theme_manager().applied_count
    limit = app.describe_vm.char_limit
    page.describe_card.char_limit.setValue(limit - 100)
    _save(qtbot, page)
    assert app.describe_vm.char_limit == limit - 100  # Describe heard its own section
    assert theme_manager().applied_count == before, "a save that kept the theme re-styled the whole window"

    qtbot.mouseClick(page.theme_radios["light"], Qt.MouseButton.LeftButton)
    _save(qtbot, page)
    assert theme_manager().applied_count == before + 1
    assert app.describe_vm.char_limit == limit - 100


def test_kiosk_library_adds_only_the_current_visitors_designs_however_they_arrive(qtbot, tiny_sd15):
    from app.changes import DesignAdded
    from app.config import load_settings
    from app.kiosk import KIOSK
    from tests.ui.studio_helpers import OPEN
    from ui.app_controller import AppController

    controller = AppController(load_settings(), KIOSK)
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    try:
        library = controller.services.library
        view = controller.library_view
        assert not view.details.delete_allowed  # a visitor never removes designs
        mine = add_plain_design(library, "this visitor's")
        qtbot.waitUntil(lambda: view.model.row_of(mine.id) >= 0, timeout=WAIT_MS)
        controller.start_visitor_session()
        # A design saved before the new visitor came, heard only after: the store's scope keeps it out.
        controller.services.changes.publish(DesignAdded(mine))
        theirs = add_plain_design(library, "the next visitor's")
        qtbot.waitUntil(lambda: view.model.row_of(theirs.id) >= 0, timeout=WAIT_MS)
        assert view.model.loaded_ids() == [theirs.id]
    finally:
        close_app(controller)


def test_a_description_saved_elsewhere_shows_in_describe_unless_the_person_has_unsaved_edits(qtbot, app):
    design = _add(qtbot, app, "described twice")
    vm = app.describe_vm
    vm.set_design(design)
    qtbot.waitUntil(lambda: not vm.loading, timeout=WAIT_MS)  # its texts are read off the UI thread
    replaced = []
    vm.sig_text_replaced.connect(lambda lang, text: replaced.append((lang, text)))
    app.services.library.save_description(design.id, "en", "Written by a second judge.")
    qtbot.waitUntil(lambda: vm.texts["en"] == "Written by a second judge.", timeout=WAIT_MS)
    assert replaced == [("en", "Written by a second judge.")]

    vm.user_edited("ko", "아직 저장되지 않은 글")  # typed here, autosave still pending
    app.services.library.save_description(design.id, "ko", "다른 곳에서 쓴 글")
    with qtbot.waitSignal(vm.saved_text_changed, timeout=WAIT_MS):
        pass  # the autosave lands within a second
    assert vm.texts["ko"] == "아직 저장되지 않은 글"  # the person's words won
    assert app.services.library.description(design.id, "ko").text == "아직 저장되지 않은 글"
