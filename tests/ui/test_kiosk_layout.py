"""The kiosk's design step at 1280×800 fits the screen in English and Korean whatever it is saying: a design being
made, a Generate that failed, words that can't be used. A visitor never scrolls to find Back or Next."""

from __future__ import annotations

import pytest

from app.fleet.remote_messages import UNREACHABLE
from app.safety.messages import PROMPT_BLOCKED
from tests.ui.kiosk_flow_helpers import tap
from ui.i18n import apply_language

STATES = ("making", "failed", "refused words", "all at once")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_design_step_fits_whatever_it_says(qtbot, kiosk, language):
    window, vm = kiosk.window, kiosk.controller.design_vm
    tap(qtbot, window.attract.start)
    step = window.design
    apply_language(language)
    try:
        for state in STATES:
            vm.busy = state in ("making", "all at once")
            vm.progress = 400
            failed = state in ("failed", "all at once")
            vm.error = (
                (str(UNREACHABLE(url="https://generation.example-campaign.kr:8443")), "", "error") if failed else None
            )
            vm.prompt_problem = PROMPT_BLOCKED() if state in ("refused words", "all at once") else None
            assert not kiosk.scrolls(), f"{state} in {language}"
            assert step.progress.isVisible() == vm.busy and step.message.isVisible() == failed
            assert step.prompt_note.isVisible() == (vm.prompt_problem is not None)
            for button in (step.back, step.next, step.generate):
                bottom = button.mapTo(window, button.rect().bottomLeft()).y()
                assert bottom <= window.height(), f"{button.text()} is cut off: {state} in {language}"
    finally:
        vm.busy, vm.error, vm.prompt_problem = False, None, None
        apply_language("en")
