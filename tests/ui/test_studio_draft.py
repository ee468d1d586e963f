"""The studio keeps what is being composed: a prompt typed and settings chosen, but not generated yet, are written a
second later and come back at the next start, also after a crash (no quit); a kiosk keeps nothing between visitors."""

from __future__ import annotations

from app.generation.studio_draft import DRAFT_NAME, read_draft
from app.kiosk import KIOSK
from tests.ui.studio_helpers import close_app, open_app

WAIT_MS = 10_000


def test_a_prompt_and_settings_not_generated_yet_come_back_at_the_next_start(qtbot, tiny_sd15):
    app = open_app(qtbot)
    folder = app.services.library.data_dir
    try:
        vm = app.design_vm
        vm.prompt, vm.preset, vm.steps, vm.random_seed, vm.seed, vm.keep_shape = (
            "matte black, gold wheels",
            "busan-night",
            30,
            False,
            77,
            65,
        )
        vm.view, vm.mask = "front34", "body"
        # Written within about a second, without a quit: a crash now would lose none of it.
        qtbot.waitUntil(lambda: (found := read_draft(folder)) is not None and found.keep_shape == 65, timeout=WAIT_MS)
        vm.negative_prompt = "blurry, text"  # and the last change before quitting is written at the quit
    finally:
        close_app(app)
    assert read_draft(folder).request.negative_prompt == "blurry, text"

    again = open_app(qtbot)
    try:
        vm = again.design_vm
        qtbot.waitUntil(lambda: vm.prompt == "matte black, gold wheels", timeout=WAIT_MS)
        assert (vm.preset, vm.steps, vm.random_seed, vm.seed, vm.keep_shape) == ("busan-night", 30, False, 77, 65)
        assert (vm.view, vm.mask, vm.negative_prompt) == ("front34", "body", "blurry, text")
        assert again.studio.controls.prompt.toPlainText() == "matte black, gold wheels"  # shown, not only held
    finally:
        close_app(again)


def test_a_kiosk_keeps_no_draft(qtbot, tiny_sd15):
    app = open_app(qtbot, policy=KIOSK)
    folder = app.services.library.data_dir
    try:
        assert app.draft_keeper is None
        app.design_vm.prompt = "a visitor's own words"
    finally:
        close_app(app)
    assert not (folder / DRAFT_NAME).exists()
