"""The Results page of the Curation workspace: how far the judges agree, the standings (ties marked, never broken
silently), advancing the top N to a new round, choosing and locking the winners, and the exports.

    page = ResultsPage(store, judge_id, settings, parent=workspace)
    page.set_round(round_id)        # None: the latest round
    page.sig_rounds_changed         # a round was created or locked: the workspace reloads its round list

Everything that reads or writes the store runs on a worker ("disk"); the page shows the answer when it comes.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.curation import ranking
from app.curation.exports import RoundResults, export_finalists_zip, export_scores_csv, round_results
from app.curation.models import ROUND_CLOSED, ROUND_LOCKED, ROUND_OPEN, SCORED, Round
from app.curation.report import write_report
from app.curation.thumbnail_cache import make_thumbnail
from app.errors import UserFacingError
from ui.curation.advance_dialog import AdvanceDialog
from ui.curation.standings_model import NAME, THUMB_SIDE, Row, StandingsModel, number
from ui.curation.winners_dialog import WinnersDialog
from ui.i18n import Retranslating, translate
from ui.tasks import run_in_background
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, repolish, tabular_font
from ui.widgets.folder_row import open_folder
from ui.widgets.save_dialog import ask_save_path
from ui.widgets.status_chip import StatusChip
from ui.widgets.words import Words, said

log = logging.getLogger(__name__)

THUMBS = 60  # rows that get a thumbnail; the rest show their name only (14,000 pictures would take minutes)
CHUNK = 500
GOOD_ALPHA, TENTATIVE_ALPHA = 0.8, 0.667
WINNERS_PER_ROW = 5


@dataclass(frozen=True)
class Loaded:
    results: RoundResults
    rounds: list[Round]
    agreement: ranking.Agreement
    judged: list[tuple[str, int]]  # (judge name, entries judged)
    rows: list[Row]
    names: dict[int, str]  # "" in a blind round


def load(store: Any, round_id: int | None) -> Loaded | None:
    """Everything the page shows for one round (None: the latest), read on a worker."""
    rounds = store.rounds()
    if not rounds:
        return None
    if round_id is None or all(r.id != round_id for r in rounds):
        round_id = max(rounds, key=lambda r: r.position).id
    results = round_results(store, round_id)
    verdicts = [v for vs in results.verdicts.values() for v in vs]
    per_judge = Counter(v.judge_id for v in verdicts if v.kind == SCORED)
    judged = [(j.name, per_judge.get(j.id, 0)) for j in results.round_judges]
    keys = [s.entry for s in results.standings]
    subs = {}
    for start in range(0, len(keys), CHUNK):
        subs.update({s.key: s for s in store.submissions(keys[start : start + CHUNK])})
    rows, names = [], {}
    for i, standing in enumerate(results.standings):
        sub = subs.get(standing.entry)
        name = "" if results.round.blind or sub is None else sub.name or Path(sub.origin).name
        names[standing.entry] = name
        thumb = None
        if sub is not None and i < THUMBS and sub.image_sha256:
            image = store.image(sub.image_sha256)
            thumb = make_thumbnail(image, THUMB_SIDE * 2) if image else None
        rows.append(
            Row(
                standing,
                name,
                thumb,
                duplicate=sub is not None and sub.duplicate_group is not None,
                disqualified=standing.entry in results.disqualified,
                winner_rank=results.winner_rank(standing.entry),
            )
        )
    agreement = ranking.agreement(verdicts, results.round.criteria)
    return Loaded(results, sorted(rounds, key=lambda r: r.position), agreement, judged, rows, names)


def agreement_text(agreement: ranking.Agreement) -> str:
    alpha = agreement.alpha
    if alpha is None:
        return translate(
            "ResultsPage", "Agreement cannot be measured yet: it needs two judges scoring the same entries."
        )
    shown = number(alpha, 2)
    if alpha >= GOOD_ALPHA:
        return translate("ResultsPage", "Judges agree well (α = {alpha})").format(alpha=shown)
    if alpha >= TENTATIVE_ALPHA:
        return translate("ResultsPage", "Judges agree only tentatively (α = {alpha})").format(alpha=shown)
    return translate("ResultsPage", "Judges agree poorly (α = {alpha}): look at the scores before advancing").format(
        alpha=shown
    )


class ResultsPage(Retranslating, QWidget):
    """Constructor: the opened CurationStore, the current judge id (who advances and locks, in the audit log), and
    the app Settings."""

    sig_rounds_changed = Signal()

    def __init__(
        self,
        store: Any,
        judge_id: int | None,
        settings: Any,
        parent: QWidget | None = None,
        *,
        pay: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.judge_id, self.settings = store, judge_id, settings
        self._pay = pay  # opens the payouts of a locked round (None: this window has no wallet to pay from)
        self.round_id: int | None = None
        self.loaded: Loaded | None = None
        self.saved_path: Path | None = None
        self.busy = False
        self._said: tuple[Words, bool] = ("", False)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        top = QHBoxLayout()
        top.setSpacing(SPACE_M)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.rounds = QComboBox()
        self.rounds.activated.connect(lambda _i: self.set_round(self.rounds.currentData()))
        self.lock_badge = StatusChip("", "success", "lock")
        top.addWidget(self.title)
        top.addWidget(self.rounds)
        top.addWidget(self.lock_badge)
        top.addStretch(1)
        layout.addLayout(top)
        self.agreement = QLabel()
        self.agreement.setProperty("role", "emphasis")
        self.judges = QLabel()
        self.judges.setWordWrap(True)
        self.judges.setProperty("role", "secondary")
        self.judges.setFont(tabular_font(self.judges.font()))
        layout.addWidget(self.agreement)
        layout.addWidget(self.judges)
        self.winners = QWidget()  # the locked result: "Winners" and a grid of "1. name", five to a row
        self.winners_grid = QGridLayout(self.winners)
        self.winners_grid.setContentsMargins(0, 0, 0, 0)
        self.winners_grid.setHorizontalSpacing(SPACE_L)
        self.winners_title = QLabel()
        self.winners_title.setProperty("role", "emphasis")
        self.winner_labels: list[QLabel] = []
        layout.addWidget(self.winners_title)
        layout.addWidget(self.winners)
        actions = QHBoxLayout()
        actions.setSpacing(SPACE_S)
        self.advance_button, self.winners_button = QPushButton(), QPushButton()
        self.csv_button, self.zip_button, self.report_button = QPushButton(), QPushButton(), QPushButton()
        self.advance_button.clicked.connect(self.advance)
        self.winners_button.clicked.connect(self.choose_winners)
        self.winners_button.setProperty("primary", True)
        self.pay_button = QPushButton()
        self.pay_button.setProperty("primary", True)
        self.pay_button.clicked.connect(self.pay)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.zip_button.clicked.connect(lambda: self.export("zip"))
        self.report_button.clicked.connect(lambda: self.export("report"))
        for button in (self.advance_button, self.winners_button, self.pay_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.csv_button, self.zip_button, self.report_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        notes = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_folder = QPushButton()
        self.show_folder.setProperty("flat", True)
        self.show_folder.clicked.connect(lambda: self.saved_path and open_folder(self.saved_path.parent, create=False))
        notes.addWidget(self.message, 1)
        notes.addWidget(self.show_folder)
        layout.addLayout(notes)
        self.model = StandingsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(THUMB_SIDE + SPACE_S)
        self.table.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(88)  # numbers get room to breathe, in either language
        layout.addWidget(self.table, 1)
        layout.addSpacing(SPACE_L // 2)

    def retranslate(self) -> None:
        self.title.setText(translate("ResultsPage", "Results"))
        self.lock_badge.set_text(translate("ResultsPage", "Locked: final"))
        self.advance_button.setText(translate("ResultsPage", "Advance top N…"))
        self.winners_button.setText(translate("ResultsPage", "Choose winners…"))
        self.pay_button.setText(translate("ResultsPage", "Pay the winners…"))
        self.csv_button.setText(translate("ResultsPage", "Export scores (CSV)…"))
        self.zip_button.setText(translate("ResultsPage", "Export finalists (ZIP)…"))
        self.report_button.setText(translate("ResultsPage", "Results report…"))
        self.show_folder.setText(translate("ResultsPage", "Show in folder"))
        words, error = self._said
        self.say(words, error, self.saved_path)
        self._show()

    def pay(self) -> None:
        shown = self.round_id_shown()
        if self._pay is not None and shown is not None:
            self._pay(shown)

    def round_id_shown(self) -> int | None:
        """The round whose results are on screen (None while nothing is loaded)."""
        return self.loaded.results.round.id if self.loaded is not None else None

    # --- loading ------------------------------------------------------------------------------------------------
    def set_round(self, round_id: int | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        store, round_id = self.store, self.round_id
        self.busy = True
        run_in_background(lambda: load(store, round_id), self._loaded, self._failed, parent=self)

    def _loaded(self, loaded: Loaded | None) -> None:
        self.busy = False
        self.loaded = loaded
        if loaded is not None:
            self.round_id = loaded.results.round.id
        self._show()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if isinstance(error, UserFacingError):
            message = error.msg
            self.say(lambda: str(message), error=True)
        else:
            log.error("a results task failed", exc_info=error)
            self.say(
                lambda: translate("ResultsPage", "That did not work because of a problem inside the app. Try again."),
                True,
            )

    def say(self, words: Words, error: bool = False, saved: Path | None = None) -> None:
        """A line under the actions; `words` (a callable or a core message) are said again when the language
        changes."""
        self._said = (words, error)
        self.saved_path = saved
        text = said(words)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("role", "error" if error else "")
        repolish(self.message)
        self.show_folder.setVisible(saved is not None)

    def _show(self) -> None:
        loaded = self.loaded
        self.rounds.clear()
        if loaded is None:
            self.agreement.setText(translate("ResultsPage", "No round yet: results appear once a round is scored."))
            for widget in (
                self.judges,
                self.winners,
                self.winners_title,
                self.lock_badge,
                self.rounds,
                self.show_folder,
            ):
                widget.setVisible(False)
            for button in (self.advance_button, self.winners_button, self.csv_button, self.zip_button):
                button.setEnabled(False)
            self.report_button.setEnabled(False)
            self.model.set_rows([])
            return
        rnd = loaded.results.round
        for r in loaded.rounds:
            self.rounds.addItem(r.name, r.id)
        self.rounds.setCurrentIndex(max(0, self.rounds.findData(rnd.id)))
        self.rounds.setVisible(True)
        self.agreement.setText(agreement_text(loaded.agreement))
        judged = [
            translate("ResultsPage", "{judge}: {count} judged").format(judge=name, count=count)
            for name, count in loaded.judged
        ]
        self.judges.setText("   ·   ".join(judged) or translate("ResultsPage", "No judge has scored this round yet."))
        self.judges.setVisible(True)
        locked = rnd.state == ROUND_LOCKED
        latest = rnd.position == max(r.position for r in loaded.rounds)
        self.lock_badge.setVisible(locked)
        winners = loaded.results.winners
        self.winners.setVisible(bool(winners))
        self.winners_title.setVisible(bool(winners))
        self.winners_title.setText(translate("ResultsPage", "Winners"))
        self._show_winners([w for w in winners])
        has_rows = bool(loaded.rows)
        self.advance_button.setEnabled(has_rows and latest and not locked)
        self.winners_button.setEnabled(has_rows and latest and not locked)
        self.winners_button.setVisible(not locked)
        self.pay_button.setVisible(locked and bool(winners) and self._pay is not None)
        for button in (self.csv_button, self.zip_button, self.report_button):
            button.setEnabled(True)
        self.model.set_rows(loaded.rows)

    def _show_winners(self, winners: list) -> None:
        for label in self.winner_labels:
            self.winners_grid.removeWidget(label)
            label.deleteLater()
        self.winner_labels = []
        for i, winner in enumerate(winners):
            label = QLabel(
                translate("ResultsPage", "{rank}. {name}").format(rank=winner.rank, name=self._name(winner.entry))
            )
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from entrants
            label.setFont(tabular_font(label.font()))
            self.winners_grid.addWidget(label, i // WINNERS_PER_ROW, i % WINNERS_PER_ROW)
            self.winner_labels.append(label)

    def winner_lines(self) -> list[str]:
        return [label.text() for label in self.winner_labels]

    def _name(self, entry: int) -> str:
        name = self.loaded.names.get(entry) if self.loaded else ""
        return name or translate("ResultsPage", "Entry {number}").format(number=entry)

    # --- advancing and winners --------------------------------------------------------------------------------
    def advance(self) -> AdvanceDialog | None:
        if self.loaded is None:
            return None
        rnd = self.loaded.results.round
        dialog = AdvanceDialog(rnd, self.loaded.results.standings, self.loaded.names, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.cut_changed = lambda: self.model.set_highlight({s.entry for s in dialog.cut.tied_at_cut})
        dialog.n.valueChanged.connect(dialog.cut_changed)
        dialog.cut_changed()
        dialog.finished.connect(lambda _r: self.model.set_highlight(set()))
        dialog.accepted.connect(
            lambda: self._create_round(rnd, dialog.round_name(), dialog.blind.isChecked(), dialog.chosen())
        )
        dialog.open()
        return dialog

    def _create_round(self, rnd: Round, name: str, blind: bool, entries: list[int]) -> None:
        store, by = self.store, self.judge_id

        def work() -> Round:
            if rnd.state == ROUND_OPEN:
                store.set_round_state(rnd.id, ROUND_CLOSED, by=by)
            return store.create_round(name, criteria=rnd.criteria, blind=blind, entries=entries, by=by)

        def done(created: Round) -> None:
            self.say(
                lambda: translate("ResultsPage", "{round} created with {count} entries.").format(
                    round=created.name, count=len(entries)
                )
            )
            self.sig_rounds_changed.emit()
            self.set_round(created.id)

        self._run(work, done)

    def choose_winners(self) -> WinnersDialog | None:
        if self.loaded is None:
            return None
        rnd = self.loaded.results.round
        dialog = WinnersDialog(self.loaded.results.standings, self.loaded.names, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._lock(rnd, dialog.winners()))
        dialog.open()
        return dialog

    def _lock(self, rnd: Round, winners: list) -> None:
        store, by = self.store, self.judge_id

        def done(_none: None) -> None:
            self.say(
                lambda: translate("ResultsPage", "The result is locked: {count} winners.").format(count=len(winners))
            )
            self.sig_rounds_changed.emit()
            self.refresh()

        def failed(error: BaseException) -> None:
            self._failed(error)
            self.refresh()  # another machine may have locked it: show its result

        self._run(lambda: store.lock_winners(rnd.id, winners, by=by), done, failed)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], failed=None) -> None:
        self.say("")
        run_in_background(work, done, failed or self._failed, parent=self)

    # --- exports ------------------------------------------------------------------------------------------------
    def export(self, what: str, path: Path | None = None) -> None:
        """Ask where (unless `path` is given), then write on a worker and say where it was saved."""
        if self.loaded is None:
            return
        rnd = self.loaded.results.round
        slug = "".join(c if c.isalnum() else "-" for c in rnd.name.lower()).strip("-") or f"round-{rnd.id}"
        asks = {
            "csv": (translate("ResultsPage", "Export scores"), f"{slug}-scores.csv", "CSV (*.csv)"),
            "zip": (translate("ResultsPage", "Export finalists"), f"{slug}-finalists.zip", "ZIP (*.zip)"),
            "report": (translate("ResultsPage", "Results report"), f"{slug}-report.html", "HTML (*.html)"),
        }
        if path is None:
            title, name, file_filter = asks[what]
            path = ask_save_path(self, title, name, file_filter)
            if path is None:
                return
        store, target = self.store, Path(path)
        writers = {
            "csv": lambda: export_scores_csv(store, rnd.id, target),
            "zip": lambda: export_finalists_zip(store, rnd.id, target),
            "report": lambda: write_report(store, rnd.id, target),
        }

        def done(_result: Any) -> None:
            self.say(lambda: translate("ResultsPage", "Saved to {file}").format(file=str(target)), saved=target)

        self._run(writers[what], done)
