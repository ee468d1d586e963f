"""The Design workspace fits the sizes it is used at: the header never cuts its title or a button, the starting-point
buttons never cut their words (even bold, even in the kiosk's larger type), and at 1280×800 and up the inspector
shows the primary controls (the SM6 artwork's views and what is repainted included) and the Generate button without
scrolling, and "What the model sees" below them when the views are not shown (always at 1920×1080). In the kiosk,
the Library's "Open in the studio" (the way back to the studio) is not cut either."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics

from app.config import load_settings
from app.kiosk import KIOSK as KIOSK_POLICY
from tests.ui.studio_helpers import OPEN, close_app, open_app
from ui.app_controller import AppController
from ui.theme import apply_theme

DESKTOP = [(1024, 680), (1280, 800), (1920, 1080)]
KIOSK = [(1024, 680), (1280, 800), (1920, 1080)]
LONG_PROMPT = "pearl white SM6 with rose-gold trim, panoramic roof, at dusk on the Gwangan bridge, wet asphalt"


def open_kiosk(qtbot, qapp, size):
    apply_theme(qapp, "dark", policy=KIOSK_POLICY)  # the test's theme fixture puts the desktop theme back afterwards
    controller = AppController(load_settings(), policy=KIOSK_POLICY)
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    controller.window.resize(*size)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    return controller


def _inside(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def check_header(studio) -> None:
    title = studio.title
    assert title.width() >= title.sizeHint().width(), "the title is cut"
    room = studio.centre.contentsRect()
    placed = [_inside(title, studio.centre)]
    for button in (studio.favourite, studio.refine, studio.use):
        box = _inside(button, studio.centre)
        assert room.contains(box), f"{button.accessibleName()} sticks out"
        assert not any(box.intersects(other) for other in placed), f"{button.accessibleName()} overlaps"
        placed.append(box)
        if button.text():
            assert button.width() >= button.sizeHint().width(), f"{button.text()} is cut"
        assert button.accessibleName() and button.toolTip()  # words for the icon-only form


def check_advanced_fits(qtbot, controls) -> None:
    """Unfolded, every finer setting stays inside the inspector's width (it may scroll down, never sideways)."""
    controls.show_advanced(True)
    qtbot.waitUntil(controls.advanced.isVisible)
    qtbot.wait(10)  # laid out
    right = controls.viewport().width()
    for field in (
        controls.seed,
        controls.random_seed,
        controls.model,
        controls.import_model,
        controls.size,
        controls.width_spin,
        controls.height_spin,
        controls.steps,
        controls.scheduler,
        controls.negative,
    ):
        box = QRect(field.mapTo(controls.widget(), field.rect().topLeft()), field.size())
        assert box.right() < right, f"{field.accessibleName() or type(field).__name__} sticks out to {box.right()}"
    controls.show_advanced(False)


def check_starting_point(controls) -> None:
    for button in controls.source_buttons.values():
        bold = QFont(button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        words = QFontMetrics(bold).horizontalAdvance(button.text())
        assert button.width() >= words + 16, f"{button.text()} is cut at {button.width()} px"
        assert controls.viewport().rect().contains(_inside(button, controls.viewport()))


@pytest.mark.parametrize("size", DESKTOP, ids=[f"{w}x{h}" for w, h in DESKTOP])
def test_the_desktop_studio_fits_its_window(qtbot, tiny_sd15, size):
    app = open_app(qtbot, size)
    studio, controls = app.studio, app.studio.controls
    app.design_vm.prompt = LONG_PROMPT
    qtbot.wait(10)
    check_header(studio)
    check_starting_point(controls)
    worded = all(b.text() for b in (studio.favourite, studio.refine, studio.use))
    assert worded == (size[0] >= 1280)  # narrower: icons only, their words in the tooltip
    if size[1] >= 800:  # the primary content without scrolling: the SM6 artwork's views and what is repainted too
        base = controls.base_options
        used = [controls.prompt, controls.preset, *controls.source_buttons.values(), *base.views.tiles.values()]
        for widget in (*used, *base.mask_buttons.values(), controls.keep_shape, controls.batch):
            assert controls.viewport().rect().contains(_inside(widget, controls.viewport())), widget.accessibleName()
        assert studio.generate.isVisible() and studio.cancel.isVisible()
        # What the model is told, below them: in view without scrolling when the views are not shown (and at 1080)
        app.design_vm.source = "none" if size[1] < 1080 else "base"
        qtbot.wait(10)
        assert controls.verticalScrollBar().maximum() == 0
        for label in (controls.final_prompt, controls.final_negative):
            assert controls.viewport().rect().contains(_inside(label, controls.viewport()))
    check_advanced_fits(qtbot, controls)
    close_app(app)


@pytest.mark.parametrize("size", KIOSK, ids=[f"{w}x{h}" for w, h in KIOSK])
def test_the_kiosk_studio_cuts_no_words(qtbot, qapp, tiny_sd15, size):
    app = open_kiosk(qtbot, qapp, size)
    app.design_vm.prompt = LONG_PROMPT
    app.design_vm.source = "design"  # checked: bold, the widest its label gets
    qtbot.wait(10)
    check_header(app.studio)
    check_starting_point(app.studio.controls)
    assert app.studio.generate.height() >= 64  # a kiosk's touch target
    controls = app.studio.controls
    assert controls.advanced_toggle.isHidden()  # no seed or sampler for a visitor (app/kiosk.py)
    if size[1] >= 800:  # everything a visitor uses, without scrolling
        assert controls.verticalScrollBar().maximum() == 0
        sources = controls.source_buttons.values()
        for widget in (controls.prompt, controls.preset, *sources, controls.keep_shape, controls.batch):
            assert controls.viewport().rect().contains(_inside(widget, controls.viewport())), widget.accessibleName()
        assert app.studio.generate.isVisible() and app.studio.cancel.isVisible()
    close_app(app)


def test_in_the_kiosk_the_library_says_open_in_the_studio_in_full(qtbot, qapp, tmp_path, library_views):
    from app.library.store import Library
    from tests.fixtures.designs import add_plain_design

    apply_theme(qapp, "dark", policy=KIOSK_POLICY)
    with Library.open(tmp_path / "library") as library:
        design = add_plain_design(library)
        view = library_views(library)
        qtbot.waitUntil(lambda: view.select_design(design.id))  # pages are read off the UI thread
        button = view.open_button
        qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled())
        bold = QFont(button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        words = QFontMetrics(bold).horizontalAdvance(button.text()) + button.iconSize().width()
        assert button.width() >= words + 2 * 16, f"{button.text()} is cut at {button.width()} px"
        star = view.details.favourite_button
        assert _inside(star, view).right() <= _inside(view.details, view).right()


def test_the_buttons_get_their_words_back_when_the_window_grows(qtbot, tiny_sd15):
    app = open_app(qtbot, (1024, 680))
    studio = app.studio
    assert studio.use.text() == "" and studio.use.accessibleName() == "Use this design"
    app.window.resize(1600, 900)
    worded = (studio.favourite, studio.refine, studio.use)
    qtbot.waitUntil(lambda: all(b.text() and b.width() >= b.sizeHint().width() for b in worded))
    assert studio.use.text() == "Use this design"
    check_header(studio)
    close_app(app)
