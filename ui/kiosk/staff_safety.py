"""The staff panel's content safety: how sure the picture check must be before it holds a picture back (the image
threshold, kept in settings.toml with the other settings), and the staff's own word list for the prompt filter (a
file beside the settings, app/safety/prompt_filter.py), both saved with one button."""

from __future__ import annotations

import copy
import logging
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QSlider, QWidget

from app.errors import UserFacingError
from app.fsutil import describe_os_error
from app.safety.settings import SAFETY_LIMITS
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import words
from ui.kiosk.staff_section import section_column

log = logging.getLogger(__name__)

LOW, HIGH = (round(limit * 100) for limit in SAFETY_LIMITS["image_threshold"])


class StaffSafetySection(Retranslating, QWidget):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.note: tuple[str, object] | None = None  # ("saved", None), ("error" | "not_written", Message)
        self._setup_ui()
        self.retranslate()
        self.load()

    def _setup_ui(self) -> None:
        lay, self.heading = section_column(self)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.threshold_name = words("body", wrap=False, centred=False)
        row.addWidget(self.threshold_name)
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(LOW, HIGH)
        self.threshold.valueChanged.connect(self._show_threshold)
        row.addWidget(self.threshold, 1)
        self.threshold_value = words("body", wrap=False, centred=False)
        self.threshold_value.setMinimumWidth(64)
        row.addWidget(self.threshold_value)
        lay.addLayout(row)
        self.threshold_hint = words("small", centred=False)
        lay.addWidget(self.threshold_hint)
        self.list_name = words("body", centred=False)
        lay.addSpacing(8)
        lay.addWidget(self.list_name)
        self.list_hint = words("small", centred=False)
        lay.addWidget(self.list_hint)
        self.word_list = QPlainTextEdit()
        self.word_list.setFixedHeight(180)
        self.word_list.setTabChangesFocus(True)
        lay.addWidget(self.word_list)
        self.message = words("message", centred=False)
        self.message.hide()
        lay.addWidget(self.message)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setMinimumWidth(200)
        self.save_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        lay.addLayout(save_row)

    def load(self) -> None:
        self.threshold.setValue(round(self.services.settings.safety.image_threshold * 100))
        safety = self.services.safety
        self.word_list.setPlainText(safety.prompts.staff_text() if safety is not None else "")
        self.word_list.setEnabled(safety is not None)

    def save(self) -> None:
        """The threshold into settings.toml and the word list into its file; a plain sentence when either fails
        (what was typed stays, to be corrected and saved again)."""
        services = self.services
        try:
            if services.safety is not None:
                services.safety.prompts.save_staff_text(self.word_list.toPlainText())
            threshold = self.threshold.value() / 100
            if threshold != services.settings.safety.image_threshold:
                new = copy.deepcopy(services.settings)
                new.safety = replace(new.safety, image_threshold=threshold)
                services.save_settings(new)
        except UserFacingError as exc:
            self.note = ("error", exc.msg)
        except OSError as exc:
            log.warning("content safety settings not saved: %s", exc)
            self.note = ("not_written", describe_os_error(exc))
        else:
            self.note = ("saved", None)
        self._show_note()

    def _show_threshold(self, value: int) -> None:
        self.threshold_value.setText(QLocale().toString(value / 100, "f", 2))

    def _show_note(self) -> None:
        if self.note is None:
            self.message.hide()
            return
        kind, what = self.note
        if kind == "saved":
            text = translate("StaffSafetySection", "Saved. The kiosk uses it from the next visitor.")
        elif kind == "not_written":
            text = translate("StaffSafetySection", "Not saved: {reason}. Try again.").format(reason=str(what))
        else:
            text = str(what)
        self.message.setText(text)
        self.message.show()

    def retranslate(self) -> None:
        self.heading.setText(translate("StaffSafetySection", "Content safety"))
        self.threshold_name.setText(translate("StaffSafetySection", "Picture check threshold"))
        self.threshold.setAccessibleName(translate("StaffSafetySection", "Picture check threshold"))
        self.threshold_hint.setText(
            translate(
                "StaffSafetySection",
                "A picture scoring at or above this is blurred and cannot be submitted. Lower holds back more.",
            )
        )
        self.list_name.setText(translate("StaffSafetySection", "Your own blocked words"))
        self.list_hint.setText(
            translate(
                "StaffSafetySection",
                'One per line: "word" blocks it, "-word" allows a built-in word again, '
                '"!allowed phrase" lets a phrase through.',
            )
        )
        self.word_list.setAccessibleName(translate("StaffSafetySection", "Your own blocked words"))
        self.save_button.setText(translate("StaffSafetySection", "Save"))
        self._show_threshold(self.threshold.value())
        self._show_note()
