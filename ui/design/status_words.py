"""The Design studio's status line in words (ui/design/design_vm.py says them through `_say`, again when the language
changes): how a job ended, which step it is at, and its place in a generation server's line while it waits."""

from __future__ import annotations

from app.generation.events import JobState
from ui.i18n import translate


def ended_text(state: JobState, saved: int = 0) -> str:
    """The status line under the preview once a job has ended."""
    if state is JobState.DONE:
        if saved == 1:
            return translate("DesignViewModel", "Done · 1 design saved")
        return translate("DesignViewModel", "Done · {count} designs saved").format(count=saved)
    if state is JobState.CANCELLED:
        return translate("DesignViewModel", "Cancelled")
    return translate("DesignViewModel", "Failed")


def step_text(step: int, steps: int, image_index: int, batch: int) -> str:
    """The status line while a job denoises: the step, and which variation when there are several."""
    if batch > 1:
        words = translate("DesignViewModel", "Step {step} of {steps} · variation {index} of {count}")
        return words.format(step=step, steps=steps, index=image_index + 1, count=batch)
    return translate("DesignViewModel", "Step {step} of {steps}").format(step=step, steps=steps)


def waiting_text(position: int) -> str:
    """The status line while the job waits in the generation server's line (`position` 0: it runs next)."""
    if position == 0:
        return translate("DesignViewModel", "Waiting for the generation server: yours is next")
    return translate("DesignViewModel", "Waiting for the generation server: yours is number {n} in line").format(
        n=position + 1
    )
