"""New round…: a name, whether judges see who made each entry (blind), and the rubric: criteria with weights, the
campaign's four by default. The first round takes every valid submission; later rounds are made by advancing the top
entries from the Results page."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.curation.models import DEFAULT_CRITERIA, Criterion
from ui.curation.scoring_rows import criterion_label
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S

NAME_LIMIT = 80
LABEL_LIMIT = 60
MAX_CRITERIA = 8


class NewRoundDialog(Retranslating, QDialog):
    sig_create = Signal(str, tuple, bool)  # name, criteria, blind

    def __init__(self, parent: QWidget | None = None, *, first: bool = True) -> None:
        super().__init__(parent)
        self._first = first
        self._rows: list[tuple[str, QLineEdit, QDoubleSpinBox, QPushButton]] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_L)
        box.setSpacing(SPACE_M)
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.name_edit.textChanged.connect(self._check)
        self.blind_box = QCheckBox()
        self.blind_box.setChecked(True)
        self.rubric_label = QLabel()
        self.rubric_label.setProperty("role", "emphasis")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(SPACE_S)
        self.grid.setColumnStretch(0, 3)  # the criterion's words get the room; a weight is two digits
        self.grid.setColumnStretch(1, 1)
        self.add_button = QPushButton()
        self.add_button.setProperty("flat", True)
        self.add_button.clicked.connect(lambda: self._add_row("", "", 1.0))
        self.entries_label = QLabel()
        self.entries_label.setWordWrap(True)
        self.entries_label.setProperty("role", "secondary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setProperty("primary", True)
        self.buttons.accepted.connect(self._on_create)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.name_label, self.name_edit, self.blind_box, self.rubric_label):
            box.addWidget(widget)
        box.addLayout(self.grid)
        box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.entries_label)
        box.addStretch(1)
        box.addWidget(self.buttons)
        for criterion in DEFAULT_CRITERIA:
            self._add_row(criterion.id, criterion_label(criterion), criterion.weight * 100)
        self.setMinimumWidth(480)
        self.retranslate()
        self._check()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("NewRoundDialog", "New round"))
        self.name_label.setText(translate("NewRoundDialog", "Round name"))
        self.name_edit.setPlaceholderText(translate("NewRoundDialog", "Long list"))
        self.blind_box.setText(
            translate("NewRoundDialog", "Blind: hide the owner, token id and anything that names them")
        )
        self.rubric_label.setText(translate("NewRoundDialog", "Rubric: criteria scored 1 to 5, and their weights"))
        self.add_button.setText(translate("NewRoundDialog", "Add criterion"))
        self.entries_label.setText(
            translate("NewRoundDialog", "Every valid submission that is not disqualified is in this round.")
            if self._first
            else translate(
                "NewRoundDialog",
                "Every valid submission is in this round. To judge only the best, advance them from Results.",
            )
        )
        self.create_button.setText(translate("NewRoundDialog", "Create round"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("NewRoundDialog", "Cancel"))
        for _id, label, weight, remove in self._rows:
            label.setPlaceholderText(translate("NewRoundDialog", "Criterion"))
            weight.setToolTip(translate("NewRoundDialog", "Weight (weights are compared with each other)"))
            remove.setText(translate("NewRoundDialog", "Remove"))

    def _add_row(self, criterion_id: str, label_text: str, weight_value: float) -> None:
        if len(self._rows) >= MAX_CRITERIA:
            return
        label = QLineEdit(label_text)
        label.setMaxLength(LABEL_LIMIT)
        label.textChanged.connect(self._check)
        weight = QDoubleSpinBox()
        weight.setRange(1, 100)
        weight.setDecimals(0)
        weight.setValue(weight_value)
        remove = QPushButton()
        remove.setProperty("flat", True)
        row = (criterion_id, label, weight, remove)
        remove.clicked.connect(lambda: self._remove(row))
        at = len(self._rows)
        self.grid.addWidget(label, at, 0)
        self.grid.addWidget(weight, at, 1)
        self.grid.addWidget(remove, at, 2)
        self._rows.append(row)
        self.retranslate() if hasattr(self, "create_button") else None
        self._check()

    def _remove(self, row) -> None:
        if row in self._rows and len(self._rows) > 1:
            self._rows.remove(row)
            for widget in row[1:]:
                self.grid.removeWidget(widget)
                widget.deleteLater()
            self._check()

    def criteria(self) -> tuple[Criterion, ...]:
        made, used = [], set()
        for criterion_id, label, weight, _remove in self._rows:
            text = " ".join(label.text().split())
            default = next((c for c in DEFAULT_CRITERIA if c.id == criterion_id), None)
            if default is None or text != criterion_label(default):  # the staff's own words: a criterion of its own
                criterion_id = _slug(text, used)
                text_kept = text
            else:
                text_kept = default.label  # stored in English; shown in the judge's language by its id
            used.add(criterion_id)
            made.append(Criterion(criterion_id, text_kept, weight.value() / 100))
        return tuple(made)

    def _check(self, *_args) -> None:
        if not hasattr(self, "create_button"):
            return
        labels = [" ".join(row[1].text().split()) for row in self._rows]
        ok = bool(self.name_edit.text().strip()) and all(labels) and len(set(labels)) == len(labels)
        self.create_button.setEnabled(ok)
        self.add_button.setEnabled(len(self._rows) < MAX_CRITERIA)

    def _on_create(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.sig_create.emit(" ".join(self.name_edit.text().split()), self.criteria(), self.blind_box.isChecked())
        self.accept()


def _slug(text: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:30] or "criterion"  # i18n: not shown
    slug, n = base, 2
    while slug in used or slug in {c.id for c in DEFAULT_CRITERIA}:
        slug, n = f"{base}-{n}", n + 1
    return slug
