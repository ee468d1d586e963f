"""The rubric of the round, scored from the keyboard: 1–5 scores the current criterion and moves on; after the last
one the workspace shows the next entry (auto-advance).

A key press only re-checks two buttons and moves the highlight between two rows (no text changes, nothing shown or
hidden), so the panel never relays itself out while a judge types through hundreds of entries.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.curation.models import ABSTAIN, CONFLICT, DEFAULT_CRITERIA, SCORE_MAX, SCORE_MIN, SCORED, Criterion, Verdict
from ui.curation.disqualify_popover import DisqualifyPopover
from ui.curation.scoring_rows import CommentEdit, CriterionRow, panel_stylesheet
from ui.i18n import Retranslating, translate
from ui.icons import pixmap
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XS, current_theme
from ui.widgets.words import Words, said

CLEARED = 0  # sig_score's value when a judge clears a criterion's score (Backspace)
COMMENT_LIMIT = 2000
SCORE_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(SCORE_MIN, SCORE_MAX + 1)}
ADVANCE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown)


class ScoringPanel(Retranslating, QWidget):
    sig_score = Signal(str, int)  # criterion id, 1..5 (CLEARED: the score was taken back)
    sig_verdict = Signal(str)  # ABSTAIN, CONFLICT, or SCORED (an abstention or conflict taken back)
    sig_comment = Signal(str)
    sig_disqualify = Signal(str, str)  # reason (app.curation.models.DQ_REASONS), note
    sig_advance = Signal()  # show the next entry
    sig_back = Signal()  # show the previous entry

    def __init__(self, criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.rows: list[CriterionRow] = []
        self._current = 0
        self._entry: int | None = None
        self._kind = SCORED
        self._scores: dict[str, int] = {}
        # Said here but not yet seen back from the store: a verdict saved a moment ago (the echo of the first of
        # four quick keys) must not undo the keys typed since.
        self._unconfirmed: dict[str, int] = {}
        self._unconfirmed_kind: str | None = None
        self._known_comment = ""  # the comment as last saved or received: typed text differs from it
        self._locked = False
        self._lock_words: Words = ""
        self._asking_conflict = False
        self.popover: DisqualifyPopover | None = None
        self._setup_ui()
        self.set_criteria(criteria)
        self.retranslate()

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(SPACE_M)
        self.locked_note = QFrame()
        self.locked_note.setObjectName("lockedNote")
        note = QHBoxLayout(self.locked_note)
        note.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, SPACE_M)
        note.setSpacing(SPACE_M)
        self.lock_icon = QLabel()
        self.lock_icon.setPixmap(pixmap("lock", "text_secondary", 20))  # the sentence says it too: not icon alone
        note.addWidget(self.lock_icon, 0, Qt.AlignmentFlag.AlignTop)
        self.locked_label = QLabel()
        self.locked_label.setWordWrap(True)
        self.locked_label.setTextFormat(Qt.TextFormat.PlainText)
        note.addWidget(self.locked_label, 1)
        self.locked_note.hide()
        outer.addWidget(self.locked_note)

        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(SPACE_XS)
        layout.addLayout(self.rows_box)
        self.keys_label = QLabel()
        self.keys_label.setProperty("role", "caption")
        self.keys_label.setWordWrap(True)
        layout.addWidget(self.keys_label)
        self.state_label = QLabel()  # "You abstained…": follows the verdict, not the keys
        self.state_label.setWordWrap(True)
        self.state_label.hide()
        layout.addWidget(self.state_label)

        verdicts = QHBoxLayout()
        verdicts.setSpacing(SPACE_S)
        self.abstain_button = QPushButton()
        self.abstain_button.setCheckable(True)
        self.abstain_button.clicked.connect(self.toggle_abstain)
        self.conflict_button = QPushButton()
        self.conflict_button.setCheckable(True)
        self.conflict_button.clicked.connect(self._on_conflict_clicked)
        verdicts.addWidget(self.abstain_button)
        verdicts.addWidget(self.conflict_button)
        verdicts.addStretch(1)
        layout.addLayout(verdicts)

        self.confirm_line = QFrame()  # a line in the panel, not a modal dialog: the judge stays on the entry
        self.confirm_line.setObjectName("confirmLine")
        confirm_box = QVBoxLayout(self.confirm_line)
        confirm_box.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        confirm_box.setSpacing(SPACE_S)
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        confirm_box.addWidget(self.confirm_label)
        confirm = QHBoxLayout()
        confirm.setSpacing(SPACE_S)
        confirm.addStretch(1)
        confirm_box.addLayout(confirm)
        self.confirm_yes = QPushButton()
        self.confirm_yes.setProperty("primary", True)
        self.confirm_yes.clicked.connect(self.confirm_conflict)
        self.confirm_no = QPushButton()
        self.confirm_no.setProperty("flat", True)
        self.confirm_no.clicked.connect(self.cancel_conflict)
        confirm.addWidget(self.confirm_no)
        confirm.addWidget(self.confirm_yes)
        self.confirm_line.hide()
        layout.addWidget(self.confirm_line)

        self.comment_edit = CommentEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setFixedHeight(88)
        self.comment_edit.sig_save.connect(self.save_comment)
        self.comment_edit.sig_leave.connect(lambda: self.setFocus(Qt.FocusReason.OtherFocusReason))
        self.comment_edit.textChanged.connect(self._on_comment_typed)
        layout.addWidget(self.comment_edit)

        actions = QHBoxLayout()
        actions.setSpacing(SPACE_S)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self._go_back)
        self.next_button = QPushButton()
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self._go_on)
        self.disqualify_button = QPushButton()
        self.disqualify_button.setProperty("flat", True)
        self.disqualify_button.clicked.connect(self.open_disqualify)
        actions.addWidget(self.disqualify_button)
        actions.addStretch(1)
        actions.addWidget(self.back_button)
        actions.addWidget(self.next_button)
        layout.addLayout(actions)
        self.auto_advance_box = QCheckBox()
        self.auto_advance_box.setChecked(True)
        layout.addWidget(self.auto_advance_box)
        outer.addWidget(self.body)
        self._styled_for = None
        self._restyle()

    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()
        self.keys_label.setText(
            translate("ScoringPanel", "1–5 score · ← → criterion · Backspace clears · Enter next entry")
        )
        self.abstain_button.setText(translate("ScoringPanel", "Abstain (A)"))
        self.abstain_button.setToolTip(translate("ScoringPanel", "Leave this entry to the other judges (A)"))
        self.conflict_button.setText(translate("ScoringPanel", "Conflict of interest (C)"))
        self.conflict_button.setToolTip(
            translate("ScoringPanel", "You know the entrant: your scores for this entry are left out (C)")
        )
        self.confirm_label.setText(
            translate("ScoringPanel", "Declare a conflict of interest? Your scores for this entry will be left out.")
        )
        self.confirm_yes.setText(translate("ScoringPanel", "Declare"))
        self.confirm_no.setText(translate("ScoringPanel", "Cancel"))
        self.comment_edit.setPlaceholderText(
            translate("ScoringPanel", "Comment for the other judges (Ctrl+Enter saves)")
        )
        self.comment_edit.setAccessibleName(translate("ScoringPanel", "Comment"))
        self.back_button.setText(translate("ScoringPanel", "Previous"))
        self.back_button.setToolTip(translate("ScoringPanel", "The previous entry (Shift+Enter)"))
        self.next_button.setText(translate("ScoringPanel", "Next"))
        self.next_button.setToolTip(translate("ScoringPanel", "The next entry (Enter)"))
        self.disqualify_button.setText(translate("ScoringPanel", "Disqualify…"))
        self.disqualify_button.setToolTip(translate("ScoringPanel", "Disqualify this entry, with a reason (D)"))
        self.auto_advance_box.setText(translate("ScoringPanel", "Show the next entry after the last score"))
        self._show_state()
        self._show_lock()

    # --- API -----------------------------------------------------------------------------------

    def set_criteria(self, criteria: tuple[Criterion, ...]) -> None:
        """The round's rubric (a new round: built once, never per key)."""
        for row in self.rows:
            row.deleteLater()
        total = sum(c.weight for c in criteria) or 1.0
        self.rows = [CriterionRow(c, c.weight / total, self._on_button_score) for c in criteria]
        for row in self.rows:
            self.rows_box.addWidget(row)
        self._current = 0
        self._show_scores()

    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(row.criterion for row in self.rows)

    def current_criterion(self) -> Criterion | None:
        return self.rows[self._current].criterion if self.rows else None

    def set_entry(self, entry: int | None, verdict: Verdict | None = None) -> None:
        """A new entry is shown: its verdict (None: not judged yet), the first criterion not scored, its comment."""
        self._entry = entry
        self._known_comment = ""
        self.comment_edit.blockSignals(True)
        self.comment_edit.setPlainText("")
        self.comment_edit.blockSignals(False)
        self.cancel_conflict()
        self._unconfirmed, self._unconfirmed_kind = {}, None
        self._apply(verdict)
        unscored = [i for i, row in enumerate(self.rows) if row.criterion.id not in self._scores]
        self._move_to(unscored[0] if unscored else 0)

    def show_verdict(self, verdict: Verdict | None) -> None:
        """The judge's verdict for the entry shown, as stored (perhaps written on another machine): the scores and
        state follow it; a comment being typed is kept; the keyboard stays where it is."""
        if verdict is not None and verdict.entry != self._entry:
            self.set_entry(verdict.entry, verdict)
            return
        self._apply(verdict)

    def pending_comment(self) -> str | None:
        """Typed and not saved yet (the workspace saves it before moving away by other means), else None."""
        text = self.comment_edit.toPlainText().strip()
        return text if text != self._known_comment.strip() else None

    def set_locked(self, locked: bool, message: Words = "") -> None:
        """A locked or closed round: nothing can be scored, and a plain sentence says why."""
        self._locked = locked
        self._lock_words = message
        self.body.setEnabled(not locked)
        self.cancel_conflict()
        self._show_scores()
        self._show_lock()

    def is_locked(self) -> bool:
        return self._locked

    def auto_advance(self) -> bool:
        return self.auto_advance_box.isChecked()

    def set_auto_advance(self, on: bool) -> None:
        self.auto_advance_box.setChecked(on)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a scoring key; the workspace forwards keys that reach the viewer here. True when handled."""
        if self._locked:
            return False
        key, mods = event.key(), event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if self._asking_conflict:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_C, Qt.Key.Key_Y):
                self.confirm_conflict()
            elif key in (Qt.Key.Key_Escape, Qt.Key.Key_N):
                self.cancel_conflict()
            return True
        if key in SCORE_KEYS:
            self.score(SCORE_KEYS[key])
        elif key == Qt.Key.Key_Right:
            self._move_to(self._current + 1)
        elif key == Qt.Key.Key_Left:
            self._move_to(self._current - 1)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.clear_score()
        elif key == Qt.Key.Key_A:
            self.toggle_abstain()
        elif key == Qt.Key.Key_C:
            self._on_conflict_clicked()
        elif key == Qt.Key.Key_D:
            self.open_disqualify()
        elif key == Qt.Key.Key_PageUp or (key in ADVANCE_KEYS and mods & Qt.KeyboardModifier.ShiftModifier):
            self._go_back()
        elif key in ADVANCE_KEYS:
            self._go_on()
        else:
            return False
        return True

    # --- actions -------------------------------------------------------------------------------

    def score(self, value: int) -> None:
        """Score the current criterion; then the next one to score, or (the rubric complete) the next entry."""
        if self._locked or not self.rows:
            return
        was_complete = self._complete()
        self._set_score(self.rows[self._current], value)
        unscored = [i for i, r in enumerate(self.rows) if r.criterion.id not in self._scores]
        if unscored:  # the next one still to score, after this one (a skipped one comes round again)
            self._move_to(next((i for i in unscored if i > self._current), unscored[0]))
        elif was_complete and self._current + 1 < len(self.rows):  # correcting a scored entry: step along
            self._move_to(self._current + 1)
        elif self.auto_advance():  # the rubric is complete now (or the last score was corrected)
            self._go_on()

    def _complete(self) -> bool:
        return all(r.criterion.id in self._scores for r in self.rows)

    def clear_score(self) -> None:
        if self._locked or not self.rows:
            return
        row = self.rows[self._current]
        if row.criterion.id in self._scores:
            del self._scores[row.criterion.id]
            self._unconfirmed[row.criterion.id] = CLEARED
            row.show_score(CLEARED)
            self.sig_score.emit(row.criterion.id, CLEARED)

    def toggle_abstain(self) -> None:
        if self._locked:
            return
        self._set_kind(SCORED if self._kind == ABSTAIN else ABSTAIN)
        if self._kind == ABSTAIN and self.auto_advance():
            self._go_on()

    def confirm_conflict(self) -> None:
        if not self._asking_conflict:
            return
        self.cancel_conflict()
        self._set_kind(CONFLICT)
        if self.auto_advance():
            self._go_on()

    def cancel_conflict(self) -> None:
        if self._asking_conflict:
            self._asking_conflict = False
            self.confirm_line.hide()
        self.conflict_button.setChecked(self._kind == CONFLICT)

    def save_comment(self) -> None:
        text = self.comment_edit.toPlainText().strip()[:COMMENT_LIMIT]
        self._known_comment = text
        self.sig_comment.emit(text)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_disqualify(self) -> None:
        if self._locked:
            return
        self.popover = DisqualifyPopover(self)
        self.popover.sig_chosen.connect(self.sig_disqualify)
        self.popover.destroyed.connect(self._on_popover_gone)
        self.popover.open_below(self.disqualify_button)

    # --- inside --------------------------------------------------------------------------------

    def _apply(self, verdict: Verdict | None) -> None:
        kind = verdict.kind if verdict is not None else SCORED
        scores = dict(verdict.scores) if verdict is not None and kind == SCORED else {}
        if self._unconfirmed_kind is not None and kind != self._unconfirmed_kind:
            kind = self._unconfirmed_kind
        else:
            self._unconfirmed_kind = None
        for cid, value in list(self._unconfirmed.items()):
            if scores.get(cid, CLEARED) == value:
                del self._unconfirmed[cid]  # the store has it now
            elif value == CLEARED:
                scores.pop(cid, None)
            else:
                scores[cid] = value
        self._kind = kind
        self._scores = scores if kind == SCORED else {}
        comment = verdict.comment if verdict is not None else ""
        if self.pending_comment() is None and comment != self.comment_edit.toPlainText():
            self.comment_edit.blockSignals(True)  # replacing the text is not the judge typing
            self.comment_edit.setPlainText(comment)
            self.comment_edit.blockSignals(False)
        self._known_comment = comment
        self._show_scores()
        self._show_state()

    def _set_score(self, row: CriterionRow, value: int) -> None:
        self._scores[row.criterion.id] = value
        self._unconfirmed[row.criterion.id] = value
        row.show_score(value)
        if self._kind != SCORED:
            self._kind = self._unconfirmed_kind = SCORED
            self._show_state()
        self.sig_score.emit(row.criterion.id, value)

    def _set_kind(self, kind: str) -> None:
        self._kind = kind
        self._unconfirmed_kind = kind
        self._unconfirmed = {}
        if kind != SCORED:
            self._scores = {}
            self._show_scores()
        self._show_state()
        self.sig_verdict.emit(kind)

    def _move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, index))
        self.rows[self._current].set_current(False)
        self._current = index
        self.rows[index].set_current(not self._locked)  # a locked round has nothing to score next

    def _show_scores(self) -> None:
        for i, row in enumerate(self.rows):
            row.show_score(self._scores.get(row.criterion.id, CLEARED))
            row.set_current(i == self._current and not self._locked)

    def _show_state(self) -> None:
        words = {
            ABSTAIN: lambda: translate("ScoringPanel", "You abstained: this entry is left to the other judges."),
            CONFLICT: lambda: translate("ScoringPanel", "Conflict of interest declared: your scores are left out."),
        }
        self.state_label.setText(words[self._kind]() if self._kind in words else "")
        self.state_label.setVisible(self._kind in words)
        self.abstain_button.setChecked(self._kind == ABSTAIN)
        self.conflict_button.setChecked(self._kind == CONFLICT or self._asking_conflict)

    def _show_lock(self) -> None:
        self.locked_label.setText(said(self._lock_words) or translate("ScoringPanel", "This round is locked."))
        self.locked_note.setVisible(self._locked)

    def _on_button_score(self, row: CriterionRow, value: int) -> None:
        self._move_to(self.rows.index(row))
        self.score(value)

    def _on_conflict_clicked(self) -> None:
        if self._locked:
            return
        if self._kind == CONFLICT:  # taken back: no question, nothing is lost by it
            self._set_kind(SCORED)
            return
        self._asking_conflict = True
        self.confirm_line.show()
        self.conflict_button.setChecked(True)
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter or C confirms, Esc cancels

    def _on_comment_typed(self) -> None:
        if len(self.comment_edit.toPlainText()) > COMMENT_LIMIT:
            cursor = self.comment_edit.textCursor()
            self.comment_edit.setPlainText(self.comment_edit.toPlainText()[:COMMENT_LIMIT])
            cursor.setPosition(COMMENT_LIMIT)
            self.comment_edit.setTextCursor(cursor)

    def _flush_comment(self) -> None:
        if self.pending_comment() is not None:
            self.save_comment()

    def _go_on(self) -> None:
        self._flush_comment()
        self.sig_advance.emit()

    def _go_back(self) -> None:
        self._flush_comment()
        self.sig_back.emit()

    def _on_popover_gone(self, *_args) -> None:
        self.popover = None

    # --- events --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handle_key(event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next_child: bool) -> bool:
        """Tab moves between criteria while the panel has the keyboard; past the last, on to the comment."""
        if self.hasFocus() and not self._locked:
            target = self._current + (1 if next_child else -1)
            if 0 <= target < len(self.rows):
                self._move_to(target)
                return True
        return super().focusNextPrevChild(next_child)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        # Setting a style sheet sends a palette change of its own: only a new theme re-styles.
        theme = current_theme()
        if theme != self._styled_for:
            self._styled_for = theme
            self.setStyleSheet(panel_stylesheet(theme))
