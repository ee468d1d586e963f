"""Advance the top N to a new round. When the cut falls inside a tie, the whole tie is shown and staff decide: tick
which of the tied entries advance, or advance all of them. The ranking never breaks a tie silently."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.curation import ranking
from app.curation.models import Round, Standing
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_M, SPACE_S, SPACE_XL

DEFAULT_N = 100


class AdvanceDialog(Retranslating, QDialog):
    """`standings` best first; `names` entry -> what to call it (blind rounds: "" and the number is shown)."""

    def __init__(self, rnd: Round, standings: Sequence[Standing], names: dict[int, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.round, self.standings, self.names = rnd, list(standings), names
        self.cut = ranking.Cut(())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setSpacing(SPACE_S)
        self.n = QSpinBox()
        self.n.setRange(1, max(1, len(self.standings)))
        self.n.setValue(min(DEFAULT_N, max(1, len(self.standings) // 2)))
        self.n.valueChanged.connect(self._recut)
        self.name = QLineEdit()
        self.blind = QCheckBox()
        self.blind.setChecked(rnd.blind)
        self.n_label, self.name_label = QLabel(), QLabel()
        form.addRow(self.n_label, self.n)
        form.addRow(self.name_label, self.name)
        form.addRow("", self.blind)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tie_sentence = QLabel()
        self.tie_sentence.setWordWrap(True)
        self.tie_sentence.setProperty("role", "emphasis")
        layout.addWidget(self.tie_sentence)
        self.tie_list = QListWidget()
        self.tie_list.itemChanged.connect(self._update_ok)
        layout.addWidget(self.tie_list, 1)
        self.all_tied = QPushButton()
        self.all_tied.clicked.connect(self.advance_all_tied)
        layout.addWidget(self.all_tied, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.reject)
        self.ok = QPushButton()
        self.ok.setProperty("primary", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout.addLayout(buttons)
        self.resize(560, 560)
        self.retranslate()
        self.name.setText(translate("AdvanceDialog", "Round {number}").format(number=rnd.position + 1))
        self._recut()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AdvanceDialog", "Advance to the next round"))
        self.title.setText(translate("AdvanceDialog", "Advance to the next round"))
        self.n_label.setText(translate("AdvanceDialog", "How many advance"))
        self.name_label.setText(translate("AdvanceDialog", "Next round's name"))
        self.blind.setText(translate("AdvanceDialog", "Blind judging (hide who made each entry)"))
        self.all_tied.setText(translate("AdvanceDialog", "Advance all tied"))
        self.cancel.setText(translate("AdvanceDialog", "Cancel"))
        self.ok.setText(translate("AdvanceDialog", "Create the next round"))
        self._show_cut()

    def _name(self, entry: int) -> str:
        return self.names.get(entry) or translate("AdvanceDialog", "Entry {number}").format(number=entry)

    def _recut(self) -> None:
        self.cut = ranking.top(self.standings, self.n.value())
        self.tie_list.blockSignals(True)
        self.tie_list.clear()
        for s in self.cut.tied_at_cut:
            item = QListWidgetItem(f"={s.rank}  {self._name(s.entry)}")  # i18n: not shown
            item.setData(Qt.ItemDataRole.UserRole, s.entry)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tie_list.addItem(item)
        self.tie_list.blockSignals(False)
        self._show_cut()

    def _show_cut(self) -> None:
        tie = self.cut.tied_at_cut
        self.summary.setText(
            translate("AdvanceDialog", "{count} entries advance for sure.").format(count=len(self.cut.advancing))
            if tie
            else translate("AdvanceDialog", "The top {count} advance.").format(count=len(self.cut.advancing))
        )
        for widget in (self.tie_sentence, self.tie_list, self.all_tied):
            widget.setVisible(bool(tie))
        if tie:
            first = tie[0].rank
            self.tie_sentence.setText(
                translate(
                    "AdvanceDialog",
                    "Places {first}–{last} are tied: choose which {seats} advance, or advance all {total}.",
                ).format(
                    first=first,
                    last=first + len(tie) - 1,
                    seats=self.cut.seats,
                    total=len(self.cut.advancing) + len(tie),
                )
            )
        self._update_ok()

    def ticked(self) -> list[int]:
        return [
            self.tie_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.tie_list.count())
            if self.tie_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def advance_all_tied(self) -> None:
        for i in range(self.tie_list.count()):
            self.tie_list.item(i).setCheckState(Qt.CheckState.Checked)

    def _update_ok(self) -> None:
        ticked = len(self.ticked())
        tie = self.cut.tied_at_cut
        self.ok.setEnabled(bool(self.cut.advancing or tie) and (not tie or ticked in (self.cut.seats, len(tie))))

    def chosen(self) -> list[int]:
        """The entries of the next round: those in for sure, then the tied ones ticked."""
        return [s.entry for s in self.cut.advancing] + self.ticked()

    def round_name(self) -> str:
        return self.name.text().strip()
