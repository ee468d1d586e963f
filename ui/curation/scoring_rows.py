"""The pieces of the scoring panel: one criterion's row of score buttons, the comment box, and their style."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.curation.models import SCORE_MAX, SCORE_MIN, Criterion
from ui.i18n import translate
from ui.theme import RADIUS_CARD, SPACE_M, SPACE_S, Theme, repolish

SCORE_BUTTON = 44  # px: tapped on a staff tablet as often as clicked


def criterion_label(criterion: Criterion) -> str:
    """The default criteria in the language shown; a staff-made one in the staff's own words."""
    defaults = {
        "sm6": lambda: translate("ScoringPanel", "True to the SM6"),
        "originality": lambda: translate("ScoringPanel", "Originality"),
        "craft": lambda: translate("ScoringPanel", "Craft"),
        "description": lambda: translate("ScoringPanel", "Description"),
    }
    return defaults[criterion.id]() if criterion.id in defaults else criterion.label


def panel_stylesheet(theme: Theme) -> str:
    r = SCORE_BUTTON // 2
    return (
        f"QFrame#criterionRow {{ border: 1px solid transparent; border-radius: {RADIUS_CARD}px; }}\n"  # i18n: not shown
        f'QFrame#criterionRow[current="true"] {{ background: {theme.raised}; border-color: {theme.accent}; }}\n'
        f"QPushButton#scoreButton {{ min-width: {SCORE_BUTTON}px; max-width: {SCORE_BUTTON}px; padding: 0;"
        f" min-height: {SCORE_BUTTON}px; max-height: {SCORE_BUTTON}px; border-radius: {r}px; font-weight: 600; }}\n"
        f"QPushButton#scoreButton:checked {{ background: {theme.accent}; color: {theme.on_accent};"
        f" border-color: {theme.accent}; }}\n"
        f"QFrame#lockedNote, QFrame#confirmLine {{ background: {theme.raised}; border: 1px solid {theme.border};"
        f" border-radius: {RADIUS_CARD}px; }}\n"
    )


class CriterionRow(QFrame):
    """One criterion: its name, its weight (small), and five score buttons."""

    def __init__(self, criterion: Criterion, share: float, on_score, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.share = share
        self.setObjectName("criterionRow")
        self.setProperty("current", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_S, SPACE_M, SPACE_M)
        layout.setSpacing(SPACE_S)
        head = QHBoxLayout()
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # staff-made labels are the staff's words
        self.name_label.setProperty("role", "emphasis")
        head.addWidget(self.name_label, 1)
        self.weight_label = QLabel()
        self.weight_label.setProperty("role", "caption")
        head.addWidget(self.weight_label)
        layout.addLayout(head)
        scores = QHBoxLayout()
        scores.setSpacing(SPACE_S)
        self.buttons: list[QPushButton] = []
        for value in range(SCORE_MIN, SCORE_MAX + 1):
            button = QPushButton(str(value))
            button.setObjectName("scoreButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the panel keeps the keyboard: 1–5 always score
            button.clicked.connect(lambda _checked=False, v=value: on_score(self, v))
            scores.addWidget(button)
            self.buttons.append(button)
        scores.addStretch(1)
        layout.addLayout(scores)
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(criterion_label(self.criterion))
        self.weight_label.setText(
            translate("ScoringPanel", "Weight {percent}%").format(percent=round(self.share * 100))
        )
        for score, button in enumerate(self.buttons, SCORE_MIN):
            button.setAccessibleName(
                translate("ScoringPanel", "{criterion}: {score} of 5").format(
                    criterion=criterion_label(self.criterion), score=score
                )
            )

    def show_score(self, value: int) -> None:
        for score, button in enumerate(self.buttons, SCORE_MIN):
            button.setChecked(score == value)

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            repolish(self)


class CommentEdit(QPlainTextEdit):
    sig_save = Signal()  # Ctrl+Enter
    sig_leave = Signal()  # Esc: back to scoring, the text kept

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.sig_save.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.sig_leave.emit()
        else:
            super().keyPressEvent(event)
