"""The prize for each winning rank, in KAIA: ten small fields in two columns (ranks 1–5, then 6–10) and their total.

The setting is one text ("1000, 500, 300"); `app.curation.settings.prize_amounts` has the last word on it. A field
may say "1,000": grouping commas are taken out before the amounts are joined with the setting's own commas."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.curation.settings import MAX_WINNERS, prize_amounts
from app.errors import InputError
from ui.i18n import Retranslating, translate
from ui.settings.saved_at_once import caption
from ui.theme import SPACE_M, SPACE_S, SPACE_XL, repolish

_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?", re.ASCII)
MAX_AMOUNT_TEXT = 40  # longer than any prize; a pasted paragraph is refused by length, not parsed


def _amount(text: str) -> Decimal | None:
    text = text.strip()
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not text or "," in text or ";" in text:
        return None
    found = prize_amounts(text)
    return found[0] if found else None


class PrizeFields(Retranslating, QWidget):
    sig_edited = Signal()  # a field was left after typing (editingFinished)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_S)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_S)
        self.fields: list[QLineEdit] = []
        self._labels: list[QLabel] = []
        half = MAX_WINNERS // 2
        for index in range(MAX_WINNERS):
            label, field = QLabel(), QLineEdit()
            field.setMaxLength(MAX_AMOUNT_TEXT)
            field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            field.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            field.editingFinished.connect(self.sig_edited)
            field.textChanged.connect(self._show_total)
            label.setBuddy(field)
            row, column = index % half, (index // half) * 3
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1)
            self.fields.append(field)
            self._labels.append(label)
        grid.setColumnMinimumWidth(2, SPACE_XL)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        lay.addLayout(grid)
        self.total = QLabel()
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.total.setProperty("role", "secondary")
        lay.addWidget(self.total)
        self.problem = caption()
        self.problem.setProperty("role", "")  # a problem reads as body text
        self.problem.hide()
        lay.addWidget(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        for index, (label, field) in enumerate(zip(self._labels, self.fields), start=1):
            label.setText(translate("PrizeFields", "Rank {rank}").format(rank=index))
            field.setAccessibleName(translate("PrizeFields", "Prize for rank {rank}, in KAIA").format(rank=index))
            field.setPlaceholderText(translate("PrizeFields", "KAIA"))
        self._show_total()
        if self.problem.isVisibleTo(self):
            self.check()

    def load(self, text: str) -> None:
        amounts = prize_amounts(text) or []
        for index, field in enumerate(self.fields):
            field.setText(_plain(amounts[index]) if index < len(amounts) else "")
        self._say_problem("")

    def text(self) -> str:
        """The setting's text; InputError naming the rank when a field cannot be used."""
        texts = [field.text().strip() for field in self.fields]
        last = max((i for i, t in enumerate(texts) if t), default=-1)
        amounts = []
        for index, typed in enumerate(texts[: last + 1]):
            amount = _amount(typed) if typed else None
            if not typed:
                raise InputError(
                    translate(
                        "PrizeFields", "Give a prize for rank {rank} too: every rank above the last prize needs one."
                    ).format(rank=index + 1)
                )
            if amount is None:
                raise InputError(
                    translate(
                        "PrizeFields",
                        "The prize for rank {rank} must be an amount of KAIA, like 500 or 12.5, with no minus sign.",
                    ).format(rank=index + 1)
                )
            amounts.append(_plain(amount))
        joined = ", ".join(amounts)
        if prize_amounts(joined) is None:  # the core's rule has the last word
            raise InputError(translate("PrizeFields", "These prizes cannot be used. Check each amount."))
        return joined

    def check(self) -> str | None:
        """The setting's text, or None after saying under the fields what is wrong (and marking the field)."""
        try:
            text = self.text()
        except InputError as exc:
            self._say_problem(exc.message)
            return None
        self._say_problem("")
        return text

    def _say_problem(self, words: str) -> None:
        self.problem.setText(words)
        self.problem.setVisible(bool(words))
        for field in self.fields:
            typed = field.text().strip()
            bad = bool(words) and bool(typed) and _amount(typed) is None
            if field.property("invalid") != bad:
                field.setProperty("invalid", bad)
                repolish(field)

    def _show_total(self, *_args) -> None:
        amounts = [_amount(field.text()) for field in self.fields if field.text().strip()]
        if not amounts:
            self.total.setText(translate("PrizeFields", "No prizes set."))
        elif any(a is None for a in amounts):
            self.total.setText(translate("PrizeFields", "Total: — (a prize is not an amount yet)"))
        else:
            total = sum(amounts, Decimal(0))
            self.total.setText(translate("PrizeFields", "Total: {amount} KAIA").format(amount=_grouped(total)))


def _plain(amount: Decimal) -> str:
    """1000, 12.5: no exponent, no trailing zeros."""
    text = format(amount.normalize(), "f")
    return text


def _grouped(amount: Decimal) -> str:
    whole, _, fraction = _plain(amount).partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")
