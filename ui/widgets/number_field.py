"""A number typed as text and checked against its range while it is typed.

A spin box silently puts back the previous value when "0" or "-5" is typed into a 1–120 box, so the person never
learns their value was not taken. This field keeps what was typed, says under it what is allowed, and `value()`
refuses (ValueError with that sentence) until it is right, so Save can go to the field instead of saving
something else.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from app.errors import InputError
from ui.theme import SPACE_S, SPACE_XS

_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)


class NumberField(QLineEdit):
    """`row` is what goes into a form: the field, its unit, and the message under them."""

    sig_validity_changed = Signal(bool)

    def __init__(
        self,
        what: str,
        low: float,
        high: float,
        *,
        decimals: int = 0,
        unit: str = "",
        optional: bool = False,
        example: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.what, self.low, self.high, self.decimals = what, low, high, decimals
        self.optional, self.example = optional, example
        self._valid = True
        self.setAccessibleName(what)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhFormattedNumbersOnly if decimals else Qt.InputMethodHint.ImhDigitsOnly
        )
        self.row = QWidget()
        self.row.setFocusProxy(self)  # the form's label is the row's buddy: its mnemonic lands here
        column = QVBoxLayout(self.row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACE_XS)
        line = QHBoxLayout()
        line.setSpacing(SPACE_S)
        line.addWidget(self, 1)
        if unit:
            unit_label = QLabel(unit)
            unit_label.setTextFormat(Qt.TextFormat.PlainText)
            unit_label.setProperty("role", "secondary")
            line.addWidget(unit_label)
        column.addLayout(line)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "caption")
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.hide()
        column.addWidget(self.message_label)
        self.textChanged.connect(self._on_text_changed)

    # --- values --------------------------------------------------------------------------------

    def setValue(self, value: float | None) -> None:
        if value is None:
            self.setText("")
        elif self.decimals:
            self.setText(f"{float(value):.{self.decimals}f}".rstrip("0").rstrip(".") or "0")
        else:
            self.setText(str(int(value)))

    def value(self) -> float | int | None:
        """The number typed; None when an optional field is empty. ValueError (a plain sentence) otherwise."""
        problem = self.problem()
        if problem:
            raise InputError(problem)
        return self._parsed()

    def problem(self) -> str:
        """What is wrong with the text as typed, or ""."""
        text = self.text().strip()
        if not text and self.optional:
            return ""
        number = self._parsed()
        if number is None or not self.low <= number <= self.high:
            return self.rule()
        return ""

    def rule(self) -> str:
        kind = "a number" if self.decimals else "a whole number"
        text = f"{self.what} must be {kind} from {_show(self.low)} to {_show(self.high)}"
        if self.example:
            text += f", such as {self.example}"
        if self.optional:
            text += ", or left empty"
        return text + "."

    def is_valid(self) -> bool:
        return not self.problem()

    def _parsed(self) -> float | int | None:
        text = self.text().strip()
        if self.decimals:
            if not _DECIMAL.fullmatch(text):
                return None
            return round(float(text.replace(",", ".")), self.decimals)
        if _GROUPED.fullmatch(text):  # "4,000", as the rule under the field writes it
            text = text.replace(",", "")
        if not _WHOLE.fullmatch(text):
            return None
        return int(text) if len(text) <= 30 else None  # longer is out of every range: never build a huge int

    # --- slots ---------------------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        problem = self.problem()
        self.message_label.setText(problem)
        self.message_label.setVisible(bool(problem))
        self.setProperty("invalid", bool(problem))
        if self._valid != (not problem):
            self._valid = not problem
            self.sig_validity_changed.emit(self._valid)


def _show(number: float) -> str:
    return f"{number:,}" if float(number).is_integer() and abs(number) >= 1000 else f"{number:g}"
