"""A kiosk shows only the current visitor's work, through the real window: designs an earlier visitor made are never
shown or reachable (the Library, its search and favourites, selecting by id, the studio's lineage strip), and
`start_visitor_session()` hides the last visitor's designs too. Outside kiosk mode every design is shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication

from app.config import load_settings
from app.generation.request import GenerationRequest
from app.kiosk import policy_for
from app.library.models import NewDesign
from app.library.store import Library
from tests.fixtures.designs import add_plain_design
from tests.ui.studio_helpers import OPEN, close_app
from ui.app_controller import AppController
from ui.theme import apply_theme

WAIT_MS = 5000


def _refined(library: Library, prompt: str, parent_id: str, colour: tuple[int, int, int]):
    """A design refined from `parent_id`, recorded as the engine records one."""
    image = io.BytesIO()
    Image.new("RGB", (64, 64), colour).save(image, "PNG")
    request = GenerationRequest(prompt=prompt, source="design", source_design_id=parent_id)
    return library.add(NewDesign(image.getvalue(), request, 7, prompt, "", "tiny", "ab", "CPU", parent_id=parent_id))


def _earlier_visitor(data_dir: Path, prompt: str) -> list[str]:
    """An earlier visitor's designs, made before this kiosk window opened: one starred, one refined from the other."""
    with Library.open(data_dir) as library:
        first = add_plain_design(library, prompt, colour=(200, 40, 40))
        library.set_favourite(first.id, True)
        second = _refined(library, f"{prompt}, refined", first.id, (40, 200, 40))
        return [first.id, second.id]


def _open(qtbot, kiosk: bool) -> AppController:
    apply_theme(QGuiApplication.instance(), "dark", policy=policy_for(kiosk))  # the conftest puts desktop back
    controller = AppController(load_settings(), policy=policy_for(kiosk))
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    controller.window.resize(1280, 800)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    controller.window.show_workspace("library")
    qtbot.waitUntil(lambda: controller.library_view.model.is_ready, timeout=WAIT_MS)
    return controller


def _search(qtbot, view, text: str) -> list[str]:
    """What the Library shows for `text` typed into its search field (applied with Return, as a person would)."""
    with qtbot.waitSignal(view.model.sig_loaded, timeout=WAIT_MS):
        view.search_edit.setText(text)
        view.search_edit.returnPressed.emit()
    return view.model.loaded_ids()


@pytest.mark.parametrize(
    ("prompt", "searches"),
    [
        ("pearl white by the harbour", ["pearl", "HARBOUR", "white by"]),
        ("부산 야경 속 검은색 SM6", ["부산", "검은색 sm6", "야경"]),  # short Korean words are matched without the index
        ("gold wheels, 50% tint_2", ["50%", "tint_2", "gold"]),  # LIKE wildcards typed as text
    ],
    ids=["english", "korean", "wildcards"],
)
def test_a_kiosk_never_shows_or_reaches_an_earlier_visitors_designs(qtbot, tmp_path, prompt, searches):
    earlier = _earlier_visitor(tmp_path / "data", prompt)
    app = _open(qtbot, kiosk=True)
    try:
        view, library = app.library_view, app.services.library
        assert view.stack.currentWidget() is view.empty_library  # the new visitor starts with nothing
        assert view.model.rowCount() == 0 and view.model.loaded_ids() == []
        view.grab().save(str(tmp_path / "kiosk_library_new_visitor.png"))

        mine = add_plain_design(library, f"my own {prompt}", colour=(10, 10, 200))
        view.add_design(mine)  # as the studio hands over a finished design
        for text in searches:  # their words find only the visitor's own design
            assert _search(qtbot, view, text) == [mine.id], text
        with qtbot.waitSignal(view.model.sig_loaded, timeout=WAIT_MS):
            view.favourites_button.setChecked(True)  # the earlier visitor starred theirs
        assert view.model.loaded_ids() == [] and view.stack.currentWidget() is view.no_results
        view.show_all()

        for design_id in earlier:  # not by id either: the Library, the store, the refine link
            with qtbot.waitSignal(view.model.sig_located, timeout=WAIT_MS) as looked_up:
                assert not view.select_design(design_id)
            assert looked_up.args[1:] == [-1, None]  # not in the library, as far as this visitor can tell
            assert library.get(design_id) is None
        assert view.selected_design() is None or view.selected_design().id == mine.id
        refined = _refined(library, "refined from theirs", earlier[0], (90, 90, 90))  # had the studio still shown it
        app.design_vm.show_design(refined)
        assert [d.id for d in app.design_vm.lineage] == [refined.id]  # the lineage strip stops at the visitor's own
        assert [d.id for d in app.studio.history.designs()] == [refined.id]
    finally:
        close_app(app)


def test_a_new_visitor_session_hides_the_last_visitors_designs(qtbot, tmp_path):
    _earlier_visitor(tmp_path / "data", "pearl white by the harbour")
    app = _open(qtbot, kiosk=True)
    try:
        view, library = app.library_view, app.services.library
        last_visitor = add_plain_design(library, "midnight blue by the sea", colour=(0, 0, 120))
        view.add_design(last_visitor)
        app.design_vm.show_design(last_visitor)
        _search(qtbot, view, "midnight")
        assert view.selected_design().id == last_visitor.id

        with qtbot.waitSignal(view.model.sig_loaded, timeout=WAIT_MS):
            app.start_visitor_session()  # what the attract screen calls when the next visitor starts
        assert view.search_edit.text() == "" and not view.favourites_button.isChecked()
        assert view.model.loaded_ids() == [] and view.stack.currentWidget() is view.empty_library
        assert view.selected_design() is None and view.details.design() is None
        assert app.design_vm.current_design is None and app.design_vm.variations == [] and app.design_vm.lineage == []
        assert app.studio.controls.prompt.toPlainText() == ""
        assert library.get(last_visitor.id) is None
        assert _search(qtbot, view, "midnight") == []
        view.grab().save(str(tmp_path / "kiosk_library_next_visitor.png"))

        next_visitor = add_plain_design(library, "gold wheels at dusk", colour=(200, 160, 0))
        view.add_design(next_visitor)
        assert _search(qtbot, view, "") == [next_visitor.id]
    finally:
        close_app(app)


def test_outside_kiosk_mode_the_library_shows_every_design(qtbot, tmp_path):
    earlier = _earlier_visitor(tmp_path / "data", "pearl white by the harbour")
    app = _open(qtbot, kiosk=False)
    try:
        assert app.library_view.model.loaded_ids() == earlier[::-1]
        app.start_visitor_session()  # no visitors at a desk: nothing changes
        assert app.services.library.get(earlier[0]) is not None
        assert _search(qtbot, app.library_view, "harbour") == earlier[::-1]
    finally:
        close_app(app)
