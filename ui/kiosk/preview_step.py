"""Step 3, Preview: the token as its owner will see it in a wallet — the picture, its name, the description and a few
traits. Nothing technical (no CID, CAR, JSON, seed or model details): the Token workspace's view-model assembles it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QScroller, QWidget

from app.token.trait_words import trait_value_words
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import words
from ui.kiosk.picture import Picture
from ui.kiosk.step_layout import nav_row, step_columns

SHOWN_TRAITS = ("Trim", "Style", "Colours", "Keep shape")  # i18n: not shown - trait ids in the token's metadata


def trait_words(trait: str) -> str:
    return {
        "Trim": translate("PreviewStep", "Trim"),
        "Style": translate("PreviewStep", "Style"),
        "Colours": translate("PreviewStep", "Colours"),
        "Keep shape": translate("PreviewStep", "Shape kept"),
    }.get(trait, trait)


class PreviewStep(Retranslating, QWidget):
    sig_back = Signal()
    sig_next = Signal(object)  # the TokenDraft to submit
    sig_failed = Signal()  # the token could not be assembled: nothing the visitor can fix

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._setup_ui()
        vm.draft_changed.connect(self._show_draft)
        vm.loading_changed.connect(self._show_state)
        vm.problem_changed.connect(self._on_problem)
        self.retranslate()

    def _setup_ui(self) -> None:
        self.picture = Picture()
        _row, side = step_columns(self, self.picture)
        self.kicker = words("small", centred=False)
        side.addWidget(self.kicker)
        self.name = words("title", centred=False)
        side.addWidget(self.name)
        self.description = words("secondary", centred=False)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()  # a long description scrolls by dragging; the traits and buttons stay in place
        scroll.setWidget(self.description)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        side.addWidget(scroll, 1)
        self.traits = QGridLayout()
        self.traits.setHorizontalSpacing(24)
        self.traits.setVerticalSpacing(8)
        self.trait_labels: list[tuple[str, QLabel, QLabel]] = []
        for row, trait in enumerate(SHOWN_TRAITS):
            name, value = words("small", centred=False), words("secondary", centred=False)
            self.traits.addWidget(name, row, 0)
            self.traits.addWidget(value, row, 1)
            self.trait_labels.append((trait, name, value))
        self.traits.setColumnStretch(1, 1)
        side.addLayout(self.traits)
        self.message = words("message", centred=False)
        side.addWidget(self.message)
        self.back, self.next = nav_row(side, self.sig_back, self._on_next)

    def _on_next(self) -> None:
        draft = self.vm.draft
        if draft is not None and draft.ready and not self.vm.loading:
            self.sig_next.emit(draft)

    def _on_problem(self, problem) -> None:
        if problem is not None:
            self.sig_failed.emit()

    def _show_draft(self, draft) -> None:
        if draft is None:
            self.picture.set_image(None)
            self.name.setText("")
            self.description.setText("")
            values = {}
        else:
            self.picture.set_image(QImage.fromData(draft.image_bytes))
            self.name.setText(str(draft.metadata.get("name", "")))
            self.description.setText(draft.description)
            values = {a.get("trait_type"): a for a in draft.metadata.get("attributes", []) if isinstance(a, dict)}
        for trait, name, value in self.trait_labels:
            known = trait in values
            name.setVisible(known)
            value.setVisible(known)
            value.setText(self._value_text(values[trait]) if known else "")
        self._show_state()

    @staticmethod
    def _value_text(attribute: dict) -> str:
        if attribute.get("display_type") == "boost_percentage":  # the token standard's "shown as a percentage"
            return translate("PreviewStep", "{percent}%").format(percent=attribute.get("value"))
        return trait_value_words(attribute.get("trait_type"), attribute.get("value"))  # the metadata stays English

    def _show_state(self, *_args) -> None:
        vm, draft = self.vm, self.vm.draft
        problems = list(draft.problems) if draft is not None else []
        self.message.setVisible(bool(problems))
        self.message.setText(" ".join(str(p) for p in problems))
        self.next.setEnabled(draft is not None and draft.ready and not vm.loading)
        self.picture.set_placeholder(translate("PreviewStep", "Preparing your token…"))

    def clear(self) -> None:
        self._show_draft(None)

    def retranslate(self) -> None:
        self.kicker.setText(translate("PreviewStep", "Your token, as it will look in your wallet"))
        for trait, name, _value in self.trait_labels:
            name.setText(trait_words(trait))
        self.back.setText(translate("PreviewStep", "Back"))
        self.next.setText(translate("PreviewStep", "Next"))
        self._show_draft(self.vm.draft)
