"""The band on top of every kiosk screen: the logo (five taps within three seconds call staff), where the visitor is
in the four steps, and the language switch."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.i18n import Retranslating, translate
from ui.kiosk.language_switch import LanguageSwitch
from ui.theme import repolish

STEPS = ("design", "describe", "preview", "submit")
STAFF_TAPS = 5
STAFF_WINDOW_S = 3.0


class TapLogo(QLabel):
    """The brand mark; also the staff's hidden door: `sig_staff` after five taps within three seconds."""

    sig_staff = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("SM6", parent)  # i18n: not shown - the car's name, the same in every language
        self.setProperty("kiosk", "logo")
        self._taps: list[float] = []

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t <= STAFF_WINDOW_S] + [now]
        if len(self._taps) >= STAFF_TAPS:
            self._taps.clear()
            self.sig_staff.emit()
        event.accept()


class KioskHeader(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHeader")
        self.setFixedHeight(96)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(32, 0, 24, 0)
        lay.setSpacing(16)
        self.logo = TapLogo()
        lay.addWidget(self.logo)
        lay.addStretch(1)
        self.step_labels: dict[str, QLabel] = {}
        for step in STEPS:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFixedHeight(44)
            self.step_labels[step] = label
            lay.addWidget(label, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addStretch(1)
        self.language = LanguageSwitch()
        lay.addWidget(self.language)
        self.current = ""
        self.retranslate()

    def show_step(self, step: str) -> None:
        """Highlight `step` (one of STEPS); "" for none (the attract screen), "all" for a finished visit."""
        self.current = step
        index = STEPS.index(step) if step in STEPS else (len(STEPS) if step == "all" else -1)
        for number, (name, label) in enumerate(self.step_labels.items()):
            state = "now" if number == index else ("done" if number < index else "todo")
            if label.property("step") != state:
                label.setProperty("step", state)
                repolish(label)

    def retranslate(self) -> None:
        words = {
            "design": translate("KioskHeader", "1 Design"),
            "describe": translate("KioskHeader", "2 Describe"),
            "preview": translate("KioskHeader", "3 Preview"),
            "submit": translate("KioskHeader", "4 Submit"),
        }
        for step, label in self.step_labels.items():
            label.setText(words[step])
        self.show_step(self.current)
