"""Disqualify…: a small popover beside the scores that asks for the reason (and a note where "Other" says too
little), so a judge never disqualifies an entry by one stray key."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.curation.models import DQ_AFTER_DEADLINE, DQ_DUPLICATE, DQ_NOT_SM6, DQ_OTHER, DQ_REASONS, DQ_UNSAFE
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S, current_theme

NOTE_LIMIT = 500  # characters: a reason, not an essay (it goes into the audit log with every decision)
WIDTH = 340


def reason_label(reason: str) -> str:
    """A disqualification reason as judges read it (an unknown id, from a newer version, is shown as it is)."""
    labels = {
        DQ_DUPLICATE: lambda: translate("DisqualifyPopover", "Duplicate of another entry"),
        DQ_UNSAFE: lambda: translate("DisqualifyPopover", "Unsafe or offensive"),
        DQ_NOT_SM6: lambda: translate("DisqualifyPopover", "Not an SM6"),
        DQ_AFTER_DEADLINE: lambda: translate("DisqualifyPopover", "After the deadline"),
        DQ_OTHER: lambda: translate("DisqualifyPopover", "Other reason"),
    }
    return labels[reason]() if reason in labels else reason


class DisqualifyPopover(Retranslating, QFrame):
    sig_chosen = Signal(str, str)  # reason (one of DQ_REASONS), note

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("disqualifyPopover")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFixedWidth(WIDTH)
        self._setup_ui()
        self.retranslate()
        self._on_changed()

    def _setup_ui(self) -> None:
        theme = current_theme()
        self.setStyleSheet(
            f"QFrame#disqualifyPopover {{ background: {theme.raised}; border: 1px solid {theme.border_strong};"
            " border-radius: 12px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_L, SPACE_L, SPACE_L, SPACE_L)
        layout.setSpacing(SPACE_S)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "emphasis")
        layout.addWidget(self.title_label)
        self.group = QButtonGroup(self)
        self.reason_buttons: dict[str, QRadioButton] = {}
        for index, reason in enumerate(DQ_REASONS):
            button = QRadioButton()
            self.group.addButton(button, index)
            self.reason_buttons[reason] = button
            layout.addWidget(button)
        self.group.idToggled.connect(self._on_changed)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.textChanged.connect(self._on_changed)
        self.note_edit.returnPressed.connect(self._confirm)
        layout.addWidget(self.note_edit)
        self.hint_label = QLabel()
        self.hint_label.setProperty("role", "caption")
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        buttons.addStretch(1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.close)
        buttons.addWidget(self.cancel_button)
        self.confirm_button = QPushButton()
        self.confirm_button.setProperty("danger", True)
        self.confirm_button.clicked.connect(self._confirm)
        buttons.addWidget(self.confirm_button)
        layout.addSpacing(SPACE_S)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.title_label.setText(translate("DisqualifyPopover", "Disqualify this entry"))
        for reason, button in self.reason_buttons.items():
            button.setText(reason_label(reason))
        self.note_edit.setPlaceholderText(translate("DisqualifyPopover", "Note for the other judges"))
        self.cancel_button.setText(translate("DisqualifyPopover", "Cancel"))
        self.confirm_button.setText(translate("DisqualifyPopover", "Disqualify"))
        self._on_changed()

    def open_below(self, anchor: QWidget) -> None:
        self.adjustSize()
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height() + SPACE_S)))
        self.show()
        (self.group.checkedButton() or self.reason_buttons[DQ_DUPLICATE]).setFocus()

    def reason(self) -> str | None:
        checked = self.group.checkedId()
        return DQ_REASONS[checked] if checked >= 0 else None

    def _problem(self) -> str:
        """What is still missing, in words; empty when the choice can be made."""
        reason = self.reason()
        if reason is None:
            return translate("DisqualifyPopover", "Choose a reason.")
        if reason == DQ_OTHER and not self.note_edit.text().strip():
            return translate("DisqualifyPopover", "Say why in the note: the other judges will read it.")
        return ""

    def _on_changed(self, *_args) -> None:
        problem = self._problem()
        self.hint_label.setText(problem)
        self.hint_label.setVisible(bool(problem))
        self.confirm_button.setEnabled(not problem)

    def _confirm(self) -> None:
        if self._problem():
            return
        self.sig_chosen.emit(self.reason(), self.note_edit.text().strip())
        self.close()
