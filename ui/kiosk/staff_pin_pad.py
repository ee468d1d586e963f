"""The staff PIN pad: big digits for a finger, the PIN as dots, and why a try was refused (wrong, with the tries
left; locked, with the time left, counting down). The PIN is checked off the UI thread (scrypt takes a moment)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.messages import Message
from app.showroom import messages as msgs
from app.showroom.staff import MAX_DIGITS, StaffLock, clock_text
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import words
from ui.kiosk.staff_overlay import StaffOverlay
from ui.tasks import run_in_background

KEY_SIZE = 76  # a finger's target, past the kiosk's 64 px minimum, with the message and Cancel still in 800 px
_KEY_ROWS = ("123", "456", "789")


class StaffPinPad(Retranslating, StaffOverlay):
    sig_opened = Signal()  # the right PIN: the gate shows the staff panel

    def __init__(self, host: QWidget, lock: StaffLock) -> None:
        super().__init__(host, card_width=600)
        self.lock = lock
        self.digits = ""
        self.problem: Message | None = None  # what the last try said, kept as a message so it follows the language
        self.checking = False
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._show_state)
        self._setup_ui()
        self.retranslate()
        self._show_state()

    def _setup_ui(self) -> None:
        lay = QVBoxLayout(self.card)
        lay.setContentsMargins(40, 32, 40, 32)
        lay.setSpacing(12)
        self.title = words("title")
        self.hint = words("secondary")
        self.dots = words("title")
        self.dots.setMinimumHeight(40)
        self.message = words("message")
        self.message.hide()
        for label in (self.title, self.hint, self.dots, self.message):
            lay.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.keys: dict[str, QPushButton] = {}
        for row, keys in enumerate((*_KEY_ROWS, "<0>")):
            for col, key in enumerate(keys):
                button = self._key(key)
                grid.addWidget(button, row, col)
        lay.addLayout(grid)
        row = QHBoxLayout()
        self.cancel = QPushButton()
        self.cancel.setCursor(Qt.CursorShape.PointingHandCursor)
        self.cancel.clicked.connect(self.close_overlay)
        row.addWidget(self.cancel)
        lay.addLayout(row)

    def _key(self, key: str) -> QPushButton:
        button = QPushButton()
        button.setProperty("kiosk", "big")
        button.setFixedHeight(KEY_SIZE)
        button.setStyleSheet("padding: 0;")  # i18n: not shown - "Erase" needs the width a big button pads away
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the pad keeps the keyboard: typed digits work too
        if key == "<":
            button.clicked.connect(self.erase)
        elif key == ">":
            button.setProperty("primary", True)
            button.clicked.connect(self.submit)
        else:
            button.setText(key)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
        self.keys[key] = button
        return button

    def retranslate(self) -> None:
        self.title.setText(translate("StaffPinPad", "Staff only"))
        self.hint.setText(translate("StaffPinPad", "Enter the staff PIN."))
        self.keys["<"].setText(translate("StaffPinPad", "Erase"))
        self.keys[">"].setText(translate("StaffPinPad", "Open"))
        self.cancel.setText(translate("StaffPinPad", "Cancel"))
        self._show_state()

    # --- input -----------------------------------------------------------------------------------

    def press(self, digit: str) -> None:
        if self.checking or self.lock.locked_for() > 0 or len(self.digits) >= MAX_DIGITS:
            return
        self.digits += digit
        self._show_state()

    def erase(self) -> None:
        self.digits = self.digits[:-1]
        self._show_state()

    def submit(self) -> None:
        if self.checking or not self.digits:
            return
        pin, self.digits = self.digits, ""
        self.checking = True
        self._show_state()
        run_in_background(lambda: self.lock.attempt(pin), self._on_attempt, self._on_failed, parent=self)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if text.isascii() and text.isdigit() and len(text) == 1:
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.erase()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.close_overlay()
        else:
            super().keyPressEvent(event)

    # --- answers ---------------------------------------------------------------------------------

    def _on_attempt(self, attempt) -> None:
        self.checking = False
        if attempt.opened:
            self.problem = None
            self.sig_opened.emit()
            self.close_overlay()
            return
        self.problem = attempt.message
        self._show_state()

    def _on_failed(self, _error: BaseException) -> None:
        self.checking = False
        self.problem = msgs.NO_PIN_SET() if not self.lock.pin_set else None
        self._show_state()

    def _show_state(self) -> None:
        if self.closed:
            return
        locked = self.lock.locked_for()
        if locked > 0:
            self.digits = ""
            self.problem = msgs.LOCKED_OUT(time=clock_text(locked))
            if not self.countdown.isActive():
                self.countdown.start()
        elif self.countdown.isActive():  # the lockout just ended: a fresh start
            self.countdown.stop()
            self.problem = None
        if self.problem is None and not self.lock.pin_set:
            self.problem = msgs.NO_PIN_SET()
        self.dots.setText("●  " * len(self.digits) if self.digits else "–")  # i18n: not shown as words
        self.message.setVisible(self.problem is not None)
        self.message.setText(str(self.problem) if self.problem is not None else "")
        enabled = locked <= 0 and not self.checking
        for key, button in self.keys.items():
            button.setEnabled(enabled and (key != ">" or bool(self.digits)))

    def stop_timers(self) -> None:
        self.countdown.stop()
