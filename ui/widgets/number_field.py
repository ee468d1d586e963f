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
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_S, SPACE_XS
from ui.widgets.words import Words, said

_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)


class NumberField(Retranslating, QLineEdit):
    """`row` is what goes into a form: the field, its unit, and the message under them.

    `what`, `unit` and `example` may be callables, said again when the language changes (see words.py); given as a
    str, they are the owner's to re-set with `set_words`."""

    sig_validity_changed = Signal(bool)

    def __init__(
        self,
        what: Words,
        low: float,
        high: float,
        *,
        decimals: int = 0,
        unit: Words = "",
        optional: bool = False,
        example: Words = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._what, self.low, self.high, self.decimals = what, low, high, decimals
        self.optional, self._example, self._unit = optional, example, unit
        self._valid = True
        self.setAccessibleName(self.what)
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
        self.unit_label = QLabel()
        self.unit_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unit_label.setProperty("role", "secondary")
        line.addWidget(self.unit_label)
        column.addLayout(line)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "caption")
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.hide()
        column.addWidget(self.message_label)
        self.textChanged.connect(self._on_text_changed)
        self.retranslate()

    @property
    def what(self) -> str:
        return said(self._what)

    @property
    def example(self) -> str:
        return said(self._example)

    def set_words(self, what: Words, unit: Words = "", example: Words = "") -> None:
        self._what, self._unit, self._example = what, unit, example
        self.setAccessibleName(self.what)
        self.retranslate()

    def retranslate(self) -> None:
        if callable(self._what):  # a str is the owner's to say again (it may name the field otherwise)
            self.setAccessibleName(self.what)
        unit = said(self._unit)
        self.unit_label.setText(unit)
        self.unit_label.setVisible(bool(unit))
        if self.message_label.isVisibleTo(self.row):
            self._on_text_changed(self.text())  # the rule under the field, said again

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
        sentence = _rule_sentence(bool(self.decimals), bool(self.example), self.optional)
        return sentence.format(what=self.what, low=_show(self.low), high=_show(self.high), example=self.example)

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


def _rule_sentence(decimals: bool, example: bool, optional: bool) -> str:
    # Whole sentences, so a translation can order them as its language needs.
    if decimals:
        if example and optional:
            return translate(
                "NumberField", "{what} must be a number from {low} to {high}, such as {example}, or left empty."
            )
        if example:
            return translate("NumberField", "{what} must be a number from {low} to {high}, such as {example}.")
        if optional:
            return translate("NumberField", "{what} must be a number from {low} to {high}, or left empty.")
        return translate("NumberField", "{what} must be a number from {low} to {high}.")
    if example and optional:
        return translate(
            "NumberField", "{what} must be a whole number from {low} to {high}, such as {example}, or left empty."
        )
    if example:
        return translate("NumberField", "{what} must be a whole number from {low} to {high}, such as {example}.")
    if optional:
        return translate("NumberField", "{what} must be a whole number from {low} to {high}, or left empty.")
    return translate("NumberField", "{what} must be a whole number from {low} to {high}.")


def _show(number: float) -> str:
    return f"{number:,}" if float(number).is_integer() and abs(number) >= 1000 else f"{number:g}"
