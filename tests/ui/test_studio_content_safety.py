"""Content safety in the studio: off by default (no picture is even given to the classifier); turned on in Settings,
a blocked prompt refuses to generate with the reason under the prompt, a held-back picture is blurred in the preview
and the strips with the reason under it, and it cannot go on to Describe, Token or a mint."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.safety.messages import IMAGE_BLOCKED, PROMPT_BLOCKED
from tests.ui.safety_helpers import HOLD_EVERYTHING, looks_blurred, type_words, use_safety
from tests.ui.studio_helpers import close_app, open_app, settle
from ui.design.picture_checks import PictureState, when_allowed
from ui.i18n import apply_language

WAIT_MS = 120_000


def small_job(vm) -> None:
    vm.width = vm.height = 64
    vm.steps, vm.batch = 2, 2
    vm.random_seed, vm.seed, vm.source = False, 11, "none"


def generate(qtbot, app, prompt: str) -> None:
    studio, vm = app.studio, app.design_vm
    small_job(vm)
    type_words(studio.controls.prompt, prompt)
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    settle(qtbot, app)
    qtbot.waitUntil(lambda: not vm.reading and not vm.checks.pending(), timeout=WAIT_MS)


def test_off_by_default_nothing_is_checked(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        vm, studio, safety = app.design_vm, app.studio, app.services.safety
        assert not app.services.settings.safety.studio_prompt_filter
        assert not app.services.settings.safety.studio_image_filter
        generate(qtbot, app, "n u d e study of light")  # the studio's own words are its own business
        assert len(vm.variations) == 2 and vm.prompt_problem is None
        assert safety.pictures_checked == 0  # the classifier was never even asked
        assert all(vm.picture_state(d) is PictureState.FREE for d in vm.variations)
        assert studio.use.isEnabled() and not studio.picture_note.isVisible()
        assert not looks_blurred(studio.preview.canvas.image(), vm.current_design.image_path)
    finally:
        close_app(app)


def test_turned_on_a_blocked_prompt_refuses_to_generate(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        use_safety(app, studio_prompt_filter=True)
        vm, studio = app.design_vm, app.studio
        small_job(vm)
        type_words(studio.controls.prompt, "ｐ0ｒｎ star livery")
        qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
        assert app.services.backend.jobs() == [] and app.services.library.count() == 0
        note = studio.controls.prompt_note
        assert note.isVisible() and note.text() == PROMPT_BLOCKED().render()
        assert studio.controls.prompt.toPlainText() == "ｐ0ｒｎ star livery"  # kept for editing
        apply_language("ko")
        qtbot.waitUntil(lambda: "다른 말로" in note.text())
    finally:
        apply_language("en")
        close_app(app)


def test_turned_on_a_held_back_picture_is_blurred_and_goes_no_further(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        use_safety(app, studio_image_filter=True, image_threshold=HOLD_EVERYTHING)
        vm, studio = app.design_vm, app.studio
        used = []
        studio.sig_use_design.connect(used.append)
        generate(qtbot, app, "pearl white by the harbour")
        design = vm.current_design
        assert vm.picture_state(design) is PictureState.HELD_BACK
        qtbot.waitUntil(lambda: studio.preview.canvas.image() is not None, timeout=WAIT_MS)
        assert looks_blurred(studio.preview.canvas.image(), design.image_path)
        strip = studio.variations.list
        for row, shown in enumerate(studio.variations.designs()):
            icon = strip.item(row).icon().pixmap(64, 64)
            assert looks_blurred(icon, shown.image_path)
        assert studio.picture_note.isVisible() and studio.picture_note.text() == IMAGE_BLOCKED().render()
        assert not studio.use.isEnabled()
        vm.use_design()  # the keyboard or a stale button: refused, with the reason
        assert used == [] and vm.error[0] == IMAGE_BLOCKED().render()

        refused, went = [], []
        when_allowed(vm.checks, design, lambda: went.append(design), refused.append)  # the gate before Token/mint
        assert went == [] and [m.render() for m in refused] == [IMAGE_BLOCKED().render()]

        use_safety(app, image_threshold=0.6)  # staff raise the threshold: judged again, now allowed
        qtbot.waitUntil(lambda: vm.picture_state(design) is PictureState.ALLOWED, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: studio.use.isEnabled() and not studio.picture_note.isVisible(), timeout=WAIT_MS)
        vm.forget_picture_checks()  # asked before its verdict is in: the gate waits for it, then lets it through
        when_allowed(vm.checks, design, lambda: went.append(design), refused.append)
        assert went == [] and vm.picture_state(design) is PictureState.CHECKING
        qtbot.waitUntil(lambda: went == [design], timeout=WAIT_MS)
        assert len(refused) == 1
    finally:
        close_app(app)
