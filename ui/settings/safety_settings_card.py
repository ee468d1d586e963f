"""Settings: content safety in the studio (off by default; the showroom kiosk always checks).

Two switches (check prompts against the word lists, check pictures with the offline classifier) and how sure the
classifier must be before a picture is held back. Each change is saved at once, as the kiosk card's are: the studio
applies it from the next prompt or picture.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from app.fsutil import describe_os_error
from app.safety.settings import SAFETY_LIMITS, SafetySettings
from ui.i18n import translate
from ui.settings.saved_at_once import caption, install_on_page, show_save_note
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField

SaveSafety = Callable[[SafetySettings], None]  # writes settings.toml with this safety section; OSError when it cannot


class SafetySettingsCard(Card):
    def __init__(self, safety: SafetySettings, save: SaveSafety, parent: QWidget | None = None) -> None:
        super().__init__(lambda: translate("SafetySettingsCard", "Content safety"), parent)
        self.safety = safety
        self._save = save
        self.note: tuple[str, str] | None = None  # ("ok", "") or ("disk", reason)
        self._build()
        self.retranslate()
        self.load(safety)

    def _build(self) -> None:
        self.explanation = caption()
        self.add_widget(self.explanation)
        form = form_layout()
        self.prompt_check = QCheckBox()
        self.prompt_check.toggled.connect(self._on_changed)
        form.addRow(self.prompt_check)
        self.picture_check = QCheckBox()
        self.picture_check.toggled.connect(self._on_changed)
        form.addRow(self.picture_check)
        low, high = SAFETY_LIMITS["image_threshold"]
        self.threshold = NumberField(
            lambda: translate("SafetySettingsCard", "Hold back pictures scoring"),
            low,
            high,
            decimals=2,
            unit=lambda: translate("SafetySettingsCard", "or more"),
        )
        self.threshold.editingFinished.connect(self._on_changed)
        self.threshold_label = QLabel()
        self.threshold_label.setBuddy(self.threshold)
        form.addRow(self.threshold_label, self.threshold.row)
        self.add_layout(form)
        self.threshold_caption = caption()
        self.add_widget(self.threshold_caption)
        self.message = caption()
        self.message.hide()
        self.add_widget(self.message)

    def retranslate(self) -> None:
        super().retranslate()
        self.explanation.setText(
            translate(
                "SafetySettingsCard",
                "Checks that run on this computer, with no network. The showroom kiosk always uses them; here in the "
                "studio they are off unless you turn them on. Changes here are saved at once.",
            )
        )
        self.prompt_check.setText(translate("SafetySettingsCard", "Check prompts against the word lists"))
        self.picture_check.setText(translate("SafetySettingsCard", "Check each picture before it is shown"))
        self.threshold_label.setText(translate("SafetySettingsCard", "Hold back pictures scoring"))
        self.threshold_caption.setText(
            translate(
                "SafetySettingsCard",
                "The picture check scores each picture from 0 (surely fine) to 1 (surely not for a showroom). A "
                "picture that scores this or more is blurred and cannot become a token. Lower holds back more; "
                "0.6 suits most showrooms.",
            )
        )
        self._show_note()

    def load(self, safety: SafetySettings) -> None:
        self.safety = safety
        for box, on in (
            (self.prompt_check, safety.studio_prompt_filter),
            (self.picture_check, safety.studio_image_filter),
        ):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.threshold.setValue(safety.image_threshold)

    def _on_changed(self, *_args) -> None:
        if not self.threshold.is_valid():
            return  # the field says what it takes, under it
        safety = replace(
            self.safety,
            studio_prompt_filter=self.prompt_check.isChecked(),
            studio_image_filter=self.picture_check.isChecked(),
            image_threshold=round(float(self.threshold.value()), 2),
        )
        if safety == self.safety:
            return
        try:
            self._save(safety)
        except OSError as exc:
            self.note = ("disk", describe_os_error(exc))
            self.load(self.safety)  # what is on screen is what is in force
        else:
            self.safety = safety
            self.note = ("ok", "")
        self._show_note()

    def _show_note(self) -> None:
        not_saved = translate("SafetySettingsCard", "Not saved: {reason}")
        show_save_note(
            self.message, self.note, translate("SafetySettingsCard", "Content safety settings saved."), not_saved
        )


def install_safety_card(page) -> SafetySettingsCard:
    """Put the content safety card on the Settings page (its left column, above the stretch); each change writes the
    file as it is now with the new safety section and tells the page and the window, as the page's Save does."""
    return install_on_page(page, "safety", SafetySettingsCard)
