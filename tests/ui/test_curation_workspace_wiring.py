"""Curation is a staff workspace: the desktop window offers it (built only when first opened, and shut down with the
window), a kiosk never does."""

from __future__ import annotations

from app.kiosk import KIOSK
from tests.ui.studio_helpers import close_app, open_app
from ui.curation.curation_vm import ASK_JUDGE

WAIT_MS = 10_000


def test_a_kiosk_has_no_curation_workspace(qtbot):
    controller = open_app(qtbot, policy=KIOSK)
    try:
        assert "curation" not in controller.window.workspace_keys()
        assert getattr(controller, "curation_view", None) is None
    finally:
        close_app(controller)


def test_staff_open_curation_from_the_rail_and_it_closes_with_the_window(qtbot):
    controller = open_app(qtbot)
    try:
        window = controller.window
        assert "curation" in window.workspace_keys()
        assert getattr(controller, "curation_view", None) is None  # nothing made before it is opened
        window.show_workspace("curation")
        view = controller.curation_view
        assert window.workspace("curation") is view
        qtbot.waitUntil(lambda: view.vm.phase == ASK_JUDGE, timeout=WAIT_MS)  # a fresh machine: who is judging?
    finally:
        close_app(controller)
    assert view.vm.is_closed and view.vm.store is None
