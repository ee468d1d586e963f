"""The note under the sampler when a fast model (SD-Turbo, SDXL-Turbo, LCM) or an LCM-LoRA set the steps, guidance
and sampler for itself (app/generation/few_step.py): the person sees why their numbers changed."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ui.i18n import Retranslating, translate


def show_row(widget: QWidget, shown: bool) -> None:
    """Show or hide `widget`'s whole row (label and gap too) in the form holding it; nothing while in none."""
    form = widget.parentWidget().layout() if widget.parentWidget() is not None else None
    if isinstance(form, QFormLayout) and form.indexOf(widget) >= 0:
        form.setRowVisible(widget, shown)


def few_step_words(defaults) -> str:
    if defaults.scheduler == "turbo" and defaults.steps == 1 and not defaults.guidance:
        return translate("FewStepNote", "Turbo model: 1 step, no guidance")
    words = translate("FewStepNote", "Fast model: {steps} steps, guidance {guidance}")
    return words.format(steps=defaults.steps, guidance=f"{defaults.guidance:g}")


class FewStepNote(Retranslating, QLabel):
    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setProperty("role", "caption")
        self.setWordWrap(True)
        vm.few_step_changed.connect(self.retranslate)
        self.retranslate()

    def showEvent(self, event) -> None:  # once in its form: the row shows only while a fast model set the numbers
        super().showEvent(event)
        self.retranslate()

    def retranslate(self, *_args) -> None:
        defaults = self.vm.few_step
        self.setText(few_step_words(defaults) if defaults is not None else "")
        show_row(self, defaults is not None)
