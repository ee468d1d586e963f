"""Verify for short-listed entries, beside the viewer's position: regenerate the entry from its own metadata on this
machine and say how it compared (app/curation/verify_entry.py; the check is written to the audit log).

Shown from the second round on (a long list of 14,000 is not regenerated one by one), for entries that say how they
were made, and only in a window that has a generation backend. Generating takes as long as it takes: it runs on a
thread of its own, and moving to another entry keeps the answer for the entry it was asked for."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.curation.models import Round, Submission
from app.curation.verify_entry import generation_of, verify_entry
from app.errors import UserFacingError
from app.executors import run_long
from ui.i18n import Retranslating, translate
from ui.tasks import deliver
from ui.theme import SPACE_S
from ui.widgets.error_banner import plain_words

SHORT_LIST_FROM = 2  # the round position from which entries are short-listed


class VerifyBar(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Any = None
        self.backend: Any = None
        self.judge_id: int | None = None
        self.round: Round | None = None
        self.submission: Submission | None = None
        self.running: int | None = None  # the entry being verified
        self.results: dict[int, str] = {}  # entry -> what its check found, in words
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.result = QLabel()
        self.result.setProperty("role", "secondary")
        self.button = QPushButton()
        self.button.setProperty("flat", True)
        self.button.clicked.connect(self.verify)
        layout.addWidget(self.result)
        layout.addWidget(self.button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.button.setToolTip(
            translate("VerifyBar", "Regenerate this entry from its metadata on this computer and compare the pictures")
        )
        self._show_state()

    def set_context(self, store: Any, backend: Any, judge_id: int | None, rnd: Round | None) -> None:
        self.store, self.backend, self.judge_id, self.round = store, backend, judge_id, rnd
        self._show_state()

    def show_entry(self, submission: Submission | None) -> None:
        self.submission = submission
        self._show_state()

    def verify(self) -> None:
        submission, store, backend = self.submission, self.store, self.backend
        if submission is None or store is None or backend is None or self.running is not None:
            return
        self.running = submission.key
        round_id = self.round.id if self.round is not None else None
        future = run_long("verify", verify_entry, store, backend, submission, by=self.judge_id, round_id=round_id)
        deliver(future, lambda result: self._done(submission.key, result.message), self._failed, self)
        self._show_state()

    def _done(self, key: int, words: str) -> None:
        self.running = None
        self.results[key] = words
        self._show_state()

    def _failed(self, error: BaseException) -> None:
        key, self.running = self.running, None
        if key is not None:
            self.results[key] = (
                plain_words(error)
                if isinstance(error, UserFacingError)
                else translate("VerifyBar", "The entry could not be regenerated. The details are in the log.")
            )
        self._show_state()

    def _show_state(self) -> None:
        submission, rnd = self.submission, self.round
        usable = (
            submission is not None
            and self.backend is not None
            and rnd is not None
            and rnd.position >= SHORT_LIST_FROM
            and generation_of(submission) is not None
        )
        self.setVisible(usable)
        if not usable:
            return
        busy = self.running is not None
        self.button.setEnabled(not busy)
        self.button.setText(
            translate("VerifyBar", "Verifying…")
            if busy and self.running == submission.key
            else translate("VerifyBar", "Verify")
        )
        self.result.setText(self.results.get(submission.key, ""))
