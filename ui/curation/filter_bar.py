"""The gallery's filter, in one compact row: search (applied a moment after typing stops), state, flags, score, trait,
date, "Not judged by me", and how many entries the listing holds.

Combo boxes keep what they mean as item data and their words apart, so the words can change language and the choice
stays. The bar only says what the judge chose (`sig_changed` with the filter's fields); the view-model filters.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.i18n import Retranslating, translate
from ui.theme import SPACE_S, tabular_font

SEARCH_DEBOUNCE_MS = 250
SEARCH_LIMIT = 200
COMBO_CHARS = 5
DAY = 86_400.0

# (data, English) pairs; the words are translated each time they are shown.
SHOW = (  # "state/flag": the entries' state, and one flag they must carry ("" for none)
    ("ok/", QT_TRANSLATE_NOOP("FilterBar", "Valid entries")),
    ("bad/", QT_TRANSLATE_NOOP("FilterBar", "Kept aside")),
    ("all/", QT_TRANSLATE_NOOP("FilterBar", "All entries")),
    ("all/duplicate", QT_TRANSLATE_NOOP("FilterBar", "Duplicates")),
    ("all/disqualified", QT_TRANSLATE_NOOP("FilterBar", "Disqualified")),
    ("ok/scored", QT_TRANSLATE_NOOP("FilterBar", "Scored")),
    ("ok/conflict", QT_TRANSLATE_NOOP("FilterBar", "Conflict of interest")),
    ("ok/commented", QT_TRANSLATE_NOOP("FilterBar", "Commented")),
)
BELOW_3 = -2.999  # negative: an upper bound ("below 3" excludes a 3.0)
SCORES = (
    (None, QT_TRANSLATE_NOOP("FilterBar", "Any score")),
    (4.0, QT_TRANSLATE_NOOP("FilterBar", "Score 4 or more")),
    (3.0, QT_TRANSLATE_NOOP("FilterBar", "Score 3 or more")),
    (BELOW_3, QT_TRANSLATE_NOOP("FilterBar", "Score below 3")),
)
DATES = (
    (None, QT_TRANSLATE_NOOP("FilterBar", "Any date")),
    (1, QT_TRANSLATE_NOOP("FilterBar", "Last 24 hours")),
    (7, QT_TRANSLATE_NOOP("FilterBar", "Last 7 days")),
    (30, QT_TRANSLATE_NOOP("FilterBar", "Last 30 days")),
)


def _words(english: str) -> str:
    return translate("FilterBar", english)


class FilterBar(Retranslating, QWidget):
    sig_changed = Signal(dict)  # fields of the EntryFilter to change, plus "mine_only"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_S)
        self.search = QLineEdit()
        self.search.setMaxLength(SEARCH_LIMIT)
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self._on_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self._on_search)
        self.show_box = QComboBox()
        self.score_box, self.date_box, self.trait_box = QComboBox(), QComboBox(), QComboBox()
        for box, items in (
            (self.show_box, SHOW),
            (self.score_box, SCORES),
            (self.date_box, DATES),
        ):
            for data, _english in items:
                box.addItem("", data)
        self.trait_box.addItem("", None)
        for box in (self.show_box, self.score_box, self.date_box, self.trait_box):
            # As wide as a short word, not the longest choice: the row fits the narrowest window (about 936 px).
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(COMBO_CHARS)
            box.currentIndexChanged.connect(self._on_choice)
        self.show_box.setMinimumContentsLength(COMBO_CHARS + 2)  # "Valid entries" whole, in Korean too
        self.mine_box = QCheckBox()
        self.mine_box.toggled.connect(self._on_choice)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "secondary")
        self.count_label.setFont(tabular_font(self.count_label.font()))
        row.addWidget(self.search, 2)
        for widget in (self.show_box, self.score_box, self.trait_box, self.date_box, self.mine_box):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("FilterBar", "Search entries"))
        for box, items in (
            (self.show_box, SHOW),
            (self.score_box, SCORES),
            (self.date_box, DATES),
        ):
            for i, (_data, english) in enumerate(items):
                box.setItemText(i, _words(english))
        self.trait_box.setItemText(0, translate("FilterBar", "Any trait"))
        self.mine_box.setText(translate("FilterBar", "Not judged by me"))
        self.mine_box.setToolTip(translate("FilterBar", "Show only the entries you have not judged in this round"))
        self.set_count(self._total)

    def set_count(self, total: int) -> None:
        self._total = total
        words = translate("FilterBar", "{count} entry") if total == 1 else translate("FilterBar", "{count} entries")
        self.count_label.setText(words.format(count=f"{total:,}"))

    def set_traits(self, traits: list[tuple[str, str, int]]) -> None:
        """Every (trait type, value, how many) in the store; the choice stays when it is still there."""
        chosen = self.trait_box.currentData()
        self.trait_box.blockSignals(True)
        while self.trait_box.count() > 1:
            self.trait_box.removeItem(1)
        for trait_type, value, _count in traits:
            self.trait_box.addItem(f"{trait_type}: {value}", (trait_type, value))
        at = self.trait_box.findData(chosen) if chosen is not None else 0
        self.trait_box.setCurrentIndex(max(at, 0))
        self.trait_box.blockSignals(False)

    def mine_only(self) -> bool:
        return self.mine_box.isChecked()

    def _on_search(self) -> None:
        self.search_timer.stop()
        self.sig_changed.emit({"search": " ".join(self.search.text().split())})

    def _on_choice(self, *_args) -> None:
        score = self.score_box.currentData()
        days = self.date_box.currentData()
        state, flag = self.show_box.currentData().split("/")
        self.sig_changed.emit(
            {
                "state": state,
                "flags": frozenset({flag}) if flag else frozenset(),
                "min_score": score if score is not None and score > 0 else None,
                "max_score": -score if score is not None and score < 0 else None,
                "trait": self.trait_box.currentData(),
                "since": time.time() - days * DAY if days else None,
                "mine_only": self.mine_box.isChecked(),
            }
        )
