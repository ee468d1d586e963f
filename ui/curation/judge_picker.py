""" "Who is judging?": asked once, the first time Curation opens on this machine. A judge picks their name among the
judges already in the database (another machine added them) or types a new one; the name is kept in the settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.curation.models import Judge
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_L, SPACE_M

NAME_LIMIT = 80
CARD_WIDTH = 420


class JudgePicker(Retranslating, QFrame):
    sig_chosen = Signal(str)  # the judge's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")  # the theme's card look
        self.setFixedWidth(CARD_WIDTH)
        box = QVBoxLayout(self)
        box.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_L)
        box.setSpacing(SPACE_M)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "secondary")
        self.judges = QListWidget()
        self.judges.setMaximumHeight(160)
        self.judges.itemClicked.connect(lambda item: self.name_edit.setText(item.text()))
        self.judges.itemActivated.connect(lambda item: self.sig_chosen.emit(item.text()))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.name_edit.textChanged.connect(self._on_text)
        self.name_edit.returnPressed.connect(self._on_start)
        self.start_button = QPushButton()
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start)
        for widget in (self.title, self.hint, self.judges, self.name_edit):
            box.addWidget(widget)
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        self._on_text("")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("JudgePicker", "Who is judging?"))
        self.hint.setText(
            translate(
                "JudgePicker",
                "Your scores are kept under your name, apart from other judges'. Pick your name or type a new one.",
            )
        )
        self.name_edit.setPlaceholderText(translate("JudgePicker", "Your name"))
        self.start_button.setText(translate("JudgePicker", "Start judging"))

    def set_judges(self, judges: tuple[Judge, ...] | list[Judge]) -> None:
        self.judges.clear()
        for judge in judges:
            self.judges.addItem(QListWidgetItem(judge.name))
        self.judges.setVisible(bool(judges))

    def _on_text(self, text: str) -> None:
        self.start_button.setEnabled(bool(text.strip()))

    def _on_start(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if name:
            self.sig_chosen.emit(name)
