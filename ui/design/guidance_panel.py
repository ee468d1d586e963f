"""The inspector's "Guide" section: a ControlNet of the chosen model's family keeps the SM6's shape from the edges or
a depth-like map of the starting picture. Shown only when such a ControlNet is installed; otherwise one quiet line in
Advanced settings, under the model, says where one comes from (a kiosk visitor sees neither: they install nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.generation.request import HINTS, MAX_CONTROL_STRENGTH
from ui.bind import bind
from ui.design.few_step_note import show_row
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_M, SPACE_S

STRENGTH_STEPS = 100  # the slider's units per 1.0 of strength


def hint_words(hint: str) -> tuple[str, str]:
    """A hint's segment label and tooltip."""
    return {
        "edges": (
            translate("GuidePanel", "Edges"),
            translate("GuidePanel", "The ControlNet follows the outline of the starting picture"),
        ),
        "depth": (
            translate("GuidePanel", "Depth"),
            translate("GuidePanel", "The ControlNet follows the car's volume: a depth-like map of its body"),
        ),
    }[hint]


def strength_text(value: float) -> str:
    return f"{value:.2f}"


class GuidePanel(Retranslating, QWidget):
    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        body = QVBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(SPACE_S)
        self.title = QLabel()
        self.title.setProperty("role", "emphasis")
        body.addWidget(self.title)
        self.control = QComboBox()
        self.control.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.control.setMinimumContentsLength(10)
        body.addWidget(self.control)
        self.options = QWidget()
        options = QVBoxLayout(self.options)
        options.setContentsMargins(0, 0, 0, 0)
        options.setSpacing(SPACE_S)
        hints = QHBoxLayout()
        hints.setSpacing(SPACE_S)
        self.hint_group = QButtonGroup(self)
        self.hint_buttons: dict[str, QPushButton] = {}
        for hint in HINTS:
            button = self.hint_buttons[hint] = QPushButton()
            button.setCheckable(True)
            button.setProperty("segment", True)
            self.hint_group.addButton(button)
            button.clicked.connect(lambda _checked=False, h=hint: setattr(vm, "control_hint", h))
            hints.addWidget(button, 1)
        options.addLayout(hints)
        row = QHBoxLayout()
        row.setSpacing(SPACE_M)
        self.strength_title = QLabel()
        row.addWidget(self.strength_title)
        self.strength = QSlider(Qt.Orientation.Horizontal)
        self.strength.setRange(0, int(MAX_CONTROL_STRENGTH * STRENGTH_STEPS))
        row.addWidget(self.strength, 1)
        self.strength_value = QLabel()
        self.strength_value.setProperty("role", "secondary")
        self.strength_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.strength_value.setMinimumWidth(self.strength_value.fontMetrics().horizontalAdvance("0.00"))
        row.addWidget(self.strength_value)
        options.addLayout(row)
        body.addWidget(self.options)

        self._fill()
        self._binding = bind(vm, "control_model", self.control, "currentData")
        bind(
            vm,
            "control_strength",
            self.strength,
            "value",
            to_widget=lambda v: round(v * STRENGTH_STEPS),
            to_model=lambda v: v / STRENGTH_STEPS,
        )
        vm.controlnets_changed.connect(self._fill)
        vm.control_model_changed.connect(self._show)
        vm.control_hint_changed.connect(self._show)
        vm.control_strength_changed.connect(self._show)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("GuidePanel", "Guide"))
        self.control.setAccessibleName(translate("GuidePanel", "ControlNet"))
        self.control.setToolTip(translate("GuidePanel", "A ControlNet keeps the SM6's shape while the style changes"))
        if self.control.count():
            self.control.setItemText(0, translate("GuidePanel", "No guide"))
        for hint, button in self.hint_buttons.items():
            label, tip = hint_words(hint)
            button.setText(label)
            button.setToolTip(tip)
        self.strength_title.setText(translate("GuidePanel", "Strength"))
        self.strength.setAccessibleName(translate("GuidePanel", "Guide strength"))
        self.strength.setToolTip(translate("GuidePanel", "How closely the result follows the guide"))

    def _fill(self, *_args) -> None:
        """The ControlNets of the model's family (ids as data), after "No guide"; the choice stays if still there."""
        self.control.blockSignals(True)
        self.control.clear()
        self.control.addItem(translate("GuidePanel", "No guide"), "")
        for model in self.vm.controlnets:
            self.control.addItem(model.label, model.id)
        self.control.blockSignals(False)
        if getattr(self, "_binding", None) is not None:
            self._binding.refresh()
        self._show()

    def _show(self, *_args) -> None:
        vm = self.vm
        installed = bool(vm.controlnets)
        if self.parentWidget() is not None or not installed:  # unparented, showing would open it as a window
            self.setVisible(installed)
        self.options.setVisible(installed and bool(vm.control_model))
        button = self.hint_buttons.get(vm.control_hint)
        if button is not None:
            button.setChecked(True)
        self.strength_value.setText(strength_text(vm.control_strength))


class GuideMissingNote(Retranslating, QLabel):
    """A row of a form: shown while no ControlNet of the chosen model's family is installed. "Models" is a link
    (`linkActivated`, which the app controller connects to Models…): our own words, never outside text."""

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setProperty("role", "caption")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        vm.controlnets_changed.connect(self._show)
        self.retranslate()

    def retranslate(self) -> None:
        # The link sits inside the sentence, so a translation can put it where its word order wants it.
        self.setText(
            translate("GuidePanel", 'Install a ControlNet to guide the shape — see <a href="#models">Models</a>')
        )
        self.setToolTip(translate("GuidePanel", "Open Models… to see and import ControlNets"))

    def words(self) -> str:
        """The sentence as a person reads it (the link's markup left out)."""
        return QTextDocumentFragment.fromHtml(self.text()).toPlainText()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show()

    def _show(self, *_args) -> None:
        show_row(self, not self.vm.controlnets)
