"""Choose the winners of the final round: prefilled from the standings, ties flagged, the order (= the ranks) changed by
dragging or with Move up / Move down, then "Lock the result" after a confirmation that names what cannot be undone."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.curation import ranking
from app.curation.models import Standing, Winner
from app.curation.settings import MAX_WINNERS
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_M, SPACE_S, SPACE_XL, tabular_font


class WinnersDialog(Retranslating, QDialog):
    """accept() only after the confirmation; then `winners()` are what to lock (ranks 1..n in list order)."""

    def __init__(self, standings: Sequence[Standing], names: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.by_entry = {s.entry: s for s in standings}
        cut = ranking.top(list(standings), MAX_WINNERS)
        picked = [s.entry for s in cut.advancing] + [s.entry for s in cut.tied_at_cut][: cut.seats]
        self.cut = cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "secondary")
        self.tie_note = QLabel()
        self.tie_note.setWordWrap(True)
        self.tie_note.setProperty("role", "emphasis")
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setFont(tabular_font(self.list.font()))
        for entry in picked:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        self.list.model().rowsMoved.connect(self._number)
        self.list.setCurrentRow(0)
        for widget in (self.title, self.hint, self.tie_note):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        moves = QVBoxLayout()
        self.up, self.down = QPushButton(), QPushButton()
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        row.addLayout(moves)
        layout.addLayout(row, 1)
        self.confirm = QFrame()
        self.confirm.setObjectName("card")
        box = QVBoxLayout(self.confirm)
        box.setSpacing(SPACE_S)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        box.addWidget(self.confirm_text)
        confirm_buttons = QHBoxLayout()
        self.back, self.lock_for_good = QPushButton(), QPushButton()
        self.lock_for_good.setProperty("danger", True)
        self.back.clicked.connect(lambda: self.confirm.setVisible(False))
        self.lock_for_good.clicked.connect(self.accept)
        confirm_buttons.addStretch(1)
        confirm_buttons.addWidget(self.back)
        confirm_buttons.addWidget(self.lock_for_good)
        box.addLayout(confirm_buttons)
        self.confirm.setVisible(False)
        layout.addWidget(self.confirm)
        buttons = QHBoxLayout()
        self.cancel, self.lock = QPushButton(), QPushButton()
        self.cancel.clicked.connect(self.reject)
        self.lock.setProperty("primary", True)
        self.lock.clicked.connect(self.ask_to_lock)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.lock)
        layout.addLayout(buttons)
        self.resize(600, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("WinnersDialog", "Choose the winners"))
        self.title.setText(translate("WinnersDialog", "Choose the winners"))
        self.hint.setText(
            translate("WinnersDialog", "Listed in the order of the standings. Drag an entry, or use Move up and Move "
                      "down, to change its rank.")
        )  # fmt: skip
        tie = self.cut.tied_at_cut
        self.tie_note.setVisible(bool(tie))
        if tie:
            first = tie[0].rank
            self.tie_note.setText(
                translate(
                    "WinnersDialog",
                    "Places {first}–{last} are tied: the last {seats} places were filled by entry number, which "
                    "decides nothing. Check them before locking.",
                ).format(first=first, last=first + len(tie) - 1, seats=self.cut.seats)
            )
        self.up.setText(translate("WinnersDialog", "Move up"))
        self.down.setText(translate("WinnersDialog", "Move down"))
        self.cancel.setText(translate("WinnersDialog", "Cancel"))
        self.lock.setText(translate("WinnersDialog", "Lock the result…"))
        self.back.setText(translate("WinnersDialog", "Back"))
        self.lock_for_good.setText(translate("WinnersDialog", "Lock for good"))
        self.confirm_text.setText(
            translate(
                "WinnersDialog",
                "Locking makes these {count} winners and their ranks final. No score, verdict or rank in this round "
                "can change afterwards, on any judge's computer. This cannot be undone.",
            ).format(count=self.list.count())
        )
        self._number()

    def _number(self, *_args) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            entry = item.data(Qt.ItemDataRole.UserRole)
            name = self.names.get(entry) or translate("WinnersDialog", "Entry {number}").format(number=entry)
            standing = self.by_entry.get(entry)
            text = translate("WinnersDialog", "{rank}. {name}").format(rank=i + 1, name=name)
            if standing is not None and standing.tied:
                text = translate("WinnersDialog", "{line} (tied for place {place})").format(
                    line=text, place=standing.rank
                )
            item.setText(text)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._number()

    def ask_to_lock(self) -> None:
        self.confirm.setVisible(True)
        self.lock_for_good.setFocus()

    def winners(self) -> list[Winner]:
        return [Winner(i + 1, self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())]
