"""The Curation workspace (staff only): the gallery of submissions, filtered, and a full-size viewer where a judge
scores each entry from the keyboard. Other judges' work arrives live (`live_updates.py`).

It shows a CurationViewModel (`curation_vm.py`) and never queries the store on the UI thread: the gallery model, the
viewer's picture reads, the view-model's writes and the live polls all run on workers.

    view = CurationView(CurationViewModel(lambda: settings.curation, default_database_file(), save_judge=...))
    view.sig_open_settings.connect(lambda: window.show_workspace("settings"))
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.curation.models import ROUND_CLOSED, ROUND_LOCKED, AuditEntry, Submission
from app.curation.thumbnail_cache import ThumbnailCache, default_folder
from app.executors import Serial
from ui.curation.compare_view import CompareView
from ui.curation.curation_vm import ASK_JUDGE, CONNECTING, FAILED, READY, CurationViewModel
from ui.curation.entry_tile_delegate import entry_grid
from ui.curation.filter_bar import FilterBar
from ui.curation.gallery_model import GalleryModel
from ui.curation.judge_picker import JudgePicker
from ui.curation.live_updates import LiveUpdates
from ui.curation.new_round_dialog import NewRoundDialog
from ui.curation.viewer_page import ViewerPage
from ui.i18n import Retranslating, translate
from ui.tasks import deliver
from ui.theme import SPACE_L, SPACE_M, SPACE_XL
from ui.widgets.empty_state import EmptyState
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.page_title import PageHeader
from ui.widgets.status_chip import StatusChip
from ui.widgets.thumbnails import ThumbnailLoader

GALLERY, VIEWER, COMPARE = 0, 1, 2
ROUND_CHARS = 8  # the round picker's width, in characters (a longer name is shortened)


class CurationView(Retranslating, QWidget):
    sig_open_settings = Signal()
    sig_import_requested = Signal()  # Import… where no import dialog is built in yet
    sig_results_requested = Signal()

    def __init__(self, vm: CurationViewModel, parent: QWidget | None = None, *, thumbnails: Path | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.model: GalleryModel | None = None
        self.live: LiveUpdates | None = None
        self.results_page: QWidget | None = None  # made when Results is first opened
        self.loader = ThumbnailLoader(self)
        self._thumbnails = thumbnails
        self._reads = Serial("disk")
        self._dirty_listing = False  # scores given in the viewer: "not judged by me" lists fewer on return
        self._setup_ui()
        vm.phase_changed.connect(self._on_phase)
        vm.error_changed.connect(self._on_error)
        vm.rounds_changed.connect(self._show_rounds)
        vm.current_round_changed.connect(self._show_rounds)
        vm.filter_changed.connect(self._on_filter)
        vm.pending_changed.connect(self._say_saving)
        vm.judge_changed.connect(self._say_judge)
        vm.judges_changed.connect(lambda judges: self.judge_picker.set_judges(judges))
        vm.sig_verdict.connect(self._on_verdict)
        self.retranslate()
        self._on_phase(vm.phase)

    # --- layout ----------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, SPACE_L)
        outer.setSpacing(SPACE_M)
        self.header = PageHeader(lambda: translate("CurationView", "Curation"))
        self.round_box = QComboBox()
        self.round_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_box.setMinimumContentsLength(ROUND_CHARS)
        self.round_box.currentIndexChanged.connect(self._on_round_picked)
        self.state_chip = StatusChip()
        self.judge_label = QLabel()
        self.judge_label.setProperty("role", "secondary")
        self.saving_label = QLabel()
        self.saving_label.setProperty("role", "caption")
        self.new_round_button = QPushButton()
        self.new_round_button.clicked.connect(self.open_new_round)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_import)
        self.results_button = QPushButton()
        self.results_button.clicked.connect(self.open_results)
        for widget in (
            self.round_box,
            self.state_chip,
            self.judge_label,
            self.saving_label,
            self.new_round_button,
            self.import_button,
            self.results_button,
        ):
            self.header.add_widget(widget)
        outer.addWidget(self.header)
        self.error_banner = ErrorBanner()
        self.error_banner.sig_dismissed.connect(self.vm.dismiss_error)
        outer.addWidget(self.error_banner)

        self.pages = QStackedWidget()
        self.waiting_page = QWidget()  # connecting, or failed to: a quiet line and what to do
        wait_box = QVBoxLayout(self.waiting_page)
        wait_box.addStretch(1)
        self.waiting_label = QLabel()
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        wait_box.addWidget(self.waiting_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.retry_button = QPushButton()
        self.retry_button.setProperty("primary", True)
        self.retry_button.clicked.connect(self.vm.open)
        self.settings_button = QPushButton()
        self.settings_button.setProperty("flat", True)
        self.settings_button.clicked.connect(self.sig_open_settings)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        wait_box.addLayout(buttons)
        wait_box.addStretch(2)
        self.pages.addWidget(self.waiting_page)

        self.judge_page = QWidget()
        judge_box = QVBoxLayout(self.judge_page)
        self.judge_picker = JudgePicker()
        self.judge_picker.sig_chosen.connect(self.vm.choose_judge)
        judge_box.addStretch(1)
        judge_box.addWidget(self.judge_picker, 0, Qt.AlignmentFlag.AlignHCenter)
        judge_box.addStretch(2)
        self.pages.addWidget(self.judge_page)

        self.work_page = QWidget()
        work_box = QVBoxLayout(self.work_page)
        work_box.setContentsMargins(0, 0, 0, 0)
        work_box.setSpacing(SPACE_M)
        self.filter_bar = FilterBar()
        self.filter_bar.sig_changed.connect(lambda fields: self.vm.set_filter(**fields))
        work_box.addWidget(self.filter_bar)
        self.inner = QStackedWidget()
        self.grid = entry_grid()
        self.grid.sig_open_requested.connect(lambda index: self.open_viewer(index.row()))  # Enter
        self.grid.doubleClicked.connect(lambda index: self.open_viewer(index.row()))
        self.viewer_page = ViewerPage()
        self.viewer_page.sig_back.connect(self.show_gallery)
        self.viewer_page.sig_compare.connect(self._on_compare)
        self.viewer_page.sig_shown.connect(self._on_entry_shown)
        panel = self.viewer_page.panel
        panel.sig_score.connect(lambda criterion, value: self._with_entry(self.vm.score, criterion, value))
        panel.sig_verdict.connect(lambda kind: self._with_entry(self.vm.set_verdict, kind))
        panel.sig_comment.connect(lambda text: self._with_entry(self.vm.comment, text))
        panel.sig_disqualify.connect(lambda reason, note: self._with_entry(self.vm.disqualify, reason, note))
        self.compare_view = CompareView()
        self.compare_view.sig_close_requested.connect(lambda: self.inner.setCurrentIndex(VIEWER))
        self.empty = EmptyState(
            "curation",
            lambda: translate("CurationView", "No entries here"),
            lambda: translate(
                "CurationView", "No submission matches what is chosen. Import submissions, or change the filter."
            ),
            lambda: translate("CurationView", "Import…"),
        )
        self.empty.sig_primary_clicked.connect(self.open_import)
        for page in (self.grid, self.viewer_page, self.compare_view, self.empty):
            self.inner.addWidget(page)
        work_box.addWidget(self.inner, 1)
        self.pages.addWidget(self.work_page)
        outer.addWidget(self.pages, 1)

    def retranslate(self) -> None:
        self.new_round_button.setText(translate("CurationView", "New round…"))
        self.import_button.setText(translate("CurationView", "Import…"))
        self._say_results_button()
        self.retry_button.setText(translate("CurationView", "Try again"))
        self.settings_button.setText(translate("CurationView", "Open Settings"))
        self._on_phase(self.vm.phase)
        self._show_rounds()
        self._say_judge()
        self._say_saving()

    # --- state shown -------------------------------------------------------------------------------

    def _on_phase(self, phase: str = "") -> None:
        phase = self.vm.phase
        ready = phase == READY
        for widget in (self.round_box, self.state_chip, self.new_round_button, self.import_button, self.results_button):
            widget.setVisible(ready)
        if phase in (CONNECTING, FAILED):
            self.pages.setCurrentWidget(self.waiting_page)
            self.waiting_label.setText(
                translate("CurationView", "Connecting to the curation database…")
                if phase == CONNECTING
                else translate("CurationView", "The curation database could not be opened.")
            )
            self.retry_button.setVisible(phase == FAILED)
            self.settings_button.setVisible(phase == FAILED)
        elif phase == ASK_JUDGE:
            self.judge_picker.set_judges(self.vm.judges)
            self.pages.setCurrentWidget(self.judge_page)
            self.judge_picker.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif ready:
            self.pages.setCurrentWidget(self.work_page)
            self._start_work()

    def _on_error(self, error=None) -> None:
        error = self.vm.error
        if error is None:
            self.error_banner.clear()
        elif self.vm.phase == FAILED:
            self.error_banner.show_message(error[0], details=error[1], action=(self._try_again_words, self.vm.open))
        else:
            self.error_banner.show_message(error[0], details=error[1])

    @staticmethod
    def _try_again_words() -> str:
        return translate("CurationView", "Try again")

    def _show_rounds(self, *_args) -> None:
        rounds, current = self.vm.rounds, self.vm.current_round
        self.round_box.blockSignals(True)
        self.round_box.clear()
        self.round_box.addItem(translate("CurationView", "All submissions"), None)
        for rnd in rounds:
            self.round_box.addItem(rnd.name, rnd.id)  # the staff's own words
        self.round_box.setCurrentIndex(max(0, self.round_box.findData(current.id) if current else 0))
        self.round_box.blockSignals(False)
        if current is None:
            self.state_chip.hide()
        else:
            self.state_chip.setVisible(self.vm.phase == READY)
            words, variant = {
                ROUND_LOCKED: (translate("CurationView", "Locked"), "neutral"),
                ROUND_CLOSED: (translate("CurationView", "Closed"), "warning"),
            }.get(current.state, (translate("CurationView", "Open"), "success"))
            self.state_chip.set_text(words)
            self.state_chip.set_variant(variant)
        panel = self.viewer_page.panel
        if current is not None and panel.criteria() != current.criteria:
            panel.set_criteria(current.criteria)
        lock = self.vm.lock_words()
        panel.set_locked(lock is not None, lock or "")
        judge = self.vm.judge.id if self.vm.judge else None
        self.viewer_page.verify_bar.set_context(self.vm.store, self.vm.backend, judge, current)

    def _say_judge(self, *_args) -> None:
        judge = self.vm.judge
        self.judge_label.setText(
            translate("CurationView", "Judging as {name}").format(name=judge.name) if judge is not None else ""
        )

    def _say_saving(self, *_args) -> None:
        if self.vm.pending:
            self.saving_label.setText(translate("CurationView", "Saving…"))
        elif self.vm.judge is not None and self.saving_label.text():
            self.saving_label.setText(translate("CurationView", "Saved"))

    # --- the gallery --------------------------------------------------------------------------------

    def _start_work(self) -> None:
        store = self.vm.store
        if self.model is not None or store is None:
            return
        folder = self._thumbnails if self._thumbnails is not None else default_folder()
        judge = self.vm.judge.id if self.vm.judge else None
        self.model = GalleryModel(store, self.loader, ThumbnailCache(folder), self, judge_id=judge)
        self.model.sig_total_changed.connect(self.filter_bar.set_count)
        self.model.sig_total_changed.connect(self._show_empty)
        self.model.sig_error.connect(self.error_banner.show_exception)
        self.grid.setModel(self.model)
        self.viewer_page.set_source(self.model, store)
        self.live = LiveUpdates(store, self)
        self.live.sig_entries.connect(self._on_live_entries)
        self.live.sig_rounds.connect(self.vm.reload_rounds)
        self.live.start()
        deliver(self._reads.submit(store.traits), self.filter_bar.set_traits, lambda _e: None, self)
        self._show_rounds()
        self.model.load(self.vm.filter)

    def _on_filter(self, flt) -> None:
        if self.model is not None:
            self.model.judge_id = self.vm.judge.id if self.vm.judge else None
            self.model.load(flt)
            self.show_gallery()

    def _show_empty(self, total: int) -> None:
        if total == 0 and self.inner.currentWidget() is self.grid:
            self.inner.setCurrentWidget(self.empty)
        elif total and self.inner.currentWidget() is self.empty:
            self.inner.setCurrentWidget(self.grid)

    def _on_round_picked(self, _index: int) -> None:
        self.vm.choose_round(self.round_box.currentData())

    def open_viewer(self, row: int) -> None:
        if self.viewer_page.show_row(row):
            self.filter_bar.hide()  # the picture gets the room; the filter returns with the gallery
            self.inner.setCurrentWidget(self.viewer_page)
            self.viewer_page.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_gallery(self) -> None:
        if self.inner.currentWidget() in (self.grid, self.empty):
            return
        self.inner.setCurrentWidget(self.grid if self.model is None or self.model.total else self.empty)
        self.filter_bar.show()
        self._say_results_button()
        if self.model is not None and self._dirty_listing and self.vm.filter.not_judged_by is not None:
            self.model.load(self.vm.filter)  # the entries judged since leave the listing now, not under the keys
        self._dirty_listing = False
        row = self.viewer_page.row
        if self.model is not None and 0 <= row < self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(row))
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def _with_entry(self, act, *args) -> None:
        shown = self.viewer_page.submission
        if shown is not None:
            self._dirty_listing = True
            act(shown.key, *args)

    def _on_entry_shown(self, key: int) -> None:
        if self.model is not None:
            self.vm.remember(key, self.model.verdict_of(key))

    # --- changes ------------------------------------------------------------------------------------

    def _on_verdict(self, entry: int, verdict) -> None:
        """The judge's own verdict as it should look now: optimistic, or put back after a failed write."""
        if self.model is not None:
            if verdict is not None:
                self.model.entry_changed(entry, verdict)
            else:
                self.model.entry_changed(entry)
        shown = self.viewer_page.submission
        if shown is not None and shown.key == entry and not self.vm.pending:
            self.viewer_page.panel.show_verdict(verdict)

    def _on_live_entries(self, entries: list[AuditEntry]) -> None:
        model, rnd, judge, store = self.model, self.vm.current_round, self.vm.judge, self.vm.store
        if model is None or store is None:
            return
        results = self.results_page
        if results is not None and self.inner.currentWidget() is results and not results.busy:
            shown_round = results.round_id_shown()
            if any(e.round_id == shown_round for e in entries):
                results.refresh()  # another judge's scores move the standings while they are on screen
        shown = self.viewer_page.submission
        for entry in entries:
            if entry.round_id is not None and (rnd is None or entry.round_id != rnd.id):
                continue
            model.entry_changed(entry.entry)
            mine = judge is not None and entry.judge_id == judge.id
            if mine and shown is not None and shown.key == entry.entry and not self.vm.pending:
                self._reread_shown(entry.entry)  # this judge, on another machine: the panel follows

    def _reread_shown(self, key: int) -> None:
        store, rnd, judge = self.vm.store, self.vm.current_round, self.vm.judge
        if store is None or rnd is None or judge is None:
            return
        round_id = rnd.id

        def show(verdict) -> None:
            shown = self.viewer_page.submission
            if shown is not None and shown.key == key and not self.vm.pending:
                self.vm.remember(key, verdict)
                self.viewer_page.panel.show_verdict(verdict)  # keeps a half-typed comment and the focus

        deliver(self._reads.submit(lambda: store.verdict(round_id, key, judge.id)), show, lambda _e: None, self)

    # --- actions ------------------------------------------------------------------------------------

    def open_new_round(self) -> NewRoundDialog:
        dialog = NewRoundDialog(self, first=not self.vm.rounds)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_create.connect(self.vm.create_round)
        dialog.open()
        self.new_round_dialog = dialog
        return dialog

    def open_import(self) -> None:
        try:
            from ui.curation.import_dialog import ImportDialog
        except ImportError:  # built by another part of the work: until then, whoever listens opens it
            self.sig_import_requested.emit()
            return
        settings = self.vm.app_settings()
        dialog = ImportDialog(self.vm.store, self.vm.judge.id if self.vm.judge else None, settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.model.load(self.vm.filter) if self.model is not None else None)
        dialog.open()
        self.import_dialog = dialog

    def open_payouts(self, round_id: int) -> None:
        """Pay a locked round's winners from this window's wallet (app/curation/payouts.py says how it is paid once)."""
        from ui.curation.payouts_page import PayoutsPage

        judge = self.vm.judge.id if self.vm.judge else None
        dialog = PayoutsPage(self.vm.store, self.vm.chain, self.vm.app_settings(), judge, round_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.payouts_dialog = dialog

    def open_results(self) -> None:
        """The Results page (standings, advancing, winners, exports) in place of the gallery; again: back."""
        if self.inner.currentWidget() is self.results_page and self.results_page is not None:
            self.show_gallery()
            return
        store = self.vm.store
        if store is None:
            return
        if self.results_page is None:
            try:
                from ui.curation.results_page import ResultsPage
            except ImportError:  # built by another part of the work: until then, whoever listens opens it
                self.sig_results_requested.emit()
                return
            judge = self.vm.judge.id if self.vm.judge else None
            pay = self.open_payouts if self.vm.chain is not None else None
            self.results_page = ResultsPage(store, judge, self.vm.app_settings(), pay=pay)
            self.results_page.sig_rounds_changed.connect(self.vm.reload_rounds)
            self.inner.addWidget(self.results_page)
        rnd = self.vm.current_round
        self.results_page.set_round(rnd.id if rnd else None)
        self.filter_bar.hide()
        self.inner.setCurrentWidget(self.results_page)
        self._say_results_button()

    def _say_results_button(self) -> None:
        on_results = self.results_page is not None and self.inner.currentWidget() is self.results_page
        self.results_button.setText(
            translate("CurationView", "Back to the gallery") if on_results else translate("CurationView", "Results")
        )

    def _on_compare(self, submission: Submission | None) -> None:
        store = self.vm.store
        if submission is None or submission.duplicate_group is None or store is None:
            return
        group, sha = submission.duplicate_group, submission.image_sha256

        def read():
            others = [k for k in store.group_members(group) if k != submission.key]
            other = store.submission(others[0]) if others else None
            return store.image(sha), other, store.image(other.image_sha256) if other else None

        deliver(self._reads.submit(read), lambda found: self._show_compare(submission, *found), lambda _e: None, self)

    def _show_compare(self, submission: Submission, mine: bytes | None, other, theirs: bytes | None) -> None:
        if other is None or self.model is None:
            return
        self.compare_view.set_pair(mine, self.model.title_of(submission), theirs, self.model.title_of(other))
        self.inner.setCurrentWidget(self.compare_view)

    # --- closing ------------------------------------------------------------------------------------

    def close_work(self) -> None:
        """Stop polling, finish the writes, close the store (the window is closing)."""
        if self.vm.is_closed:
            return
        if self.live is not None:
            self.live.stop()
        self.filter_bar.search_timer.stop()
        self.loader.shutdown()
        self.vm.close()
