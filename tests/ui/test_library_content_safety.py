"""Content safety in the Library: with the studio's picture check on, a held-back design is blurred in its tile and in
the details panel as it is in the studio; with the check off the Library shows every picture as it is and never asks
the classifier."""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from app.safety.messages import IMAGE_BLOCKED
from tests.fixtures.designs import plain_new_design
from tests.ui.safety_helpers import HOLD_EVERYTHING, detail, looks_blurred, use_safety
from tests.ui.studio_helpers import close_app, open_app
from ui.i18n import apply_language

WAIT_MS = 60_000


def add_detailed_designs(library, count: int = 3) -> list:
    """Designs whose pictures are full of detail (a blur of one is unmistakable), added as generation would."""
    designs = []
    for seed in range(count):
        pixels = np.random.default_rng(seed).integers(0, 256, (64, 64, 3), dtype=np.uint8)
        buffer = io.BytesIO()
        Image.fromarray(pixels).resize((256, 256), Image.Resampling.NEAREST).save(buffer, "PNG")
        designs.append(library.add(replace(plain_new_design(f"speckled livery {seed}"), png=buffer.getvalue())))
    return designs


def open_library(qtbot, app, designs) -> None:
    app.window.show_workspace("library")
    view = app.library_view
    view.refresh()
    qtbot.waitUntil(lambda: view.model.is_ready and view.model.rowCount() == len(designs), timeout=WAIT_MS)


def tile_picture(app, design):
    model = app.library_view.model
    return model.index(model.row_of(design.id)).data(Qt.ItemDataRole.DecorationRole)


def test_held_back_pictures_are_blurred_in_the_grid_and_the_details(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        use_safety(app, studio_image_filter=True, image_threshold=HOLD_EVERYTHING)
        designs = add_detailed_designs(app.services.library)
        open_library(qtbot, app, designs)
        view = app.library_view

        def all_blurred() -> bool:
            shown = [tile_picture(app, d) for d in designs]
            return all(isinstance(p, QPixmap) and looks_blurred(p, d.image_path) for p, d in zip(shown, designs))

        qtbot.waitUntil(all_blurred, timeout=WAIT_MS)
        assert view.select_design(designs[0].id)
        qtbot.waitUntil(lambda: view.details.design() is not None, timeout=WAIT_MS)
        shown = view.details.preview.picture()
        assert shown is not None and looks_blurred(shown, designs[0].image_path)
        note = view.details.held_back_label
        assert not note.isHidden() and note.text() == str(IMAGE_BLOCKED())  # says why, kindly
        # Nor does it leave the app unblurred: no copy saved, nothing on the clipboard.
        assert not view.details.save_button.isEnabled() and not view.details.copy_button.isEnabled()
        apply_language("ko")
        try:
            view.details.set_design(view.details.design())
            assert note.text() == str(IMAGE_BLOCKED()) and "그림" in note.text()
        finally:
            apply_language("en")
    finally:
        close_app(app)


def test_with_the_check_off_pictures_are_as_they_are_and_nothing_is_checked(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        assert not app.services.settings.safety.studio_image_filter
        designs = add_detailed_designs(app.services.library)
        open_library(qtbot, app, designs)
        view = app.library_view
        qtbot.waitUntil(lambda: all(isinstance(tile_picture(app, d), QPixmap) for d in designs), timeout=WAIT_MS)
        for design in designs:
            shown = tile_picture(app, design)
            assert not looks_blurred(shown, design.image_path)
            assert detail(shown) > 0.5 * detail(design.image_path)  # the real thumbnail, detail and all
        assert view.select_design(designs[1].id)
        qtbot.waitUntil(lambda: view.details.preview.picture() is not None, timeout=WAIT_MS)
        assert not looks_blurred(view.details.preview.picture(), designs[1].image_path)
        assert view.details.held_back_label.isHidden()
        assert app.services.safety.pictures_checked == 0  # the classifier was never even asked
    finally:
        close_app(app)
