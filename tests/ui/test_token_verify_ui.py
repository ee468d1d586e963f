"""Verify in the Token workspace regenerates the image on the real (tiny) engine and says it matched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.studio_helpers import close_app, open_app, settle
from tests.ui.token_helpers import token_ready


def test_verify_button_regenerates_and_reports_the_same_pixels(qtbot, tiny_sd15, tmp_path):
    app = open_app(qtbot)
    vm = app.design_vm
    vm.width = vm.height = 64
    vm.steps, vm.batch, vm.random_seed, vm.seed, vm.prompt = 3, 1, False, 5, "pearl white"
    vm.generate()
    settle(qtbot, app)
    design = vm.current_design
    app.services.library.save_description(design.id, "en", "A pearl white SM6.")
    app.token_view.set_design(design)
    app.window.show_workspace("token")
    view = app.token_view
    token_ready(qtbot, view)
    assert view.verify_button.isVisible() and view.draft.ready
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.verify_button.text() == "Verify", timeout=60_000)
    assert "Verified" in view.notice.message() and "same pixels" in view.notice.message()
    assert app.services.library.count() == 1  # verifying added no design
    app.window.grab().save(str(tmp_path / "token_verified.png"))
    close_app(app)
