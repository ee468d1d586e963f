"""The LoRAs a generation applies (in Advanced settings): one row each with its weight (−2..2) and a remove button,
and a list to add another, up to five. Shown only when LoRAs of the chosen model's family are installed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from app.generation.request import MAX_LORA_WEIGHT, MAX_LORAS
from ui.design.few_step_note import show_row
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_M, SPACE_S
from ui.widgets.elided_label import ElidedLabel

WEIGHT_STEPS = 100  # slider units per 1.0 of weight


def weight_text(weight: float) -> str:
    return f"{weight:+.2f}" if weight else "0.00"


class LoraRow(QWidget):
    """Two lines, so the weight slider has the form's whole width to be dragged along: the LoRA's name (cut with
    "…", whole in its tooltip) and its remove button, then the slider and the weight it gives."""

    def __init__(self, vm, model, weight: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm, self.lora_id, self.label = vm, model.id, model.label
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        head = QHBoxLayout()
        head.setSpacing(SPACE_S)
        self.name = ElidedLabel(model.label)  # a file's name, shown as it is
        head.addWidget(self.name, 1)
        self.remove = QToolButton()
        self.remove.setIcon(icon("trash"))
        self.remove.clicked.connect(lambda: vm.remove_lora(self.lora_id))
        head.addWidget(self.remove)
        rows.addLayout(head)
        line = QHBoxLayout()
        line.setSpacing(SPACE_M)
        self.weight = QSlider(Qt.Orientation.Horizontal)
        limit = int(MAX_LORA_WEIGHT * WEIGHT_STEPS)
        self.weight.setRange(-limit, limit)
        self.weight.setValue(round(weight * WEIGHT_STEPS))
        self.weight.valueChanged.connect(lambda v: vm.set_lora_weight(self.lora_id, v / WEIGHT_STEPS))
        line.addWidget(self.weight, 1)
        self.value = QLabel(weight_text(weight))
        self.value.setProperty("role", "secondary")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("+0.00"))
        line.addWidget(self.value)
        rows.addLayout(line)
        self.retranslate()

    def retranslate(self) -> None:
        self.weight.setAccessibleName(translate("LoraList", "Weight of {name}").format(name=self.label))
        self.remove.setToolTip(translate("LoraList", "Remove this LoRA"))
        self.remove.setAccessibleName(translate("LoraList", "Remove {name}").format(name=self.label))

    def show_weight(self, weight: float) -> None:
        if self.weight.value() != round(weight * WEIGHT_STEPS):
            self.weight.blockSignals(True)
            self.weight.setValue(round(weight * WEIGHT_STEPS))
            self.weight.blockSignals(False)
        self.value.setText(weight_text(weight))


class LoraList(Retranslating, QWidget):
    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(SPACE_M)  # rows apart more than a row's two lines
        layout.addLayout(self.rows_box)
        self.rows: dict[str, LoraRow] = {}
        self.add = QComboBox()  # item 0 says what it is for; choosing another adds that LoRA
        self.add.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add.setMinimumContentsLength(10)
        self.add.activated.connect(self._on_add)
        layout.addWidget(self.add)
        vm.loras_changed.connect(self._show)
        vm.lora_choices_changed.connect(self._show)
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setAccessibleName(translate("LoraList", "Add a LoRA"))
        self.add.setToolTip(translate("LoraList", "A LoRA adds a style or subject the model learnt later"))
        for row in self.rows.values():
            row.retranslate()
        self._show()

    def showEvent(self, event) -> None:  # once in its form: the row shows only when LoRAs of the family exist
        super().showEvent(event)
        self._show()

    def _show(self, *_args) -> None:
        vm = self.vm
        show_row(self, bool(vm.lora_choices))
        used = dict(vm.loras)
        for lora_id in [i for i in self.rows if i not in used]:
            self.rows.pop(lora_id).deleteLater()
        for index, (lora_id, weight) in enumerate(vm.loras):
            row = self.rows.get(lora_id)
            if row is None:
                model = vm.addon(lora_id)
                if model is None:
                    continue
                row = self.rows[lora_id] = LoraRow(vm, model, weight)
                self.rows_box.insertWidget(index, row)
            row.show_weight(weight)
        left = [m for m in vm.lora_choices if m.id not in used]
        self.add.blockSignals(True)
        self.add.clear()
        self.add.addItem(translate("LoraList", "Add a LoRA…"), "")
        for model in left:
            self.add.addItem(model.label, model.id)
        self.add.setCurrentIndex(0)
        self.add.blockSignals(False)
        self.add.setVisible(bool(left) and len(vm.loras) < MAX_LORAS)

    def _on_add(self, index: int) -> None:
        lora_id = self.add.itemData(index)
        if lora_id:
            self.vm.add_lora(lora_id)
        else:
            self.add.setCurrentIndex(0)
